"""WXS dialect: unknown string escapes keep their backslash; `.constructor` is a type name."""

from __future__ import annotations

from renderer.wxml.compiler import compile_wxml
from renderer.wxml.runtime import TemplateRuntime

WXS = r"""
var NUM = getRegExp('^-?\d+(\.\d+)?$');
module.exports = {
  unit: function (v) { return NUM.test('' + v) ? v + 'px' : v; },
  kind: function (v) { return v.constructor; },
  quoted: function () { return 'a\'b\n'.length + "\\".length; }
};
"""


def render(wxml: str) -> list:
    files = {"a.wxml": wxml, "u.wxs": WXS}
    runtime = TemplateRuntime()
    runtime.load(compile_wxml(lambda rel: files[rel], "a.wxml"))
    return runtime.render("a.wxml", {"n": 264, "obj": {"a": 1}, "list": [1], "s": "x"})


def test_regexp_from_a_string_with_backslash_d_matches_digits():
    [[_, attrs, _, _]] = render('<wxs src="u.wxs" module="u"/><view style="height: {{u.unit(n)}}"/>')
    assert attrs["style"] == "height: 264px"


def test_constructor_is_the_type_name_and_known_escapes_still_work():
    [[_, _, children, _]] = render('<wxs src="u.wxs" module="u"/>'
                                   '<view>{{u.kind(obj)}} {{u.kind(list)}} {{u.kind(s)}} {{u.quoted()}}</view>')
    assert children == ["Object Array String 5"]
