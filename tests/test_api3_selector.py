"""createSelectorQuery, createIntersectionObserver and pageScrollTo({selector}) through a running program."""

from __future__ import annotations

import json

import pytest

from simulator import launch

PAGE_JS = """
Page({
  data: {rects: null, all: null, vp: null, fields: null, inner: null, seen: [], order: []},
  measure() {
    const q = wx.createSelectorQuery();
    q.select('#head').boundingClientRect(r => this.data.order.push('a'));
    q.selectAll('.item').boundingClientRect();
    q.selectViewport().scrollOffset();
    q.select('#head').fields({id: true, dataset: true, size: true, computedStyle: ['height', 'backgroundColor'],
                              properties: ['scrollY']});
    q.select('.missing').boundingClientRect();
    q.exec(res => { this.data.order.push('exec');
      this.setData({rects: res[0], all: res[1], vp: res[2], fields: res[3], missing: res[4], order: this.data.order}) });
  },
  inCard() {
    this.selectComponent('#card').createSelectorQuery().select('.inner').boundingClientRect(r => this.setData({inner: r})).exec();
  },
  deep() {
    wx.createSelectorQuery().selectAll('#card >>> .inner').boundingClientRect(r => this.setData({deep: r})).exec();
  },
  watch() {
    this.io = this.createIntersectionObserver().relativeToViewport({bottom: 0});
    this.io.observe('#foot', r => this.setData({seen: this.data.seen.concat([r.intersectionRatio > 0])}));
  },
  toFoot() { wx.pageScrollTo({selector: '#foot', duration: 0}) },
})
"""

PAGE_WXML = """
<view id="head" data-kind="top" style="height: 100px; background-color: #ff0000">head</view>
<view class="item" style="height: 50px">1</view>
<view class="item" style="height: 50px">2</view>
<card id="card"></card>
<view style="height: 2000px"></view>
<view id="foot" style="height: 40px">foot</view>
"""


@pytest.fixture
def mp(tmp_path):
    (tmp_path / "project.config.json").write_text(json.dumps({"appid": "wxabc"}))
    (tmp_path / "app.json").write_text(json.dumps({"pages": ["pages/a/a"]}))
    (tmp_path / "app.js").write_text("App({})")
    page = tmp_path / "pages" / "a"
    page.mkdir(parents=True)
    (page / "a.wxml").write_text(PAGE_WXML)
    (page / "a.js").write_text(PAGE_JS)
    (page / "a.json").write_text(json.dumps({"usingComponents": {"card": "/components/card/card"}}))
    card = tmp_path / "components" / "card"
    card.mkdir(parents=True)
    (card / "card.json").write_text(json.dumps({"component": True}))
    (card / "card.js").write_text("Component({})")
    (card / "card.wxml").write_text('<view class="inner" style="height: 30px">in</view>')
    with launch(tmp_path, storage=tmp_path / "storage") as program:
        yield program


def test_select_query_answers_from_layout(mp):
    page = mp.current_page()
    page.call_method("measure")
    mp.wait_idle()
    rects = page.data("rects")
    assert rects["id"] == "head" and rects["dataset"] == {"kind": "top"}
    assert rects["top"] == 0 and rects["height"] == 100 and rects["bottom"] == 100
    assert rects["width"] == rects["right"] - rects["left"] > 0
    assert [r["top"] for r in page.data("all")] == [100, 150]
    vp = page.data("vp")
    assert vp["scrollTop"] == 0 and vp["id"] == "" and vp["scrollHeight"] > 2000
    fields = page.data("fields")
    assert fields["height"] == "100px" and fields["backgroundColor"] == "rgb(255, 0, 0)"
    assert fields["id"] == "head" and fields["scrollY"] is None
    assert page.data("missing") is None
    assert page.data("order") == ["a", "exec"]


def test_scroll_moves_rects_and_scopes(mp):
    page = mp.current_page()
    mp.sim.current_view().scroll_to(60)
    page.call_method("measure")
    mp.wait_idle()
    assert page.data("rects")["top"] == -60
    page.call_method("inCard")
    mp.wait_idle()
    assert page.data("inner")["top"] == 200 - 60 and page.data("inner")["height"] == 30
    page.call_method("deep")
    mp.wait_idle()
    assert len(page.data("deep")) == 1


def test_intersection_observer_and_page_scroll_to_selector(mp):
    page = mp.current_page()
    page.call_method("watch")
    mp.wait_idle()
    assert page.data("seen") == []
    page.call_method("toFoot")
    mp.wait_idle()
    view = mp.sim.current_view()
    assert view.scroll_top == view.max_scroll_top() > 1000
    assert page.data("seen") == [True]
    view.scroll_to(0)
    mp.wait_idle()
    assert page.data("seen") == [True, False]
