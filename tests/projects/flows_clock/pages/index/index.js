Page({
  data: { stamp: 0, rnd: 0, done: false, name: '', items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], pressed: 0, seen: '' },
  onLoad() {
    this.setData({ stamp: Date.now(), rnd: Math.random(), seen: wx.getStorageSync('seen') || 'nobody' })
  },
  onStart() {
    setTimeout(() => this.setData({ done: true, stamp: Date.now() }), 2000)
  },
  onName(e) { this.setData({ name: e.detail.value }) },
  onPress() { this.setData({ pressed: this.data.pressed + 1 }) },
  onItem(e) { this.setData({ picked: e.currentTarget.dataset.n }) }
})
