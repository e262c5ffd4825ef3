App({
  log: [],
  onLaunch(options) {
    this.log.push('app.onLaunch ' + options.path + ' ' + JSON.stringify(options.query) + ' ' + options.scene)
  },
  onShow(options) {
    this.log.push('app.onShow ' + options.path)
  }
})
