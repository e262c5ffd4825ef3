"""<canvas type="2d">: the Canvas node from SelectorQuery fields({node: true}), getContext('2d'), toDataURL."""

from __future__ import annotations

import base64
import json

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QImage  # noqa: E402

from simulator import launch  # noqa: E402

PAGE_JS = """
Page({
  data: {size: null, url: '', file: '', kind: ''},
  paint() {
    this.createSelectorQuery().select('#c').fields({node: true, size: true}).exec(res => {
      const canvas = res[0].node;
      const ctx = canvas.getContext('2d');
      canvas.width = res[0].width * 2;
      canvas.height = res[0].height * 2;
      ctx.scale(2, 2);
      ctx.fillStyle = '#ff0000';
      ctx.fillRect(0, 0, 100, 50);
      ctx.globalAlpha = 0.5;
      ctx.fillStyle = '#0000ff';
      ctx.fillRect(100, 0, 100, 50);
      this.setData({size: [res[0].width, res[0].height, canvas.width], kind: typeof canvas.getContext,
                    url: canvas.toDataURL()});
      wx.canvasToTempFilePath({canvas, success: r => this.setData({file: r.tempFilePath})});
    });
  },
})
"""


@pytest.fixture
def mp(tmp_path):
    (tmp_path / "project.config.json").write_text(json.dumps({"appid": "wxabc"}))
    (tmp_path / "app.json").write_text(json.dumps({"pages": ["pages/a/a"]}))
    (tmp_path / "app.js").write_text("App({})")
    page = tmp_path / "pages" / "a"
    page.mkdir(parents=True)
    (page / "a.wxml").write_text('<canvas type="2d" id="c" style="width: 200px; height: 100px"></canvas>')
    (page / "a.js").write_text(PAGE_JS)
    with launch(tmp_path, storage=tmp_path / "storage") as program:
        yield program


def test_canvas_2d_node_draws_in_bitmap_pixels(mp):
    page = mp.current_page()
    page.call_method("paint")
    mp.wait_idle()
    assert page.data("size") == [200, 100, 400] and page.data("kind") == "function"
    url = page.data("url")
    assert url.startswith("data:image/png;base64,")
    img = QImage.fromData(base64.b64decode(url.split(",", 1)[1]))
    assert (img.width(), img.height()) == (400, 200)
    red, blue = img.pixelColor(150, 50), img.pixelColor(250, 50)
    assert (red.red(), red.alpha()) == (255, 255)
    assert blue.blue() == 255 and 100 < blue.alpha() < 160   # globalAlpha 0.5
    assert img.pixelColor(150, 150).alpha() == 0            # below the drawing
    node = next(n for n in mp.sim.current_view().root.walk() if n.tag == "canvas")
    assert node.state["canvas"].size == (400, 200)
    assert page.data("file").startswith("http://tmp/")


def test_canvas_2d_painted_on_screen(mp, tmp_path):
    page = mp.current_page()
    page.call_method("paint")
    mp.wait_idle()
    path = tmp_path / "shot.png"
    mp.screenshot(path)
    img = QImage(str(path))
    scale = img.width() / 375
    node = next(n for n in mp.sim.current_view().root.walk() if n.tag == "canvas")
    reds = [y for y in range(img.height()) if img.pixelColor(int((node.box.x + 50) * scale), y).name() == "#ff0000"]
    assert len(reds) == pytest.approx(50 * scale, abs=2)     # 100 bitmap px = 50 CSS px tall
