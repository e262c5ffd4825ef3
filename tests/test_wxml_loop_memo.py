"""Loops that reuse last render's items (renderer/wxml/loop_memo.py) and data kept in the view's
JS context (renderer/wxml/data_mirror.py) render exactly what a fresh render gives, step after
step of setData changes; only pure loops reuse items and only read-only templates keep data."""

from __future__ import annotations

import copy

import pytest

from bridge.diagnostics import DiagnosticLog, error
from renderer.view.paths import apply_change
from renderer.wxml.compiler import compile_wxml
from renderer.wxml.runtime import TemplateRuntime

ITEM = ('<view wx:for="{{list}}" wx:key="id" class="row {{item.hot ? \'hot\' : \'\'}}" data-i="{{index}}">'
        '<text>{{item.title}}</text><text wx:if="{{item.n > 1}}">{{item.n * 2}}</text>'
        '<text wx:for="{{item.tags}}" wx:for-item="t" wx:key="*this">{{t}}</text></view>')

TEMPLATES = {
    "plain": ITEM,
    "reads other data": '<view wx:for="{{list}}">{{prefix}}-{{item.title}}/{{index}}</view>',
    "reads its own list": '<view wx:for="{{list}}">{{item.title}} of {{list.length}}</view>',
    "named item and index": '<view wx:for="{{list}}" wx:for-item="it" wx:for-index="k">{{k}}:{{it.title}}</view>',
    "if on the loop": '<view wx:for="{{list}}" wx:if="{{item.n % 2}}">{{item.title}}</view>',
    "block body": '<block wx:for="{{list}}" wx:key="id"><text>{{item.title}}</text>{{item.n}}</block>',
    "first child conditional": '<view><text wx:if="{{flag}}">f</text><view wx:for="{{list}}">{{item.title}}</view></view>',
    "call in body": '<view wx:for="{{list}}">{{item.title.toUpperCase()}}</view>',
    "template in body": ('<template name="t"><text>{{title}}</text></template>'
                         '<view wx:for="{{list}}"><template is="t" data="{{...item}}"/></view>'),
    "include in body": '<view wx:for="{{list}}"><include src="inc"/></view>',
    "wxs in body": ('<wxs module="m">module.exports.f = function (s) { return s + "!" }</wxs>'
                    '<view wx:for="{{list}}">{{m.f(item.title)}}</view>'),
    "two loops": ITEM + '<text wx:for="{{names}}">{{item}}</text>',
}
FILES = {"p/inc.wxml": "<text>{{item.title}}-{{prefix}}</text>"}


def _item(i: int, **extra) -> dict:
    return {"id": i, "title": f"Item {i}", "n": i % 4, "hot": i % 3 == 0, "tags": [f"t{i % 2}", "x"], **extra}


def _steps() -> list[list[tuple[list, object]]]:
    """setData change lists (path, value) applied one after another."""
    return [
        [(["list", 2, "title"], "changed")],
        [(["list", 4], _item(40, hot=True))],
        [(["list", 5], _item(5)), (["list", 6], _item(6))],  # append two
        [(["prefix"], "P")],
        [(["list", "1", "n"], 9)],  # a string index
        [(["list", 0, "tags", 0], "t9")],
        [(["flag"], False)],
        [(["names"], ["a", "b", "c"])],
        [(["list"], [_item(9), _item(2), _item(7)])],  # the whole list replaced (shorter)
        [(["list", 1, "title"], "again")],
        [(["other"], 1)],  # nothing a loop reads
        [(["list", 3], _item(3))],  # past the end
        [(["list", "length"], 2)],
        [(["names", 1], "B")],
        [(["list"], {"a": _item(1), "b": _item(2)})],  # no longer an array
        [(["list"], [_item(1), _item(2)])],
        [(["list", 0, "title"], "x")],
        [(["list", 7, "tags", 1], "deep")],  # creates the item and its list on the way
        [(["list", -1], _item(99))],  # a negative index: the kept data asks for the whole data
        [(["__proto__", "polluted"], 1)],
        [(["list", 2], None), (["list", 2, "title"], "made again")],
        [("prefix", "a string path")],
    ]


def _runtime(src: str) -> TemplateRuntime:
    files = {"p/a.wxml": src, **FILES}

    def read(rel: str) -> str:
        if rel not in files:
            raise error("not found", rel)
        return files[rel]

    rt = TemplateRuntime(DiagnosticLog())
    rt.load(compile_wxml(read, "p/a.wxml", DiagnosticLog()))
    return rt


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_reused_items_render_what_a_fresh_render_gives(name):
    memo, fresh = _runtime(TEMPLATES[name]), _runtime(TEMPLATES[name])
    data = {"list": [_item(i) for i in range(5)], "prefix": "p", "flag": True, "names": ["a"], "other": 0}
    assert memo.render("p/a.wxml", data, "inst", None) == fresh.render("p/a.wxml", data)
    for changes in _steps():
        for path, value in changes:
            apply_change(data, path, copy.deepcopy(value))
        got = memo.render("p/a.wxml", data, "inst", [[p, copy.deepcopy(v)] for p, v in changes])
        assert got == fresh.render("p/a.wxml", copy.deepcopy(data)), changes


