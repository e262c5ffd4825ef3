from __future__ import annotations

import json

from test_api_fakes import make

from bridge.api import MockRules

RULES = {
    "request": [
        {"match": {"url": "https://api.example.com/items*", "method": "GET"},
         "response": {"statusCode": 200, "data": {"items": [1, 2]}}},
        {"match": {"url": "https://api.example.com/items*"}, "response": {"statusCode": 201, "data": "any"},
         "delay": 50},
        {"match": {"url": "https://api.example.com/down"}, "response": {"errMsg": "request:fail timeout"}},
    ],
    "login": [{"response": {"code": "abc"}}],
    "getLocation": [{"match": {"type": "gcj02", "extra": {"deep": 1}}, "response": {"latitude": 30, "longitude": 120}}],
}


def write(tmp_path, rules):
    (tmp_path / "wxsim.mock.json").write_text(json.dumps(rules))


def test_first_matching_rule_wins(tmp_path):
    write(tmp_path, RULES)
    ctx, apis = make(tmp_path)
    apis.invoke("request", {"url": "https://api.example.com/items?page=1"}, 1)
    res, source = ctx.results[1]
    assert source == "mock:wxsim.mock.json#0"
    assert res == {"statusCode": 200, "data": {"items": [1, 2]}, "header": {}, "cookies": [], "errMsg": "request:ok"}


def test_delay_and_second_rule(tmp_path):
    write(tmp_path, RULES)
    ctx, apis = make(tmp_path)
    apis.invoke("request", {"url": "https://api.example.com/items", "method": "POST"}, 1)
    assert 1 not in ctx.results
    ctx.advance(50)
    assert ctx.results[1][1] == "mock:wxsim.mock.json#1" and ctx.results[1][0]["statusCode"] == 201


def test_fail_form(tmp_path):
    write(tmp_path, RULES)
    ctx, apis = make(tmp_path)
    apis.invoke("request", {"url": "https://api.example.com/down"}, 1)
    assert ctx.results[1][0] == {"errMsg": "request:fail timeout"}


def test_nested_field_match_and_fallback(tmp_path):
    write(tmp_path, RULES)
    ctx, apis = make(tmp_path)
    apis.invoke("getLocation", {"type": "gcj02", "extra": {"deep": 1, "other": 2}}, 1)
    assert ctx.results[1] == ({"latitude": 30, "longitude": 120, "errMsg": "getLocation:ok"},
                              "mock:wxsim.mock.json#0")
    apis.invoke("getLocation", {"type": "wgs84"}, 2)  # unmatched: built-in behaviour (asks for the scope)
    assert 2 not in ctx.results and ctx.ui.permission.scope == "scope.userLocation"
    apis.invoke("login", {}, 3)
    assert ctx.results[3] == ({"code": "abc", "errMsg": "login:ok"}, "mock:wxsim.mock.json#0")


def test_runtime_rule_beats_file_and_can_be_removed(tmp_path):
    write(tmp_path, RULES)
    ctx, apis = make(tmp_path)
    ctx.mocks.add("login", {"code": "runtime"})
    apis.invoke("login", {}, 1)
    assert ctx.results[1] == ({"code": "runtime", "errMsg": "login:ok"}, "mock:runtime")
    ctx.mocks.remove("login")
    apis.invoke("login", {}, 2)
    assert ctx.results[2][0]["code"] == "abc"


def test_sync_mock_with_bare_value(tmp_path):
    ctx, apis = make(tmp_path)
    ctx.mocks.add("getStorageSync", "mocked")
    res = apis.invoke_sync("getStorageSync", {"key": "x"})
    assert apis.sync_value("getStorageSync", res) == "mocked"


def test_broken_file_is_reported_and_ignored(tmp_path):
    (tmp_path / "wxsim.mock.json").write_text('{"login": [\n  {"response": }\n]}')
    ctx, apis = make(tmp_path)
    assert any(d.file == "wxsim.mock.json" and d.line == 2 for d in ctx.reports)
    apis.invoke("login", {}, 1)
    assert ctx.results[1][1] == "simulated"


def test_bad_rules_are_reported():
    reports = []
    rules = MockRules(reports.append)
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "wxsim.mock.json"
        p.write_text(json.dumps({"login": [{"match": {}}], "request": {"response": 1}}))
        rules.load_file(p)
    assert len(reports) == 2 and rules.match("login", {}) is None
