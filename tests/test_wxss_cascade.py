"""The cascade and computed values: specificity, order, !important, inline, inheritance, units."""

from __future__ import annotations

import pytest

from bridge.diagnostics import DiagnosticLog
from renderer.layout.styled import apply_styles, from_vnodes
from renderer.wxss import StyleResolver, Viewport, default_stylesheet, parse_stylesheet


def styled(css: str, vnodes: list, width: float = 375.0, log: DiagnosticLog | None = None):
    log = log if log is not None else DiagnosticLog()
    sheet = parse_stylesheet(css, "p.wxss", lambda r: "", log)
    resolver = StyleResolver([default_stylesheet(), sheet], Viewport(width, 700.0, 2.0), log)
    root = from_vnodes(vnodes)
    apply_styles(root, resolver)
    return root


def el(tag: str, attrs: dict | None = None, *children) -> list:
    return [tag, attrs or {}, list(children), None]


def first(css: str, attrs: dict, tag: str = "view", width: float = 375.0):
    return styled(css, [el(tag, attrs)], width).children[0].style


def test_specificity_beats_order_and_later_wins_ties():
    css = ".a.b { color: red } .a { color: blue } view { color: green } .b { color: #00f }"
    assert first(css, {"class": "a b"}).get("color") == (255, 0, 0, 1.0)
    assert first(".a { color: red } .b { color: blue }", {"class": "a b"}).get("color") == (0, 0, 255, 1.0)
    assert first("#x { color: red } .a.b.c { color: blue }", {"id": "x", "class": "a b c"}).get("color") == (255, 0, 0, 1.0)


def test_important_and_inline_style():
    assert first(".a { color: red }", {"class": "a", "style": "color: blue"}).get("color") == (0, 0, 255, 1.0)
    assert first(".a { color: red !important }", {"class": "a", "style": "color: blue"}).get("color") == (255, 0, 0, 1.0)
    assert first(".a { color: red !important }", {"class": "a", "style": "color: blue !important"}).get("color") == (0, 0, 255, 1.0)
    assert first("#i { color: red } .a { color: blue !important }", {"id": "i", "class": "a"}).get("color") == (0, 0, 255, 1.0)


def test_author_beats_builtin_defaults_regardless_of_specificity():
    style = first(".btn { background-color: red }", {"class": "btn", "type": "primary"}, tag="button")
    assert style.get("background-color") == (255, 0, 0, 1.0)
    assert style.get("color") == (255, 255, 255, 1.0)  # from button[type=primary]


def test_inheritance_of_inherited_properties_only():
    root = styled(".p { color: red; font-size: 20px; padding: 5px; text-align: center }",
                  [el("view", {"class": "p"}, el("view", {}, el("text", {}, "x")))])
    child = root.children[0].children[0]
    assert child.style.get("color") == (255, 0, 0, 1.0)
    assert child.style.get("font-size") == 20.0
    assert child.style.get("text-align") == "center"
    assert child.style.get("padding-top") == 0.0


def test_descendant_child_and_structural_selectors():
    css = (".list > .it { color: red } .list .deep { color: blue } .it:first-child { font-size: 10px }"
           " .it:last-child { font-size: 30px } page .x { width: 7px }")
    root = styled(css, [el("view", {"class": "list"}, el("view", {"class": "it"}), el("view", {"class": "it x"}),
                           el("view", {"class": "it"}, el("view", {"class": "deep it"})))])
    a, b, c = root.children[0].children
    assert a.style.get("color") == (255, 0, 0, 1.0) and a.style.get("font-size") == 10.0
    assert b.style.get("font-size") == 16.0 and b.style.get("width") == 7.0
    assert c.style.get("font-size") == 30.0
    deep = c.children[0]
    assert deep.style.get("color") == (0, 0, 255, 1.0)  # not a direct child of .list


@pytest.mark.parametrize("width,expected", [(375.0, 16.0), (414.0, 414 / 750 * 32)])
def test_rpx_scales_with_device_width(width, expected):
    assert first(".a { width: 32rpx }", {"class": "a"}, width=width).get("width") == pytest.approx(expected)


@pytest.mark.parametrize("width", [375.0, 414.0])
def test_vw_vh_percent_em_rem(width):
    style = first(".a { width: 50vw; height: 10vh; min-width: 40%; font-size: 20px; padding-left: 2em;"
                  " margin-top: 1.5rem; line-height: 1.5 }", {"class": "a"}, width=width)
    assert style.get("width") == pytest.approx(width / 2)
    assert style.get("height") == pytest.approx(70.0)
    assert style.get("min-width") == ("%", 40.0)
    assert style.get("padding-left") == 40.0
    assert style.get("margin-top") == 24.0  # rem = page font size (16px)
    assert style.get("line-height") == 30.0


def test_em_font_size_is_relative_to_parent_and_number_line_height_inherits_as_factor():
    root = styled(".p { font-size: 20px; line-height: 2 } .c { font-size: 1.5em }",
                  [el("view", {"class": "p"}, el("view", {"class": "c"}))])
    c = root.children[0].children[0]
    assert c.style.get("font-size") == 30.0
    assert c.style.get("line-height") == 60.0


def test_line_height_normal_is_1_4_times_font_size_and_page_defaults():
    root = styled("", [el("view", {})])
    assert root.style.get("font-size") == 16.0 and root.style.get("color") == (0, 0, 0, 1.0)
    assert root.style.get("line-height") == pytest.approx(22.4)


def test_currentcolor_and_border_width_without_style():
    style = first(".a { color: #f00; border: 2px solid; border-left-style: none; background-color: currentColor }", {"class": "a"})
    assert style.get("border-top-color") == (255, 0, 0, 1.0)
    assert style.get("border-top-width") == 2.0 and style.get("border-left-width") == 0.0
    assert style.get("background-color") == (255, 0, 0, 1.0)


def test_builtin_component_defaults():
    root = styled("", [el("text", {}), el("image", {}), el("button", {}), el("button", {"size": "mini"}),
                       el("navigator", {}), el("button", {"disabled": False})])
    text, image, button, mini, nav, enabled = (c.style for c in root.children)
    assert text.get("display") == "inline" and nav.get("display") == "block"
    assert (image.get("display"), image.get("width"), image.get("height")) == ("inline-block", 320.0, 240.0)
    assert (button.get("display"), button.get("font-size"), button.get("padding-left")) == ("block", 18.0, 14.0)
    assert button.get("line-height") == pytest.approx(46.0)
    assert button.get("background-color") == (248, 248, 248, 1.0)
    assert (mini.get("display"), mini.get("font-size")) == ("inline-block", 13.0)
    assert mini.get("padding-left") == pytest.approx(13 * 1.34)
    assert enabled.get("color") == (0, 0, 0, 1.0)  # disabled={{false}} is not disabled


def test_inline_style_warning_and_bad_input_never_crash():
    log = DiagnosticLog()
    root = styled("", [el("view", {"style": "colour: red; width: ;;; height: 5px"})], log=log)
    assert root.children[0].style.get("height") == 5.0
    assert "unsupported property 'colour' (inline style)" in [d.message for d in log.items]
    assert "invalid value for 'width':  (inline style)" in [d.message for d in log.items]
    assert all(d.line is None for d in log.items)


def test_equal_styles_are_shared_objects_and_hashable():
    root = styled(".a { color: red }", [el("view", {"class": "a"}), el("view", {"class": "a"})])
    a, b = root.children
    assert a.style is b.style
    assert len({a.style, b.style, root.style}) == 2
    with pytest.raises(AttributeError):
        a.style._values = {}
