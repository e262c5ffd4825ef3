"""cover-view / cover-image end to end: laid out and painted like view / image, above a native
sibling whichever comes first, scroll-top once scrollable, image load and error events."""

from __future__ import annotations

import struct
import zlib

import pytest

from miniprogram import write_project
from simulator.automation import launch

WXML = """
<view style="position: relative; height: 200px">
  <cover-view id="cv" scroll-top="{{st}}" bindtap="tapped"
    style="position: absolute; top: 0; left: 0; width: 100px; height: 60px; background: #00ff00; overflow-y: scroll">
    <cover-view style="height: 50px">first line of a long text</cover-view>
    <cover-view style="height: 50px; background: #ff0000">b</cover-view>
    <cover-view style="height: 50px">c</cover-view>
  </cover-view>
  <canvas id="native" style="position: absolute; top: 0; left: 0; width: 300px; height: 150px; background: #000000"></canvas>
  <cover-image id="ci" src="{{src}}" bindload="loaded" binderror="failed"
    style="position: absolute; top: 160px; left: 0; width: 40px; height: 30px"/>
</view>
<cover-view id="flat" scroll-top="30" style="height: 20px">not scrollable</cover-view>
"""
JS = """Page({
  data: {st: 0, src: '/img/blue.png', loads: [], errors: [], taps: 0},
  tapped() { this.setData({taps: this.data.taps + 1}) },
  loaded(e) { this.setData({loads: this.data.loads.concat([e.detail])}) },
  failed(e) { this.setData({errors: this.data.errors.concat([e.detail])}) },
})"""


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@pytest.fixture()
def page(tmp_path):
    root = write_project(tmp_path / "mp", {"pages/index/index": {"wxml": WXML, "js": JS}})
    (root / "img").mkdir()
    (root / "img/blue.png").write_bytes(_png(4, 3, (0, 0, 255)))
    mp = launch(root, storage=tmp_path / "st")
    yield mp.current_page()
    mp.close()


def _pixel(page, x, y):
    from renderer.qt.page_widget import render_page_image

    c = render_page_image(page.view, 375, 400).pixelColor(x, y)
    return c.red(), c.green(), c.blue()


def test_cover_view_lays_out_as_a_view_with_its_defaults(page):
    cv = page.query("#cv")
    assert cv.size() == {"width": 100.0, "height": 60.0}
    assert cv.style("white-space") == "nowrap" and cv.style("overflow-y") == "scroll"
    assert page.query("#flat").style("display") == "block"
    assert not [d for d in page.mp.diagnostics() if "cover" in d.message]


def test_cover_view_is_above_a_native_sibling(page):
    assert _pixel(page, 50, 40) == (0, 255, 0)  # the canvas comes later in the template
    assert _pixel(page, 200, 10) == (0, 0, 0)  # the canvas where no cover is
    page.query("#cv").tap()  # a finger on the cover reaches it, not the canvas
    assert page.data("taps") == 1


def test_cover_view_scroll_top_when_scrollable(page):
    page.set_data({"st": 40})
    assert page.query("#cv").node.state["scrollTop"] == 40.0
    assert _pixel(page, 50, 15) == (255, 0, 0)  # the second child scrolled up under the top edge
    page.set_data({"st": 500})  # clamped to the content: 150 - 60
    assert page.query("#cv").node.state["scrollTop"] == 90.0
    assert page.query("#flat").node.state.get("scrollTop", 0.0) == 0.0  # not overflow-y: scroll


def test_cover_image_loads_paints_and_reports_errors(page):
    assert page.data("loads") == [{"width": 4, "height": 3}]
    assert _pixel(page, 20, 175) == (0, 0, 255)
    page.set_data({"src": "/img/missing.png"})
    assert page.data("errors") == [{"errMsg": "GET /img/missing.png 404 (Not Found)"}]
    assert _pixel(page, 20, 175) == (255, 255, 255)
