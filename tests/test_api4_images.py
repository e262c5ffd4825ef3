"""wx.getImageInfo, wx.compressImage and wx.saveImageToPhotosAlbum through a running mini program,
and the header reader behind them."""

from __future__ import annotations

import base64
import json
import struct

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from api_calls import CALLS_JS, call_sources, results
from bridge.api.image_header import read_header
from miniprogram import write_project
from renderer.qt.app import ensure_app
from simulator import launch


def encoded(w: int, h: int, fmt: str, quality: int = -1, noise: bool = False) -> bytes:
    ensure_app()
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("#3366cc"))
    if noise:  # detail for JPEG quality to matter
        for x in range(w):
            for y in range(0, h, 3):
                img.setPixelColor(x, y, QColor((x * 37) % 256, (y * 91) % 256, (x * y) % 256))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, fmt, quality)
    buf.close()
    return bytes(data.data())


def with_orientation(jpeg: bytes, value: int) -> bytes:
    """The JPEG with an EXIF APP1 segment whose IFD0 has Orientation = value."""
    tiff = b"MM\x00*" + struct.pack(">I", 8) + struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1, value, 0) \
        + struct.pack(">I", 0)
    body = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body + jpeg[2:]


def head(data: bytes) -> tuple:
    h = read_header(data)
    return h.type, h.width, h.height


def test_header_reader():
    png = read_header(encoded(7, 5, "PNG"))
    assert (png.type, png.width, png.height, png.orientation) == ("png", 7, 5, "up")
    jpeg = read_header(with_orientation(encoded(30, 20, "JPG"), 6))
    assert (jpeg.type, jpeg.width, jpeg.height, jpeg.orientation) == ("jpeg", 30, 20, "right")
    assert read_header(with_orientation(encoded(3, 2, "JPG"), 3)).orientation == "down"
    assert head(b"GIF89a\x0a\x00\x04\x00rest") == ("gif", 10, 4)
    assert read_header(b"not an image").type == "unknown"


@pytest.fixture
def mp(tmp_path):
    root = write_project(tmp_path / "p", {"pages/a/a": {"wxml": "<view>a</view>", "js": CALLS_JS}})
    (root / "project.config.json").write_text(json.dumps({"appid": "wxabc"}))
    (root / "images").mkdir()
    (root / "images" / "logo.png").write_bytes(encoded(40, 30, "PNG"))
    (root / "pages" / "a" / "near.jpg").write_bytes(with_orientation(encoded(16, 8, "JPG"), 8))
    (root / "fixtures").mkdir()
    (root / "fixtures" / "photo.jpg").write_bytes(encoded(200, 100, "JPG", 100, noise=True))
    (root / "fixtures" / "notes.txt").write_text("not a picture")
    (root / "wxsim.mock.json").write_text(json.dumps({
        "$simulate": {"images": ["fixtures/photo.jpg", "fixtures/notes.txt"]},
        "$resources": {"https://cdn.example.com/*": "images/logo.png"}}))
    with launch(root, storage=tmp_path / "storage") as program:
        yield program


def chosen(mp) -> list[str]:
    return mp.call_wx_method("chooseImage", {"count": 2})["tempFilePaths"]


def info(path, w, h, kind, orientation="up"):
    return {"width": w, "height": h, "path": path, "orientation": orientation, "type": kind,
            "errMsg": "getImageInfo:ok"}


def test_get_image_info_of_package_temp_and_user_files(mp):
    page = mp.current_page()
    page.call_method("cb", "getImageInfo", {"src": "/images/logo.png"})
    page.call_method("promise", "getImageInfo", {"src": "near.jpg"})  # relative to the page's folder
    page.call_method("promise", "getImageInfo", {"src": "../../images/logo.png"})
    mp.wait_idle()
    assert results(page) == [["success", info("/images/logo.png", 40, 30, "png")], ["complete"],
                             ["then", info("/pages/a/near.jpg", 16, 8, "jpeg", "left")],
                             ["then", info("/images/logo.png", 40, 30, "png")]]
    photo = chosen(mp)[0]
    page.call_method("promise", "getImageInfo", {"src": photo})
    user = mp.sim.local_file("wxfile://usr/saved.png")
    user.write_bytes(encoded(12, 34, "PNG"))
    page.call_method("promise", "getImageInfo", {"src": "wxfile://usr/saved.png"})
    mp.wait_idle()
    assert results(page) == [["then", info(photo, 200, 100, "jpeg")],
                             ["then", info("wxfile://usr/saved.png", 12, 34, "png")]]
    assert call_sources(mp, "getImageInfo") == ["builtin"] * 5


def test_get_image_info_of_data_and_remote_sources(mp):
    page = mp.current_page()
    uri = "data:image/png;base64," + base64.b64encode(encoded(9, 6, "PNG")).decode()
    page.call_method("promise", "getImageInfo", {"src": uri})
    page.call_method("promise", "getImageInfo", {"src": "https://cdn.example.com/a.png"})  # a "$resources" rule
    page.call_method("promise", "getImageInfo", {"src": "https://other.example.com/b.png"})
    mp.wait_idle()
    (k1, data_info), (k2, remote_info), (k3, err) = results(page)
    assert (k1, data_info["width"], data_info["height"], data_info["type"]) == ("then", 9, 6, "png")
    assert data_info["path"].startswith("http://tmp/") and mp.sim.local_file(data_info["path"]).is_file()
    assert (k2, remote_info["width"], remote_info["height"]) == ("then", 40, 30)
    assert remote_info["path"].startswith("http://tmp/")
    assert k3 == "catch" and err["errMsg"].startswith(
        "getImageInfo:fail remote images are not fetched by wxsim yet: https://other.example.com/b.png")
    mp.mock_wx_method("getImageInfo", result={"width": 1, "height": 2, "path": "x", "type": "png"})
    page.call_method("promise", "getImageInfo", {"src": "https://other.example.com/b.png"})
    mp.wait_idle()
    assert results(page)[0][1]["width"] == 1 and call_sources(mp, "getImageInfo")[-1] == "mock:runtime"


