"""Selectors Level 4 in WXSS: sibling combinators, structural pseudo-classes, :not(), attributes,
::before/::after rules, @media, and the values behind them (content, font, transform, box-shadow)."""

from __future__ import annotations

from bridge.diagnostics import DiagnosticLog
from renderer.layout.styled import apply_styles, from_vnodes
from renderer.wxss import StyleResolver, Viewport, default_stylesheet, parse_stylesheet

RED, BLUE = (255, 0, 0, 1.0), (0, 0, 255, 1.0)


def el(tag: str, attrs: dict | None = None, *children) -> list:
    return [tag, attrs or {}, list(children), None]


def styled(css: str, vnodes: list, width: float = 375.0, height: float = 700.0):
    log = DiagnosticLog()
    sheet = parse_stylesheet(css, "p.wxss", lambda r: "", log)
    resolver = StyleResolver([default_stylesheet(), sheet], Viewport(width, height, 2.0), log)
    root = from_vnodes(vnodes)
    apply_styles(root, resolver)
    return root, resolver, log


def colors(css: str, vnodes: list) -> list:
    root, _, _ = styled(css, vnodes)
    return [c.style.get("color")[:3] for c in root.children if c.text is None]


def test_wxss2_sibling_combinators():
    kids = [el("view", {"class": "a"}), el("view", {"class": "b"}), el("text"), el("view", {"class": "b"})]
    assert colors(".a + .b { color: red }", kids) == [(0, 0, 0), (255, 0, 0), (0, 0, 0), (0, 0, 0)]
    assert colors(".a ~ .b { color: red }", kids) == [(0, 0, 0), (255, 0, 0), (0, 0, 0), (255, 0, 0)]
    assert colors(".b + .b { color: red }", kids) == [(0, 0, 0)] * 4  # a <text> sits between


def test_wxss2_structural_pseudo_classes():
    kids = [el("view"), el("text"), el("view"), el("view"), el("text")]
    assert colors("view:nth-child(2n+1) { color: red }", kids) == [(255, 0, 0), (0, 0, 0), (255, 0, 0), (0, 0, 0), (0, 0, 0)]
    assert colors("view:nth-of-type(2) { color: red }", kids) == [(0, 0, 0), (0, 0, 0), (255, 0, 0), (0, 0, 0), (0, 0, 0)]
    assert colors("view:last-of-type, text:first-of-type { color: red }", kids) == \
        [(0, 0, 0), (255, 0, 0), (0, 0, 0), (255, 0, 0), (0, 0, 0)]
    assert colors("text:nth-last-child(1) { color: red }", kids) == [(0, 0, 0)] * 4 + [(255, 0, 0)]


def test_wxss2_not_empty_and_attributes():
    kids = [el("view", {"class": "x"}), el("view", {"data-k": "icon-star"}, "t"),
            el("view", {"data-k": "icon"})]
    assert colors("view:not(.x) { color: red }", kids) == [(0, 0, 0), (255, 0, 0), (255, 0, 0)]
    assert colors("view:empty { color: red }", kids) == [(255, 0, 0), (0, 0, 0), (255, 0, 0)]
    assert colors("[data-k^=icon] { color: red } [data-k$=star] { color: blue }", kids) == \
        [(0, 0, 0), (0, 0, 255), (255, 0, 0)]
    assert colors("[data-k*=n-s] { color: red } [data-k='icon'] { color: blue }", kids) == \
        [(0, 0, 0), (255, 0, 0), (0, 0, 255)]


def test_wxss2_not_counts_its_argument_specificity():
    css = ".a:not(#z) { color: red } .a.b { color: blue }"
    assert colors(css, [el("view", {"class": "a b"})]) == [(255, 0, 0)]


def test_wxss2_pseudo_element_rules_style_the_pseudo_only():
    root, resolver, log = styled('.a::after { content: "!" attr(data-n); color: red } .a:before { content: none }',
                                 [el("view", {"class": "a", "data-n": "3"})])
    node = root.children[0]
    assert node.style.get("color")[:3] == (0, 0, 0)
    after = resolver.compute_pseudo(node, "after", node.style)
    assert after.get("color") == RED and after.get("content") == (("s", "!"), ("attr", "data-n"))
    assert resolver.compute_pseudo(node, "before", node.style) is None
    assert not log.items


def test_wxss2_media_queries_against_the_viewport():
    css = ("@media (min-width: 400px) { .a { color: red } }\n@media screen and (max-width: 399px) { .a { color: blue } }\n"
           "@media (orientation: landscape) { .b { color: red } }\n@media (prefers-color-scheme: dark) { .b { color: blue } }")
    root, _, log = styled(css, [el("view", {"class": "a"}), el("view", {"class": "b"})], width=375.0)
    assert root.children[0].style.get("color") == BLUE and root.children[1].style.get("color")[:3] == (0, 0, 0)
    root, _, _ = styled(css, [el("view", {"class": "a"}), el("view", {"class": "b"})], width=800.0, height=400.0)
    assert root.children[0].style.get("color") == RED and root.children[1].style.get("color") == RED
    assert not log.items


def test_wxss2_font_shorthand_and_paint_values():
    root, _, log = styled(".i { font: italic bold 14px/1 vant-icon, 'x y'; transform: translate(-50%, 10rpx) rotate(90deg);"
                          " box-shadow: 0 2px 12px rgba(0,0,0,.5); transform-origin: left top }",
                          [el("view", {"class": "i"})])
    st = root.children[0].style
    assert (st.get("font-style"), st.get("font-weight"), st.get("font-size"), st.get("line-height")) == ("italic", 700, 14.0, 14.0)
    assert st.get("font-family") == ("vant-icon", "x y")
    assert st.get("transform") == (("translate", ("%", -50.0), 5.0), ("rotate", 90.0))
    assert st.get("transform-origin") == (("%", 0.0), ("%", 0.0))
    assert st.get("box-shadow") == ((False, 0.0, 2.0, 12.0, 0.0, (0, 0, 0, 0.5)),)
    assert not log.items


def test_wxss2_font_face_is_kept_with_its_sources():
    log = DiagnosticLog()
    sheet = parse_stylesheet("@font-face { font-family: 'ic'; src: url(data:font/ttf;base64,AAAA) format('truetype'),"
                             " url(/fonts/a.woff) }", "c/i.wxss", lambda r: "", log)
    face = sheet.font_faces[0]
    assert face.family == "ic" and face.file == "c/i.wxss" and face.line == 1
    assert face.sources == (("data:font/ttf;base64,AAAA", "truetype"), ("/fonts/a.woff", None))
