"""WXSS parsing: selectors, specificity, declarations, warnings, @import."""

from __future__ import annotations

import pytest

from bridge.diagnostics import DiagnosticLog
from renderer.wxss import parse_stylesheet


def parse(text: str, files: dict[str, str] | None = None, path: str = "pages/a/a.wxss"):
    log = DiagnosticLog()

    def read(rel: str) -> str:
        if files is None or rel not in files:
            raise FileNotFoundError(rel)
        return files[rel]

    return parse_stylesheet(text, path, read, log), log


@pytest.mark.parametrize("sel,spec", [
    ("view", (0, 0, 1)), (".a", (0, 1, 0)), ("#x", (1, 0, 0)), ("*", (0, 0, 0)),
    ("view.a.b", (0, 2, 1)), (".a .b > text", (0, 2, 1)), ("page", (0, 0, 1)),
    (".a:first-child", (0, 2, 0)), ("#x .y:last-child view", (1, 2, 1)),
])
def test_specificity(sel, spec):
    sheet, log = parse(sel + " { color: red }")
    assert not log.items
    assert [r.selector.specificity for r in sheet.rules] == [spec]


def test_grouping_makes_one_rule_per_selector_in_order():
    sheet, _ = parse(".a, .b { color: red } .c { color: blue }")
    assert [r.selector.text for r in sheet.rules] == [".a", ".b", ".c"]
    assert [r.order for r in sheet.rules] == [0, 1, 2]


def test_declaration_positions_and_important():
    sheet, _ = parse(".a {\n  color: red !important;\n  margin: 0 auto;\n}")
    color, margin = sheet.rules[0].declarations
    assert (color.important, color.line, color.column) == (True, 2, 3)
    assert dict(margin.longhands) == {"margin-top": ("px", 0.0), "margin-right": "auto",
                                      "margin-bottom": ("px", 0.0), "margin-left": "auto"}
    assert not margin.important


def test_unsupported_property_warns_once_with_position():
    sheet, log = parse(".a { letter-spacing: 1px; }\n.b { letter-spacing: 0; color: red }")
    assert [str(d) for d in log.items] == ["pages/a/a.wxss:1:6: warning: unsupported property 'letter-spacing'"]
    assert dict(sheet.rules[1].declarations[0].longhands) == {"color": (255, 0, 0, 1.0)}


def test_unsupported_selector_skips_only_that_selector():
    sheet, log = parse(".a::placeholder, .b { color: red }\n.c:hover { color: red }\n.d:nth-child(x) {}\n[x=] {}")
    assert [r.selector.text for r in sheet.rules] == [".b"]
    assert [str(d) for d in log.items] == [
        "pages/a/a.wxss:1:3: warning: unsupported selector pseudo-element '::placeholder' in '.a::placeholder'; selector skipped",
        "pages/a/a.wxss:2:3: warning: unsupported selector pseudo-class ':hover' in '.c:hover'; selector skipped",
        "pages/a/a.wxss:3:3: warning: unsupported selector malformed ':nth-child()' in '.d:nth-child(x)'; selector skipped",
        "pages/a/a.wxss:4:1: warning: unsupported selector malformed attribute selector in '[x=]'; selector skipped",
    ]


def test_repeated_unsupported_construct_warns_once():
    _, log = parse(".a:hover {}\n.b:hover {}")
    assert len(log.items) == 1 and log.items[0].line == 1


def test_at_rules_skipped_with_one_warning_each():
    sheet, log = parse("@media (hover: hover) { .a { color: red } }\n@page { margin: 0 }\n"
                       "@font-face { font-family: x }\n@supports (a) {}\n.z { color: red }")
    assert [r.selector.text for r in sheet.rules] == [".z"]
    assert [(d.line, d.message) for d in log.items] == [
        (1, "@media: unsupported media feature 'hover'; rules inside skipped"),
        (2, "@page is not supported; rule skipped"),
        (3, "@font-face without a font-family or a usable src; rule skipped"),
        (4, "@supports is not supported; rule skipped")]


def test_import_is_relative_and_inlined_in_place():
    files = {"pages/common/base.wxss": ".base { color: red }", "styles/x.wxss": ".x { color: blue }"}
    sheet, log = parse('@import "../common/base.wxss";\n@import "/styles/x.wxss";\n.own { color: green }', files)
    assert not log.items
    assert [(r.selector.text, r.file) for r in sheet.rules] == [
        (".base", "pages/common/base.wxss"), (".x", "styles/x.wxss"), (".own", "pages/a/a.wxss")]
    assert sheet.imports == ["pages/common/base.wxss", "styles/x.wxss"]


