"""Inserting or removing a child restyles its siblings when a rule depends on position."""

from __future__ import annotations

from simulator import launch
from tests.miniprogram import write_project

LIST = '<view class="list"><view wx:for="{{ids}}" wx:key="*this" id="i{{item}}" class="item">{{item}}</view></view>'
JS = "Page({data: {ids: [1, 2]}, prepend() { this.setData({ids: [0].concat(this.data.ids)}) }})"


def _project(tmp_path, wxss: str):
    return write_project(tmp_path, {"pages/a/a": {"wxml": LIST, "wxss": wxss, "js": JS}})


def test_first_child_moves_when_an_item_is_prepended(tmp_path):
    project = _project(tmp_path, ".item { color: #000000; } .item:first-child { color: #ff0000; }")
    with launch(project, storage=tmp_path / "s") as mp:
        page = mp.current_page()
        assert page.query("#i1").style("color")[:3] == (255, 0, 0)
        page.call_method("prepend")
        assert page.query("#i0").style("color")[:3] == (255, 0, 0)
        assert page.query("#i1").style("color")[:3] == (0, 0, 0)


def test_adjacent_sibling_rule_follows_an_insert(tmp_path):
    project = _project(tmp_path, ".item { height: 10px; } .item + .item { height: 20px; }")
    with launch(project, storage=tmp_path / "s") as mp:
        page = mp.current_page()
        assert page.query("#i1").size()["height"] == 10
        page.call_method("prepend")
        assert page.query("#i1").size()["height"] == 20 and page.query("#i0").size()["height"] == 10
