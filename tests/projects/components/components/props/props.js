const log = (s) => getApp().log.push(s)
Component({
  properties: {
    s: String, n: Number, b: Boolean, arr: Array, obj: Object,
    itemCount: { type: Number, value: 7, observer(nv, ov) { log('itemCount:' + nv + ':' + ov) } },
    flag: { type: Boolean, observer(nv, ov) { log('flag:' + nv + ':' + ov) } },
  },
  data: { x: { y: 1, z: 2 }, arr2: [1, 2] },
  observers: {
    'x': function (x) { log('obs x:' + JSON.stringify(x)) },
    'x.**': function () { log('obs x.**') },
    's, n': function (s, n) { log('obs s,n:' + s + ',' + n) },
    'arr2.0': function (v) { log('obs arr2.0:' + v) },
    'arr2[1]': function (v) { log('obs arr2[1]:' + v) },
  },
  methods: {
    setXY() { this.setData({ 'x.y': 5 }) },
    setX() { this.setData({ x: { y: 9 } }) },
    setArr0() { this.setData({ 'arr2[0]': 3 }) },
    setArr1() { this.setData({ 'arr2.1': 4 }) },
  },
})