def test_import_cycle_is_guarded():
    files = {"a.wxss": '@import "b.wxss"; .a {}', "b.wxss": '@import "a.wxss"; .b {}'}
    sheet, log = parse(files["a.wxss"], files, path="a.wxss")
    assert [r.selector.text for r in sheet.rules] == [".b", ".a"]
    assert len(log.items) == 1 and "cycle" in log.items[0].message and log.items[0].file == "b.wxss"


def test_missing_import_reports_and_continues():
    sheet, log = parse('@import "nope.wxss";\n.a { color: red }')
    assert [r.selector.text for r in sheet.rules] == [".a"]
    assert log.items[0].severity == "error" and log.items[0].line == 1 and "nope.wxss" in log.items[0].message


def test_invalid_value_reports_and_keeps_others():
    sheet, log = parse(".a { width: red; height: 10px }")
    assert [d.message for d in log.items] == ["invalid value for 'width': red"]
    assert [d.name for d in sheet.rules[0].declarations] == ["height"]


def test_calc_is_parsed_and_var_is_kept_for_the_cascade():
    sheet, log = parse(".a { width: calc(100% - 10px); color: var(--c); --c: red }")
    assert log.items == []
    width, color, custom = sheet.rules[0].declarations
    assert width.longhands == (("width", ("calc", (("%", 100.0), ("px", -10.0)))),)
    assert (color.name, color.raw, color.custom) == ("color", "var(--c)", False)
    assert (custom.name, custom.raw, custom.custom) == ("--c", "red", True)


@pytest.mark.parametrize("decl,expected", [
    ("padding: 1px 2px", {"padding-top": ("px", 1.0), "padding-right": ("px", 2.0),
                          "padding-bottom": ("px", 1.0), "padding-left": ("px", 2.0)}),
    ("margin: 1px 2px 3px", {"margin-top": ("px", 1.0), "margin-right": ("px", 2.0),
                             "margin-bottom": ("px", 3.0), "margin-left": ("px", 2.0)}),
    ("border-bottom: 1rpx solid #eee", {"border-bottom-width": ("rpx", 1.0), "border-bottom-style": "solid",
                                        "border-bottom-color": (238, 238, 238, 1.0)}),
    ("flex: 1", {"flex-grow": 1.0, "flex-shrink": 1.0, "flex-basis": ("px", 0.0)}),
    ("flex: none", {"flex-grow": 0.0, "flex-shrink": 0.0, "flex-basis": "auto"}),
    ("flex: 2 0 50%", {"flex-grow": 2.0, "flex-shrink": 0.0, "flex-basis": ("%", 50.0)}),
    ("flex-flow: column wrap", {"flex-direction": "column", "flex-wrap": "wrap"}),
    ("gap: 4px 8px", {"row-gap": ("px", 4.0), "column-gap": ("px", 8.0)}),
    ("overflow: hidden", {"overflow-x": "hidden", "overflow-y": "hidden"}),
    ("background: #fff", {"background-color": (255, 255, 255, 1.0), "background-image": "none",
                          "background-position": (("%", 0.0), ("%", 0.0)), "background-size": "auto",
                          "background-repeat": ("repeat", "repeat")}),
    ("color: rgba(0, 0, 0, .5)", {"color": (0, 0, 0, 0.5)}),
    ("color: #0f08", {"color": (0, 255, 0, 0.5333)}),
    ("color: hsl(120, 100%, 50%)", {"color": (0, 255, 0, 1.0)}),
    ("color: transparent", {"color": (0, 0, 0, 0.0)}),
    ("border-radius: 4px 8px", {"border-top-left-radius": ("px", 4.0), "border-top-right-radius": ("px", 8.0),
                                "border-bottom-right-radius": ("px", 4.0), "border-bottom-left-radius": ("px", 8.0)}),
    ("font-family: 'PingFang SC', Helvetica Neue, sans-serif", {"font-family": ("PingFang SC", "Helvetica Neue", "sans-serif")}),
])
def test_shorthands_and_values(decl, expected):
    sheet, log = parse(".a { %s }" % decl)
    assert not log.items
    assert dict(sheet.rules[0].declarations[0].longhands) == expected
