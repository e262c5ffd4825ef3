Component({ methods: { onInnerView(e) { getApp().log.push('innerView:' + e.currentTarget.id + '<' + e.target.id) } } })
