Page({
  data: { n: 0 },
  inc() { this.setData({ n: this.data.n + 1 }) },
  boom() {
    const list = null
    return list.length
  },
  spin() {
    let i = 0
    while (true) {
      i++
    }
  }
})
