Component({
  properties: { tag: String },
  lifetimes: {
    created() { getApp().log.push('leaf.created') },
    attached() { getApp().log.push('leaf.attached:' + this.data.tag); this.setData({ seen: 'yes' }) },
    ready() { getApp().log.push('leaf.ready') },
    detached() { getApp().log.push('leaf.detached') },
  },
  pageLifetimes: { show() { getApp().log.push('leaf.pageShow') } },
})
