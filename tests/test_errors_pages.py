"""Broken user files give diagnostics naming file:line(:col), and the simulator stays usable.

Fixture: tests/projects/broken — one healthy page and one page per kind of mistake.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def mp(open_project):
    return open_project("broken", time_limit_s=0.5)


def _new_diagnostics(mp, before: int) -> list[str]:
    return [str(d) for d in mp.diagnostics()[before:]]


def _still_usable(mp) -> None:
    """Back on the healthy first page a tap still round-trips through the logic layer."""
    page = mp.relaunch("pages/ok/ok")
    page.query(".ok").tap()
    assert page.data("n") == 1
    assert page.query(".ok").text() == "n=1"


def _open(mp, name: str):
    before = len(mp.diagnostics())
    page = mp.navigate_to(f"pages/{name}/{name}")
    return page, _new_diagnostics(mp, before)


def test_healthy_launch_has_no_diagnostics(mp):
    assert mp.diagnostics() == []


def test_unclosed_wxml_tag(mp):
    page, diags = _open(mp, "badwxml")
    assert diags == ["pages/badwxml/badwxml.wxml:3:3: error: <text> is not closed (closed by </view>)"]
    # what could be parsed renders, and its handlers work
    page.query(".first").tap()
    assert page.data("n") == 1 and page.query(".first").text() == "n=1"
    _still_usable(mp)


def test_wxss_bad_property_and_unknown_selector(mp):
    page, diags = _open(mp, "badwxss")
    assert "pages/badwxss/badwxss.wxss:3:3: warning: unsupported property 'colr'" in diags
    assert any(d.startswith("pages/badwxss/badwxss.wxss:5:5: warning: unsupported selector") for d in diags)
    assert all(d.startswith("pages/badwxss/badwxss.wxss:") for d in diags)
    # the good declarations of the rule still apply
    assert page.query(".box").size()["height"] == 40
    _still_usable(mp)


def test_page_json_syntax_error(mp):
    page, diags = _open(mp, "badjson")
    assert diags == ["pages/badjson/badjson.json:3:3: error: invalid JSON: Expecting ',' delimiter"]
    assert page.query(".box").text() == "n=0"
    page.query(".box").tap()
    assert page.data("n") == 1
    # the navigation bar falls back to app.json's window, and the screen still paints
    assert mp.sim.current_page_config()["navigationStyle"] == "default"
    assert mp.screenshot()[:4] == b"\x89PNG"
    _still_usable(mp)


def test_js_syntax_error(mp):
    page, diags = _open(mp, "badjs")
    assert len(diags) == 1 and diags[0].startswith("pages/badjs/badjs.js:5: error: SyntaxError")
    assert page.wxml() == ""
    error = next(m for m in reversed(mp.traffic()) if m["kind"] == "error")
    assert (error["payload"]["file"], error["payload"]["line"]) == ("pages/badjs/badjs.js", 5)
    _still_usable(mp)


def test_thrown_error_in_a_handler(mp):
    page, diags = _open(mp, "handlers")
    assert diags == []
    before = len(mp.diagnostics())
    page.query(".boom").tap()
    assert _new_diagnostics(mp, before) == [
        "pages/handlers/handlers.js:6: error: TypeError: cannot read property 'length' of null"]
    error = next(m for m in reversed(mp.traffic()) if m["kind"] == "error")
    assert error["payload"]["line"] == 6 and "handlers.js:6" in error["payload"]["stack"]
    page.query(".inc").tap()
    assert page.data("n") == 1
    _still_usable(mp)


def test_infinite_loop_in_a_handler_is_interrupted(mp):
    page, _ = _open(mp, "handlers")
    before = len(mp.diagnostics())
    page.query(".spin").tap()
    diags = _new_diagnostics(mp, before)
    assert len(diags) == 1
    assert diags[0].startswith("pages/handlers/handlers.js:10: error: script ran longer than 0.5 s")
    page.query(".inc").tap()
    page.query(".inc").tap()
    assert page.data("n") == 2
    _still_usable(mp)


def test_missing_handler_warns_with_the_file(mp):
    page, _ = _open(mp, "handlers")
    before = len(mp.diagnostics())
    page.query(".none").tap()
    diags = _new_diagnostics(mp, before)
    assert len(diags) == 1 and diags[0].startswith("pages/handlers/handlers.js: warning:")
    assert "noSuchHandler" in diags[0]
