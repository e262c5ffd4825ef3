"""Conformance facts 30 and 31: selectComponent / selectAllComponents / selectOwnerComponent
(with wx://component-export) and relations across a keyed list.

Docs: 组件间通信与事件 (selectComponent, wx://component-export) and 组件间关系 (relations,
getRelationNodes), developers.weixin.qq.com/miniprogram/dev/framework/custom-component/."""

from __future__ import annotations


def test_fact30_select_component(open_project):
    mp = open_project("components", page="pages/select/select")
    page = mp.current_page()
    assert page.call_method("one", "#leaf2") == "t2"
    assert page.call_method("one", ".item") == "t1"
    assert page.call_method("one", "#ex") == {"hello": "exported"}
    assert page.call_method("one", "#nothing") is None
    assert page.call_method("all", ".item") == ["t1", "t2", "t3"]
    assert page.call_method("all", "#leaf3, #leaf1") == ["t1", "t3"]   # tree order, not selector order
    assert page.call_method("all", ".inner-c") == []                     # another component's tree
    assert page.call_method("owner") == "own"


def test_fact30_tree_order_and_classes_follow_updates(open_project):
    mp = open_project("components", page="pages/select/select")
    page = mp.current_page()
    page.call_method("reorder")
    assert page.call_method("all", ".item") == ["t3", "t1", "t2"]
    assert page.call_method("all", ".a-1") == ["t1"]
    page.call_method("swapClass")
    assert page.call_method("all", ".a-1") == [] and page.call_method("all", ".b-1") == ["t1"]


def test_fact31_relations_keyed_list(open_project):
    mp = open_project("components", page="pages/rel/rel")
    page = mp.current_page()
    log = mp.evaluate("getApp().log")
    assert {"list.linked:1", "list.linked:2", "item.linked:1", "item.linked:2"} <= set(log)
    assert page.call_method("tags") == ["1", "2"]
    mp.evaluate("(getApp().log.length = 0, 0)")
    page.call_method("change")
    log = mp.evaluate("getApp().log")
    assert sorted(e for e in log if e.startswith("list.")) == ["list.linked:3", "list.linked:4", "list.unlinked:1"]
    assert sorted(e for e in log if e.startswith("item.")) == ["item.linked:3", "item.linked:4", "item.unlinked:1"]
    assert page.call_method("tags") == ["2", "3", "4"]
