"""`<image>` loading: bindload/binderror, widthFix/heightFix, remote sources and `"$resources"`.

WeChat docs (组件 › 媒体组件 › image): `binderror` detail `{errMsg}`, `bindload` detail
`{height, width}` (the picture's natural size); widthFix keeps the width and changes the height
to keep the picture's ratio, heightFix the other way round.
"""

from __future__ import annotations

import http.server
import json
import threading

import pytest

from renderer.view import remote
from simulator import launch
from tests.miniprogram import write_project

PAGE_JS = """
Page({
  data: { src: '%s', loads: [], errors: [] },
  onLoad(e) { if (e.src) this.setData({ src: decodeURIComponent(e.src) }) },
  loaded(e) { this.setData({ loads: this.data.loads.concat([e.detail]) }) },
  failed(e) { this.setData({ errors: this.data.errors.concat([e.detail]) }) },
  swap(src) { this.setData({ src }) },
})
"""


def png(width: int, height: int, rgb: int = 0x3366CC) -> bytes:
    from PySide6.QtGui import QImage

    from renderer.qt.app import ensure_app
    from simulator.ui.imaging import encode_png

    ensure_app()
    img = QImage(width, height, QImage.Format.Format_RGB32)
    img.fill(rgb)
    return encode_png(img)


def project(tmp_path, wxml: str, src: str = "/img/wide.png", mock: dict | None = None):
    root = write_project(tmp_path / "p", {"pages/a/a": {"wxml": wxml, "js": PAGE_JS % src}})
    (root / "img").mkdir()
    (root / "img" / "wide.png").write_bytes(png(200, 100))
    (root / "img" / "tall.png").write_bytes(png(50, 100, 0xCC3333))
    if mock is not None:
        (root / "wxsim.mock.json").write_text(json.dumps(mock))
    return root


