Component({
  options: { pureDataPattern: /^_/ },
  properties: { _hidden: { type: String, value: 'p' } },
  data: { _secret: 's1', shown: 'v1' },
  methods: { change() { this.setData({ _secret: 's2', shown: 'v2' }) } },
})
