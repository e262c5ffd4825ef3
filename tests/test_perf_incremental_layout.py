"""Incremental relayout (renderer/layout/session.py) gives the same boxes as a fresh layout."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from renderer.layout import ApproxMeasurer, layout_tree
from simulator.runtime import Simulator

PAGE_WXML = """
<view class="head {{wide ? 'wide' : ''}}">{{title}}</view>
<view wx:for="{{list}}" wx:key="id" class="item {{item.hot ? 'hot' : ''}}">
  <view class="title">{{item.title}}</view>
  <text class="price">{{item.price}}</text>
  <view class="tags"><text wx:for="{{item.tags}}" wx:key="*this" class="tag">{{item}}</text></view>
</view>
<view class="box" hidden="{{hideBox}}"><view class="abs">corner</view>inline <text>run</text> tail</view>
<view class="bar">fixed bar {{title}}</view>
"""
PAGE_WXSS = """
.head { padding: 10px; font-size: 20px; }
.wide { padding: 30px; }
.item { display: flex; flex-direction: column; padding: 8px 12px; border-bottom: 1px solid #eee; }
.hot { padding: 20px; background: #fee; }
.title { font-size: 16px; }
.tags { display: flex; flex-direction: row; }
.tag { margin-right: 6px; font-size: 11px; }
.box { position: relative; padding: 4px; }
.abs { position: absolute; right: 0; top: 0; width: 40px; }
.bar { position: fixed; bottom: 0; left: 0; right: 0; height: 30px; }
"""
PAGE_JS = """
function item(i) { return {id: i, title: 'Item ' + i, price: i * 1.5, tags: ['a' + i, 'b'], hot: false} }
Page({
  data: {title: 'Head', wide: false, hideBox: false, list: [0, 1, 2, 3, 4, 5].map(item)},
  setTitle(i, t) { this.setData({['list[' + i + '].title']: t}) },
  longTitle(i) { this.setData({['list[' + i + '].title']: 'a much longer title that wraps onto more lines than one ' +
                                'because the column is narrow enough for it to need several'}) },
  append(n) { const add = {}; for (let k = 0; k < n; k++) add['list[' + (this.data.list.length + k) + ']'] = item(100 + k);
              this.setData(add) },
  insertAt(i) { const l = this.data.list.slice(); l.splice(i, 0, item(200 + i)); this.setData({list: l}) },
  removeAt(i) { const l = this.data.list.slice(); l.splice(i, 1); this.setData({list: l}) },
  reverse() { this.setData({list: this.data.list.slice().reverse()}) },
  hot(i, v) { this.setData({['list[' + i + '].hot']: v}) },
  set(d) { this.setData(d) },
})
"""


@pytest.fixture()
def sim(tmp_path: Path):
    (tmp_path / "project.config.json").write_text(json.dumps({"miniprogramRoot": "./"}))
    (tmp_path / "app.json").write_text(json.dumps({"pages": ["pages/p/p"]}))
    (tmp_path / "app.js").write_text("App({})")
    page = tmp_path / "pages" / "p"
    page.mkdir(parents=True)
    (page / "p.wxml").write_text(PAGE_WXML)
    (page / "p.wxss").write_text(PAGE_WXSS)
    (page / "p.js").write_text(PAGE_JS)
    (page / "p.json").write_text("{}")
    s = Simulator(tmp_path, storage_dir=tmp_path / "storage", measurer=ApproxMeasurer())
    s.start()
    s.wait_idle()
    yield s
    s.close()


def dump(box, node_check: bool = True) -> tuple:
    """Everything painting and hit-testing read from a box, rounded."""
    if node_check:
        assert box.node.box is box, f"{box.node!r} does not point at its box"
    r = lambda v: round(v, 3)  # noqa: E731
    return (getattr(box.node, "tag", "?"), r(box.x), r(box.y), r(box.width), r(box.height), box.fixed,
            box.margin, box.border, box.padding,
            tuple((p.text, r(p.x), r(p.y), r(p.width), r(p.height)) for p in box.pieces),
            tuple((t, r(x), r(y), r(w)) for t, x, y, w in box.lines),
            tuple(dump(c, node_check) for c in box.children))


def check_same_as_fresh(sim: Simulator) -> None:
    view = sim.current_view()
    incremental = dump(view.root_box())
    # fixed boxes are placed against the page's window, as the page's own layout does
    fresh = layout_tree(view.root, replace(sim.viewport, height=view.visible_height), sim.measurer)
    assert dump(fresh, node_check=False) == incremental
    # hidden and removed nodes have no box
    for node in view.root.walk():
        if node.box is not None:
            assert node.box.node is node


def call(sim: Simulator, method: str, *args) -> None:
    sim.logic.call_method(sim.current_view().page_id, method, list(args))
    sim.wait_idle()
    check_same_as_fresh(sim)


def test_text_change_same_size_and_wrapping(sim):
    check_same_as_fresh(sim)
    call(sim, "setTitle", 3, "Changed")
    call(sim, "longTitle", 2)   # grows: later items move down
    call(sim, "setTitle", 2, "short again")  # shrinks back


def test_insert_remove_reorder(sim):
    call(sim, "append", 3)
    call(sim, "insertAt", 0)
    call(sim, "insertAt", 4)
    call(sim, "removeAt", 1)
    call(sim, "reverse")
    assert len([n for n in sim.current_view().elements() if "item" in n.classes]) == 10


def test_class_changes_restyle_and_move_siblings(sim):
    call(sim, "hot", 1, True)
    call(sim, "set", {"wide": True})
    call(sim, "hot", 1, False)
    call(sim, "set", {"wide": False, "title": "a head title long enough to wrap at this width, surely, yes it is"})


def test_hidden_subtree_loses_boxes_and_comes_back(sim):
    view = sim.current_view()
    box_node = next(n for n in view.root.walk() if "box" in n.classes)
    abs_node = next(n for n in view.root.walk() if "abs" in n.classes)
    assert abs_node.box is not None
    call(sim, "set", {"hideBox": True})
    assert box_node.box is None and abs_node.box is None
    call(sim, "set", {"hideBox": False})
    assert abs_node.box is not None


def test_fixed_element_follows_text_change(sim):
    call(sim, "set", {"title": "New head"})
    bar = next(n for n in sim.current_view().root.walk() if "bar" in n.classes)
    assert bar.box.fixed and bar.box.y == pytest.approx(sim.page_area_height() - 30)  # the window's bottom
    assert "New head" in "".join(p.text for c in bar.box.children for p in c.pieces)


def test_unchanged_subtrees_keep_their_boxes(sim):
    view = sim.current_view()
    items = [n for n in view.root.walk() if "item" in n.classes]
    before = [n.box for n in items]
    call(sim, "setTitle", 3, "Changed")
    after = [n.box for n in items]
    assert [a is b for a, b in zip(before, after)] == [True, True, True, False, True, True]
    call(sim, "longTitle", 0)  # item 0 grows: the others keep their Box objects, moved down
    moved = [n.box for n in items]
    assert moved[0] is not after[0]
    assert all(m is a for m, a in zip(moved[1:], after[1:]))
    assert moved[1].y > items[0].box.y + 40  # pushed down by the wrapped title
