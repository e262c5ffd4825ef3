Page({
  data: { a: 1 },
  onLoad() {
    const user = undefined
    console.log(user.name)
  }
})
