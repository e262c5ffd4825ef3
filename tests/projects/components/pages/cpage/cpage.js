Component({ properties: { a: String, n: Number }, methods: { onLoad(q) { getApp().log.push('cpage.onLoad:' + q.a + ':' + this.data.a) } } })
