"""requestSubscribeMessage, screen brightness and keep-on, reportAnalytics, getExtConfig(Sync),
navigateToMiniProgram / navigateBackMiniProgram / exitMiniProgram through a running mini program."""

from __future__ import annotations

import json

from api_calls import CALLS_JS, call_sources, results
from miniprogram import write_project
from simulator import launch


def project(tmp_path, simulate: dict | None = None, files: dict | None = None):
    root = write_project(tmp_path / "p", {"pages/a/a": {"wxml": "<view>a</view>", "js": CALLS_JS}}, files=files)
    (root / "project.config.json").write_text(json.dumps({"appid": "wxabc"}))
    if simulate is not None:
        (root / "wxsim.mock.json").write_text(json.dumps({"$simulate": simulate}))
    return root


def test_request_subscribe_message(tmp_path):
    with launch(project(tmp_path, {"subscribeMessage": {"T2": "reject", "T3": "ban"}}), storage=tmp_path / "s") as mp:
        page = mp.current_page()
        page.call_method("cb", "requestSubscribeMessage", {"tmplIds": ["T1", "T2", "T3"]})
        page.call_method("promise", "requestSubscribeMessage", {"tmplIds": ["T4"]})
        mp.wait_idle()
        assert results(page) == [
            ["success", {"T1": "accept", "T2": "reject", "T3": "ban", "errMsg": "requestSubscribeMessage:ok"}],
            ["complete"], ["then", {"T4": "accept", "errMsg": "requestSubscribeMessage:ok"}]]
        assert call_sources(mp, "requestSubscribeMessage") == ["simulated", "simulated"]
        assert mp.sim.apis.world.records[0] == {"api": "requestSubscribeMessage", "args": {"tmplIds": ["T1", "T2", "T3"]},
                                                "result": {"T1": "accept", "T2": "reject", "T3": "ban"}}
        for args in ({}, {"tmplIds": []}, {"tmplIds": "T1"}, {"tmplIds": ["T1", 2]},
                     {"tmplIds": ["A", "B", "C", "D", "E", "F"]}):
            page.call_method("promise", "requestSubscribeMessage", args)
        mp.wait_idle()
        assert [(e["errCode"], e["errMsg"]) for _, e in results(page)] == [
            (10001, "requestSubscribeMessage:fail TmplIds can't be empty"),
            (10001, "requestSubscribeMessage:fail TmplIds can't be empty"),
            (10004, "requestSubscribeMessage:fail Invalid template id"),
            (10004, "requestSubscribeMessage:fail Invalid template id"),
            (20003, "requestSubscribeMessage:fail Templates count out of max bounds"),
        ]


def test_screen_brightness_and_keep_on(tmp_path):
    with launch(project(tmp_path, {"screen": {"brightness": 0.3}}), storage=tmp_path / "s") as mp:
        page = mp.current_page()
        page.call_method("promise", "getScreenBrightness", {})
        page.call_method("cb", "setScreenBrightness", {"value": 0.9})
        page.call_method("promise", "getScreenBrightness", {})
        page.call_method("promise", "setScreenBrightness", {"value": 7})
        page.call_method("promise", "getScreenBrightness", {})
        page.call_method("promise", "setKeepScreenOn", {"keepScreenOn": True})
        mp.wait_idle()
        assert results(page) == [
            ["then", {"value": 0.3, "errMsg": "getScreenBrightness:ok"}],
            ["success", {"errMsg": "setScreenBrightness:ok"}], ["complete"],
            ["then", {"value": 0.9, "errMsg": "getScreenBrightness:ok"}],
            ["then", {"errMsg": "setScreenBrightness:ok"}],
            ["then", {"value": 1.0, "errMsg": "getScreenBrightness:ok"}],  # clamped to 0–1
            ["then", {"errMsg": "setKeepScreenOn:ok"}]]
        assert mp.sim.apis.world.settings["screen"]["keepScreenOn"] is True
        assert call_sources(mp, "setKeepScreenOn") == ["simulated"]
        page.call_method("promise", "setScreenBrightness", {})
        page.call_method("promise", "setKeepScreenOn", {"keepScreenOn": 1})
        mp.wait_idle()
        assert [e["errMsg"] for _, e in results(page)] == [
            "setScreenBrightness:fail parameter error: parameter.value should be Number instead of Undefined;",
            "setKeepScreenOn:fail parameter error: parameter.keepScreenOn should be Boolean instead of Number;"]


def test_android_brightness_minus_one_follows_the_system(tmp_path):
    from bridge.api.devices import load_devices

    android = next(name for name, d in load_devices().items() if d.get("platform") == "android")
    with launch(project(tmp_path), device=android, storage=tmp_path / "s") as mp:
        mp.call_wx_method("setScreenBrightness", {"value": 0.1})
        mp.call_wx_method("setScreenBrightness", {"value": -1})
        assert mp.call_wx_method("getScreenBrightness", {})["value"] == 0.5


