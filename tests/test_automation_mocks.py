"""mock_wx_method / restore_wx_method through the automation API (DESIGN.md contract)."""

from __future__ import annotations

import json

import pytest

from simulator import launch


@pytest.fixture
def mp(tmp_path):
    (tmp_path / "app.json").write_text(json.dumps({"pages": ["pages/a/a"]}))
    (tmp_path / "app.js").write_text("App({})")
    page = tmp_path / "pages" / "a"
    page.mkdir(parents=True)
    (page / "a.wxml").write_text("<view>{{where}}</view>")
    (page / "a.js").write_text(
        "Page({data: {where: ''},\n"
        "  locate() { wx.getLocation({success: r => this.setData({where: r.latitude + ',' + r.longitude}),\n"
        "                            fail: e => this.setData({where: e.errMsg})}) },\n"
        "  async locateAsync() { try { const r = await wx.getLocation(); this.setData({where: 'p' + r.latitude}) }\n"
        "                        catch (e) { this.setData({where: 'p ' + e.errMsg}) } },\n"
        "  readKey() { this.setData({where: String(wx.getStorageSync('k'))}) } })\n")
    with launch(tmp_path, storage=tmp_path / "storage") as program:
        yield program


def test_result_mock_goes_to_success_and_fail_mock_to_fail(mp):
    page = mp.current_page()
    mp.mock_wx_method("getLocation", result={"latitude": 1.5, "longitude": 2})
    page.call_method("locate")
    assert page.data("where") == "1.5,2"
    mp.mock_wx_method("getLocation", result={"errMsg": "getLocation:fail auth deny"})
    page.call_method("locate")
    assert page.data("where") == "getLocation:fail auth deny"
    page.call_method("locateAsync")
    assert page.data("where") == "p getLocation:fail auth deny"
    callbacks = [r for r in mp.traffic() if r["kind"] == "callback" and r.get("source") == "mock:runtime"]
    assert len(callbacks) == 3


def test_function_mock_gets_arguments_and_is_recorded(mp):
    page = mp.current_page()
    mp.mock_wx_method("getLocation", fn="function (opts) { return {latitude: 7, longitude: opts.type === 'gcj02' ? 8 : 9} }")
    page.call_method("locateAsync")
    assert page.data("where") == "p7"
    mp.mock_wx_method("getStorageSync", fn="key => 'mocked ' + key")
    page.call_method("readKey")
    assert page.data("where") == "mocked k"
    recorded = [r["payload"] for r in mp.traffic() if r["kind"] == "invoke" and r["payload"].get("mockedBy")]
    assert [p["name"] for p in recorded] == ["getLocation", "getStorageSync"]
    assert recorded[1]["result"] == "mocked k"
    mp.restore_wx_method("getStorageSync")
    page.call_method("readKey")
    assert page.data("where") == ""  # the real storage has no key 'k'
