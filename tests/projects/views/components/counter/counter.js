Component({
  properties: { label: String },
  data: { clicks: 0 },
  lifetimes: {
    attached() { getApp().attached = (getApp().attached || []).concat(this.data.label) },
    detached() { getApp().detached = (getApp().detached || []).concat(this.data.label) }
  },
  methods: {
    inc() { this.setData({ clicks: this.data.clicks + 1 }) }
  }
})
