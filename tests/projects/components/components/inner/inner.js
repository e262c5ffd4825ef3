Component({
  properties: { tag: String },
  lifetimes: {
    created() { getApp().log.push('inner.created') },
    attached() { getApp().log.push('inner.attached:' + this.data.tag); this.setData({ seen: 'yes' }) },
    ready() { getApp().log.push('inner.ready') },
    detached() { getApp().log.push('inner.detached') },
  },
  pageLifetimes: { show() { getApp().log.push('inner.pageShow') } },
})
