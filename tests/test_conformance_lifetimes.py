"""Conformance facts 17 and 19: nested component lifetimes and page lifecycle order.

Docs: 组件生命周期 (developers.weixin.qq.com/miniprogram/dev/framework/custom-component/lifetimes.html)
and 页面生命周期; the nested order follows glass-easel: a component's template (and so its
children) is built before its own `created`, attach walks the tree from the root, ready
fires when a subtree is done, detach walks leaves first."""

from __future__ import annotations


def _log(mp) -> list[str]:
    return mp.evaluate("getApp().log")


def _only(log: list[str], hook: str) -> list[str]:
    return [e.split(".")[0] for e in log if e.split(":")[0].endswith("." + hook)]


def test_fact17_nested_lifetimes_order(open_project):
    mp = open_project("components", page="pages/life/life")
    log = _log(mp)
    assert _only(log, "created") == ["leaf", "inner", "outer"]
    assert _only(log, "attached") == ["outer", "inner", "leaf"]
    assert _only(log, "ready") == ["leaf", "inner", "outer"]
    # every created precedes every attached; attached sees its properties
    assert max(log.index(f"{c}.created") for c in ("leaf", "inner", "outer")) < log.index("outer.attached:o")
    assert "inner.attached:in-o" in log and "leaf.attached:leaf-in-o" in log


def test_fact17_setdata_in_attached_renders(open_project):
    mp = open_project("components", page="pages/life/life")
    page = mp.current_page()
    assert page.query("outer").query(".seen").text() == "yes"


def test_fact17_detached_innermost_first(open_project):
    mp = open_project("components", page="pages/life/life")
    page = mp.current_page()
    mp.evaluate("(getApp().log.length = 0, 0)")
    page.call_method("toggle")
    assert _only(_log(mp), "detached") == ["leaf", "inner", "outer"]
    page.call_method("toggle")
    log = _log(mp)
    assert _only(log, "created")[-3:] == ["leaf", "inner", "outer"]
    assert _only(log, "attached")[-3:] == ["outer", "inner", "leaf"]


def test_fact19_page_open_order(open_project):
    mp = open_project("components", page="pages/life/life")
    log = _log(mp)
    i = log.index
    assert i("leaf.attached:leaf-in-o") < i("page.onLoad") < i("outer.pageShow") < i("page.onShow")
    assert i("page.onShow") < i("page.onReady")
    assert i("outer.ready") < i("page.onReady")


def test_fact19_unload_detaches_children_first(open_project):
    mp = open_project("components", page="pages/life/life")
    mp.navigate_to("/pages/props/props")
    mp.evaluate("(getApp().log.length = 0, 0)")
    mp.relaunch("/pages/props/props")
    log = _log(mp)
    assert log.index("outer.detached") < log.index("page.onUnload")
