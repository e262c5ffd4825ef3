Page({
  data: {
    name: '',
    phone: '',
    note: '',
    error: ''
  },

  onLoad() {
    const saved = wx.getStorageSync('profile')
    if (saved) {
      this.setData({
        name: saved.name,
        phone: saved.phone,
        note: saved.note || ''
      })
    }
  },

  onNameInput(e) {
    this.setData({ name: e.detail.value, error: '' })
  },

  onPhoneInput(e) {
    this.setData({ phone: e.detail.value, error: '' })
  },

  onNoteInput(e) {
    this.setData({ note: e.detail.value })
  },

  // 在手机号输入框按下键盘上的“完成”时直接提交
  onPhoneConfirm() {
    this.onSubmit()
  },

  validate() {
    const name = this.data.name.trim()
    if (!name) {
      return '请填写收货人'
    }
    if (!/^1\d{10}$/.test(this.data.phone)) {
      return '手机号格式不正确'
    }
    return ''
  },

  onSubmit() {
    const error = this.validate()
    if (error) {
      this.setData({ error })
      return
    }
    wx.showModal({
      title: '确认保存',
      content: '收货人：' + this.data.name.trim() + '，手机号：' + this.data.phone,
      confirmText: '保存',
      success: (res) => {
        if (!res.confirm) {
          return
        }
        wx.setStorageSync('profile', {
          name: this.data.name.trim(),
          phone: this.data.phone,
          note: this.data.note
        })
        wx.showToast({ title: '已保存' })
        wx.navigateBack()
      }
    })
  }
})
