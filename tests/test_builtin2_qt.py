"""How swiper, picker sheets and rich-text look: painted pixels and sheet clicks."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from builtin2_project import write_project
from renderer.qt.page_widget import render_page_image
from simulator.automation import launch
from simulator.ui.overlays import click_overlays, paint_overlays
from simulator.ui.picker_sheet import ROW, SHOWN, picker_layout

WXSS = (".slide { height: 100%; } .s0 { background: #ff0000; } .s1 { background: #0000ff; } .row { height: 30px; }"
        " .opt { height: 50px; }")
W, H = 375, 700


@pytest.fixture()
def page(tmp_path):
    root = write_project(tmp_path)
    wxml = (root / "pages/index/index.wxml").read_text(encoding="utf-8")
    wxml = wxml.replace('<view class="slide" bindtap', '<view class="slide s{{index}}" bindtap')
    (root / "pages/index/index.wxml").write_text(wxml.replace('indicator-dots', 'indicator-dots indicator-active-color="#00ff00"'), encoding="utf-8")
    (root / "pages/index/index.wxss").write_text(WXSS, encoding="utf-8")
    mp = launch(root, storage=tmp_path / "st")
    yield mp.current_page()
    mp.close()


def _pixel(img: QImage, x: float, y: float) -> tuple[int, int, int]:
    c = img.pixelColor(int(x), int(y))
    return c.red(), c.green(), c.blue()


def test_builtin2_swiper_paints_current_item_clipped_with_dots(page):
    img = render_page_image(page.view, W, H)
    assert _pixel(img, 100, 20) == (255, 0, 0)  # item 0 fills the swiper
    assert _pixel(img, 187.5 - 14, 100 - 14) == (0, 255, 0)  # the first of three dots is active
    page.query("#sw").swipe("left")
    img = render_page_image(page.view, W, H)
    assert _pixel(img, 100, 20) == (0, 0, 255)  # shifted to item 1, nothing of item 0 left
    assert _pixel(img, 187.5, 100 - 14) == (0, 255, 0)


def test_builtin2_picker_sheet_paints_and_answers_clicks(page):
    ui = page.mp.sim.ui
    page.query("#sel").tap()
    session = ui.picker
    img = QImage(W, H, QImage.Format.Format_ARGB32)
    img.fill(QColor("#ffffff"))
    p = QPainter(img)
    paint_overlays(p, W, H, ui)
    p.end()
    lay = picker_layout(W, H, session)
    assert _pixel(img, 10, 10) != (255, 255, 255)  # the mask
    assert _pixel(img, W / 2, lay.box.y() + 30) == (255, 255, 255)  # the sheet
    col = lay.columns[0]
    below = col.y() + ROW * (SHOWN // 2 + 1) + ROW / 2  # the row under the middle band: "pear"
    assert click_overlays(ui, W, H, col.center().x(), below)
    assert session.selected == [1]
    click_overlays(ui, W, H, lay.confirm.center().x(), lay.confirm.center().y())
    page.mp.wait_idle()
    assert ui.picker is None and page.data("picks") == [{"value": 1}]
    page.query("#sel").tap()
    click_overlays(ui, W, H, 10, 10)  # outside the sheet: cancel
    page.mp.wait_idle()
    assert ui.picker is None and page.data("cancels") == 1
