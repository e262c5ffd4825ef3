"""wx.loadFontFace (docs: 界面 › 字体 › wx.loadFontFace): a web font loaded at run time; text in
that family is measured and drawn with it; success `{status: "loaded"}`, failures `{status:
"error"}` with errMsg; the source is `url("…")` with an https or data: address."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import pytest

from renderer.view import remote
from simulator import launch
from tests.miniprogram import write_project

PAGE = """
Page({
  data: { results: [] },
  load(source, family) {
    return new Promise(done => wx.loadFontFace({ family: family || 'Shop Mono', source,
      success: r => this.setData({ results: this.data.results.concat([['ok', r]]) }),
      fail: r => this.setData({ results: this.data.results.concat([['fail', r]]) }),
      complete: done }))
  },
})
"""


def _mono_font() -> Path:
    out = subprocess.run(["fc-list", ":spacing=mono", "file"], capture_output=True, text=True).stdout
    for line in sorted(out.splitlines()):
        path = Path(line.split(":", 1)[0].strip())
        if path.suffix.lower() == ".ttf" and path.is_file():
            return path
    pytest.skip("no monospaced TTF found with fc-list")


@pytest.fixture
def mp(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(remote, "_shared", None)
    font = _mono_font().read_bytes()
    root = write_project(tmp_path / "p", {"pages/a/a": {
        "wxml": '<text id="t" style="font-family: \'Shop Mono\'">iiiiiiiiii</text>', "js": PAGE}})
    (root / "mock").mkdir()
    (root / "mock" / "mono.ttf").write_bytes(font)
    (root / "wxsim.mock.json").write_text('{"$resources": {"https://fonts.example.com/gone.ttf": {"status": 404},'
                                          ' "https://fonts.example.com/*": "mock/mono.ttf"}}')
    with launch(root, storage=tmp_path / "s") as program:
        program.font_bytes = font
        yield program


def test_remote_font_loaded_and_used_for_text(mp):
    page = mp.current_page()
    narrow = page.query("#t").size()["width"]
    page.call_method("load", 'url("https://fonts.example.com/mono.ttf")')
    mp.wait_idle()
    assert page.data("results") == [["ok", {"status": "loaded", "errMsg": "loadFontFace:ok"}]]
    assert page.query("#t").size()["width"] > narrow * 1.5  # monospaced "i"s are much wider


def test_data_url_font_loads(mp):
    page = mp.current_page()
    uri = "data:font/ttf;base64," + base64.b64encode(mp.font_bytes).decode()
    page.call_method("load", f"url('{uri}')", "Data Mono")
    mp.wait_idle()
    assert page.data("results")[0][1]["status"] == "loaded"


def test_failures_answer_status_error(mp):
    page = mp.current_page()
    page.call_method("load", 'url("https://fonts.example.com/gone.ttf")')
    page.call_method("load", "url(/fonts/local.ttf)")
    page.call_method("load", "data:font/ttf;base64,AAAA")
    mp.wait_idle()
    results = page.data("results")
    assert [r[0] for r in results] == ["fail", "fail", "fail"]
    assert all(r[1]["status"] == "error" and r[1]["errMsg"].startswith("loadFontFace:fail ") for r in results)
    assert "404" in results[0][1]["errMsg"]
    assert "https url or a data URL" in results[1][1]["errMsg"]
    assert "not a font" in results[2][1]["errMsg"]


def test_missing_family_is_a_parameter_error(mp):
    result = mp.call_wx_method("loadFontFace", {"source": 'url("https://fonts.example.com/mono.ttf")'})
    assert result == {"status": "error", "errMsg": "loadFontFace:fail parameter error: "
                                                   "parameter.family should be String instead of Undefined;"}
