Component({
  properties: { tag: String },
  lifetimes: {
    created() { getApp().log.push('outer.created') },
    attached() { getApp().log.push('outer.attached:' + this.data.tag); this.setData({ seen: 'yes' }) },
    ready() { getApp().log.push('outer.ready') },
    detached() { getApp().log.push('outer.detached') },
  },
  pageLifetimes: { show() { getApp().log.push('outer.pageShow') } },
})
