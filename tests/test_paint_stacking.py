"""Painting order among siblings follows z-index and positioning (CSS 2.1 Appendix E), the same
order taps reach them: a dialog with a higher z-index than its mask is drawn over it."""

from __future__ import annotations

from simulator import launch
from simulator.ui.imaging import _decode
from tests.miniprogram import write_project

WXML = """
<view id="box" style="position:relative;width:100px;height:100px">
  <view id="top" bindtap="hitTop" style="position:absolute;left:0;top:0;width:100px;height:100px;background:#00ff00;z-index:2"/>
  <view id="under" bindtap="hitUnder" style="position:absolute;left:0;top:0;width:100px;height:100px;background:#ff0000;z-index:1"/>
  <view id="flow" style="width:100px;height:100px;background:#0000ff"/>
</view>
"""


def test_higher_z_index_paints_over_a_later_sibling_and_gets_the_tap(tmp_path):
    root = write_project(tmp_path / "p", {"pages/a/a": {"wxml": WXML, "js": (
        "Page({ data: { hit: '' }, hitTop() { this.setData({ hit: 'top' }) },"
        " hitUnder() { this.setData({ hit: 'under' }) } })")}})
    with launch(root, storage=tmp_path / "s") as mp:
        page = mp.current_page()
        img = _decode(page.query("#box").screenshot())
        c = img.pixelColor(100, 100)
        assert (c.red(), c.green(), c.blue()) == (0, 255, 0)  # z-index 2 over z-index 1 and the in-flow box
        page.query("#box").tap()
        assert page.data("hit") == "top"
