"""One user journey through the simulated outside world, asserting page data at each step:
log in, ask for location and be denied, allow it in the settings page, then pay and cancel,
then pay and succeed (WeChat docs: wx.login, wx.authorize / 授权, wx.getLocation, wx.openSetting,
wx.requestPayment)."""

from __future__ import annotations

import json

from simulator import launch

PAGE_JS = """
Page({
  data: {code: '', where: '', paid: ''},
  login() { wx.login({success: r => this.setData({code: r.code})}) },
  locate() {
    wx.getLocation({type: 'gcj02',
      success: r => this.setData({where: r.latitude.toFixed(2) + ',' + r.longitude.toFixed(2)}),
      fail: e => this.setData({where: e.errMsg})})
  },
  settings() { wx.openSetting({success: r => this.setData({where: 'granted ' + r.authSetting['scope.userLocation']})}) },
  pay() {
    wx.requestPayment({timeStamp: '1700000000', nonceStr: 'abc', package: 'prepay_id=wx123', signType: 'MD5',
      paySign: 'sig', success: r => this.setData({paid: r.errMsg}), fail: e => this.setData({paid: e.errMsg})})
  }
})
"""


def test_login_location_denied_then_allowed_payment_cancelled_then_paid(tmp_path):
    (tmp_path / "app.json").write_text(json.dumps({"pages": ["pages/shop/shop"]}))
    (tmp_path / "app.js").write_text("App({})")
    page_dir = tmp_path / "pages" / "shop"
    page_dir.mkdir(parents=True)
    (page_dir / "shop.wxml").write_text("<view>{{code}} {{where}} {{paid}}</view>")
    (page_dir / "shop.js").write_text(PAGE_JS)
    (tmp_path / "wxsim.mock.json").write_text(json.dumps({"login": [{"response": {"code": "code-42"}}]}))
    with launch(tmp_path, storage=tmp_path / "storage") as mp:
        page, ui = mp.current_page(), mp.sim.ui

        page.call_method("login")
        assert page.data("code") == "code-42"

        page.call_method("locate")
        assert ui.permission is not None and ui.permission.scope == "scope.userLocation"
        ui.answer_permission(False)
        mp.wait_idle()
        assert page.data("where") == "getLocation:fail auth deny"
        page.call_method("locate")  # asked once: the refusal is remembered, no second dialog
        assert ui.permission is None and page.data("where") == "getLocation:fail auth deny"

        mp.sim.apis.world.set_permission("scope.userLocation", True)  # the user allows it in settings
        page.call_method("settings")
        assert page.data("where") == "granted true"
        page.call_method("locate")
        assert page.data("where").count(",") == 1 and not page.data("where").startswith("getLocation")

        page.call_method("pay")
        ui.answer_payment("cancel")
        mp.wait_idle()
        assert page.data("paid") == "requestPayment:fail cancel"
        page.call_method("pay")
        ui.answer_payment("success")
        mp.wait_idle()
        assert page.data("paid") == "requestPayment:ok"

        sources = [r.get("source") for r in mp.traffic() if r["kind"] == "callback" and not r["payload"].get("sync")]
        assert "mock:wxsim.mock.json#0" in sources and "simulated" in sources
