"""WXS functions as event handlers and `change:` property observers, and array `class` values.

Docs: WXS 响应事件 (developers.weixin.qq.com/miniprogram/dev/framework/view/interactive-animation.html):
a WXS handler gets the event plus `event.instance` and `ownerInstance` (ComponentDescriptor:
selectComponent, setStyle, addClass/removeClass/hasClass, getDataset, getState, callMethod,
triggerEvent, requestAnimationFrame); returning false stops the event; `change:prop` calls
fn(newValue, oldValue, ownerInstance, instance) when `prop` is set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

WXS = r"""
var tap = function (e, owner) {
  var st = e.instance.getState();
  st.n = (st.n || 0) + 1;
  e.instance.setStyle({ 'background-color': 'red', width: st.n * 10 + 'px' });
  owner.selectComponent('.target').addClass('on');
  owner.callMethod('fromWxs', { n: st.n, id: e.currentTarget.id, ds: e.instance.getDataset().k });
  return false;
};
var pass = function (e, owner) {
  owner.callMethod('fromWxs', { pass: e.type });
};
var toggle = function (e, owner) {
  var t = owner.selectComponent('.target');
  if (t.hasClass('on')) t.removeClass('on'); else t.addClass('on');
  var all = owner.selectAllComponents('.item');
  for (var i = 0; i < all.length; i++) all[i].setStyle('height: ' + (i + 1) * 5 + 'px');
};
var seen = function (nv, ov, owner, ins) {
  var st = ins.getState();
  st.log = (st.log || []).concat([[nv, ov === undefined ? 'undef' : ov]]);
  owner.callMethod('observed', st.log);
};
var later = function (e, owner) {
  var ins = e.instance;
  ins.requestAnimationFrame(function () { ins.setStyle({ height: '33px' }); owner.callMethod('framed'); });
};
var spin = function (e, owner) { while (true) {} };
module.exports = { tap: tap, pass: pass, toggle: toggle, seen: seen, later: later, spin: spin };
"""

WXML = """
<wxs module="h" src="./h.wxs"/>
<view id="outer" bindtap="onOuter">
  <view id="btn" data-k="v1" class="btn" bindtap="{{h.tap}}">tap</view>
  <view id="through" bind:tap="{{h.pass}}">through</view>
</view>
<view id="tg" catchtap="{{h.toggle}}">toggle</view>
<view class="target {{extra}}" id="target">target</view>
<view class="item">a</view><view class="item">b</view>
<view id="obs" change:val="{{h.seen}}" val="{{val}}">obs</view>
<view id="later" bindtap="{{h.later}}">later</view>
<view id="spin" bindtap="{{h.spin}}">spin</view>
<view id="arr" class="{{['a', flag ? 'b' : '', null, 'c d']}}">arr</view>
<view id="mixed" class="x {{['y', 'z']}}">mixed</view>
"""

JS = """
Page({
  data: { val: 1, extra: '', flag: true, log: [] },
  onOuter() { this.data.log.push('outer'); this.setData({ log: this.data.log }); },
  fromWxs(args) { this.data.log.push(args); this.setData({ log: this.data.log }); },
  observed(log) { this.setData({ observed: log }); },
  framed() { this.setData({ framed: true }); },
});
"""

WXSS = ".on { color: rgb(0, 128, 0); } .b { font-size: 30px; }"


def _project(root: Path) -> Path:
    files = {
        "project.config.json": json.dumps({"miniprogramRoot": "./", "appid": "touristappid"}),
        "app.json": json.dumps({"pages": ["pages/index/index"]}),
        "app.js": "App({})",
        "pages/index/index.wxml": WXML,
        "pages/index/index.js": JS,
        "pages/index/index.json": "{}",
        "pages/index/index.wxss": WXSS,
        "pages/index/h.wxs": WXS,
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def page(open_project, tmp_path):
    mp = open_project(_project(tmp_path / "mp"))
    return mp, mp.current_page()


def test_wxs2_handler_styles_classes_state_and_call_method(page):
    mp, p = page
    btn, target = p.query("#btn"), p.query("#target")
    btn.tap()
    assert p.data("log") == [{"n": 1, "id": "btn", "ds": "v1"}]  # false: the outer bindtap never ran
    assert btn.style("background-color") == (255, 0, 0, 1.0)
    assert btn.size()["width"] == 10
    assert "on" in target.node.classes and target.style("color") == (0, 128, 0, 1.0)
    btn.tap()
    assert p.data("log")[-1]["n"] == 2 and btn.size()["width"] == 20  # getState persists per node
    calls = [m for m in mp.traffic() if m.get("kind") == "event" and (m.get("payload") or {}).get("wxs")]
    assert [c["payload"]["handler"] for c in calls] == ["observed", "fromWxs", "fromWxs"]


def test_wxs2_handler_without_false_lets_the_event_bubble(page):
    mp, p = page
    p.query("#through").tap()
    assert p.data("log") == [{"pass": "tap"}, "outer"]


def test_wxs2_view_state_survives_rerender_until_template_sets_class(page):
    mp, p = page
    p.query("#tg").tap()
    target = p.query("#target")
    assert "on" in target.node.classes
    items = p.query_all(".item")
    assert [i.size()["height"] for i in items] == [5, 10]
    p.set_data({"val": 1, "flag": True})  # a re-render that leaves class and style as they were
    mp.wait_idle()
    assert "on" in target.node.classes and items[1].size()["height"] == 10
    p.set_data({"extra": "more"})  # the template sets the class list again
    mp.wait_idle()
    assert target.node.classes == ("target", "more")
    assert items[0].size()["height"] == 5  # setStyle is its own segment: it stays
    p.query("#tg").tap()
    p.query("#tg").tap()
    assert "on" not in target.node.classes


def test_wxs2_change_observer_first_render_and_changes(page):
    mp, p = page
    assert p.data("observed") == [[1, "undef"]]
    p.set_data({"val": 2})
    mp.wait_idle()
    assert p.data("observed") == [[1, "undef"], [2, 1]]
    p.set_data({"val": 2, "flag": False})  # same value: no call
    mp.wait_idle()
    assert p.data("observed") == [[1, "undef"], [2, 1]]
    assert "change:val" not in p.query("#obs").outer_wxml()


def test_wxs2_request_animation_frame_runs_on_the_clock(page):
    mp, p = page
    el = p.query("#later")
    el.tap()
    assert p.data("framed") is True
    assert el.size()["height"] == 33


def test_wxs2_runaway_handler_is_interrupted(page):
    mp, p = page
    p.query("#spin").tap()
    assert any("interrupted" in str(d) for d in mp.diagnostics())
    p.query("#btn").tap()  # the view still works
    assert p.data("log")[-1]["n"] == 1


def test_wxs2_array_class_joins_with_spaces(page):
    mp, p = page
    arr, mixed = p.query("#arr"), p.query("#mixed")
    assert arr.node.attrs["class"] == "a b  c d"
    assert arr.node.classes == ("a", "b", "c", "d")
    assert arr.style("font-size") == 30
    assert mixed.node.classes == ("x", "y", "z")
    p.set_data({"flag": False})
    mp.wait_idle()
    assert arr.node.classes == ("a", "c", "d")
