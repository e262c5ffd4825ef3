"""Conformance fact 24: triggerEvent options bubbles / composed / capturePhase across
component boundaries (page > emitter > pinger).

Docs: 组件间通信与事件, "触发事件" (triggerEvent options: bubbles, composed, capturePhase,
all false by default), developers.weixin.qq.com/miniprogram/dev/framework/custom-component/events.html."""

from __future__ import annotations

import pytest


@pytest.fixture
def pinger(open_project):
    mp = open_project("components", page="pages/events/events")
    page = mp.current_page()
    mp.evaluate("(getApp().log.length = 0, 0)")
    return mp, page, page.query("#em").query("#pg")


def _fire(mp, pg, opts) -> list[str]:
    mp.evaluate("(getApp().log.length = 0, 0)")
    pg.call_method("fire", opts)
    return mp.evaluate("getApp().log")


def test_fact24_defaults_reach_only_the_host_listener(pinger):
    mp, page, pg = pinger
    assert _fire(mp, pg, {}) == ["innerView:pg<pg"]


def test_fact24_bubbles_stays_inside_the_owner_tree(pinger):
    mp, page, pg = pinger
    assert _fire(mp, pg, {"bubbles": True}) == ["innerView:pg<pg", "innerView:ev<pg"]


def test_fact24_bubbles_composed_crosses_into_the_page(pinger):
    mp, page, pg = pinger
    log = _fire(mp, pg, {"bubbles": True, "composed": True})
    assert log == ["innerView:pg<pg", "innerView:ev<pg", 'em:em<em:{"n":1}', 'pageView:pv<em:{"n":1}']


def test_fact24_capture_phase_runs_first(pinger):
    mp, page, pg = pinger
    log = _fire(mp, pg, {"bubbles": True, "composed": True, "capturePhase": True})
    assert log[0] == 'capture:pv<em:{"n":1}'
    assert log[1:] == ["innerView:pg<pg", "innerView:ev<pg", 'em:em<em:{"n":1}', 'pageView:pv<em:{"n":1}']
    assert _fire(mp, pg, {"bubbles": True, "composed": True})[0] != 'capture:pv<em:{"n":1}'
