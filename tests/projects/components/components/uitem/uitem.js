Component({
  properties: { tag: String },
  relations: {
    '../ulist/ulist': {
      type: 'parent',
      linked(t) { getApp().log.push('item.linked:' + this.data.tag) },
      unlinked(t) { getApp().log.push('item.unlinked:' + this.data.tag) },
    },
  },
})
