const goods = require('../../utils/goods.js')

Page({
  data: {
    list: [],
    loading: false,
    updatedText: ''
  },

  onShow() {
    // 首次进入和从详情页返回时都读一次：库存可能变了
    this.loadList()
  },

  loadList() {
    const list = goods.getGoods().map(item => ({
      ...item,
      soldOut: item.stock <= 0
    }))
    this.setData({ list })
  },

  onItemTap(e) {
    const id = e.currentTarget.dataset.id
    wx.navigateTo({
      url: '/pages/detail/detail?id=' + id
    })
  },

  onRefresh() {
    if (this.data.loading) {
      return
    }
    this.setData({ loading: true })
    wx.showLoading({ title: '刷新中' })
    wx.request({
      url: 'https://api.example.com/goods',
      method: 'GET',
      data: { page: 1 },
      success: (res) => {
        if (res.statusCode === 200 && res.data.code === 0) {
          goods.saveGoods(res.data.list)
          this.loadList()
          this.setData({ updatedText: '已更新 ' + res.data.list.length + ' 件商品' })
        } else {
          wx.showToast({ title: '刷新失败', icon: 'error' })
        }
      },
      fail: () => {
        wx.showToast({ title: '网络异常', icon: 'none' })
      },
      complete: () => {
        wx.hideLoading()
        this.setData({ loading: false })
        wx.stopPullDownRefresh()
      }
    })
  },

  onPullDownRefresh() {
    this.onRefresh()
  }
})
