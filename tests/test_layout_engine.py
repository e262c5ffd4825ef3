"""Layout: block stacking, box model, flex, positioning, display none, text wrapping, W1."""

from __future__ import annotations

from pathlib import Path

import pytest

from bridge.diagnostics import DiagnosticLog
from renderer.layout import ApproxMeasurer, FontSpec, break_lines, layout_tree
from renderer.layout.styled import apply_styles, from_vnodes
from renderer.wxss import StyleResolver, Viewport, default_stylesheet, parse_stylesheet

VP = Viewport(375.0, 667.0, 2.0)


def el(tag: str, attrs: dict | None = None, *children) -> list:
    return [tag, attrs or {}, list(children), None]


def lay(css: str, vnodes: list, vp: Viewport = VP):
    log = DiagnosticLog()
    sheet = parse_stylesheet(css, "p.wxss", lambda r: "", log)
    assert not log.items, log.items
    root = from_vnodes(vnodes)
    apply_styles(root, StyleResolver([default_stylesheet(), sheet], vp, log))
    return layout_tree(root, vp, ApproxMeasurer())


def test_blocks_stack_vertically_with_padding_margin_border():
    box = lay(".a { height: 10px } .b { height: 20px; margin: 5px 10px; padding: 3px; border: 2px solid red }",
              [el("view", {"class": "a"}), el("view", {"class": "b"}), el("view", {"class": "a"})])
    assert box.dump() == ("page", 0, 0, 375, 60,
                          ("view", 0, 0, 375, 10),
                          ("view", 10, 15, 355, 30),  # 20 + 2 * 3 padding + 2 * 2 border
                          ("view", 0, 50, 375, 10))
    b = box.children[1]
    assert (b.border, b.padding, b.margin) == ((2, 2, 2, 2), (3, 3, 3, 3), (5, 10, 5, 10))
    assert b.content_box() == (15, 20, 345, 20)


def test_vertical_margins_collapse_between_blocks():
    box = lay(".a { height: 10px; margin-bottom: 20px } .b { height: 10px; margin-top: 30px }",
              [el("view", {"class": "a"}), el("view", {"class": "b"})])
    assert [c.y for c in box.children] == [0, 40]


def test_border_box_sizing():
    box = lay(".a { width: 100px; padding: 10px; border: 5px solid; box-sizing: border-box }", [el("view", {"class": "a"})])
    assert box.children[0].width == 100


def test_flex_row_grow_justify_align():
    css = (".row { display: flex; height: 50px; align-items: center; justify-content: space-between }"
           " .f { width: 50px; height: 20px } .g { flex: 1; height: 10px }")
    box = lay(css, [el("view", {"class": "row"}, el("view", {"class": "f"}), el("view", {"class": "g"}), el("view", {"class": "f"}))])
    assert box.children[0].dump() == ("view", 0, 0, 375, 50,
                                      ("view", 0, 15, 50, 20), ("view", 50, 20, 275, 10), ("view", 325, 15, 50, 20))


def test_flex_column_and_justify_center():
    css = ".col { display: flex; flex-direction: column; height: 100px; justify-content: center; align-items: flex-end } .f { width: 30px; height: 20px }"
    box = lay(css, [el("view", {"class": "col"}, el("view", {"class": "f"}), el("view", {"class": "f"}))])
    assert [c.dump() for c in box.children[0].children] == [("view", 345, 30, 30, 20), ("view", 345, 50, 30, 20)]


def test_absolute_positions_against_nearest_positioned_ancestor_and_fixed_against_viewport():
    css = (".rel { position: relative; margin-top: 40px; height: 100px; padding: 5px }"
           " .mid { height: 30px } .abs { position: absolute; right: 10px; bottom: 10px; width: 20px; height: 20px }"
           " .fix { position: fixed; left: 0; bottom: 0; width: 100%; height: 50px }")
    box = lay(css, [el("view", {"class": "rel"}, el("view", {"class": "mid"}, el("view", {"class": "abs"}))),
                    el("view", {"class": "fix"})])
    rel, fix = box.children
    assert rel.dump() == ("view", 0, 40, 375, 110, ("view", 5, 45, 365, 30, ("view", 345, 120, 20, 20)))
    assert fix.dump() == ("view", 0, 617, 375, 50) and fix.fixed
    assert box.height == 150  # out-of-flow boxes do not add height


def test_relative_offset():
    box = lay(".r { position: relative; top: 5px; left: 7px; height: 10px }", [el("view", {"class": "r"})])
    assert (box.children[0].x, box.children[0].y) == (7, 5)


