from __future__ import annotations

import json

from test_api_fakes import make


def test_authorize_asks_once_then_remembers(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("authorize", {"scope": "scope.camera"}, 1)
    assert 1 not in ctx.results
    assert ctx.ui.permission.scope == "scope.camera" and ctx.ui.permission.text == "使用你的摄像头"
    assert ctx.ui.answer_permission(False)
    assert ctx.results[1] == ({"errMsg": "authorize:fail auth deny"}, "simulated")
    apis.invoke("authorize", {"scope": "scope.camera"}, 2)  # denied before: no dialog
    assert ctx.ui.permission is None and ctx.results[2][0] == {"errMsg": "authorize:fail auth deny"}
    apis.invoke("authorize", {"scope": "scope.record"}, 3)
    ctx.ui.answer_permission(True)
    assert ctx.results[3][0] == {"errMsg": "authorize:ok"}
    apis.invoke("getSetting", {}, 4)
    assert ctx.results[4][0]["authSetting"] == {"scope.userInfo": True, "scope.camera": False, "scope.record": True}


def test_authorize_checks_scope(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("authorize", {}, 1)
    assert ctx.results[1][0]["errMsg"] == ("authorize:fail parameter error: parameter.scope should be String "
                                           "instead of Undefined;")
    apis.invoke("authorize", {"scope": "scope.nothing"}, 2)
    assert ctx.results[2][0] == {"errMsg": "authorize:fail invalid scope"}
    apis.invoke("authorize", {"scope": "scope.userInfo"}, 3)
    assert ctx.results[3][0] == {"errMsg": "authorize:ok"} and ctx.ui.permission is None


def test_open_setting_reflects_toggles(tmp_path):
    ctx, apis = make(tmp_path)
    apis.world.set_permission("scope.userLocation", True)
    apis.invoke("openSetting", {}, 1)
    assert ctx.results[1][0] == {"authSetting": {"scope.userInfo": True, "scope.userLocation": True},
                                 "errMsg": "openSetting:ok"}
    apis.world.set_permission("scope.userLocation", None)
    apis.invoke("getSetting", {"withSubscriptions": True}, 2)
    assert ctx.results[2][0]["authSetting"] == {"scope.userInfo": True}
    assert ctx.results[2][0]["subscriptionsSetting"]["mainSwitch"] is True


def test_auth_setting_from_mock_file(tmp_path):
    (tmp_path / "wxsim.mock.json").write_text(json.dumps({"$simulate": {
        "authSetting": {"scope.userLocation": False}, "userInfo": {"nickName": "小明"}, "bogus": 1}}))
    ctx, apis = make(tmp_path)
    assert any("bogus" in d.message for d in ctx.reports)
    apis.invoke("getLocation", {}, 1)
    assert ctx.results[1][0] == {"errMsg": "getLocation:fail auth deny"}
    apis.invoke("getUserInfo", {"lang": "zh_CN"}, 2)
    res = ctx.results[2][0]
    assert res["userInfo"]["nickName"] == "小明" and res["userInfo"]["language"] == "zh_CN"
    assert json.loads(res["rawData"]) == res["userInfo"] and len(res["signature"]) == 40


def test_get_user_profile_needs_desc_and_asks_each_time(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("getUserProfile", {}, 1)
    assert ctx.results[1][0]["errMsg"] == ("getUserProfile:fail parameter error: parameter.desc should be "
                                           "String instead of Undefined;")
    apis.invoke("getUserProfile", {"desc": "x" * 31}, 2)
    assert ctx.results[2][0] == {"errMsg": "getUserProfile:fail desc length does not meet the requirements"}
    for call_id, allow in ((3, True), (4, False), (5, True)):
        apis.invoke("getUserProfile", {"desc": "用于完善会员资料"}, call_id)
        assert call_id not in ctx.results
        ctx.ui.answer_permission(allow)
    assert ctx.results[3][0]["userInfo"]["nickName"] == "微信用户"
    assert ctx.results[3][0]["userInfo"]["language"] == "en"
    assert ctx.results[4][0] == {"errMsg": "getUserProfile:fail auth deny"}
    assert ctx.results[5][0]["errMsg"] == "getUserProfile:ok"


def test_account_and_launch_options(tmp_path):
    (tmp_path / "project.config.json").write_text(json.dumps({"appid": "wx1234567890abcdef"}))
    ctx, apis = make(tmp_path)
    info = apis.sync_value("getAccountInfoSync", apis.invoke_sync("getAccountInfoSync", {}))
    assert info["miniProgram"] == {"appId": "wx1234567890abcdef", "envVersion": "develop", "version": ""}
    ctx.launch_options = {"path": "pages/a/a", "query": {"id": "3"}, "scene": 1011, "referrerInfo": {}}
    for name in ("getLaunchOptionsSync", "getEnterOptionsSync"):
        opts = apis.sync_value(name, apis.invoke_sync(name, {}))
        assert opts["path"] == "pages/a/a" and opts["query"] == {"id": "3"} and opts["scene"] == 1011
        assert opts["referrerInfo"] == {}
