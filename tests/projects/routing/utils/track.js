// Page options that record each lifecycle hook in getApp().log as "<name>.<hook>".
function push(text) {
  getApp().log.push(text)
}

module.exports = function track(name) {
  return {
    data: { name },
    onLoad(query) { push(name + '.onLoad ' + JSON.stringify(query)) },
    onShow() { push(name + '.onShow') },
    onReady() { push(name + '.onReady') },
    onHide() { push(name + '.onHide') },
    onUnload() { push(name + '.onUnload') }
  }
}
