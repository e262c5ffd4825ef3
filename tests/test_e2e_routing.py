"""End to end: the page stack and lifecycle order (conformance 19, 21, 32) on tests/projects/routing."""

from __future__ import annotations

import pytest

from simulator.automation import AutomationError


@pytest.fixture
def mp(open_project):
    return open_project("routing", page="pages/home/home?x=1")


def log(mp) -> list[str]:
    """The lifecycle log the fixture's pages and components keep in getApp().log, then cleared."""
    return mp.evaluate("getApp().log.splice(0)")


def test_launch_order_app_then_components_then_page(mp):
    assert log(mp) == [
        'app.onLaunch pages/home/home {"x":"1"} 1001', "app.onShow pages/home/home",
        "home.probe.attached", 'home.onLoad {"x":"1"}', "home.probe.show", "home.onShow",
        "home.probe.ready", "home.onReady",
    ]


def test_navigate_to_hides_and_navigate_back_unloads(mp):
    log(mp)
    page = mp.navigate_to("pages/a/a?k=v")
    assert page.path == "pages/a/a" and page.query == {"k": "v"}
    assert log(mp) == ["home.probe.hide", "home.onHide", "a.probe.attached", 'a.onLoad {"k":"v"}',
                       "a.probe.show", "a.onShow", "a.probe.ready", "a.onReady"]
    back = mp.navigate_back()
    assert back.path == "pages/home/home"
    assert log(mp) == ["a.probe.detached", "a.onUnload", "home.probe.show", "home.onShow"]
    with pytest.raises(AutomationError, match="cannot navigate back"):
        mp.navigate_back()


def test_redirect_replaces_the_top(mp):
    mp.navigate_to("pages/a/a")
    log(mp)
    page = mp.redirect_to("/pages/b/b?q=1")
    assert [p.path for p in mp.page_stack()] == ["pages/home/home", "pages/b/b"]
    assert page.query == {"q": "1"}
    assert log(mp) == ["a.probe.detached", "a.onUnload", "b.probe.attached", 'b.onLoad {"q":"1"}',
                       "b.probe.show", "b.onShow", "b.probe.ready", "b.onReady"]
    with pytest.raises(AutomationError, match="tabbar"):
        mp.redirect_to("pages/other/other")


def test_stack_holds_ten_pages_then_navigate_to_fails(mp):
    for i in range(9):
        mp.navigate_to(f"pages/a/a?n={i}")
    assert len(mp.page_stack()) == 10
    with pytest.raises(AutomationError, match="limit"):
        mp.navigate_to("pages/b/b")
    assert len(mp.page_stack()) == 10
    assert mp.current_page().query == {"n": "8"}
    # from user code the failure reaches `fail` with WeChat's errMsg
    res = mp.call_wx_method("navigateTo", {"url": "/pages/b/b"})
    assert res["errMsg"].startswith("navigateTo:fail")
    back = mp.navigate_back(3)
    assert back.query == {"n": "5"} and len(mp.page_stack()) == 7


def test_switch_tab_closes_non_tab_pages_and_keeps_tabs_alive(mp):
    home_id = mp.current_page().page_id
    mp.navigate_to("pages/a/a")
    mp.navigate_to("pages/b/b")
    log(mp)
    other = mp.switch_tab("pages/other/other")
    assert [p.path for p in mp.page_stack()] == ["pages/other/other"]
    entries = log(mp)
    assert entries[:4] == ["b.probe.detached", "b.onUnload", "a.probe.detached", "a.onUnload"]
    assert "home.onUnload" not in entries and entries[-1] == "other.onReady"
    home = mp.switch_tab("pages/home/home")
    assert home.page_id == home_id
    assert log(mp) == ["other.probe.hide", "other.onHide", "home.probe.show", "home.onShow"]
    assert other.page_id != home_id
    with pytest.raises(AutomationError, match="tabbar"):
        mp.navigate_to("pages/other/other")
    with pytest.raises(AutomationError, match="no-tabBar"):
        mp.switch_tab("pages/a/a")


def test_relaunch_closes_everything(mp):
    mp.navigate_to("pages/a/a")
    mp.switch_tab("pages/other/other")
    log(mp)
    page = mp.relaunch("pages/b/b?r=2")
    assert [p.path for p in mp.page_stack()] == ["pages/b/b"]
    assert page.query == {"r": "2"}
    entries = log(mp)
    unloads = [e for e in entries if e.endswith("onUnload")]
    assert sorted(unloads) == ["home.onUnload", "other.onUnload"]
    assert entries.index("other.onUnload") < entries.index("b.onLoad {\"r\":\"2\"}")
    assert entries[-2:] == ["b.probe.ready", "b.onReady"]


def test_unknown_page_fails_without_changing_the_stack(mp):
    with pytest.raises(AutomationError, match="not found"):
        mp.navigate_to("pages/nope/nope")
    assert [p.path for p in mp.page_stack()] == ["pages/home/home"]
