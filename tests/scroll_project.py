"""A small mini program written into a temp folder, for the scroll and reload tests."""

from __future__ import annotations

import json
from pathlib import Path

INDEX_WXML = """<view class="box" id="top">{{title}}</view>
<view wx:for="{{rows}}" wx:key="*this" class="row">row {{item}}</view>
"""
INDEX_JS = """Page({
  data: { title: 'hello', rows: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
          scrolls: [], bottoms: 0 },
  onPageScroll(e) { this.data.scrolls.push(e.scrollTop); },
  onReachBottom() { this.setData({ bottoms: this.data.bottoms + 1 }); },
  rename(t) { this.setData({ title: t }); }
});
"""
LIST_WXML = """<scroll-view scroll-y id="sv" style="height: 200px" lower-threshold="30"
  bindscroll="onScroll" bindscrolltolower="onLower" bindscrolltoupper="onUpper">
  <view wx:for="{{items}}" wx:key="*this" id="item{{item}}" class="item" bindtap="onTap" data-i="{{item}}">item {{item}}</view>
</scroll-view>
<view id="after" style="height: 50px">after</view>
"""
LIST_JS = """Page({
  data: { items: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], tapped: -1, lower: [], upper: [], last: null },
  onScroll(e) { this.setData({ last: e.detail }); },
  onLower(e) { this.setData({ lower: this.data.lower.concat([e.detail.direction]) }); },
  onUpper(e) { this.setData({ upper: this.data.upper.concat([e.detail.direction]) }); },
  onTap(e) { this.setData({ tapped: e.currentTarget.dataset.i }); }
});
"""
FILES = {
    "project.config.json": {"miniprogramRoot": "./"},
    "app.json": {"pages": ["pages/index/index", "pages/list/list"],
                 "window": {"navigationBarTitleText": "t"}},
    "app.js": "App({});\n",
    "app.wxss": ".row { height: 100px; }\n",
    "pages/index/index.json": {},
    "pages/index/index.js": INDEX_JS,
    "pages/index/index.wxml": INDEX_WXML,
    "pages/index/index.wxss": ".box { height: 60px; background-color: #ff0000; }\n",
    "pages/list/list.json": {},
    "pages/list/list.js": LIST_JS,
    "pages/list/list.wxml": LIST_WXML,
    "pages/list/list.wxss": ".item { height: 50px; }\n",
}


def write_project(folder: Path) -> Path:
    for rel, content in FILES.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = content if isinstance(content, str) else json.dumps(content)
        path.write_text(text, encoding="utf-8")
    return folder
