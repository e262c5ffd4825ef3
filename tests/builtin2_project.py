"""A mini program using swiper, picker, picker-view and rich-text, written into a temp folder."""

from __future__ import annotations

import json
from pathlib import Path

WXML = """<swiper id="sw" style="height: 100px" indicator-dots current="{{cur}}" bindchange="onChange"
  bindanimationfinish="onFinish" bindtransition="onTrans" autoplay="{{auto}}" interval="1000" circular="{{circ}}">
  <swiper-item wx:for="{{slides}}" wx:key="*this" item-id="s{{index}}"><view class="slide" bindtap="onSlide" data-i="{{index}}">{{item}}</view></swiper-item>
</swiper>
<swiper id="multi" style="height: 50px" display-multiple-items="2" previous-margin="10px" next-margin="30px">
  <swiper-item wx:for="{{slides}}" wx:key="*this"><view class="slide">{{item}}</view></swiper-item>
</swiper>
<picker id="sel" range="{{fruits}}" value="{{fi}}" bindchange="onPick" bindcancel="onCancel"><view class="row">{{fruits[fi]}}</view></picker>
<picker id="multi-p" mode="multiSelector" range="{{grid}}" value="{{[0, 0]}}" bindchange="onPick" bindcolumnchange="onCol"><view class="row">m</view></picker>
<picker id="time" mode="time" value="09:30" start="08:00" end="18:00" bindchange="onPick"><view class="row">t</view></picker>
<picker id="date" mode="date" value="2024-02-10" fields="{{fields}}" bindchange="onPick"><view class="row">d</view></picker>
<picker id="region" mode="region" bindchange="onPick"><view class="row">r</view></picker>
<picker id="off" disabled range="{{fruits}}" bindchange="onPick"><view class="row">off</view></picker>
<picker-view id="pv" style="height: 150px" value="{{pv}}" bindchange="onPv">
  <picker-view-column><view wx:for="{{fruits}}" wx:key="*this" class="opt">{{item}}</view></picker-view-column>
  <picker-view-column><view wx:for="{{slides}}" wx:key="*this" class="opt">{{item}}</view></picker-view-column>
</picker-view>
<rich-text id="rt" nodes="{{html}}" bindtap="onRich"></rich-text>
<rich-text id="arr" nodes="{{arr}}"></rich-text>
"""
JS = """Page({
  data: { cur: 0, auto: false, circ: false, slides: ['A', 'B', 'C'], fruits: ['apple', 'pear', 'plum'], fi: 0,
          grid: [['a', 'b'], ['x', 'y', 'z']], fields: 'day', pv: [1, 0],
          html: '<div class="box" style="color: red">Hi <b>bold</b><br/><script>x()</script><a href="u" onclick="f()">link</a></div><ul><li>one</li></ul><img src="/a.png" width="20" height="10">',
          arr: [{ name: 'p', attrs: { class: 'para', onclick: 'f' }, children: [{ type: 'text', text: 'para' }] }],
          changes: [], finishes: 0, trans: 0, picks: [], cancels: 0, cols: [], pvs: [], slideTaps: [], rich: 0 },
  onChange(e) { this.setData({ changes: this.data.changes.concat([e.detail]) }); },
  onFinish(e) { this.setData({ finishes: this.data.finishes + 1 }); },
  onTrans(e) { this.setData({ trans: this.data.trans + 1 }); },
  onPick(e) { this.setData({ picks: this.data.picks.concat([e.detail]) }); },
  onCancel() { this.setData({ cancels: this.data.cancels + 1 }); },
  onCol(e) { this.setData({ cols: this.data.cols.concat([e.detail]) }); },
  onPv(e) { this.setData({ pvs: this.data.pvs.concat([e.detail.value]) }); },
  onSlide(e) { this.setData({ slideTaps: this.data.slideTaps.concat([e.currentTarget.dataset.i]) }); },
  onRich() { this.setData({ rich: this.data.rich + 1 }); }
});
"""
FILES = {
    "project.config.json": {"miniprogramRoot": "./"},
    "app.json": {"pages": ["pages/index/index"]},
    "app.js": "App({});\n",
    "pages/index/index.json": {},
    "pages/index/index.js": JS,
    "pages/index/index.wxml": WXML,
    "pages/index/index.wxss": ".slide { height: 100%; } .row { height: 30px; } .opt { height: 50px; } .para { color: blue; }\n",
}


def write_project(folder: Path) -> Path:
    for rel, content in FILES.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return folder
