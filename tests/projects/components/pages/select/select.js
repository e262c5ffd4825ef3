Page({
  data: { items: [1, 2, 3], cls: 'a' },
  one(sel) { const c = this.selectComponent(sel); return c ? (c.data ? c.data.tag : c) : null },
  all(sel) { return this.selectAllComponents(sel).map((c) => c.data.tag) },
  owner() { const inner = this.selectComponent('#o').selectComponent('.inner-c'); return inner.selectOwnerComponent().data.tag },
  reorder() { this.setData({ items: [3, 1, 2] }) },
  swapClass() { this.setData({ cls: 'b' }) },
})
