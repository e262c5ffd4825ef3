Page({
  data: { num: '4.5', str: 123, obj: {}, count: 3, show: false },
  more() { this.setData({ count: 4 }) },
})