def test_get_image_info_errors(mp):
    page = mp.current_page()
    page.call_method("cb", "getImageInfo", {})
    page.call_method("promise", "getImageInfo", {"src": "/images/missing.png"})
    page.call_method("promise", "getImageInfo", {"src": "../../../outside.png"})
    page.call_method("promise", "getImageInfo", {"src": chosen(mp)[1]})  # the text file
    mp.wait_idle()
    log = results(page)
    assert log[0] == ["fail", {"errMsg": "getImageInfo:fail parameter error: parameter.src should be String "
                                         "instead of Undefined;"}]
    assert [e["errMsg"] for _, e in log[2:]][:2] == ["getImageInfo:fail file not found: /images/missing.png",
                                                     "getImageInfo:fail file not found: ../../../outside.png"]
    assert log[4][1]["errMsg"].startswith("getImageInfo:fail not an image")


def test_compress_image(mp):
    page = mp.current_page()
    photo = chosen(mp)[0]
    page.call_method("cb", "compressImage", {"src": photo, "quality": 10})
    page.call_method("promise", "compressImage", {"src": photo, "compressedWidth": 50})
    page.call_method("promise", "compressImage", {"src": "/images/logo.png", "compressedHeight": 15})
    mp.wait_idle()
    (k1, small), _, (k2, scaled), (k3, png) = results(page)
    assert (k1, k2, k3) == ("success", "then", "then")
    original = mp.sim.local_file(photo).stat().st_size
    low = mp.sim.local_file(small["tempFilePath"])
    assert small["tempFilePath"].startswith("http://tmp/") and small["tempFilePath"].endswith(".jpg")
    assert low.stat().st_size < original / 2  # quality 10 of a quality-100 JPEG
    assert head(low.read_bytes()) == ("jpeg", 200, 100)
    assert head(mp.sim.local_file(scaled["tempFilePath"]).read_bytes()) == ("jpeg", 50, 25)
    assert head(mp.sim.local_file(png["tempFilePath"]).read_bytes()) == ("png", 20, 15)
    page.call_method("promise", "getImageInfo", {"src": scaled["tempFilePath"]})  # a usable temp path
    page.call_method("promise", "compressImage", {"src": photo, "quality": "low"})
    page.call_method("promise", "compressImage", {"src": "https://example.com/a.jpg"})
    mp.wait_idle()
    log = results(page)
    assert log[0][1]["width"] == 50
    assert log[1][1]["errMsg"] == ("compressImage:fail parameter error: parameter.quality should be Number "
                                   "instead of String;")
    assert log[2][1]["errMsg"].startswith("compressImage:fail remote images are not fetched")


def test_save_image_asks_for_the_album_scope_once(mp):
    page = mp.current_page()
    photo = chosen(mp)[0]
    page.call_method("cb", "saveImageToPhotosAlbum", {"filePath": photo})
    mp.wait_idle()
    assert mp.sim.ui.permission.scope == "scope.writePhotosAlbum" and results(page) == []
    mp.sim.ui.answer_permission(True)
    mp.wait_idle()
    assert results(page) == [["success", {"errMsg": "saveImageToPhotosAlbum:ok"}], ["complete"]]
    page.call_method("promise", "saveImageToPhotosAlbum", {"filePath": photo})  # no second dialog
    mp.wait_idle()
    assert mp.sim.ui.permission is None and results(page) == [["then", {"errMsg": "saveImageToPhotosAlbum:ok"}]]
    saved = [r for r in mp.sim.apis.world.records if r["api"] == "saveImageToPhotosAlbum"]
    assert [r["args"] for r in saved] == [{"filePath": photo}] * 2
    assert saved[0]["file"] == str(mp.sim.local_file(photo))
    assert call_sources(mp, "saveImageToPhotosAlbum") == ["simulated", "simulated"]
    assert mp.call_wx_method("getSetting", {})["authSetting"]["scope.writePhotosAlbum"] is True


def test_save_image_denied_and_bad_paths(mp):
    page = mp.current_page()
    photo, text = chosen(mp)
    page.call_method("promise", "saveImageToPhotosAlbum", {"filePath": photo})
    mp.wait_idle()
    mp.sim.ui.answer_permission(False)
    mp.wait_idle()
    for path in ("https://example.com/a.png", "/images/logo.png", text):
        page.call_method("promise", "saveImageToPhotosAlbum", {"filePath": path})
    page.call_method("promise", "saveImageToPhotosAlbum", {})
    mp.wait_idle()
    assert [e["errMsg"] for _, e in results(page)] == [
        "saveImageToPhotosAlbum:fail auth deny",
        "saveImageToPhotosAlbum:fail network paths are not supported; download the image first",
        "saveImageToPhotosAlbum:fail file not found: /images/logo.png",  # a package path is not a local file
        "saveImageToPhotosAlbum:fail invalid file type",
        "saveImageToPhotosAlbum:fail parameter error: parameter.filePath should be String instead of Undefined;",
    ]
    assert mp.sim.apis.world.records == []
