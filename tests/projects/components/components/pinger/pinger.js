Component({ methods: { fire(opts) { this.triggerEvent('ping', { n: 1 }, opts) } } })
