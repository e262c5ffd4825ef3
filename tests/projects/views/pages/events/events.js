function handler(name) {
  return function (e) {
    this.calls.push({
      name,
      type: e.type,
      target: e.target.id,
      targetData: e.target.dataset.name || null,
      current: e.currentTarget.id,
      currentData: e.currentTarget.dataset.name || null
    })
  }
}

Page({
  calls: [],
  onLoad() { this.calls = [] },
  take() { return this.calls.splice(0) },
  onA: handler('a'),
  onB: handler('b'),
  onC: handler('c'),
  onD: handler('d'),
  onE: handler('e'),
  onF: handler('f'),
  onCapA: handler('capture-a'),
  onCapB: handler('capture-b'),
  onCapD: handler('capture-catch-d')
})
