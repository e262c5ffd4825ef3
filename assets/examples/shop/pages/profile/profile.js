const goods = require('../../utils/goods.js')

Page({
  data: {
    profile: null,
    cartCount: 0,
    addressCount: 0
  },

  onShow() {
    const profile = wx.getStorageSync('profile') || null
    const cartCount = goods.getCart().reduce((sum, item) => sum + item.count, 0)
    this.setData({
      profile,
      cartCount,
      addressCount: profile ? 1 : 0
    })
  },

  onClearCart() {
    wx.showModal({
      title: '清空购物车',
      content: '确定要清空购物车吗？',
      success: (res) => {
        if (res.confirm) {
          wx.removeStorageSync('cart')
          this.setData({ cartCount: 0 })
          wx.showToast({ title: '已清空', icon: 'none' })
        }
      }
    })
  }
})
