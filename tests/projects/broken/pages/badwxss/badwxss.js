Page({ data: { n: 0 }, inc() { this.setData({ n: this.data.n + 1 }) } })
