"""A property observer runs when setData gives a value other than the one the property holds
(glass-easel compares with !==): writing back an array changed in place runs none, which is
what keeps WeUI's slideview (its `buttons` observer sets `buttons`) from recursing forever."""

from __future__ import annotations

import json
from pathlib import Path

COMP_JS = """
Component({
  properties: { list: { type: Array, value: [], observer: function () { this.bump(); } } },
  methods: {
    bump() {
      getApp().runs += 1;
      var l = this.data.list;
      l.forEach(function (x) { x.seen = true; });
      this.setData({ list: l });
    },
    replace() { this.setData({ list: [{ a: 9 }] }); },
  },
});
"""


def _project(root: Path) -> Path:
    files = {
        "project.config.json": json.dumps({"miniprogramRoot": "./", "appid": "touristappid"}),
        "app.json": json.dumps({"pages": ["pages/index/index"]}),
        "app.js": "App({ runs: 0 })",
        "pages/index/index.wxml": '<c id="c" list="{{list}}"/>',
        "pages/index/index.js": "Page({ data: { list: [{ a: 1 }] } })",
        "pages/index/index.json": json.dumps({"usingComponents": {"c": "/comp/c"}}),
        "comp/c.js": COMP_JS,
        "comp/c.json": json.dumps({"component": True}),
        "comp/c.wxml": "<view wx:for='{{list}}'>{{item.a}}{{item.seen}}</view>",
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_wxs2_same_array_written_back_runs_no_observer(open_project, tmp_path):
    mp = open_project(_project(tmp_path / "mp"))
    page = mp.current_page()
    c = page.query("#c")
    assert mp.evaluate("getApp().runs") == 1  # the initial value only
    assert c.data("list") == [{"a": 1, "seen": True}]
    assert not [d for d in mp.diagnostics() if "stack" in str(d)]
    c.call_method("replace")
    mp.wait_idle()
    assert mp.evaluate("getApp().runs") == 2  # a new array: the observer runs (once more)
    assert c.data("list") == [{"a": 9, "seen": True}]
