from __future__ import annotations

import re

import pytest
from test_api_fakes import make


@pytest.mark.parametrize("name,method", [("navigateTo", "navigate_to"), ("redirectTo", "redirect_to"),
                                         ("switchTab", "switch_tab"), ("reLaunch", "relaunch")])
def test_url_apis_validate_and_delegate(tmp_path, name, method):
    ctx, apis = make(tmp_path)
    apis.invoke(name, {}, 1)
    assert ctx.results[1][0] == {"errMsg": f"{name}:fail parameter error: parameter.url should be String instead of Undefined;"}
    apis.invoke(name, {"url": 3}, 2)
    assert ctx.results[2][0]["errMsg"].endswith("parameter.url should be String instead of Number;")
    assert ctx.router.calls == []
    apis.invoke(name, {"url": "/pages/detail/detail?id=2"}, 3)
    assert ctx.router.calls == [(method, "/pages/detail/detail?id=2")]
    assert ctx.results[3][0] == {"errMsg": f"{name}:ok"}
    ctx.router.fail_with = 'page "pages/x/x" is not found'
    apis.invoke(name, {"url": "/pages/x/x"}, 4)
    assert ctx.results[4][0] == {"errMsg": f'{name}:fail page "pages/x/x" is not found'}


def test_navigate_back_delta(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("navigateBack", {}, 1)
    apis.invoke("navigateBack", {"delta": 2}, 2)
    apis.invoke("navigateBack", {"delta": 0}, 3)
    apis.invoke("navigateBack", {"delta": "3"}, 4)
    assert [c[1] for c in ctx.router.calls] == [1, 2, 1, 3]
    assert ctx.results[1][0] == {"errMsg": "navigateBack:ok"}


def test_login_is_simulated(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("login", {}, 1)
    apis.invoke("login", {}, 2)
    (r1, s1), (r2, _) = ctx.results[1], ctx.results[2]
    assert s1 == "simulated" and r1["errMsg"] == "login:ok"
    assert re.fullmatch(r"[0-9a-f]{32}", r1["code"]) and r1["code"] != r2["code"]
    apis.invoke("checkSession", {}, 3)
    assert ctx.results[3] == ({"errMsg": "checkSession:ok"}, "simulated")