def test_unknown_changes_and_other_instances_reuse_nothing_stale():
    rt, fresh = _runtime(ITEM), _runtime(ITEM)
    a = {"list": [_item(i) for i in range(3)]}
    b = {"list": [_item(i + 10) for i in range(3)]}
    rt.render("p/a.wxml", a, "a", None)
    assert rt.render("p/a.wxml", b, "b", None) == fresh.render("p/a.wxml", b)
    a["list"][1]["title"] = "set behind the view's back"
    b["list"][0]["title"] = "also behind its back"
    assert rt.render("p/a.wxml", b, "b", []) != fresh.render("p/a.wxml", b)  # kept: not re-read
    assert rt.render("p/a.wxml", b, "b", None) == fresh.render("p/a.wxml", b)
    assert rt.render("p/a.wxml", a, "a", None) == fresh.render("p/a.wxml", a)  # None: unknown
    rt.forget_instance("a")
    assert rt.render("p/a.wxml", a, "a", []) == fresh.render("p/a.wxml", a)  # forgotten: rendered anew


def test_changed_code_forgets_kept_items():
    src = {"p/a.wxml": '<view wx:for="{{list}}">{{item}}</view>'}
    rt = TemplateRuntime(DiagnosticLog())
    rt.load(compile_wxml(src.get, "p/a.wxml", DiagnosticLog()))
    rt.render("p/a.wxml", {"list": [1, 2]}, "i", None)
    src["p/a.wxml"] = '<text wx:for="{{list}}">{{item}}</text>'
    rt.load(compile_wxml(src.get, "p/a.wxml", DiagnosticLog()))
    assert rt.render("p/a.wxml", {"list": [1, 2]}, "i", []) == [["text", {}, ["1"], None], ["text", {}, ["2"], None]]


@pytest.mark.parametrize("name,reuses", [
    ("plain", True), ("reads other data", True), ("block body", True), ("two loops", True),
    ("call in body", False), ("template in body", False), ("include in body", False), ("wxs in body", False),
])
def test_only_pure_loops_reuse_items(name, reuses):
    files = {"p/a.wxml": TEMPLATES[name], **FILES}
    unit = compile_wxml(files.get, "p/a.wxml", DiagnosticLog()).units["p/a.wxml"]
    assert ("$W.eachm(" in unit) is reuses


def test_nested_and_template_loops_do_not_reuse():
    src = ('<template name="t"><view wx:for="{{list}}">{{item}}</view></template>'
           '<view wx:for="{{rows}}"><text wx:for="{{item.cells}}">{{item}}</text></view>')
    unit = compile_wxml({"p/a.wxml": src}.get, "p/a.wxml", DiagnosticLog()).units["p/a.wxml"]
    assert unit.count("$W.eachm(") == 1  # the outer loop of the body only


def test_kept_data_takes_the_changes_and_impure_templates_keep_none():
    pure, calls = _runtime('<view wx:for="{{list}}">{{item}}</view>'), _runtime("<view>{{x.toFixed(1)}}</view>")
    pure.render("p/a.wxml", {"list": [1, 2]}, "i", None)
    # the data passed is not read again: the kept copy takes the change
    assert pure.render("p/a.wxml", {"ignored": True}, "i", [[["list", 2], 3]]) == [
        ["view", {}, ["1"], None], ["view", {}, ["2"], None], ["view", {}, ["3"], None]]
    calls.render("p/a.wxml", {"x": 1}, "i", None)
    assert calls.render("p/a.wxml", {"x": 2}, "i", [[["x"], 2]]) == [["view", {}, ["2.0"], None]]


def test_unchanged_items_come_back_as_the_same_vnode_objects():
    rt = _runtime(TEMPLATES["block body"])  # two vnodes per item
    data = {"list": [_item(i) for i in range(4)] + [_item(1)]}  # a repeated item: equal pieces
    first = rt.render("p/a.wxml", data, "i", None)
    apply_change(data, ["list", 2, "title"], "new")
    second = rt.render("p/a.wxml", data, "i", [[["list", 2, "title"], "new"]])
    assert second == _runtime(TEMPLATES["block body"]).render("p/a.wxml", data)
    elements = [(a, b) for a, b in zip(first, second) if isinstance(a, list)]  # (texts may be interned)
    assert [a is b for a, b in elements] == [True, True, False, True, True]


def test_a_loop_skipped_by_a_render_does_not_refer_back_past_it():
    src = ('<view wx:if="{{show}}"><text wx:for="{{list}}">{{item}}</text></view>'
           '<view wx:for="{{other}}">{{item}}</view>')
    rt, fresh = _runtime(src), _runtime(src)
    data = {"show": True, "list": ["a", "b"], "other": [1, 2, 3]}
    steps = [[(["show"], False)], [(["other", 0], 9)], [(["show"], True)], [(["list", 1], "c")], [(["other"], [])],
             [(["other"], [4])]]
    rt.render("p/a.wxml", data, "i", None)
    for changes in steps:
        for path, value in changes:
            apply_change(data, path, value)
        assert rt.render("p/a.wxml", data, "i", [[p, v] for p, v in changes]) == fresh.render("p/a.wxml", data)
