"""vertical-align (CSS 2.1 §10.8) for inline-blocks sharing a line, approximated on the
anonymous line row's cross axis; no effect on flex items."""

from __future__ import annotations

from bridge.diagnostics import DiagnosticLog
from renderer.layout import ApproxMeasurer, layout_tree
from renderer.layout.session import LayoutSession
from renderer.layout.styled import apply_styles, from_vnodes
from renderer.wxss import StyleResolver, Viewport, default_stylesheet, parse_stylesheet

VP = Viewport(375.0, 667.0, 2.0)
ITEMS = ".s { display: inline-block; width: 30px; height: 20px } .b { display: inline-block; width: 30px; height: 40px }"


def el(tag: str, attrs: dict | None = None, *children) -> list:
    return [tag, attrs or {}, list(children), None]


def styled(css: str, vnodes: list):
    log = DiagnosticLog()
    sheet = parse_stylesheet(css, "p.wxss", lambda r: "", log)
    assert not log.items, log.items
    root = from_vnodes(vnodes)
    apply_styles(root, StyleResolver([default_stylesheet(), sheet], VP, log))
    return root


def line(valign: str, parent: str = "") -> tuple:
    css = f"{ITEMS} .s {{ vertical-align: {valign} }} .p {{ {parent} }}"
    root = styled(css, [el("view", {"class": "p"}, el("view", {"class": "s"}), el("view", {"class": "b"}))])
    return layout_tree(root, VP, ApproxMeasurer()).children[0].dump()


def test_valign_middle_centres_the_small_inline_block():
    assert line("middle") == ("view", 0, 0, 375, 40, ("view", 0, 10, 30, 20), ("view", 30, 0, 30, 40))


def test_valign_top_and_bottom():
    assert line("top")[5] == ("view", 0, 0, 30, 20)
    assert line("bottom")[5] == ("view", 0, 20, 30, 20)


def test_valign_baseline_and_others_keep_bottom_alignment():
    for value in ("baseline", "text-top", "sub", "super", "4px", "-10%"):
        assert line(value)[5] == ("view", 0, 20, 30, 20), value


def test_valign_has_no_effect_on_flex_items():
    box = line("middle", "display: flex; align-items: flex-start")
    assert box[5] == ("view", 0, 0, 30, 20)


def test_valign_property_is_parsed_not_inherited():
    root = styled(".p { vertical-align: middle }", [el("view", {"class": "p"}, el("view"))])
    parent = root.children[0]
    assert parent.style.get("vertical-align") == "middle"
    assert parent.children[0].style.get("vertical-align") == "baseline"
    log = DiagnosticLog()
    parse_stylesheet(".x { vertical-align: 3rpx } .y { vertical-align: nonsense }", "p.wxss", lambda r: "", log)
    assert len(log.items) == 1


def test_valign_reused_item_is_restyled_when_it_leaves_the_line():
    css = f"{ITEMS} .s {{ vertical-align: middle }} .f {{ display: flex; align-items: flex-start }}"
    root = styled(css, [el("view", {"class": "p"}, el("view", {"class": "s"}), el("view", {"class": "b"}))])
    flex = styled(css, [el("view", {"class": "f"})]).children[0].style
    session = LayoutSession(VP, ApproxMeasurer())
    try:
        assert session.layout(root).children[0].children[0].y == 10
        parent = root.children[0]
        block = parent.style
        parent.style = flex  # the items themselves are unchanged and reused
        assert session.layout(root).children[0].children[0].y == 0
        parent.style = block
        assert session.layout(root).children[0].children[0].y == 10
    finally:
        session.release()
