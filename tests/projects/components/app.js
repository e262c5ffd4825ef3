App({
  log: [],
  onLaunch(o) { this.log.push('app.onLaunch:' + o.path + ':' + JSON.stringify(o.query) + ':' + typeof o.scene) },
  onShow(o) { this.log.push('app.onShow:' + o.path) },
})
