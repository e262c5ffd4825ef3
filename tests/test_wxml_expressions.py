from __future__ import annotations

import pytest

from bridge.diagnostics import DiagnosticLog, error
from renderer.wxml.compiler import compile_wxml
from renderer.wxml.expressions import Mustache, Where, decode_string, parse_expression, path_of, split_mustache
from renderer.wxml.runtime import TemplateRuntime


def render(src: str, data: dict, files: dict[str, str] | None = None):
    all_files = {"p/a.wxml": src, **(files or {})}

    def read(rel: str) -> str:
        if rel not in all_files:
            raise error("not found", rel)
        return all_files[rel]

    log = DiagnosticLog()
    rt = TemplateRuntime(log)
    rt.load(compile_wxml(read, "p/a.wxml", log))
    return rt.render("p/a.wxml", data), [str(d) for d in log.items]


def text(expr: str, data: dict | None = None) -> str:
    tree, diags = render(f"<view>{expr}</view>", data or {})
    assert diags == []
    return "".join(tree[0][2])


def test_conformance_1_mixed_text_and_unclosed_mustache():
    assert text("123-{{a+b}}-456-{{a-b}}-{{", {"a": 4, "b": 1}) == "123-5-456-3-{{"


def test_conformance_1_single_mustache_attribute_keeps_type():
    tree, _ = render('<c n="{{n}}" o="{{o}}" b="{{true}}" arr="{{[1, n]}}" s="x{{n}}" plain="7"/>',
                     {"n": 3, "o": {"k": [1]}})
    assert tree[0][1] == {"n": 3, "o": {"k": [1]}, "b": True, "arr": [1, 3], "s": "x3", "plain": "7"}


def test_conformance_2_booleans_and_undefined_paths():
    assert text("{{false}}") == "false"
    assert text("[{{missing}}][{{a.b.c.d}}][{{a[0].x}}]", {"a": None}) == "[][][]"
    tree, _ = render('<view class="{{true}}"/>', {})
    assert tree[0][1]["class"] == "true"


def test_text_of_null_objects_and_arrays_follows_string_conversion():
    assert text("{{n}}|{{arr}}|{{obj}}", {"n": None, "arr": [1, [2, 3]], "obj": {"a": 1}}) == "|1,2,3|[object Object]"


def test_javascript_arithmetic_and_number_printing():
    assert text("{{0.1 + 0.2}}") == "0.30000000000000004"
    assert text("{{1/3}}|{{1e21}}|{{10/0}}|{{-0}}|{{7 % 3}}") == "0.3333333333333333|1e+21|Infinity|0|1"
    assert text("{{'a' + 1 + 2}}|{{1 + 2 + 'a'}}|{{'3' * '4'}}") == "a12|3a|12"


def test_string_literals_and_escapes():
    assert text(r"""{{'it\'s' + "\t|" + '\u0041\x42'}}""") == "it's\t|AB"
    assert decode_string(r"'a\nb\\c'") == "a\nb\\c"


def test_comparisons_logic_and_ternaries():
    data = {"a": 1, "b": "1", "z": 0, "u": None}
    assert text("{{a == b}}{{a === b}}{{a != b}}{{a !== b}}", data) == "truefalsefalsetrue"
    assert text("{{a < 2}}{{a >= 2}}{{!z}}{{z || 'dflt'}}{{a && 'yes'}}{{u ?? 'nn'}}", data) == "truefalsetruedflt yesnn".replace(" ", "")
    assert text("{{a > 0 ? 'pos' : a < 0 ? 'neg' : 'zero'}}", data) == "pos"
    assert text("{{typeof a}}|{{typeof nothing}}|{{-a}}|{{+b}}", data) == "number|undefined|-1|1"


def test_member_access_methods_and_lengths():
    data = {"price": 3.14159, "list": [1, 2, 3], "s": "hello", "m": {"k": "v"}, "key": "k"}
    assert text("{{price.toFixed(2)}}|{{list.length}}|{{list.indexOf(2)}}|{{s.toUpperCase()}}", data) == "3.14|3|1|HELLO"
    assert text("{{m[key]}}|{{m['k']}}|{{list[1]}}|{{s.length}}", data) == "v|v|2|5"
    assert text("{{list.join('-')}}|{{s.split('l').length}}", data) == "1-2-3|3"


def test_array_and_object_literals_with_spread():
    tree, _ = render("""<c a="{{[1, ...xs, 4]}}" o="{{ {a: 1, b, ...rest, c: 'x'} }}"/>""",
                     {"xs": [2, 3], "b": 2, "rest": {"a": 9, "d": 4}})
    assert tree[0][1] == {"a": [1, 2, 3, 4], "o": {"a": 9, "b": 2, "d": 4, "c": "x"}}


def test_syntax_error_points_at_offending_character_in_file():
    tree, diags = render('<view>\n  <text a="x {{ a +* b }}">ok</text>\n</view>', {})
    assert diags == ["p/a.wxml:2:20: error: unexpected '*' in expression"]
    assert tree[0][2][0][1] == {"a": "x "}


def test_syntax_error_unexpected_end_and_bad_character():
    _, diags = render("<view>{{ a.( }}</view>\n<view>{{ # }}</view>", {})
    assert diags == [
        "p/a.wxml:1:12: error: unexpected '(' in expression",
        "p/a.wxml:2:10: error: unexpected character '#' in expression",
    ]
    _, diags = render("<view>{{ (a + }}</view>", {})
    assert diags == ["p/a.wxml:1:14: error: unexpected end of expression"]


def test_runtime_error_is_reported_and_renders_empty():
    tree, diags = render("<view>a\n<text>[{{ nope(1) }}]</text></view>", {})
    assert tree[0][2] == ["a\n", ["text", {}, ["[]"], None]]
    assert diags == ["p/a.wxml:2:11: error: TypeError: undefined is not a function"]


def test_split_mustache_and_paths():
    assert split_mustache("a{{b}}c") == ["a", Mustache("b", 3), "c"]
    assert split_mustache("{{ {x: {y: 1}} }}") == [Mustache(" {x: {y: 1}} ", 2)]
    log = DiagnosticLog()
    tree = parse_expression(Mustache("a.b[0]['c']", 0), Where("f", 1, 1, "a.b[0]['c']"), log)
    assert tree is not None and path_of(tree) == "a.b[0].c"
    tree = parse_expression(Mustache("a + 1", 0), Where("f", 1, 1, "a + 1"), log)
    assert tree is not None and path_of(tree) is None


@pytest.mark.parametrize("expr, expected", [
    ("{{list[5]}}", ""),
    ("{{obj.missing.deeper}}", ""),
    ("{{undefined}}", ""),
    ("{{null}}", ""),
    ("{{true && 0}}", "0"),
])
def test_undefined_and_falsy_rendering(expr, expected):
    assert text(expr, {"list": [], "obj": {}}) == expected
