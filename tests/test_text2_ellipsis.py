"""text-overflow: ellipsis and -webkit-line-clamp in the inline layout, and their painting."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bridge.diagnostics import DiagnosticLog  # noqa: E402
from renderer.layout.engine import layout_tree  # noqa: E402
from renderer.layout.styled import apply_styles, from_vnodes  # noqa: E402
from renderer.layout.text import ApproxMeasurer  # noqa: E402
from renderer.wxss import StyleResolver, Viewport, default_stylesheet, parse_stylesheet  # noqa: E402

VP = Viewport(375.0, 667.0, 2.0)
LONG = "The quick brown fox jumps over the lazy dog again and again and again"


def lay(css: str, text: str = LONG, measurer=None, width: str = "120px"):
    log = DiagnosticLog()
    sheet = parse_stylesheet(f".a {{ width: {width}; font-size: 14px; line-height: 20px; }}\n" + css,
                             "p.wxss", lambda r: "", log)
    root = from_vnodes([["view", {"class": "a"}, [text], None]])
    apply_styles(root, StyleResolver([default_stylesheet(), sheet], VP, log))
    box = layout_tree(root, VP, measurer or ApproxMeasurer())
    view = box.children[0]
    return view, [p for c in view.children for p in (c.pieces or [])], log


def test_text2_nowrap_ellipsis_fits_the_box_and_ends_with_ellipsis():
    view, pieces, log = lay(".a { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }")
    assert not log.items
    assert len(pieces) == 1
    p = pieces[0]
    assert p.text.endswith("\u2026") and LONG.startswith(p.text[:-1]) and len(p.text) < len(LONG)
    assert p.width <= 120 + 0.01
    assert p.width > 100  # as many characters as fit are kept
    assert view.height == 20


def test_text2_ellipsis_needs_clipping_and_short_text_is_untouched():
    _, pieces, _ = lay(".a { white-space: nowrap; text-overflow: ellipsis; }")  # overflow visible
    assert pieces[0].text == LONG
    _, pieces, _ = lay(".a { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }", text="short")
    assert pieces[0].text == "short"
    _, pieces, _ = lay(".a { white-space: nowrap; overflow: hidden; }")  # clip: no ellipsis
    assert pieces[0].text == LONG


def test_text2_line_clamp_keeps_n_lines_and_ends_the_last_with_ellipsis():
    css = ".a { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }"
    view, pieces, log = lay(css)
    assert not log.items, [d.message for d in log.items]
    ys = sorted({p.y for p in pieces})
    assert len(ys) == 2 and view.height == 40
    last = [p for p in pieces if p.y == ys[-1]][-1]
    assert last.text.endswith("\u2026") and last.x + last.width <= view.x + 120 + 0.01
    full, full_pieces, _ = lay(".a { overflow: hidden; }")
    assert full.height > 40 and not any(p.text.endswith("\u2026") for p in full_pieces)


def test_text2_line_clamp_without_overflowing_text_and_without_legacy_box():
    css = ".a { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; }"
    view, pieces, _ = lay(css, text="one line")
    assert [p.text for p in pieces] == ["one line"] and view.height == 20
    view, pieces, _ = lay(".a { -webkit-line-clamp: 2; overflow: hidden; }")  # no -webkit-box: no clamp
    assert view.height > 40
    _, _, log = lay(".a { -webkit-line-clamp: 0; }")
    assert log.items and "-webkit-line-clamp" in log.items[0].message


def test_text2_horizontal_webkit_box_is_a_flex_row():
    log = DiagnosticLog()
    sheet = parse_stylesheet(".r { display: -webkit-box; } .c { width: 30px; height: 10px; }", "p.wxss",
                             lambda r: "", log)
    root = from_vnodes([["view", {"class": "r"}, [["view", {"class": "c"}, [], None],
                                                    ["view", {"class": "c"}, [], None]], None]])
    apply_styles(root, StyleResolver([default_stylesheet(), sheet], VP, log))
    row = layout_tree(root, VP, ApproxMeasurer()).children[0]
    assert [c.x for c in row.children] == [0.0, 30.0] and row.height == 10


def test_text2_ellipsis_is_painted_with_qt_metrics(qapp):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from renderer.qt.app import ensure_app
    from renderer.qt.painter import paint_box_tree
    from renderer.qt.text import QtTextMeasurer

    ensure_app()
    measurer = QtTextMeasurer()
    css = ".a { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; color: #000; }"
    view, pieces, _ = lay(css, text="W" * 40, measurer=measurer)
    p = pieces[0]
    assert p.text.endswith("\u2026")
    font = p.style
    assert abs(p.width - measurer.measure(p.text, _font(font), None)[0]) < 0.5
    img = QImage(200, 40, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    paint_box_tree(painter, view, QRectF(0, 0, 200, 40))
    painter.end()
    dark = [x for x in range(200) for y in range(20) if img.pixelColor(x, y).lightness() < 128]
    assert dark and max(dark) < 121  # nothing drawn past the box's right edge


def _font(style):
    from renderer.layout.inline import font_of

    return font_of(style)


def test_text2_rounded_border_with_one_coloured_side_is_an_arc(qapp):
    """A loading spinner: a circle whose only visible side is the top shows its top quarter arc."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from renderer.qt.app import ensure_app
    from renderer.qt.painter import paint_box_tree

    ensure_app()
    log = DiagnosticLog()
    sheet = parse_stylesheet(".s { box-sizing: border-box; width: 40px; height: 40px; border: 3px solid transparent; border-radius: 100%;"
                             " border-top-color: #ff0000; }", "p.wxss", lambda r: "", log)
    root = from_vnodes([["view", {"class": "s"}, [], None]])
    apply_styles(root, StyleResolver([default_stylesheet(), sheet], VP, log))
    box = layout_tree(root, VP, ApproxMeasurer()).children[0]
    img = QImage(46, 46, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    paint_box_tree(painter, box, QRectF(0, 0, 46, 46))
    painter.end()

    def red(x, y):
        c = img.pixelColor(x, y)
        return c.red() > 200 and c.green() < 120

    assert red(20, 1) and red(11, 4) and red(29, 4)  # along the curve of the top quarter
    assert not red(1, 1) and not red(38, 1)  # outside the circle: the corners of the box stay clear
    assert not red(1, 20) and not red(20, 38)  # the transparent left and bottom sides
