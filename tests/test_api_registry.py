from __future__ import annotations

import pytest
from test_api_fakes import make

from bridge.api.registry import SyncApiError, registry


def test_unsupported_api_fails_clearly_and_warns_once(tmp_path):
    ctx, apis = make(tmp_path)
    assert "getPhoneNumber" in apis.names() and "getPhoneNumber" not in apis.implemented()
    apis.invoke("getPhoneNumber", {"timeStamp": "1"}, 1)
    apis.invoke("getPhoneNumber", {}, 2)
    assert ctx.results[1] == ({"errMsg": "getPhoneNumber:fail not supported in wxsim"}, "builtin")
    assert ctx.results[2][0] == {"errMsg": "getPhoneNumber:fail not supported in wxsim"}
    warnings = [d for d in ctx.reports if "getPhoneNumber" in d.message]
    assert len(warnings) == 1 and warnings[0].severity == "warning"
    res = apis.invoke_sync("setEnableDebug", {})  # asked synchronously: the same clear failure, thrown
    with pytest.raises(SyncApiError, match="setEnableDebug:fail not supported in wxsim"):
        apis.sync_value("setEnableDebug", res)
    assert apis.is_sync("someFutureApiSync")  # an unknown *Sync name is taken as sync


def test_names_and_sync_flags(tmp_path):
    ctx, apis = make(tmp_path)
    names = apis.names()
    for n in ("getStorageSync", "setStorage", "navigateTo", "showToast", "showModal", "request", "login",
              "getSystemInfoSync", "getWindowInfo", "canIUse"):
        assert n in names
    assert apis.is_sync("getStorageSync") and apis.is_sync("getWindowInfo") and apis.is_sync("canIUse")
    assert not apis.is_sync("getStorage") and not apis.is_sync("request")
    assert len(names) == len(set(names))


def test_every_api_cites_its_documentation():
    for name, spec in registry().items():
        assert spec.doc.startswith("https://developers.weixin.qq.com/miniprogram/dev/"), name
        assert spec.fn.__module__.startswith("bridge.api."), name


def test_can_i_use(tmp_path):
    ctx, apis = make(tmp_path)
    assert apis.sync_value("canIUse", apis.invoke_sync("canIUse", {"schema": "getStorage"})) is True
    assert apis.can_i_use("request.object.timeout") is True
    assert apis.can_i_use("getSystemInfoSync.return.safeArea") is True
    assert apis.can_i_use("getPhoneNumber") is False
    assert apis.can_i_use("openBluetoothAdapter") is False


def test_a_crashing_api_is_reported_not_raised(tmp_path):
    ctx, apis = make(tmp_path)
    ctx.device = {}  # a broken profile
    apis.invoke("getSystemInfo", {}, 1)
    assert ctx.results[1][0]["errMsg"].startswith("getSystemInfo:fail")
    assert any(d.severity == "error" and "getSystemInfo" in d.message for d in ctx.reports)


def test_non_dict_args_do_not_crash(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("navigateTo", None, 1)  # type: ignore[arg-type]
    assert ctx.results[1][0]["errMsg"] == \
        "navigateTo:fail parameter error: parameter.url should be String instead of Undefined;"
