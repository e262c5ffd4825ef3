"""Built-in default styles that decide layout the way WeChat's base library does: a `<slot>` has
no box of its own, and a `<scroll-view>` is as wide as its container."""

from __future__ import annotations

import json

from simulator import launch
from tests.miniprogram import write_project


def test_slotted_component_with_host_flex_is_a_flex_item(tmp_path):
    """`:host { flex: 1 }` of components slotted into a flex container share its width (what
    tab-bar items of component libraries rely on): the slot itself generates no box."""
    root = write_project(tmp_path / "p", {"pages/a/a": {
        "wxml": '<bar><item id="i1">a</item><item id="i2">b</item><item id="i3">c</item></bar>',
        "json": json.dumps({"usingComponents": {"bar": "/comp/bar", "item": "/comp/item"}}),
        "js": "Page({})"}}, files={
        "comp/bar.wxml": '<view class="bar"><slot/></view>', "comp/bar.wxss": ".bar { display: flex; }",
        "comp/bar.json": '{"component": true}', "comp/bar.js": "Component({})",
        "comp/item.wxml": "<view><slot/></view>", "comp/item.wxss": ":host { flex: 1; }",
        "comp/item.json": '{"component": true}', "comp/item.js": "Component({})"})
    with launch(root, storage=tmp_path / "s") as mp:
        page = mp.current_page()
        boxes = [(page.query(f"#i{n}").offset()["left"], page.query(f"#i{n}").size()["width"]) for n in (1, 2, 3)]
        assert boxes == [(0, 125), (125, 125), (250, 125)]


def test_scroll_view_fills_a_flex_row(tmp_path):
    root = write_project(tmp_path / "p", {"pages/a/a": {
        "wxml": '<view style="display:flex"><scroll-view id="s" scroll-x><text>x</text></scroll-view></view>',
        "js": "Page({})"}})
    with launch(root, storage=tmp_path / "s") as mp:
        assert mp.current_page().query("#s").size()["width"] == 375


def test_empty_matches_an_element_holding_only_an_unfilled_slot(tmp_path):
    """The `:empty + sibling` trick component libraries use to show a default when a slot is not
    filled (Vant's field input)."""
    root = write_project(tmp_path / "p", {"pages/a/a": {
        "wxml": '<field id="f1"/><field id="f2"><text slot="input">custom</text></field>',
        "json": json.dumps({"usingComponents": {"field": "/comp/field"}}), "js": "Page({})"}}, files={
        "comp/field.wxml": '<view class="c"><slot name="input"/></view><view class="c d">default</view>',
        "comp/field.wxss": ".d { display: none; } .c:empty + .d { display: block; }",
        "comp/field.json": '{"component": true}', "comp/field.js": "Component({options: {multipleSlots: true}})"})
    with launch(root, storage=tmp_path / "s") as mp:
        page = mp.current_page()
        assert page.query("#f1").query(".d").style("display") == "block"
        assert page.query("#f2").query(".d").style("display") == "none"
