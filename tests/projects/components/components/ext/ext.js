Component({ externalClasses: ['my-class'], options: { styleIsolation: 'isolated' } })
