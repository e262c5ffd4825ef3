"""The Qt-free hot-reload core: file kinds, debounce, URLs of the reopened stack, failed loads."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bridge.diagnostics import Diagnostic  # noqa: E402
from renderer.layout.text import ApproxMeasurer  # noqa: E402
from scroll_project import write_project  # noqa: E402
from simulator.reload import Debouncer, ErrorLog, ReloadSession, _url, classify, strongest  # noqa: E402


def test_classify_and_strongest():
    assert classify("pages/a/a.wxss") == "style"
    assert classify("pages/a/a.wxml") == "template"
    assert classify("utils/fmt.wxs") == "template"
    assert classify("pages/a/a.js") == "script"
    assert classify("app.json") == "script"
    assert classify("images/logo.png") is None
    assert classify("node_modules/x/index.js") is None
    assert classify("pages/a/.a.wxss.swp") is None
    assert strongest({"style", "template"}) == "template"
    assert strongest({"style", "script"}) == "script"
    assert strongest(set()) is None


def test_debounce_waits_for_quiet():
    now = [0.0]
    d = Debouncer(100, clock=lambda: now[0])
    d.add("a.wxss")
    now[0] = 60
    d.add("b.wxml")
    now[0] = 150
    assert d.take() is None  # only 90 ms since the last change
    now[0] = 161
    assert d.take() == {"a.wxss", "b.wxml"}
    assert d.take() is None


def test_url_rebuilds_live_queries():
    assert _url(None, None) is None
    assert _url("pages/a/a?x=1", None) == "pages/a/a?x=1"
    assert _url("pages/a/a", {}) == "/pages/a/a"
    assert _url("pages/a/a", {"q": "a b", "n": "2"}) == "/pages/a/a?q=a+b&n=2"


def test_error_log_keeps_errors_only():
    log = ErrorLog(echo=False)
    log.add(Diagnostic("warning", "w"))
    log.add(Diagnostic("error", "e", "a.js", 1, 2))
    log.add(Diagnostic("error", "e", "a.js", 1, 2))
    assert [d.message for d in log.visible()] == ["e"]
    log.dismiss()
    assert log.visible() == []
    log.add(Diagnostic("error", "f"))
    assert len(log.visible()) == 2


def test_failed_relaunch_keeps_the_running_program(tmp_path):
    root = write_project(tmp_path / "proj")
    s = ReloadSession(root, storage_dir=tmp_path / "st", echo=False, measurer=ApproxMeasurer())
    first = s.sim
    good = (root / "app.json").read_text()
    (root / "app.json").write_text("{ nope")
    assert s.apply({"app.json"}) is False
    assert s.sim is first and s.errors.errors and s.errors.errors[0].file == "app.json"
    (root / "app.json").write_text(good)
    assert s.apply({"app.json"}) is True
    assert s.sim is not first and s.errors.errors == [] and s.generation == 2
    s.sim.close()


def test_wxss_only_change_does_not_relaunch(tmp_path):
    root = write_project(tmp_path / "proj")
    s = ReloadSession(root, storage_dir=tmp_path / "st", echo=False, measurer=ApproxMeasurer())
    sim = s.sim
    (root / "pages/index/index.wxss").write_text(".box { height: 90px; }")
    assert s.apply({"pages/index/index.wxss", "README.md"}) is False
    assert s.sim is sim
    box = next(n for n in sim.current_view().elements() if n.id == "top").box
    assert box.height == 90
    sim.close()
