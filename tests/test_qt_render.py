"""Fonts, text measuring and painting of hand-made box trees."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from qt_fakes import FakeStyle, el, text  # noqa: E402
from renderer.layout.text import FontSpec  # noqa: E402
from renderer.qt.fonts import missing_glyphs, resolve_families  # noqa: E402
from renderer.qt.images import ImageStore  # noqa: E402
from renderer.qt.painter import paint_box_tree  # noqa: E402
from renderer.qt.text import QtTextMeasurer  # noqa: E402


@pytest.fixture(autouse=True)
def _app(qapp):
    from renderer.qt.app import ensure_app

    ensure_app()


def render(root, w=200, h=200, scroll_y=0.0, images=None, dpr=1.0):
    img = QImage(round(w * dpr), round(h * dpr), QImage.Format.Format_ARGB32)
    img.setDevicePixelRatio(dpr)
    img.fill(QColor("white"))
    p = QPainter(img)
    n = paint_box_tree(p, root, QRectF(0, 0, w, h), scroll_y, images=images)
    p.end()
    return img, n


def rgb(img, x, y):
    c = img.pixelColor(x, y)
    return (c.red(), c.green(), c.blue())


def near(a, b, tol=6):
    return all(abs(x - y) <= tol for x, y in zip(a, b))


SIDES = ("top", "right", "bottom", "left")


def border(width, color):
    out = {}
    for s in SIDES:
        out[f"border_{s}_width"] = width
        out[f"border_{s}_style"] = "solid"
        out[f"border_{s}_color"] = color
    return out


# ---------------------------------------------------------------- fonts
def test_cjk_glyph_coverage():
    assert missing_glyphs("首页我的购物车确定取消") == ""
    assert missing_glyphs("Hello 123") == ""


def test_unassigned_code_point_is_reported_missing():
    assert missing_glyphs("a\U000E01EF") == "\U000E01EF"


def test_css_font_family_list_resolves_with_cjk_fallback():
    fams = resolve_families(("-apple-system", "PingFang SC", "Helvetica Neue", "sans-serif"))
    assert "sans-serif" not in fams and "-apple-system" not in fams
    assert "Noto Sans CJK SC" in fams
    assert resolve_families("monospace")[0] == "Noto Sans Mono CJK SC"


# ---------------------------------------------------------------- measuring
def test_narrow_width_wraps_latin_at_words():
    m = QtTextMeasurer()
    font = FontSpec(size=16.0, line_height=22.0)
    w1, h1, lines1 = m.measure("hello world this wraps", font, None)
    w2, h2, lines2 = m.measure("hello world this wraps", font, 60)
    assert len(lines1) == 1 and len(lines2) == 4
    assert h2 == 22.0 * len(lines2)
    assert [t for t, _ in lines2] == ["hello", "world", "this", "wraps"]
    assert w2 <= 60 + 0.5 < w1


def test_cjk_wraps_between_any_characters():
    m = QtTextMeasurer()
    font = FontSpec(size=16.0, line_height=22.0)
    _, _, lines = m.measure("微信小程序的文本会在任意两个汉字之间换行", font, 100)
    assert len(lines) >= 3
    assert "".join(t for t, _ in lines) == "微信小程序的文本会在任意两个汉字之间换行"
    assert all(w <= 100.5 for _, w in lines)


def test_newlines_make_lines_and_bold_is_wider():
    m = QtTextMeasurer()
    _, _, lines = m.measure("a\nb", FontSpec(), None)
    assert [t for t, _ in lines] == ["a", "b"]
    regular = m.measure("Weight", FontSpec(weight=400), None)[0]
    bold = m.measure("Weight", FontSpec(weight=700), None)[0]
    assert bold > regular


def test_measuring_3000_short_texts_is_fast():
    m = QtTextMeasurer()
    font = FontSpec(size=14.0, line_height=20.0)
    t0 = time.perf_counter()
    for i in range(3000):
        m.measure(f"商品 {i % 1000}", font, 200)
    assert time.perf_counter() - t0 < 0.15  # typically ~15 ms here


# ---------------------------------------------------------------- painting
def test_background_border_and_radius():
    page = FakeStyle()
    card = el("view", 20, 20, 100, 60, [], None, page, background_color=(255, 0, 0, 1.0),
              **border(4.0, (0, 0, 255, 1.0)))
    round_box = el("view", 20, 120, 60, 60, [], None, page, background_color=(0, 128, 0, 1.0),
                   **{f"border_{c}_radius": 30.0 for c in ("top-left", "top-right", "bottom-right", "bottom-left")})
    root = el("page", 0, 0, 200, 200, [card, round_box])
    img, _ = render(root)
    assert near(rgb(img, 70, 50), (255, 0, 0))
    assert near(rgb(img, 21, 50), (0, 0, 255))
    assert near(rgb(img, 50, 150), (0, 128, 0))
    assert near(rgb(img, 21, 121), (255, 255, 255))  # the rounded corner is not filled


def test_text_pixels_inside_the_text_rect_only():
    page = FakeStyle(color=(0, 0, 0, 1.0), font_size=16.0, line_height=22.0)
    para = el("view", 0, 0, 200, 30, [text("首页", 10, 4, 32, 22)], None, page)
    para.children[0].node.parent = para.node
    img, _ = render(para, 200, 40)
    dark = [(x, y) for x in range(200) for y in range(40) if sum(rgb(img, x, y)) < 300]
    assert dark, "no text was drawn"
    assert all(8 <= x <= 44 and 2 <= y <= 28 for x, y in dark)


def test_text_uses_color_and_override_free():
    page = FakeStyle(color=(255, 0, 0, 1.0), font_size=30.0, line_height=40.0)
    para = el("view", 0, 0, 200, 40, [text("田", 10, 0, 30, 40)], None, page)
    para.children[0].node.parent = para.node
    img, _ = render(para, 200, 40)
    reds = [(x, y) for x in range(200) for y in range(40) if near(rgb(img, x, y), (255, 0, 0), 30)]
    assert len(reds) > 20


def test_culling_paints_only_visible_rows():
    page = FakeStyle()
    rows = [el("view", 0, i * 50, 375, 50, [el("view", 10, i * 50 + 5, 40, 40, [], None, page,
                                               background_color=(200, 200, 200, 1.0))],
               None, page, background_color=(250, 250, 250, 1.0)) for i in range(1000)]
    root = el("page", 0, 0, 375, 50000, rows)
    img, n = render(root, 375, 600)
    assert n <= 2 * 14 + 1
    t0 = time.perf_counter()
    img, n2 = render(root, 375, 600, scroll_y=20000)
    assert time.perf_counter() - t0 < 0.05
    assert n2 <= 2 * 14 + 1
    assert near(rgb(img, 20, 20), (200, 200, 200))  # the row at y=20000 is drawn at the top


def test_fixed_boxes_do_not_scroll():
    page = FakeStyle()
    bar = el("view", 0, 150, 200, 50, [], None, page, position="fixed", background_color=(0, 0, 255, 1.0))
    root = el("page", 0, 0, 200, 2000, [bar])
    img, _ = render(root, 200, 200, scroll_y=500)
    assert near(rgb(img, 100, 175), (0, 0, 255))


def test_opacity_and_overflow_hidden():
    page = FakeStyle()
    inner = el("view", 0, 0, 300, 300, [], None, page, background_color=(0, 0, 0, 1.0))
    clip = el("view", 10, 10, 50, 50, [inner], None, page, overflow_x="hidden", overflow_y="hidden")
    faded = el("view", 100, 100, 50, 50, [], None, page, background_color=(0, 0, 0, 1.0), opacity=0.5)
    root = el("page", 0, 0, 200, 200, [clip, faded])
    img, _ = render(root)
    assert near(rgb(img, 30, 30), (0, 0, 0))
    assert near(rgb(img, 80, 80), (255, 255, 255))
    assert near(rgb(img, 125, 125), (127, 127, 127), 10)


# ---------------------------------------------------------------- built-in looks
def test_primary_button_is_wechat_green_and_default_is_grey():
    page = FakeStyle()
    primary = el("button", 10, 10, 180, 46, [], {"type": "primary"}, page)
    default = el("button", 10, 70, 180, 46, [], {}, page)
    warn = el("button", 10, 130, 180, 46, [], {"type": "warn"}, page)
    img, _ = render(el("page", 0, 0, 200, 200, [primary, default, warn]))
    assert rgb(img, 100, 20) == (0x07, 0xC1, 0x60)
    assert rgb(img, 100, 93) == (0xF8, 0xF8, 0xF8)
    assert near(rgb(img, 10, 93), (0xC6, 0xC6, 0xC6), 20)  # the 1px rgba(0,0,0,.2) border
    assert rgb(img, 100, 140) == (0xFA, 0x51, 0x51)


def test_author_background_wins_over_button_skin():
    page = FakeStyle()
    b = el("button", 10, 10, 180, 46, [], {"type": "primary"}, page, background_color=(255, 0, 0, 1.0))
    img, _ = render(el("page", 0, 0, 200, 200, [b]))
    assert rgb(img, 100, 30) == (255, 0, 0)


def test_switch_checked_is_green_and_unchecked_white():
    page = FakeStyle()
    on = el("switch", 10, 10, 52, 32, [], {"checked": True}, page)
    off = el("switch", 10, 60, 52, 32, [], {}, page)
    img, _ = render(el("page", 0, 0, 200, 200, [on, off]))
    assert rgb(img, 16, 26) == (0x07, 0xC1, 0x60)  # track, left of the knob
    assert near(rgb(img, 56, 76), (0xFD, 0xFD, 0xFD))


def test_checkbox_radio_and_icon_draw_in_green():
    page = FakeStyle()
    cb = el("checkbox", 10, 10, 22, 22, [], {"checked": True}, page)
    rd = el("radio", 50, 10, 22, 22, [], {"checked": True}, page)
    ic = el("icon", 100, 10, 40, 40, [], {"type": "success", "size": 40}, page)
    img, _ = render(el("page", 0, 0, 200, 200, [cb, rd, ic]))
    greens = [(x, y) for x in range(10, 33) for y in range(10, 33) if near(rgb(img, x, y), (7, 193, 96), 40)]
    assert greens
    assert rgb(img, 53, 21) == (0x07, 0xC1, 0x60)
    assert rgb(img, 104, 30) == (0x07, 0xC1, 0x60)


def test_input_placeholder_grey_and_password_dots():
    page = FakeStyle(font_size=16.0)
    empty = el("input", 0, 0, 200, 40, [], {"placeholder": "请输入"}, page)
    secret = el("input", 0, 50, 200, 40, [], {"password": True, "value": "abc"}, page)
    img, _ = render(el("page", 0, 0, 200, 100, [empty, secret]))
    greys = [rgb(img, x, y) for x in range(0, 80) for y in range(0, 40)]
    assert any(near(c, (128, 128, 128), 12) for c in greys)
    assert not any(sum(c) < 100 for c in greys)  # placeholder is not black
    assert any(sum(rgb(img, x, y)) < 100 for x in range(0, 60) for y in range(50, 90))


# ---------------------------------------------------------------- images
@pytest.fixture
def project(tmp_path):
    img = QImage(40, 20, QImage.Format.Format_RGB32)
    img.fill(QColor("red"))
    for x in range(20, 40):
        for y in range(20):
            img.setPixelColor(x, y, QColor("blue"))
    (tmp_path / "images").mkdir()
    assert img.save(str(tmp_path / "images" / "rb.png"))
    return tmp_path


def image_box(src, mode, w=80, h=80):
    return el("image", 0, 0, w, h, [], {"src": src, "mode": mode}, FakeStyle())


def test_image_scale_to_fill(project):
    store = ImageStore(project, "pages/index")
    img, _ = render(image_box("/images/rb.png", "scaleToFill"), 100, 100, images=store)
    assert near(rgb(img, 10, 70), (255, 0, 0)) and near(rgb(img, 70, 10), (0, 0, 255))


def test_image_aspect_fit_letterboxes(project):
    store = ImageStore(project, "pages/index")
    img, _ = render(image_box("../../images/rb.png", "aspectFit"), 100, 100, images=store)
    assert near(rgb(img, 10, 10), (255, 255, 255))  # above the letterboxed image
    assert near(rgb(img, 10, 40), (255, 0, 0))


def test_image_aspect_fill_crops(project):
    store = ImageStore(project, "")
    img, _ = render(image_box("images/rb.png", "aspectFill"), 100, 100, images=store)
    assert near(rgb(img, 30, 5), (255, 0, 0)) and near(rgb(img, 50, 75), (0, 0, 255))
    assert near(rgb(img, 2, 2), (255, 0, 0))  # filled to the corner


def test_image_width_fix_fills_its_box(project):
    store = ImageStore(project, "")
    img, _ = render(image_box("/images/rb.png", "widthFix", 80, 40), 100, 100, images=store)
    assert near(rgb(img, 10, 30), (255, 0, 0)) and near(rgb(img, 70, 30), (0, 0, 255))


def test_missing_image_draws_nothing_and_reports_once(project):
    reports = []
    store = ImageStore(project, "", reports.append)
    root = el("page", 0, 0, 100, 100, [image_box("/images/nope.png", "aspectFit")])
    img, _ = render(root, 100, 100, images=store)
    render(root, 100, 100, images=store)
    assert near(rgb(img, 40, 40), (255, 255, 255))
    assert len(reports) == 1 and "nope.png" in reports[0].message
    assert store.get("../../etc/passwd") is None


def test_layout_text_pieces_paint_in_their_own_style_and_fixed_children_stay():
    from renderer.layout.box import TextPiece

    red = FakeStyle(color=(255, 0, 0, 1.0), font_size=30.0)
    blue = FakeStyle(color=(0, 0, 255, 1.0), font_size=30.0)
    para = el("view", 0, 0, 200, 40, [], None, FakeStyle())
    para.pieces = [TextPiece("田", 10, 0, 30, 40, red), TextPiece("田", 60, 0, 30, 40, blue)]
    inner = el("view", 0, 160, 200, 40, [], None, FakeStyle(), background_color=(0, 128, 0, 1.0))
    inner.fixed = True
    bar = el("view", 0, 150, 200, 50, [inner], None, FakeStyle())
    bar.fixed = True
    root = el("page", 0, 0, 200, 2000, [para, bar])
    img, _ = render(root, 200, 200)
    assert any(near(rgb(img, x, y), (255, 0, 0), 40) for x in range(10, 40) for y in range(0, 40))
    assert any(near(rgb(img, x, y), (0, 0, 255), 40) for x in range(60, 90) for y in range(0, 40))
    img, _ = render(root, 200, 200, scroll_y=700)
    assert near(rgb(img, 100, 180), (0, 128, 0))


def test_root_background_fills_the_whole_viewport():
    root = el("page", 0, 0, 200, 50, [], None, None, background_color=(244, 244, 244, 1.0))
    img, _ = render(root, 200, 200)
    assert rgb(img, 100, 150) == (244, 244, 244)
