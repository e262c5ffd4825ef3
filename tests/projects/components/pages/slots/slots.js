Page({ data: { more: false }, addMore() { this.setData({ more: true }) } })
