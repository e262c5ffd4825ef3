const goods = require('../../utils/goods.js')

Page({
  data: {
    item: null,
    count: 1,
    total: 0
  },

  onLoad(query) {
    const item = goods.findGoods(query.id)
    if (!item) {
      wx.showToast({ title: '商品不存在', icon: 'none' })
      return
    }
    wx.setNavigationBarTitle({ title: item.name })
    this.setData({
      item,
      count: item.stock > 0 ? 1 : 0,
      total: item.stock > 0 ? item.price : 0
    })
  },

  onCountChange(e) {
    const count = e.detail.value
    this.setData({
      count,
      total: Math.round(count * this.data.item.price * 100) / 100
    })
  },

  onAddCart() {
    const { item, count } = this.data
    if (!item || count <= 0) {
      wx.showToast({ title: '暂时无货', icon: 'none' })
      return
    }
    const inCart = goods.addToCart(item.id, count)
    wx.showToast({
      title: '已加入购物车',
      icon: 'success'
    })
    this.setData({ inCart })
  }
})
