function push(text) {
  getApp().log.push(text)
}

Component({
  properties: { label: String },
  lifetimes: {
    attached() { push(this.data.label + '.probe.attached') },
    ready() { push(this.data.label + '.probe.ready') },
    detached() { push(this.data.label + '.probe.detached') }
  },
  pageLifetimes: {
    show() { push(this.data.label + '.probe.show') },
    hide() { push(this.data.label + '.probe.hide') }
  }
})
