"""<canvas canvas-id> with wx.createCanvasContext, draw(), wx.canvasToTempFilePath, and <canvas type="2d">."""

from __future__ import annotations

import json
import struct
import zlib

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QImage  # noqa: E402

from simulator import launch  # noqa: E402

PAGE_JS = """
Page({
  data: {done: 0, file: '', size: null, err: '', width: 0, bytes: 0},
  paint(reserve) {
    const ctx = wx.createCanvasContext('c', this);
    ctx.setFillStyle('#ff0000');
    ctx.fillRect(0, 0, 50, 40);
    ctx.fillStyle = 'rgba(0, 0, 255, 1)';
    ctx.beginPath();
    ctx.arc(150, 75, 20, 0, 2 * Math.PI);
    ctx.fill();
    ctx.save();
    ctx.translate(200, 0);
    ctx.setFillStyle('#00ff00');
    ctx.fillRect(0, 100, 30, 30);
    ctx.restore();
    ctx.setStrokeStyle('#000000');
    ctx.setLineWidth(4);
    ctx.strokeRect(60, 100, 40, 40);
    ctx.setFontSize(20);
    ctx.fillText('Hi', 10, 140);
    ctx.drawImage('/dot.png', 250, 10, 40, 40);
    ctx.draw(false, () => this.setData({done: this.data.done + 1}));
  },
  wipe() {
    const ctx = wx.createCanvasContext('c', this);
    ctx.setFillStyle('#00ffff');
    ctx.fillRect(280, 130, 20, 20);
    ctx.draw(true);
    const again = wx.createCanvasContext('c');
    again.draw();
  },
  measure() { this.setData({width: wx.createCanvasContext('c').measureText('abc').width}) },
  save() {
    wx.canvasToTempFilePath({canvasId: 'c', destWidth: 300, destHeight: 150,
      success: r => {
        const data = wx.getFileSystemManager().readFileSync(r.tempFilePath);
        this.setData({file: r.tempFilePath, bytes: data.byteLength});
      },
      fail: e => this.setData({err: e.errMsg})}, this);
  },
  missing() { wx.createCanvasContext('nope').draw(false); wx.canvasToTempFilePath({canvasId: 'nope', fail: e => this.setData({err: e.errMsg})}) },
})
"""

PAGE_WXML = """
<view style="height: 10px"></view>
<canvas canvas-id="c" style="width: 300px; height: 150px"></canvas>
"""


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@pytest.fixture
def mp(tmp_path):
    (tmp_path / "project.config.json").write_text(json.dumps({"appid": "wxabc"}))
    (tmp_path / "app.json").write_text(json.dumps({"pages": ["pages/a/a"]}))
    (tmp_path / "app.js").write_text("App({})")
    (tmp_path / "dot.png").write_bytes(_png(4, 4, (255, 0, 255)))
    page = tmp_path / "pages" / "a"
    page.mkdir(parents=True)
    (page / "a.wxml").write_text(PAGE_WXML)
    (page / "a.js").write_text(PAGE_JS)
    with launch(tmp_path, storage=tmp_path / "storage") as program:
        yield program


def _shot(mp, tmp_path) -> QImage:
    path = tmp_path / "shot.png"
    mp.screenshot(path)
    img = QImage(str(path))
    assert not img.isNull()
    return img


def _at(img: QImage, x: float, y: float, scale: float) -> tuple[int, int, int]:
    c = img.pixelColor(int(x * scale), int(y * scale))
    return (c.red(), c.green(), c.blue())


def test_canvas_draw_paints_the_display_list_in_the_canvas_box(mp, tmp_path):
    page = mp.current_page()
    page.call_method("paint")
    mp.wait_idle()
    assert page.data("done") == 1
    draws = [r for r in mp.traffic() if r.get("kind") == "invoke"
             and r["payload"].get("name") == "CanvasContext.draw"]
    assert len(draws) == 1 and len(draws[0]["payload"]["args"]["actions"]) > 10
    img = _shot(mp, tmp_path)
    scale = img.width() / 375
    node = next(n for n in mp.sim.current_view().root.walk() if n.tag == "canvas")
    ox, oy = node.box.x, node.box.y
    # find the page's top edge in the screenshot: the red square is at the canvas's origin
    red = [(x, y) for y in range(img.height()) for x in range(0, img.width(), 4)
           if _at(img, x / scale, y / scale, scale) == (255, 0, 0)]
    assert red, "the fillRect was not painted"
    y0 = min(y for _, y in red) / scale - oy
    assert min(x for x, _ in red) / scale == pytest.approx(ox, abs=1)
    assert _at(img, ox + 25, y0 + oy + 20, scale) == (255, 0, 0)
    assert _at(img, ox + 150, y0 + oy + 75, scale) == (0, 0, 255)       # the arc
    assert _at(img, ox + 215, y0 + oy + 115, scale) == (0, 255, 0)      # translated, then restored
    assert _at(img, ox + 60, y0 + oy + 120, scale)[0] < 60               # stroke of the rect
    assert _at(img, ox + 80, y0 + oy + 120, scale) != (0, 0, 0)          # not filled
    assert _at(img, ox + 270, y0 + oy + 30, scale) == (255, 0, 255)     # drawImage, scaled to 40x40
    assert _at(img, ox + 120, y0 + oy + 40, scale) != (0, 0, 255)        # outside the arc


def test_canvas_reserve_keeps_and_plain_draw_clears(mp):
    page = mp.current_page()
    page.call_method("paint")
    mp.wait_idle()
    node = next(n for n in mp.sim.current_view().root.walk() if n.tag == "canvas")
    count = len(node.state["canvas"].actions)
    page.call_method("wipe")
    mp.wait_idle()
    assert node.state["canvas"].actions == []
    assert count > 10


def test_canvas_to_temp_file_path_renders_offscreen(mp, tmp_path):
    page = mp.current_page()
    page.call_method("paint")
    mp.wait_idle()
    page.call_method("save")
    mp.wait_idle()
    assert page.data("err") == ""
    assert page.data("file").startswith("http://tmp/") and page.data("file").endswith(".png")
    assert page.data("bytes") > 100
    path = mp.sim.local_file(page.data("file"))
    img = QImage(str(path))
    assert (img.width(), img.height()) == (300, 150)
    assert img.pixelColor(25, 20).red() == 255 and img.pixelColor(25, 20).alpha() == 255
    assert img.pixelColor(150, 75).blue() == 255
    assert img.pixelColor(290, 140).alpha() == 0


def test_canvas_measure_text_and_missing_canvas(mp):
    page = mp.current_page()
    page.call_method("measure")
    mp.wait_idle()
    assert 10 < page.data("width") < 40
    page.call_method("missing")
    mp.wait_idle()
    assert "canvasToTempFilePath:fail" in page.data("err")
