"""Conformance facts 11, 13, 14, 15, 18, 20, 21: component properties, observers, behaviors,
Component()-built pages and app launch, end to end on tests/projects/components.

Docs: 组件模板和样式 / Component 构造器 (properties, observers), 数据监听器, behaviors, App 生命周期
(developers.weixin.qq.com/miniprogram/dev/framework/custom-component/)."""

from __future__ import annotations

import pytest


@pytest.fixture
def props_page(open_project):
    mp = open_project("components", page="pages/props/props")
    return mp, mp.current_page()


def _log(mp) -> list[str]:
    return mp.evaluate("getApp().log")


def _clear(mp) -> None:
    mp.evaluate("(getApp().log.length = 0, 0)")


def test_fact13_property_types_coerce_and_default(props_page):
    mp, page = props_page
    c = page.query("#coerced")
    assert (c.data("s"), c.data("n"), c.data("b")) == ("123", 4.5, True)
    d = page.query("#defaults")
    assert (d.data("s"), d.data("n"), d.data("b"), d.data("arr"), d.data("obj")) == ("", 0, False, [], None)
    assert c.query(".p").text() == "123|4.5|true|7|false"


def test_fact11_dashed_attribute_and_bare_boolean(props_page):
    mp, page = props_page
    d = page.query("#dashed")
    assert d.data("itemCount") == 3 and d.data("flag") is True
    assert d.query(".p").text() == "|0|false|3|true"


def test_fact14_observer_fires_for_initial_value_with_default_as_old(props_page):
    mp, page = props_page
    log = _log(mp)
    assert "itemCount:3:7" in log and "flag:true:false" in log
    _clear(mp)
    page.call_method("more")
    assert _log(mp) == ["itemCount:4:3"]
    assert page.query("#dashed").query(".p").text() == "|0|false|4|true"


def test_fact15_observers_paths(props_page):
    mp, page = props_page
    c = page.query("#defaults")
    _clear(mp)
    c.call_method("setXY")
    assert _log(mp) == ["obs x.**"]            # 'x' does not fire for a sub-path
    _clear(mp)
    c.call_method("setX")
    assert sorted(_log(mp)) == sorted(['obs x:{"y":9}', "obs x.**"])
    _clear(mp)
    c.call_method("setArr0")
    assert _log(mp) == ["obs arr2.0:3"]        # 'arr2.0' and 'arr2[0]' name the same path
    _clear(mp)
    c.call_method("setArr1")
    assert _log(mp) == ["obs arr2[1]:4"]
    _clear(mp)
    c.set_data({"s": "q"})
    assert _log(mp) == ["obs s,n:q,0"]         # 'a, b' receives two arguments


def test_fact18_behaviors_order_diamond_and_data_merge(props_page):
    mp, page = props_page
    log = [e for e in _log(mp) if e.split(".")[0] in ("base", "left", "right", "own", "top")]
    # lifetimes.created overrides the top-level created; base runs once despite the diamond
    assert log == ["base.created", "own.created", "base.attached", "left.attached", "right.attached",
                   "own.attached"]
    beh = page.query("#beh")
    assert beh.data("cfg") == {"a": 1, "b": 2, "deep": {"p": 1, "q": 2}}
    assert beh.data("name") == "own"
    assert beh.call_method("check") == [True, True, "right"]


def test_fact20_component_page_receives_query_as_properties(open_project):
    mp = open_project("components", page="pages/cpage/cpage?a=abc&n=5")
    page = mp.current_page()
    assert page.data("a") == "abc" and page.data("n") == 5
    assert page.query(".a").text() == "abc|5"
    assert "cpage.onLoad:abc:abc" in _log(mp)


def test_fact21_app_launch_before_first_page_load(open_project):
    mp = open_project("components", page="pages/life/life?k=v")
    log = _log(mp)
    assert log[0] == 'app.onLaunch:pages/life/life:{"k":"v"}:number'
    assert log[1] == "app.onShow:pages/life/life"
    assert log.index("app.onShow:pages/life/life") < log.index("page.onLoad")
