"""End to end on tests/projects/views: event order (conformance 22, 23, 26), `hidden` (4),
setData callbacks (12) and keyed lists keeping component state (6)."""

from __future__ import annotations

import pytest

from simulator.automation import AutomationError


@pytest.fixture
def events(open_project):
    mp = open_project("views")
    return mp, mp.current_page()


def _names(calls: list[dict]) -> list[str]:
    return [c["name"] for c in calls]


def test_capture_then_bubble_and_catch_stops_bubbling(events):
    mp, page = events
    page.query("#c").tap()
    calls = page.call_method("take")
    # capture root → target, then bubble target → root; b's catchtap stops before a
    assert _names(calls) == ["capture-a", "capture-b", "c", "b"]
    assert all(c["type"] == "tap" and c["target"] == "c" and c["targetData"] == "c" for c in calls)
    assert [c["current"] for c in calls] == ["a", "b", "c", "b"]
    assert [c["currentData"] for c in calls] == ["a", "b", "c", "b"]


def test_capture_catch_stops_the_rest(events):
    mp, page = events
    page.query("#e").tap()
    assert _names(page.call_method("take")) == ["capture-a", "capture-catch-d"]


def test_target_is_where_the_finger_landed(events):
    mp, page = events
    page.query("#g").tap()
    calls = page.call_method("take")
    assert calls == [{"name": "f", "type": "tap", "target": "g", "targetData": None,
                      "current": "f", "currentData": None}]


def test_touch_events_are_recorded_in_traffic(events):
    mp, page = events
    page.query("#c").tap()
    handlers = [m["payload"]["handler"] for m in mp.traffic() if m["kind"] == "event"]
    assert handlers == ["onCapA", "onCapB", "onC", "onB"]


@pytest.fixture
def data_page(open_project):
    mp = open_project("views", page="pages/data/data")
    return mp, mp.current_page()


def test_hidden_keeps_the_node_but_shows_nothing(data_page):
    mp, page = data_page
    assert page.query("#shown").size()["height"] == 20
    for selector in ("#hidden", "#bare"):
        node = page.query(selector)
        assert node is not None and node.text() == selector[1:]
        assert node.style("display") == "none"
        with pytest.raises(AutomationError, match="not displayed"):
            node.size()
    assert '<view id="hidden"' in page.wxml()
    # the next sibling takes the hidden nodes' place
    assert page.query("#toggle").offset()["top"] == 20
    page.set_data({"off": True})
    assert page.query("#toggle").style("display") == "none"
    page.set_data({"off": False})
    assert page.query("#toggle").offset()["top"] == 20
    # an author `display` beats the built-in [hidden] rule, as in WeChat
    assert page.query("#flexy").style("display") == "flex"


def test_set_data_is_sync_and_its_callback_waits_for_the_view(data_page):
    mp, page = data_page
    before = mp.evaluate("""function () {
        var p = getCurrentPages().pop(); p.bump();
        return {n: p.data.n, sync: p.syncRead, callbackRan: p.seen !== undefined};
    }""")
    # evaluate() returns after settling, but the values were read before the view had the change
    assert before == {"n": 1, "sync": 1, "callbackRan": False}
    assert page.call_method("report") == {"seen": {"n": 1}, "syncRead": 1}
    assert page.query("#count").text() == "1"
    traffic = mp.traffic()
    set_data = next(m for m in traffic if m["kind"] == "setData" and m["paths"] == ["n"])
    applied = next(m for m in traffic if m["kind"] == "setDataApplied")
    assert applied["seq"] > set_data["seq"]
    assert applied["payload"]["callbacks"] == [set_data["payload"]["callback"]]
    assert set_data["applied_ms"] is not None


def _labels(page) -> list[str]:
    # page selectors do not reach into a component's own template; ask each host
    assert page.query(".counter") is None
    return [host.query(".counter").text() for host in page.query_all("counter")]


def test_keyed_reorder_moves_components_with_their_state(data_page):
    mp, page = data_page
    counters = page.query_all("counter")
    counters[0].query(".counter").tap()
    counters[0].query(".counter").tap()
    assert counters[0].data("clicks") == 2
    assert _labels(page) == ["x:2", "y:0", "z:0"]
    assert mp.evaluate("getApp().attached") == ["x", "y", "z"]

    page.set_data({"rows": [{"id": "z"}, {"id": "y"}, {"id": "x"}]})
    assert _labels(page) == ["z:0", "y:0", "x:2"]
    assert mp.evaluate("getApp().attached") == ["x", "y", "z"]
    assert mp.evaluate("getApp().detached || []") == []
    moved = page.query_all("counter")
    assert moved[2].data("clicks") == 2
    assert moved[2].node is counters[0].node  # the same view node, moved

    page.set_data({"rows": [{"id": "x"}, {"id": "w"}]})
    assert _labels(page) == ["x:2", "w:0"]
    assert sorted(mp.evaluate("getApp().detached")) == ["y", "z"]
    assert mp.evaluate("getApp().attached") == ["x", "y", "z", "w"]
