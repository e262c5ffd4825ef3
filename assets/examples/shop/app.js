const goods = require('./utils/goods.js')

App({
  globalData: {
    launchedAt: 0
  },

  onLaunch(options) {
    // 第一次打开时写入示例商品
    goods.seedGoods()
    this.globalData.launchedAt = Date.now()
    console.log('小店启动', options.path)
  }
})
