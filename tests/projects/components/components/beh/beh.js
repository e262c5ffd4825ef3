const log = (s) => getApp().log.push(s)
const base = Behavior({
  data: { cfg: { a: 1, deep: { p: 1, q: 1 } }, name: 'base' },
  lifetimes: { attached() { log('base.attached') } },
  created() { log('base.created') },
  methods: { who() { return 'base' } },
})
const left = Behavior({ behaviors: [base], data: { cfg: { deep: { q: 2 } }, name: 'left' }, attached() { log('left.attached') } })
const right = Behavior({ behaviors: [base], data: { cfg: { b: 2 } }, attached() { log('right.attached') },
  methods: { who() { return 'right' } } })
Component({
  behaviors: [left, right],
  data: { name: 'own' },
  created() { log('top.created') },
  lifetimes: { created() { log('own.created') }, attached() { log('own.attached') } },
  methods: { check() { return [this.hasBehavior(base), this.hasBehavior(left), this.who()] } },
})
