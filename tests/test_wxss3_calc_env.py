"""calc() with mixed units and var(), env()/constant() safe-area insets, and their layout."""

from __future__ import annotations

from bridge.diagnostics import DiagnosticLog
from renderer.layout import ApproxMeasurer, layout_tree
from renderer.layout.styled import apply_styles, from_vnodes
from renderer.wxss import StyleResolver, Viewport, default_stylesheet, parse_stylesheet

NOTCH = Viewport(375.0, 812.0, 3.0, (44.0, 0.0, 34.0, 0.0))


def el(tag: str, attrs: dict | None = None, *children) -> list:
    return [tag, attrs or {}, list(children), None]


def styled(css: str, vnodes: list, vp: Viewport = NOTCH):
    log = DiagnosticLog()
    sheet = parse_stylesheet(css, "p.wxss", lambda r: "", log)
    root = from_vnodes(vnodes)
    apply_styles(root, StyleResolver([default_stylesheet(), sheet], vp, log))
    return root, log


def one(css: str, name: str, vp: Viewport = NOTCH):
    root, log = styled(css, [el("view", {"class": "a"})], vp)
    return root.children[0].style.get(name), log


def test_wxss3_calc_resolves_lengths_at_compute_time():
    assert one(".a { width: calc(100rpx + 10px) }", "width")[0] == 60.0
    assert one(".a { width: calc((20px + 10vw) * 2) }", "width")[0] == 115.0
    assert one(".a { width: calc(3 * 2em / 4) }", "width")[0] == 24.0
    assert one(".a { margin-top: -webkit-calc(10px - 2rem) }", "margin-top")[0] == -22.0
    assert one(".a { --gap: 8px; padding-left: calc(var(--gap) * 2 + 1px) }", "padding-left")[0] == 17.0
    assert one(".a { height: calc(50vh - 6px) }", "height")[0] == 400.0


def test_wxss3_calc_keeps_percentage_sums_and_rejects_bad_syntax():
    assert one(".a { width: calc(100% - 20px) }", "width")[0] == ("calc", -20.0, 100.0)
    assert one(".a { width: calc(50% + 50%) }", "width")[0] == ("%", 100.0)
    for bad in ("calc(100% -20px)", "calc(10px * 2px)", "calc(10px / 0)", "calc(3)", "calc(1px +)"):
        value, log = one(f".a {{ width: {bad} }}", "width")
        assert value == "auto", bad
        assert any("invalid value for 'width'" in d.message and d.line == 1 for d in log.items), bad


def test_wxss3_env_and_constant_read_the_device_safe_area():
    assert one(".a { padding-bottom: env(safe-area-inset-bottom) }", "padding-bottom")[0] == 34.0
    assert one(".a { padding-top: constant(safe-area-inset-top) }", "padding-top")[0] == 44.0
    assert one(".a { height: calc(50px + env(safe-area-inset-bottom)) }", "height")[0] == 84.0
    assert one(".a { margin-left: env(safe-area-inset-left, 20px) }", "margin-left")[0] == 0.0
    assert one(".a { margin-left: env(not-a-thing, 20px) }", "margin-left")[0] == 20.0
    flat = Viewport(375.0, 667.0, 2.0)
    assert one(".a { padding-bottom: env(safe-area-inset-bottom) }", "padding-bottom", flat)[0] == 0.0


def test_wxss3_viewport_insets_from_device_profiles():
    from bridge.api.devices import find_device
    x = find_device("iPhone X")
    assert x is not None
    top, right, bottom, left = Viewport.safe_insets_of(x)
    assert (top, bottom) == (x["safeArea"]["top"], x["screenHeight"] - x["safeArea"]["bottom"]) and bottom > 0


def test_wxss3_calc_in_transform_and_line_height():
    steps, _ = one(".a { transform: translateX(calc(100% - 2px)) }", "transform")
    assert steps == (("translate", ("calc", -2.0, 100.0), 0.0),)
    assert one(".a { font-size: 10px; line-height: calc(100% + 4px) }", "line-height")[0] == 14.0


def test_wxss3_calc_percentage_sums_resolve_against_the_containing_block():
    css = (".box { width: 200px; padding: 5px } .a { width: calc(100% - 30px); height: 10px;"
           " margin-left: calc(10% + 1px) } .abs { position: relative; width: 300px; height: 100px }"
           " .p { position: absolute; left: 0; top: calc(50% - 5px); width: calc(50% + 10px); height: 10px }")
    root, log = styled(css, [el("view", {"class": "box"}, el("view", {"class": "a"})),
                             el("view", {"class": "abs"}, el("view", {"class": "p"}))])
    box = layout_tree(root, NOTCH, ApproxMeasurer())
    inner = box.children[0].children[0]
    assert (inner.width, inner.x) == (170.0, 5.0 + 21.0)
    p = box.children[1].children[0]
    assert (p.width, p.y - box.children[1].y) == (160.0, 45.0)
    assert not log.items
