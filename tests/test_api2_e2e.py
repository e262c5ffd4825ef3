"""The simulated APIs through a running mini program: permission dialog, events, launch options."""

from __future__ import annotations

import json

import pytest

from bridge.api.geo import wgs84_to_gcj02
from simulator import launch


@pytest.fixture
def mp(tmp_path):
    (tmp_path / "project.config.json").write_text(json.dumps({"appid": "wxabc"}))
    (tmp_path / "app.json").write_text(json.dumps({"pages": ["pages/a/a"]}))
    (tmp_path / "app.js").write_text("App({})")
    page = tmp_path / "pages" / "a"
    page.mkdir(parents=True)
    (page / "a.wxml").write_text("<view>{{log}}</view>")
    (page / "a.js").write_text(
        "Page({data: {log: []},\n"
        "  add(x) { this.setData({log: this.data.log.concat([x])}) },\n"
        "  onLoad() { this.onMove = r => this.add('move ' + r.latitude);\n"
        "    wx.onLocationChange(this.onMove);\n"
        "    wx.onNetworkStatusChange(r => this.add('net ' + r.networkType)) },\n"
        "  locate() { wx.getLocation({success: r => this.add('at ' + r.latitude), fail: e => this.add(e.errMsg)}) },\n"
        "  follow() { wx.startLocationUpdate({success: () => this.add('following')}) },\n"
        "  unfollow() { wx.offLocationChange(this.onMove) },\n"
        "  pay() { wx.requestPayment({timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1', paySign: 's',\n"
        "          success: () => this.add('paid'), fail: e => this.add(e.errMsg)}) } })\n")
    with launch(tmp_path, storage=tmp_path / "storage") as program:
        yield program


def test_permission_flow_and_location_events(mp):
    page = mp.current_page()
    world = mp.sim.apis.world
    page.call_method("locate")
    mp.wait_idle()  # the pending dialog does not keep the program busy
    assert mp.sim.ui.permission.scope == "scope.userLocation"
    mp.sim.ui.answer_permission(True)
    mp.wait_idle()
    assert page.data("log") == ["at 39.908692"]
    page.call_method("follow")
    mp.wait_idle()
    world.set_location(latitude=48.0, longitude=2.0)  # outside China: no GCJ-02 offset
    mp.wait_idle()
    first = round(wgs84_to_gcj02(39.908692, 116.397477)[0], 6)
    assert page.data("log")[1:] == ["following", f"move {first}", "move 48"]
    page.call_method("unfollow")
    world.set_location(latitude=49.0)
    world.set("networkType", "4g")
    mp.wait_idle()
    assert page.data("log")[-1] == "net 4g" and "move 49" not in page.data("log")


def test_payment_answered_by_automation(mp):
    page = mp.current_page()
    page.call_method("pay")
    mp.wait_idle()
    assert mp.sim.ui.payment.amount == "0.01"
    mp.sim.ui.answer_payment("cancel")
    mp.wait_idle()
    assert page.data("log") == ["requestPayment:fail cancel"]


def test_launch_and_account_info(mp):
    opts = mp.call_wx_method("getLaunchOptionsSync")
    assert opts["path"] == "pages/a/a" and opts["scene"] == 1001
    assert mp.call_wx_method("getAccountInfoSync")["miniProgram"]["appId"] == "wxabc"
    assert mp.call_wx_method("getNetworkType", {})["networkType"] == "wifi"
