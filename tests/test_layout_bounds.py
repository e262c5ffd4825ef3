"""Layout fills in every Box's subtree bounds as it builds them (renderer/layout/readback.py);
they must equal what the painter's `box_bounds` works out by walking the subtree, after a
first render and after updates that keep, shift and rebuild parts of the tree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from renderer.layout import ApproxMeasurer
from renderer.qt.painter import box_bounds
from simulator.runtime import Simulator

WXML = """
<view class="head">{{title}}</view>
<view wx:for="{{list}}" wx:key="id" class="item"><text>{{item.t}}</text> and <text class="b">{{item.n}}</text></view>
<view class="over"><view class="wide">wider than its parent</view></view>
"""
WXSS = """
.item { padding: 6px; border-bottom: 1px solid #eee; }
.b { font-weight: bold; }
.over { width: 50px; height: 20px; }
.wide { width: 300px; margin-left: -20px; }
"""
JS = """
Page({
  data: {title: 'T', list: [1, 2, 3, 4].map(i => ({id: i, t: 'item ' + i, n: i}))},
  grow() { this.setData({title: 'a title long enough to wrap over more than one line of the page ' +
                                'so that everything below it moves down'}) },
  add() { this.setData({'list[4]': {id: 5, t: 'five', n: 5}}) },
  drop() { this.setData({list: this.data.list.slice(1)}) },
})
"""


def _check(sim: Simulator, exact: bool) -> None:
    """Kept boxes are shifted, bounds included, so after an update sums may differ in the last bit."""
    root = sim.current_view().root_box()
    boxes = list(root.walk())
    kept = [b.bounds for b in boxes]
    assert all(b is not None for b in kept)
    for b in boxes:
        b.bounds = None
    fresh = [box_bounds(b) for b in boxes]
    if exact:
        assert fresh == kept
    else:
        assert all(pytest.approx(f, abs=1e-6) == k for f, k in zip(fresh, kept))


def test_layout_bounds_equal_the_painters(tmp_path: Path):
    (tmp_path / "project.config.json").write_text(json.dumps({"miniprogramRoot": "./"}))
    (tmp_path / "app.json").write_text(json.dumps({"pages": ["pages/p/p"]}))
    (tmp_path / "app.js").write_text("App({})")
    page = tmp_path / "pages" / "p"
    page.mkdir(parents=True)
    for ext, text in (("wxml", WXML), ("wxss", WXSS), ("js", JS), ("json", "{}")):
        (page / f"p.{ext}").write_text(text)
    sim = Simulator(tmp_path, storage_dir=tmp_path / "storage", measurer=ApproxMeasurer())
    try:
        sim.start()
        sim.wait_idle()
        _check(sim, exact=True)
        for method in ("grow", "add", "drop"):
            sim.logic.call_method(sim.current_view().page_id, method, [])
            sim.wait_idle()
            _check(sim, exact=False)
    finally:
        sim.close()
