"""Conformance facts 16, 27, 28, 29: pure data, slots, externalClasses / style isolation and
virtualHost, end to end on tests/projects/components.

Docs: 组件模板和样式 (slots, multipleSlots, externalClasses, styleIsolation, virtualHost) and
纯数据字段 (pureDataPattern), developers.weixin.qq.com/miniprogram/dev/framework/custom-component/."""

from __future__ import annotations

import pytest


@pytest.fixture
def slots(open_project):
    mp = open_project("components", page="pages/slots/slots")
    return mp, mp.current_page()


@pytest.fixture
def styles(open_project):
    mp = open_project("components", page="pages/styles/styles")
    return mp, mp.current_page()


def _texts(el, sel):
    return [e.text() for e in el.query_all(sel)] if el else None


def test_fact27_single_default_slot(slots):
    mp, page = slots
    text = page.wxml()
    # without multipleSlots, all content goes to the first <slot>; a second slot stays empty
    assert "<view class=\"single\">" in text
    first = text.split('<view class="single">')[1].split("</view>")[0]
    assert "A" in first and "B" in first
    second = text.split('<view class="second">')[1].split("</view>")[0]
    assert "A" not in second and "B" not in second


def test_fact27_named_slots_and_unmatched_content_dropped(slots):
    mp, page = slots
    text = page.wxml()
    head = text.split('<view class="head">')[1].split('<view class="body">')[0]
    body = text.split('<view class="body">')[1].split('<view class="foot">')[0]
    foot = text.split('<view class="foot">')[1]
    assert "H" in head and "D" not in head
    assert "D" in body and "H" not in body and "F" not in body
    assert "F" in foot
    assert "X" not in text                         # slot="nowhere" has no slot: dropped
    page.call_method("addMore")
    head = page.wxml().split('<view class="head">')[1].split('<view class="body">')[0]
    assert "H" in head and "L" in head


def test_fact28_external_class_maps_to_the_owners_class(styles):
    mp, page = styles
    box = page.query("#ext").query(".inner-box")
    assert box.size()["height"] == 50               # .big from the page's sheet, via my-class


def test_fact28_isolated_component_ignores_page_and_app_styles(styles):
    mp, page = styles
    ext = page.query("#ext")
    assert ext.query(".page-blue").style("color") != page_blue()
    assert ext.query(".app-red").style("color") != (255, 0, 0, 1.0)


def test_fact28_apply_shared_takes_page_and_app_styles(styles):
    mp, page = styles
    shared = page.query("#shared")
    assert shared.query(".page-blue").style("color") == page_blue()
    assert shared.query(".app-red").style("color") == (255, 0, 0, 1.0)


def page_blue():
    return (0, 0, 255, 1.0)


def test_fact29_virtual_host_renders_no_host_element(styles):
    mp, page = styles
    row = page.query("#row")
    assert [c["tag"] for c in _tree_children(page.tree(), "row")] == ["view", "view"]
    assert row is not None
    # the two children sit side by side in the row's flex line
    tree_kids = _tree_children(page.tree(), "row")
    assert tree_kids[0]["box"]["y"] == tree_kids[1]["box"]["y"]
    assert tree_kids[1]["box"]["x"] == tree_kids[0]["box"]["x"] + 40


def _tree_children(tree: dict, node_id: str) -> list[dict]:
    stack = [tree]
    while stack:
        node = stack.pop()
        if node["attrs"].get("id") == node_id:
            return [c for c in node["children"] if c["tag"] != "#text"]
        stack.extend(node["children"])
    raise AssertionError(f"no #{node_id}")


def test_fact16_pure_data_lives_in_data_but_never_renders(styles):
    mp, page = styles
    pure = page.query("#pure")
    assert pure.data("_secret") == "s1" and pure.data("_hidden") == "p"
    assert pure.query(".pure").text() == "[][v1][]"
    pure.call_method("change")
    assert pure.data("_secret") == "s2"
    assert pure.query(".pure").text() == "[][v2][]"
    sent = [m for m in mp.traffic() if m["kind"] in ("setData", "instanceInit")]
    assert not any("_secret" in repr(m["payload"]) for m in sent)
