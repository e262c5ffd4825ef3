"""conic-gradient() (CSS Images 4 §3.3) and gradient mask-image (CSS Masking 1 §3.2): parsed and painted."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from bridge.diagnostics import DiagnosticLog  # noqa: E402
from qt_fakes import el  # noqa: E402
from renderer.layout.styled import apply_styles, from_vnodes  # noqa: E402
from renderer.qt.painter import paint_box_tree  # noqa: E402
from renderer.wxss import StyleResolver, Viewport, default_stylesheet, parse_stylesheet  # noqa: E402

RED, GREEN, BLUE, YELLOW = (255, 0, 0, 1.0), (0, 128, 0, 1.0), (0, 0, 255, 1.0), (255, 255, 0, 1.0)


@pytest.fixture(autouse=True)
def _app(qapp):
    from renderer.qt.app import ensure_app

    ensure_app()


def style_of(css: str):
    log = DiagnosticLog()
    sheet = parse_stylesheet(css, "p.wxss", lambda r: "", log)
    root = from_vnodes([["view", {"class": "a"}, [], None]])
    apply_styles(root, StyleResolver([default_stylesheet(), sheet], Viewport(375.0, 667.0, 2.0), log))
    return root.children[0].style, log


def test_paint4_conic_gradient_parses():
    st, log = style_of(".a { color: #00f; background: conic-gradient(from 180deg at 50% 50%, "
                       "rgba(255,255,255,0) 0deg, rgba(255,255,255,0) 60deg, currentColor 330deg, "
                       "rgba(255,255,255,0) 360deg) }")
    clear = (255, 255, 255, 0.0)
    assert st.get("background-image") == ("conic", 180.0, (("%", 50.0), ("%", 50.0)), (
        (clear, ("%", 0.0)), (clear, ("%", 60 / 3.6)), (BLUE, ("%", 330 / 3.6)), (clear, ("%", 100.0))))
    assert not log.items
    st, _ = style_of(".a { background-image: conic-gradient(red, blue 25%, green) }")
    assert st.get("background-image") == ("conic", 0.0, (("%", 50.0), ("%", 50.0)),
                                          ((RED, None), (BLUE, ("%", 25.0)), (GREEN, None)))
    st, _ = style_of(".a { background-image: conic-gradient(from 0.25turn at left 10px, red, blue) }")
    assert st.get("background-image")[1:3] == (90.0, (("%", 0.0), 10.0))
    st, log = style_of(".a { background-image: conic-gradient(from 10px, red, blue) }")
    assert st.get("background-image") == "none" and "invalid value" in log.items[0].message


def test_paint4_mask_image_parses_gradients_and_reports_the_rest_once():
    st, log = style_of(".a { mask: radial-gradient(transparent calc(50% - 1rpx), #fff 50%) }")
    img = st.get("mask-image")
    assert img[0] == "radial" and img[1][0][1] == ("calc", -0.5, 50.0) and not log.items
    st, _ = style_of(".a { -webkit-mask-image: linear-gradient(red, transparent) }")
    assert st.get("mask-image")[:2] == ("linear", 180.0)
    st, _ = style_of(".a { -webkit-mask: radial-gradient(red, blue) } .a { mask-image: none }")
    assert st.get("mask-image") == "none"
    st, log = style_of(".a { mask: url(a.svg) no-repeat }")  # url() masks: tests/test_images_loading.py
    assert st.get("mask-image") == ("url", "/a.svg", "wxss") and not log.items
    st, log = style_of(".a { mask: url(a.svg), url(b.svg) } .b { mask: url(b.svg) }\n.c { -webkit-mask-image: url(a.svg), url(c.svg) }")
    assert st.get("mask-image") == "none"
    messages = [(d.message, d.file, d.line, d.column) for d in log.items]
    assert messages == [("unsupported value for 'mask'; declaration ignored", "p.wxss", 1, 6),
                        ("unsupported value for '-webkit-mask-image'; declaration ignored", "p.wxss", 2, 6)]


def render(box, w=100, h=100):
    box = el("view", 0, 0, w, h, [box])  # the root's own background would paint the whole canvas
    img = QImage(w, h, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    paint_box_tree(p, box, QRectF(0, 0, w, h))
    p.end()
    return img


def rgb(img, x, y):
    c = img.pixelColor(x, y)
    return (c.red(), c.green(), c.blue())


def test_paint4_conic_gradient_quadrants_run_clockwise_from_the_top():
    centre = (("%", 50.0), ("%", 50.0))
    quarters = ((RED, ("%", 0.0)), (RED, ("%", 25.0)), (BLUE, ("%", 25.0)), (BLUE, ("%", 50.0)),
                (GREEN, ("%", 50.0)), (GREEN, ("%", 75.0)), (YELLOW, ("%", 75.0)), (YELLOW, ("%", 100.0)))
    img = render(el("view", 0, 0, 100, 100, **{"background-image": ("conic", 0.0, centre, quarters)}))
    assert rgb(img, 75, 25) == (255, 0, 0)  # 12 to 3 o'clock: top right
    assert rgb(img, 75, 75) == (0, 0, 255)  # bottom right
    assert rgb(img, 25, 75) == (0, 128, 0)  # bottom left
    assert rgb(img, 25, 25) == (255, 255, 0)  # top left
    turned = render(el("view", 0, 0, 100, 100, **{"background-image": ("conic", 90.0, centre, quarters)}))
    assert rgb(turned, 75, 75) == (255, 0, 0) and rgb(turned, 75, 25) == (255, 255, 0)


def test_paint4_radial_mask_cuts_a_ring():
    mask = ("radial", (((0, 0, 0, 0.0), ("%", 50.0)), ((255, 255, 255, 1.0), ("%", 50.0))))
    img = render(el("view", 0, 0, 100, 100, **{"background-color": RED, "mask-image": mask}))
    assert rgb(img, 50, 50) == (255, 255, 255)  # centre masked away: the white page shows
    assert rgb(img, 2, 2) == (255, 0, 0)  # corners (past half the corner distance) stay
    assert rgb(img, 50, 2) == (255, 0, 0)
    linear = ("linear", 90.0, (((0, 0, 0, 1.0), None), ((0, 0, 0, 0.0), None)))
    half = render(el("view", 0, 0, 100, 100, **{"background-color": RED, "mask-image": linear}))
    assert rgb(half, 2, 50)[1] < 15 and rgb(half, 97, 50)[1] > 240  # opaque left, clear right
    assert 80 < rgb(half, 50, 50)[1] < 175
