"""Qt-free devtools models: traffic diff and audits, report export, console, data paths."""

from __future__ import annotations

import json

from simulator.devtools.audit import SETDATA_PER_SECOND, Auditor, tree_size
from simulator.devtools.console import evaluate
from simulator.devtools.datapath import parse_path, path_text, set_path
from simulator.devtools.report import build_report, export_session
from simulator.devtools.session import DevtoolsSession
from simulator.devtools.traffic import TrafficLog


def _rec(seq, kind, payload, t=0.0, target=None, size=None):
    text = json.dumps(payload)
    return {"seq": seq, "time": t, "direction": "logic→view", "kind": kind, "target": target,
            "bytes": size if size is not None else len(text), "_payload": text}


def _log_with_page():
    log = TrafficLog()
    log.feed(_rec(1, "lifecycle", {"event": "pageLoad", "pageId": "p1", "route": "pages/a/a"}))
    log.feed(_rec(2, "instanceInit", {"instanceId": "p1", "data": {"n": 1, "list": [{"x": 1}]}}, target="p1"))
    return log


def test_devtools_setdata_diff_against_previous_data():
    log = _log_with_page()
    row = log.feed(_rec(3, "setData", {"instanceId": "p1", "changes": [[["list", 0, "x"], 2], [["n"], 1]]},
                        target="p1"))
    assert row.changed_paths == ["list[0].x"]
    assert [c.old for c in row.changes] == [1, 1]
    assert row.target_label == "p1 pages/a/a"
    assert not any(f.rule == "setdata-noop" for f in row.findings)
    again = log.feed(_rec(4, "setData", {"instanceId": "p1", "changes": [[["list", 0, "x"], 2]]}, target="p1"))
    assert [f.rule for f in again.findings] == ["setdata-noop"]
    # true is not 1 in JavaScript
    typed = log.feed(_rec(5, "setData", {"instanceId": "p1", "changes": [[["n"], True]]}, target="p1"))
    assert typed.changed_paths == ["n"]


def test_devtools_setdata_size_and_rate_rules():
    log = _log_with_page()
    big = log.feed(_rec(3, "setData", {"instanceId": "p1", "changes": [[["n"], 5]]}, target="p1", size=300 * 1024))
    huge = log.feed(_rec(4, "setData", {"instanceId": "p1", "changes": [[["n"], 6]]}, t=1.0, target="p1",
                         size=1024 * 1024 + 1))
    assert [(f.severity, f.rule) for f in big.findings] == [("warning", "setdata-size")]
    assert [(f.severity, f.rule) for f in huge.findings] == [("error", "setdata-limit")]
    rates = []
    for i in range(SETDATA_PER_SECOND + 5):
        row = log.feed(_rec(10 + i, "setData", {"instanceId": "p1", "changes": [[["n"], 100 + i]]},
                            t=2000.0 + i * 10, target="p1"))
        rates += [f for f in row.findings if f.rule == "setdata-rate"]
    assert len(rates) == 1 and rates[0].seq == 10 + SETDATA_PER_SECOND  # the 21st call within a second
    # spread over time: no finding
    slow = TrafficLog()
    slow.feed(_rec(1, "lifecycle", {"event": "pageLoad", "pageId": "p1", "route": "r"}))
    found = [f for i in range(40) for f in slow.feed(_rec(2 + i, "setData", {"instanceId": "p1", "changes": []},
                                                          t=i * 100.0, target="p1")).findings]
    assert found == []


def test_devtools_page_rules_nodes_and_depth():
    class N:
        def __init__(self, children=(), text=None):
            self.children, self.text = list(children), text

    deep = N()
    for _ in range(35):
        deep = N([deep, N(text="t")])
    assert tree_size(deep) == (36, 36)
    wide = N([N() for _ in range(1200)])
    auditor = Auditor()
    assert [f.rule for f in auditor.check_page("p1", "r", deep)] == ["wxml-depth"]
    assert [f.rule for f in auditor.check_page("p2", "r", wide)] == ["wxml-nodes"]
    assert auditor.check_page("p2", "r", wide) == []  # once per page


def test_devtools_report_json_and_html(tmp_path):
    log = _log_with_page()
    log.feed(_rec(3, "setData", {"instanceId": "p1", "changes": [[["n"], "<b>x</b>"]]}, target="p1",
                  size=2 * 1024 * 1024))
    report = build_report(log, "demo", "iPhone")
    assert report["summary"]["error"] == 1 and report["summary"]["messages"] == 3
    j = export_session(log, tmp_path / "r.json")
    data = json.loads(j.read_text(encoding="utf-8"))
    assert [r["seq"] for r in data["traffic"]] == [1, 2, 3]
    assert data["findings"][0]["rule"] == "setdata-limit" and data["traffic"][2]["changedPaths"] == ["n"]
    h = export_session(log, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "setdata-limit" in h and "p1 pages/a/a" in h and "&lt;b&gt;x&lt;/b&gt;" in h
    assert "<b>x</b>" not in h and "http" not in h.split("<body>")[0]  # self-contained head


def test_devtools_data_paths_round_trip():
    assert path_text(["a", 0, "b"]) == "a[0].b" and parse_path("a[0].b") == ["a", 0, "b"]
    data: dict = {}
    set_path(data, ["list", 1, "x"], 3)
    assert data == {"list": [None, {"x": 3}]}


def test_devtools_session_on_shop(shop):
    sim = shop.sim
    session = DevtoolsSession(sim)
    assert any(e.text.startswith("小店启动") for e in session.console.entries)
    assert any(r.kind == "setData" and r.changed_paths == ["list"] for r in session.traffic.rows)
    assert evaluate(sim, "getCurrentPages().length").text == "1"
    assert evaluate(sim, "getApp() ? 'app' : 'none'").text == '"app"'
    err = evaluate(sim, "nope()")
    assert err.level == "error" and "nope" in err.text
    before = len(session.traffic.rows)
    shop.evaluate("getCurrentPages()[0].setData({probe: 1})")
    shop.wait_idle()
    assert len(session.traffic.rows) > before
    session.detach()
    shop.evaluate("getCurrentPages()[0].setData({probe: 2})")
    shop.wait_idle()
    assert session.traffic.rows[-1].changes[0].new == 1
