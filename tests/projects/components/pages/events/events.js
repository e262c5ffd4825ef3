const rec = (name) => function (e) { getApp().log.push(name + ':' + e.currentTarget.id + '<' + e.target.id + ':' + JSON.stringify(e.detail)) }
Page({ onPageView: rec('pageView'), onEm: rec('em'), onCapture: rec('capture') })
