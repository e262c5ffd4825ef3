"""The share menu state (wx.showShareMenu / hideShareMenu / updateShareMenu) and the simulated
update check behind wx.getUpdateManager, through a running mini program."""

from __future__ import annotations

import json

from api_calls import CALLS_JS, call_sources, results
from miniprogram import write_project
from simulator import launch

# the boilerplate real apps' app.js runs on launch
UPDATE_APP_JS = """
App({
  globalData: {events: []},
  onLaunch() {
    const manager = wx.getUpdateManager();
    this.globalData.same = manager === wx.getUpdateManager();
    manager.onCheckForUpdate(res => this.globalData.events.push(['check', res]));
    manager.onUpdateReady(() => { this.globalData.events.push(['ready']); manager.applyUpdate() });
    manager.onUpdateFailed(() => this.globalData.events.push(['failed']));
  },
})
"""


def project(tmp_path, simulate: dict | None = None, app_js: str = "App({})"):
    root = write_project(tmp_path / "p", {"pages/a/a": {"wxml": "<view>a</view>", "js": CALLS_JS},
                                          "pages/b/b": {"wxml": "<view>b</view>", "js": CALLS_JS}}, app_js=app_js)
    (root / "project.config.json").write_text(json.dumps({"appid": "wxabc"}))
    if simulate is not None:
        (root / "wxsim.mock.json").write_text(json.dumps({"$simulate": simulate}))
    return root


def test_share_menu_state_per_page(tmp_path):
    with launch(project(tmp_path), storage=tmp_path / "s") as mp:
        page = mp.current_page()
        page.call_method("cb", "showShareMenu", {"withShareTicket": True, "menus": ["shareAppMessage", "shareTimeline"]})
        mp.wait_idle()
        assert results(page) == [["success", {"errMsg": "showShareMenu:ok"}], ["complete"]]
        menu = mp.sim.apis.share_menus[mp.sim.current_page_id()]
        assert menu.menus == {"shareAppMessage", "shareTimeline"} and menu.with_share_ticket is True

        page.call_method("promise", "updateShareMenu", {"isUpdatableMessage": True, "activityId": "act1",
                                                        "templateInfo": {"parameterList": []}})
        page.call_method("promise", "hideShareMenu", {"menus": ["shareTimeline"]})
        mp.wait_idle()
        assert results(page) == [["then", {"errMsg": "updateShareMenu:ok"}], ["then", {"errMsg": "hideShareMenu:ok"}]]
        assert menu.menus == {"shareAppMessage"}
        assert menu.properties == {"isUpdatableMessage": True, "activityId": "act1", "templateInfo": {"parameterList": []}}
        page.call_method("promise", "hideShareMenu", {})  # default: both
        mp.wait_idle()
        assert menu.menus == set()
        assert call_sources(mp, "hideShareMenu") == ["builtin", "builtin"]

        other = mp.navigate_to("pages/b/b")  # another page has its own menu: "发送给朋友" by default
        other.call_method("promise", "showShareMenu", {"menus": ["shareTimeline"]})
        mp.wait_idle()
        assert mp.sim.apis.share_menus[mp.sim.current_page_id()].menus == {"shareAppMessage", "shareTimeline"}
        other.call_method("promise", "hideShareMenu", {"menus": ["shareAppMessage"]})  # takes the timeline too
        other.call_method("promise", "showShareMenu", {"menus": ["shareTimeline"]})  # needs "发送给朋友"
        mp.wait_idle()
        assert [e["errMsg"] for _, e in results(other)] == ["showShareMenu:ok", "hideShareMenu:ok", "showShareMenu:ok"]
        assert mp.sim.apis.share_menus[mp.sim.current_page_id()].menus == set()
        assert any("shareTimeline shows only together with shareAppMessage" in d.message for d in mp.sim.diagnostics)
        assert menu.menus == set()


def test_share_menu_parameter_errors(tmp_path):
    with launch(project(tmp_path), storage=tmp_path / "s") as mp:
        page = mp.current_page()
        page.call_method("promise", "showShareMenu", {"menus": "shareTimeline"})
        page.call_method("promise", "showShareMenu", {"withShareTicket": "yes"})
        page.call_method("promise", "updateShareMenu", {"activityId": 3})
        mp.wait_idle()
        assert [e["errMsg"] for _, e in results(page)] == [
            "showShareMenu:fail parameter error: parameter.menus should be Array instead of String;",
            "showShareMenu:fail parameter error: parameter.withShareTicket should be Boolean instead of String;",
            "updateShareMenu:fail parameter error: parameter.activityId should be String instead of Number;",
        ]


def test_update_check_finds_nothing_by_default(tmp_path):
    with launch(project(tmp_path, app_js=UPDATE_APP_JS), storage=tmp_path / "s") as mp:
        data = mp.evaluate("getApp().globalData")
        assert data["same"] is True
        assert data["events"] == [["check", {"hasUpdate": False}]]
        assert call_sources(mp, "UpdateManager.checkForUpdate") == ["simulated"]
        sync = [m for m in mp.traffic() if m["kind"] == "invoke" and m["payload"].get("name") == "getUpdateManager"]
        assert len(sync) == 2 and all(m["payload"]["sync"] for m in sync)


def test_update_ready_then_apply_restarts_on_the_launch_page(tmp_path):
    root = project(tmp_path, {"update": {"hasUpdate": True}}, app_js=UPDATE_APP_JS)
    with launch(root, page="pages/b/b?x=1", storage=tmp_path / "s") as mp:
        assert mp.evaluate("getApp().globalData.events") == [["check", {"hasUpdate": True}], ["ready"]]
        assert [r for r in mp.sim.apis.world.records if r["api"] == "applyUpdate"] == [{"api": "applyUpdate", "args": {}}]
        page = mp.current_page()
        assert (page.path, page.query, mp.sim.current_page_id()) == ("pages/b/b", {"x": "1"}, "p2")  # reopened
        assert mp.sim.apis.world.settings["update"]["hasUpdate"] is False  # the new version runs now
        assert call_sources(mp, "UpdateManager.applyUpdate") == ["simulated"]


def test_update_download_failed(tmp_path):
    root = project(tmp_path, {"update": {"hasUpdate": True, "download": "failed"}}, app_js=UPDATE_APP_JS)
    with launch(root, storage=tmp_path / "s") as mp:
        assert mp.evaluate("getApp().globalData.events") == [["check", {"hasUpdate": True}], ["failed"]]
        assert mp.sim.current_page_id() == "p1"


def test_update_check_answered_by_a_mock_rule(tmp_path):
    root = project(tmp_path, app_js=UPDATE_APP_JS)
    (root / "wxsim.mock.json").write_text(json.dumps(
        {"UpdateManager.checkForUpdate": [{"response": {"hasUpdate": True, "updateReady": False}}]}))
    with launch(root, storage=tmp_path / "s") as mp:
        assert mp.evaluate("getApp().globalData.events") == [["check", {"hasUpdate": True}], ["failed"]]
        assert call_sources(mp, "UpdateManager.checkForUpdate") == ["mock:wxsim.mock.json#0"]


def test_apply_update_before_a_ready_update_fails_quietly(tmp_path):
    with launch(project(tmp_path), storage=tmp_path / "s") as mp:
        mp.evaluate("function () { wx.getUpdateManager().applyUpdate() }")
        mp.wait_idle()
        answers = [m["payload"]["result"] for m in mp.traffic() if m["kind"] == "callback"
                   and "result" in (m.get("payload") or {})]
        assert {"errMsg": "applyUpdate:fail update is not ready"} in answers
        assert mp.sim.apis.world.records == []