def test_report_analytics_is_recorded(tmp_path):
    with launch(project(tmp_path), storage=tmp_path / "s") as mp:
        page = mp.current_page()
        page.call_method("sync", "reportAnalytics", ["purchase", {"price": 120, "color": "red"}])
        mp.wait_idle()
        assert results(page) == [["return", None]]
        assert mp.sim.apis.world.records == [{"api": "reportAnalytics",
                                              "args": {"eventName": "purchase", "data": {"price": 120, "color": "red"}}}]


def test_ext_config_from_ext_json(tmp_path):
    ext = {"extEnable": True, "extAppid": "wxext", "ext": {"shopId": 7, "theme": {"color": "#f00"}}}
    with launch(project(tmp_path, files={"ext.json": json.dumps(ext)}), storage=tmp_path / "s") as mp:
        page = mp.current_page()
        page.call_method("sync", "getExtConfigSync", [])
        page.call_method("cb", "getExtConfig", {})
        page.call_method("promise", "getExtConfig", {})
        mp.wait_idle()
        assert results(page) == [["return", ext["ext"]],
                                 ["success", {"extConfig": ext["ext"], "errMsg": "getExtConfig:ok"}], ["complete"],
                                 ["then", {"extConfig": ext["ext"], "errMsg": "getExtConfig:ok"}]]
        (mp.sim.project.root / "ext.json").write_text(json.dumps({**ext, "extEnable": False}))
        assert mp.call_wx_method("getExtConfigSync") == {}  # extEnable false: no ext data
        (mp.sim.project.root / "ext.json").write_text('{"extEnable": true,\n "ext": }')
        assert mp.call_wx_method("getExtConfig", {})["extConfig"] == {}
        assert any(d.file == "ext.json" and d.line == 2 for d in mp.sim.diagnostics)


def test_ext_config_without_ext_json(tmp_path):
    with launch(project(tmp_path), storage=tmp_path / "s") as mp:
        assert mp.call_wx_method("getExtConfigSync") == {}


def test_leaving_for_other_mini_programs(tmp_path):
    with launch(project(tmp_path), storage=tmp_path / "s") as mp:
        page = mp.current_page()
        page.call_method("cb", "navigateToMiniProgram", {"appId": "wxother", "path": "pages/x?id=1",
                                                         "extraData": {"from": "a"}, "envVersion": "trial"})
        page.call_method("promise", "navigateBackMiniProgram", {"extraData": {"done": True}})
        page.call_method("promise", "exitMiniProgram", {})
        mp.wait_idle()
        assert results(page) == [
            ["success", {"errMsg": "navigateToMiniProgram:ok"}], ["complete"],
            ["catch", {"errMsg": "navigateBackMiniProgram:fail not opened by another mini program"}],
            ["then", {"errMsg": "exitMiniProgram:ok"}]]
        assert mp.sim.apis.world.records == [
            {"api": "navigateToMiniProgram", "outcome": "ok",
             "args": {"appId": "wxother", "path": "pages/x?id=1", "extraData": {"from": "a"}, "envVersion": "trial"}},
            {"api": "navigateBackMiniProgram", "args": {"extraData": {"done": True}},
             "outcome": "not opened by another mini program"},
            {"api": "exitMiniProgram", "args": {}, "outcome": "ok"}]
        assert all(call_sources(mp, n) == ["simulated"]
                   for n in ("navigateToMiniProgram", "navigateBackMiniProgram", "exitMiniProgram"))
        for args in ({}, {"appId": "wx1", "envVersion": "beta"}, {"appId": "wx1", "extraData": "x"}):
            page.call_method("promise", "navigateToMiniProgram", args)
        mp.wait_idle()
        assert [e["errMsg"] for _, e in results(page)] == [
            "navigateToMiniProgram:fail parameter error: parameter.appId should be String instead of Undefined;",
            "navigateToMiniProgram:fail invalid envVersion: 'beta' (develop, trial or release)",
            "navigateToMiniProgram:fail parameter error: parameter.extraData should be Object instead of String;"]


def test_mini_program_outcomes_are_configurable(tmp_path):
    simulate = {"miniProgram": {"navigateTo": "cancel", "navigateBack": "ok", "exit": "system busy"}}
    with launch(project(tmp_path, simulate), storage=tmp_path / "s") as mp:
        assert mp.call_wx_method("navigateToMiniProgram", {"shortLink": "#小程序://x/y"}) == {
            "errMsg": "navigateToMiniProgram:fail cancel"}  # the user declined WeChat's confirm
        assert mp.call_wx_method("navigateBackMiniProgram", {}) == {"errMsg": "navigateBackMiniProgram:ok"}
        assert mp.call_wx_method("exitMiniProgram", {}) == {"errMsg": "exitMiniProgram:fail system busy"}


def test_navigate_back_after_a_launch_from_another_mini_program(tmp_path):
    from simulator.runtime import Simulator

    sim = Simulator(project(tmp_path), storage_dir=tmp_path / "s")
    sim.start(scene=1037)
    sim.wait_idle()
    sim.apis.invoke("navigateBackMiniProgram", {}, 99)
    sim.wait_idle()
    answers = [m for m in sim.bridge.recorder.export() if m["kind"] == "callback"
               and (m.get("payload") or {}).get("callId") == 99]
    assert answers[0]["payload"]["result"] == {"errMsg": "navigateBackMiniProgram:ok"}
    sim.close()