@pytest.fixture
def fresh_fetcher(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(remote, "_shared", None)


class Server:
    """Serves /ok.png (a 30 × 60 PNG) and 404 for anything else; counts requests."""

    def __init__(self, body: bytes):
        self.hits = 0
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                outer.hits += 1
                if self.path.startswith("/ok.png"):
                    self.send_response(200)
                    self.send_header("Content-Type", "image/png")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                else:
                    self.send_error(404)

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


IMG = '<image id="i" src="{{src}}" mode="{{mode}}" style="width:100px" bindload="loaded" binderror="failed"/>'


def test_load_event_reports_natural_size_and_widthfix_follows_ratio(tmp_path):
    root = project(tmp_path, IMG.replace("{{mode}}", "widthFix"))
    with launch(root, storage=tmp_path / "s") as mp:
        page = mp.current_page()
        assert page.data("loads") == [{"width": 200, "height": 100}]
        assert page.query("#i").size() == {"width": 100, "height": 50}
        page.call_method("swap", "/img/tall.png")
        mp.wait_idle()
        assert page.data("loads")[-1] == {"width": 50, "height": 100}
        assert page.query("#i").size() == {"width": 100, "height": 200}


def test_heightfix_keeps_height_and_scaletofill_keeps_both(tmp_path):
    wxml = ('<image id="h" src="/img/wide.png" mode="heightFix" style="height:40px"/>'
            '<image id="s" src="/img/wide.png" style="width:100px;height:30px"/>'
            '<image id="d" src="/img/wide.png" mode="widthFix"/>')
    with launch(project(tmp_path, wxml), storage=tmp_path / "s") as mp:
        page = mp.current_page()
        assert page.query("#h").size() == {"width": 80, "height": 40}
        assert page.query("#s").size() == {"width": 100, "height": 30}
        assert page.query("#d").size() == {"width": 320, "height": 160}  # default width 320px


def test_missing_file_fires_error_without_bubbling(tmp_path):
    wxml = '<view bindload="loaded" binderror="failed">' + IMG.replace("{{mode}}", "") + "</view>"
    with launch(project(tmp_path, wxml, src="/img/nope.png"), storage=tmp_path / "s") as mp:
        page = mp.current_page()
        assert page.data("errors") == [{"errMsg": "GET /img/nope.png 404 (Not Found)"}]  # once: no bubbling
        assert page.data("loads") == []
        assert page.query("#i").size() == {"width": 100, "height": 240}  # the styled box stays


def test_remote_image_fetched_shown_and_recorded(tmp_path, fresh_fetcher):
    with Server(png(30, 60, 0x00FF00)) as server:
        root = project(tmp_path, IMG.replace("{{mode}}", "widthFix"), src=server.base + "/ok.png")
        with launch(root, storage=tmp_path / "s") as mp:
            page = mp.current_page()
            assert page.data("loads") == [{"width": 30, "height": 60}]
            assert page.query("#i").size() == {"width": 100, "height": 200}
            shot = page.query("#i").screenshot()
            from simulator.ui.imaging import _decode

            img = _decode(shot)
            color = img.pixelColor(img.width() // 2, img.height() // 2)
            assert (color.red(), color.green(), color.blue()) == (0, 255, 0)
            records = [r for r in mp.traffic() if r["kind"] == "resource"]
            assert [(r["payload"]["url"], r["payload"]["source"]) for r in records] == [
                (server.base + "/ok.png", "network")]
            page.call_method("swap", server.base + "/missing.png")
            mp.wait_idle()
            assert page.data("errors") == [{"errMsg": f"GET {server.base}/missing.png 404 (Not Found)"}]
        assert server.hits == 2


def test_resources_rules_answer_remote_urls_from_files_or_failures(tmp_path, fresh_fetcher):
    mock = {"$resources": {"https://cdn.example.com/pics/*": "img/tall.png",
                           "https://cdn.example.com/broken.png": {"status": 503}}}
    root = project(tmp_path, IMG.replace("{{mode}}", "widthFix"), src="https://cdn.example.com/pics/a.png",
                   mock=mock)
    with launch(root, storage=tmp_path / "s") as mp:
        page = mp.current_page()
        assert page.data("loads") == [{"width": 50, "height": 100}]
        page.call_method("swap", "//cdn.example.com/broken.png")
        mp.wait_idle()
        assert page.data("errors") == [{"errMsg": "GET //cdn.example.com/broken.png 503 (Service Unavailable)"}]
        sources = [r["payload"]["source"] for r in mp.traffic() if r["kind"] == "resource"]
        assert sources == ["mock:wxsim.mock.json#$resources[0]", "mock:wxsim.mock.json#$resources[1]"]


def test_bad_resources_section_is_reported(tmp_path):
    root = project(tmp_path, IMG.replace("{{mode}}", ""), src="https://cdn.example.com/x.png",
                   mock={"$resources": {"https://cdn.example.com/*": 42}})
    with launch(root, storage=tmp_path / "s") as mp:
        messages = [d.message for d in mp.diagnostics() if d.file == "wxsim.mock.json"]
        assert any("$resources" in m and "cdn.example.com" in m for m in messages)


def test_data_uri_image_loads(tmp_path):
    import base64

    uri = "data:image/png;base64," + base64.b64encode(png(7, 3)).decode()
    with launch(project(tmp_path, IMG.replace("{{mode}}", ""), src=uri), storage=tmp_path / "s") as mp:
        assert mp.current_page().data("loads") == [{"width": 7, "height": 3}]


def test_aspect_ratio_property(tmp_path):
    wxml = ('<view id="a" style="width:200px;aspect-ratio:16 / 9"/>'
            '<view id="b" style="width:90px;aspect-ratio:3"/>'
            '<view id="c" style="width:90px;height:10px;aspect-ratio:3"/>')
    with launch(project(tmp_path, wxml), storage=tmp_path / "s") as mp:
        page = mp.current_page()
        assert page.query("#a").size() == {"width": 200, "height": 112.5}
        assert page.query("#b").size() == {"width": 90, "height": 30}
        assert page.query("#c").size() == {"width": 90, "height": 10}


def _pixel(shot: bytes, x: int, y: int) -> tuple[int, int, int]:
    from simulator.ui.imaging import _decode

    c = _decode(shot).pixelColor(x, y)
    return c.red(), c.green(), c.blue()


def test_background_shorthand_and_longhands_parse():
    from renderer.wxss.backgrounds import background, background_image
    from tests.wxss_helpers import declarations

    def decl(text):
        return declarations(text, "pages/a/a.wxss")

    values, problems = decl("background: #fff url(../../img/a.png) no-repeat center / cover")
    assert not problems
    assert values["background-image"] == ("url", "/img/a.png", "wxss")  # relative to the sheet
    assert values["background-repeat"] == ("no-repeat", "no-repeat")
    assert values["background-position"] == (("%", 50.0), ("%", 50.0))
    assert values["background-size"] == "cover"
    assert values["background-color"] == (255, 255, 255, 1.0)
    values, _ = decl("background-image: url('https://x.cn/a.png'); background-size: 50% auto;"
                     "background-position: right 10px; background-repeat: repeat-x")
    assert values["background-image"] == ("url", "https://x.cn/a.png", "wxss")
    assert values["background-size"] == (("%", 50.0), "auto")
    assert values["background-repeat"] == ("repeat", "no-repeat")
    _, problems = decl("background-image: url(a.png), url(b.png)")
    assert problems and "unsupported" in str(problems[0])
    assert background_image is not None and background is not None


def test_background_image_painted_sized_positioned_and_warned(tmp_path):
    wxml = ('<view id="cover" class="cover"/>'
            '<view id="tiles" style="width:100px;height:20px;background:url(/img/tall.png) repeat-x;'
            'background-size:10px 20px"/>')
    wxss = ".cover { width: 100px; height: 100px; background: #000 url(../../img/wide.png) no-repeat center / contain; }"
    root = project(tmp_path, wxml)
    (root / "pages" / "a" / "a.wxss").write_text(wxss)
    with launch(root, storage=tmp_path / "s") as mp:
        page = mp.current_page()
        shot = page.query("#cover").screenshot()  # 2x pixels; contain: 100 x 50 centred, black above and below
        assert _pixel(shot, 100, 100) == (0x33, 0x66, 0xCC)
        assert _pixel(shot, 100, 20) == (0, 0, 0)
        tiles = page.query("#tiles").screenshot()
        assert _pixel(tiles, 5, 20) == (0xCC, 0x33, 0x33) and _pixel(tiles, 195, 20) == (0xCC, 0x33, 0x33)
        warnings = [d.message for d in mp.diagnostics() if "background-image" in d.message]
        assert len(warnings) == 1 and "wide.png" in warnings[0] and "from WXSS" in warnings[0]  # inline is fine


def test_remote_background_fetched_then_painted(tmp_path, fresh_fetcher):
    with Server(png(30, 60, 0x00FF00)) as server:
        wxml = f'<view id="v" style="width:60px;height:60px;background-image:url({server.base}/ok.png);background-size:100% 100%"/>'
        with launch(project(tmp_path, wxml), storage=tmp_path / "s") as mp:
            shot = mp.current_page().query("#v").screenshot()
            assert _pixel(shot, 60, 60) == (0, 255, 0)
            assert not [d for d in mp.diagnostics() if "background" in d.message]


def test_legacy_webkit_linear_gradient_direction_and_background_none():
    import tinycss2

    from renderer.wxss.backgrounds import background
    from renderer.wxss.gradients import gradient

    def grad(text):
        return gradient(tinycss2.parse_one_component_value(text))

    assert grad("-webkit-linear-gradient(bottom, #fff, #000)")[1] == 0.0   # from the bottom: `to top`
    assert grad("-webkit-linear-gradient(left top, #fff, #000)")[1] == 135.0  # `to bottom right`
    assert grad("-webkit-linear-gradient(0deg, #fff, #000)")[1] == 90.0     # east
    assert grad("linear-gradient(to top, #fff, #000)")[1] == 0.0
    tokens = [t for t in tinycss2.parse_component_value_list("none") if t.type != "whitespace"]
    assert background(tokens)["background-image"] == "none"


SVG_HALF = ("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='20' height='20'%3E"
            "%3Crect x='0' y='0' width='10' height='20' fill='black'/%3E%3C/svg%3E")


def test_mask_image_url_keeps_only_where_the_image_is_opaque(tmp_path):
    """CSS Masking 1 §3: an SVG data URI as an alpha mask over a coloured box (WeUI's icons)."""
    root = project(tmp_path, '<view id="m" class="m"/>')
    (root / "pages" / "a" / "a.wxss").write_text(
        f'.m {{ width: 40px; height: 40px; background-color: #ff0000; -webkit-mask-image: url("{SVG_HALF}");'
        " -webkit-mask-size: 100% 100%; mask-repeat: no-repeat; }")
    with launch(root, storage=tmp_path / "s") as mp:
        shot = mp.current_page().query("#m").screenshot()  # 80 x 80 device pixels
        assert _pixel(shot, 20, 40) == (255, 0, 0)        # left half: the mask is opaque
        assert _pixel(shot, 60, 40) == (255, 255, 255)    # right half: masked away to the page
        assert not [d for d in mp.diagnostics() if "mask" in d.message]


def test_mask_shorthand_parses_like_a_background_layer():
    import tinycss2

    from renderer.wxss.backgrounds import mask

    tokens = [t for t in tinycss2.parse_component_value_list("url(a.svg) no-repeat 50% 50% / 100%")
              if t.type != "whitespace"]
    assert mask(tokens) == {"mask-image": ("url", "a.svg"), "mask-repeat": ("no-repeat", "no-repeat"),
                            "mask-position": (("%", 50.0), ("%", 50.0)), "mask-size": (("%", 100.0), "auto")}
    assert mask([t for t in tinycss2.parse_component_value_list("red url(a.svg)") if t.type != "whitespace"]) is None
