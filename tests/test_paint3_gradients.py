"""Gradient backgrounds: parsed from `background` / `background-image` and painted."""

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


@pytest.fixture(autouse=True)
def _app(qapp):
    from renderer.qt.app import ensure_app

    ensure_app()


def image_of(css: str):
    log = DiagnosticLog()
    sheet = parse_stylesheet(css, "p.wxss", lambda r: "", log)
    root = from_vnodes([["view", {"class": "a"}, [], None]])
    apply_styles(root, StyleResolver([default_stylesheet(), sheet], Viewport(375.0, 667.0, 2.0), log))
    return root.children[0].style.get("background-image"), root.children[0].style.get("background-color"), log


def test_wxss3_gradients_parse():
    img, color, log = image_of(".a { background: linear-gradient(to right, #ff0000, rgba(0, 0, 255, 1) 100rpx) }")
    assert img == ("linear", 90.0, (((255, 0, 0, 1.0), None), ((0, 0, 255, 1.0), 50.0)))
    assert color == (0, 0, 0, 0.0) and not log.items
    img, _, _ = image_of(".a { background-image: -webkit-linear-gradient(45deg, red 10%, blue) }")
    assert img == ("linear", 45.0, (((255, 0, 0, 1.0), ("%", 10.0)), ((0, 0, 255, 1.0), None)))
    img, color, _ = image_of(".a { background: #fff linear-gradient(red, blue) }")
    assert img[:2] == ("linear", 180.0) and color == (255, 255, 255, 1.0)
    img, _, _ = image_of(".a { background: radial-gradient(circle, red, blue) }")
    assert img[0] == "radial"
    img, _, log = image_of(".a { background-image: linear-gradient(to middle, red, blue) }")
    assert img == "none" and "invalid value" in log.items[0].message


def render(box, w=100, h=40):
    img = QImage(w, h, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    paint_box_tree(p, box, QRectF(0, 0, w, h))
    p.end()
    return img


def rgb(img, x, y):
    c = img.pixelColor(x, y)
    return (c.red(), c.green(), c.blue())


def test_paint3_linear_gradient_runs_along_its_angle():
    red, blue = (255, 0, 0, 1.0), (0, 0, 255, 1.0)
    box = el("view", 0, 0, 100, 40, **{"background-image": ("linear", 90.0, ((red, None), (blue, None)))})
    img = render(box)
    left, mid, right = rgb(img, 1, 20), rgb(img, 50, 20), rgb(img, 98, 20)
    assert left[0] > 240 and left[2] < 15 and right[2] > 240 and right[0] < 15
    assert 100 < mid[0] < 155 and 100 < mid[2] < 155
    down = render(el("view", 0, 0, 100, 40, **{"background-image": ("linear", 180.0, ((red, ("%", 50.0)), (blue, None)))}))
    assert rgb(down, 50, 5)[0] > 240 and rgb(down, 50, 19)[0] > 240 and rgb(down, 50, 38)[2] > 200


def test_paint3_radial_gradient_centre_to_corner():
    red, blue = (255, 0, 0, 1.0), (0, 0, 255, 1.0)
    img = render(el("view", 0, 0, 100, 40, **{"background-image": ("radial", ((red, None), (blue, None)))}))
    assert rgb(img, 50, 20)[0] > 240 and rgb(img, 0, 0)[2] > 230
