Page({
  data: { list: [1, 2] },
  change() { this.setData({ list: [2, 3, 4] }) },
  tags() { return this.selectComponent('#ul').tags() },
})
