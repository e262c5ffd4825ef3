Page({
  data: { n: 0, off: false, rows: [{ id: 'x' }, { id: 'y' }, { id: 'z' }] },
  // setData callback: records this.data (already updated) and whether the view shows it
  bump() {
    this.setData({ n: this.data.n + 1 }, () => {
      this.seen = { n: this.data.n }
    })
    this.syncRead = this.data.n
  },
  report() { return { seen: this.seen, syncRead: this.syncRead } }
})
