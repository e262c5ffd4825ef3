Component({ behaviors: ['wx://component-export'], export() { return { hello: 'exported' } } })
