// 数量加减器：value 由父组件传入，改变时通过 change 事件通知父组件
Component({
  properties: {
    value: {
      type: Number,
      value: 1
    },
    min: {
      type: Number,
      value: 1
    },
    max: {
      type: Number,
      value: 99
    }
  },

  methods: {
    onMinus() {
      this.update(this.data.value - 1)
    },

    onPlus() {
      this.update(this.data.value + 1)
    },

    update(next) {
      if (next < this.data.min || next > this.data.max) {
        return
      }
      this.setData({ value: next })
      this.triggerEvent('change', { value: next })
    }
  }
})