def test_display_none_produces_no_box():
    box = lay(".n { display: none } .a { height: 10px }",
              [el("view", {"class": "n"}, el("view", {"class": "a"})), el("view", {"class": "a"})])
    assert box.dump() == ("page", 0, 0, 375, 10, ("view", 0, 0, 375, 10))


def test_text_wraps_with_approx_measurer():
    # 16px font: ASCII advance 8.8px; "aaaa bbbb cccc" = 3 words of 35.2px, space 8.8px
    box = lay(".t { width: 90px }", [el("view", {"class": "t"}, "aaaa bbbb   cccc")])
    text = box.children[0].children[0]
    assert [(t, round(x, 1), round(y, 1), round(w, 1)) for t, x, y, w in text.lines] == [
        ("aaaa bbbb", 0, 0, 79.2), ("cccc", 0, 22.4, 35.2)]
    assert box.children[0].height == pytest.approx(44.8)


def test_cjk_breaks_anywhere_and_text_align_center():
    box = lay(".t { width: 40px; font-size: 10px; text-align: center }", [el("view", {"class": "t"}, "一二三四五六")])
    lines = box.children[0].children[0].lines
    assert [ln[0] for ln in lines] == ["一二三四", "五六"]
    assert lines[1][1] == pytest.approx(10.0)  # centred: (40 - 20) / 2


def test_inline_runs_keep_their_own_style():
    box = lay(".p { font-size: 10px } .big { font-size: 20px; color: red }",
              [el("view", {"class": "p"}, "ab ", el("text", {"class": "big"}, "cd"), " ef")])
    view = box.children[0]
    first, span, last = view.children
    assert span.node.tag == "text" and span.children[0].pieces[0].style.get("color") == (255, 0, 0, 1.0)
    assert [p.text for p in first.pieces] == ["ab "]
    assert span.x == pytest.approx(5.5 * 3) and span.width == pytest.approx(22.0)
    assert view.height == pytest.approx(28.0)  # the line is as tall as its tallest run


def test_text_component_keeps_newlines_and_white_space_collapses_elsewhere():
    box = lay("", [el("text", {}, "a\nb"), el("view", {}, "c\n   d")])
    assert [ln[0] for ln in box.children[0].children[0].lines] == ["a", "b"]
    assert [ln[0] for ln in box.children[1].children[0].lines] == ["c d"]


def test_inline_blocks_share_a_line_and_wrap():
    box = lay(".i { display: inline-block; width: 150px; height: 20px }",
              [el("view", {}, el("view", {"class": "i"}), el("view", {"class": "i"}), el("view", {"class": "i"}))])
    assert [(c.x, c.y) for c in box.children[0].children] == [(0, 0), (150, 0), (0, 20)]


def test_break_lines_helper_overflows_long_words():
    lines = break_lines("supercalifragilistic a", 30.0, lambda s: 10.0 * len(s))
    assert [t for t, _ in lines] == ["supercalifragilistic", "a"]


def test_approx_measurer_contract():
    w, h, lines = ApproxMeasurer().measure("ab 中", FontSpec(size=10.0, line_height=14.0), None)
    assert (w, h, lines) == (pytest.approx(26.5), 14.0, [("ab 中", pytest.approx(26.5))])


W1 = Path("/work/shared/bench/workloads/list1000")


def w1_vnodes(n: int = 1000) -> list:
    items = []
    for i in range(n):
        tags = [el("text", {"class": "tag"}, t) for t in ("tag%d" % (i % 7), "cat%d" % (i % 5))]
        items.append(el("view", {"class": "item"}, el("view", {"class": "title"}, "Item %d" % (i + 1)),
                        el("text", {"class": "price"}, str(round(((i * 37) % 10000 + 99) / 100, 2))),
                        el("view", {"class": "tags"}, *tags)))
    return items


@pytest.mark.skipif(not (W1 / "index.wxss").exists(), reason="benchmark workloads not present")
def test_w1_list_items_stack_with_equal_heights():
    box = lay((W1 / "index.wxss").read_text(), w1_vnodes())
    assert len(box.children) == 1000
    # padding 8px (16rpx) + title 22.4 + price 19.6 (14px * 1.4) + tags 15.4 (11px * 1.4) + 8px + border 1px
    heights = {round(c.height, 3) for c in box.children}
    assert heights == {74.4}
    assert [round(c.y, 3) for c in box.children[:3]] == [0, 74.4, 148.8]
    assert box.height == pytest.approx(74400, rel=1e-4)  # Taffy computes in f32
    tags = box.children[5].children[2].children
    assert tags[1].x == pytest.approx(tags[0].x + tags[0].width + 6.0)  # margin-right 12rpx
