"""CSS custom properties and var() through the cascade (CSS Variables 1)."""

from __future__ import annotations

from bridge.diagnostics import DiagnosticLog
from renderer.wxss.cascade import StyleResolver
from renderer.wxss.stylesheet import parse_stylesheet
from renderer.wxss.viewport import Viewport


class Node:
    def __init__(self, tag: str, classes: tuple = (), parent: "Node | None" = None, style: str = ""):
        self.tag, self.id, self.classes, self.attrs = tag, None, classes, {}
        self.parent, self.index, self.sibling_count, self.inline_style = parent, 0, 1, style


def styles(css: str, *chain: Node) -> tuple[list, DiagnosticLog]:
    log = DiagnosticLog()
    sheet = parse_stylesheet(css, "a.wxss", lambda rel: "", log)
    resolver = StyleResolver([sheet], Viewport(375, 667, 2), log)
    out, parent = [], None
    for node in chain:
        parent = resolver.compute(node, parent)
        out.append(parent)
    return out, log


def test_custom_properties_inherit_and_substitute_into_shorthands():
    page = Node("page")
    a = Node("view", ("a",), page)
    (_, st), log = styles("page { --gap: 8px; --c: #ff0000 } .a { margin: var(--gap) 0; color: var(--c) }", page, a)
    assert (st.get("margin-top"), st.get("margin-left"), st.get("color")) == (8.0, 0.0, (255, 0, 0, 1.0))
    assert log.items == []


def test_nearest_declaration_wins_and_fallbacks_apply():
    page = Node("page")
    b = Node("view", ("b",), page)
    c = Node("view", ("c",), b)
    css = "page { --w: 10px } .b { --w: 20rpx } .c { width: var(--w); height: var(--none, var(--w)) }"
    (_, _, st), _ = styles(css, page, b, c)
    assert st.get("width") == 10.0 and st.get("height") == 10.0  # 20rpx at 375 px wide


def test_inline_style_can_set_and_use_custom_properties():
    page = Node("page", style="--h: 30px")
    a = Node("view", (), page, style="height: var(--h)")
    (_, st), _ = styles("", page, a)
    assert st.get("height") == 30.0


def test_unresolvable_reference_unsets_the_property_and_names_the_line():
    page = Node("page")
    a = Node("view", ("a",), page)
    (_, st), log = styles(".a {\n  color: blue;\n  color: var(--missing);\n  --self: var(--self);\n  width: var(--self) }",
                          page, a)
    assert st.get("color") == (0, 0, 0, 1.0)       # unset → inherited initial value, not blue
    assert st.get("width") == "auto"               # a cycle is invalid too
    assert [(d.line, "undefined custom property" in d.message) for d in log.items][0] == (3, True)


def test_value_invalid_after_substitution_is_reported_at_its_declaration():
    page = Node("page")
    a = Node("view", ("a",), page)
    (_, st), log = styles(".a { --x: red; width: var(--x) }", page, a)
    assert st.get("width") == "auto"
    assert log.items and log.items[0].line == 1 and "after var() substitution" in log.items[0].message
