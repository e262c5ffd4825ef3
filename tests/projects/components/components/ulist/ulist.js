Component({
  relations: {
    '../uitem/uitem': {
      type: 'child',
      linked(t) { getApp().log.push('list.linked:' + t.data.tag) },
      unlinked(t) { getApp().log.push('list.unlinked:' + t.data.tag) },
    },
  },
  methods: { tags() { return this.getRelationNodes('../uitem/uitem').map((n) => n.data.tag) } },
})
