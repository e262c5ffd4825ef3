// 商品数据的读写都集中在这里，页面只管展示
const GOODS_KEY = 'goods'
const CART_KEY = 'cart'

const DEFAULT_GOODS = [
  { id: 1, name: '云南小粒咖啡豆', price: 68, desc: '中度烘焙，坚果与焦糖风味', stock: 12 },
  { id: 2, name: '手冲滤杯套装', price: 129, desc: '陶瓷滤杯 + 分享壶 + 滤纸', stock: 5 },
  { id: 3, name: '冷萃咖啡液', price: 45, desc: '12 小时低温萃取，开盖即饮', stock: 30 },
  { id: 4, name: '燕麦奶 1L', price: 19.9, desc: '咖啡师专用，奶泡细腻', stock: 0 }
]

function seedGoods() {
  const saved = wx.getStorageSync(GOODS_KEY)
  if (!saved) {
    wx.setStorageSync(GOODS_KEY, DEFAULT_GOODS)
  }
}

function getGoods() {
  return wx.getStorageSync(GOODS_KEY) || []
}

function saveGoods(list) {
  wx.setStorageSync(GOODS_KEY, list)
}

function findGoods(id) {
  return getGoods().find(item => item.id === Number(id))
}

function getCart() {
  return wx.getStorageSync(CART_KEY) || []
}

function addToCart(id, count) {
  const cart = getCart()
  const line = cart.find(item => item.id === id)
  if (line) {
    line.count += count
  } else {
    cart.push({ id, count })
  }
  wx.setStorageSync(CART_KEY, cart)
  return cart.reduce((sum, item) => sum + item.count, 0)
}

module.exports = {
  seedGoods,
  getGoods,
  saveGoods,
  findGoods,
  getCart,
  addToCart
}
