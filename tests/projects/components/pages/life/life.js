Page({
  data: { show: true },
  onLoad(q) { getApp().log.push('page.onLoad') },
  onShow() { getApp().log.push('page.onShow') },
  onReady() { getApp().log.push('page.onReady') },
  onUnload() { getApp().log.push('page.onUnload') },
  toggle() { this.setData({ show: !this.data.show }) },
})
