"""Remote @font-face sources: fetched once from a server on 127.0.0.1, cached, used offline."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

from renderer.view import remote


def _mono_font() -> Path:
    """A monospaced TTF installed on this machine (its glyphs are much wider than 'i' in a UI font)."""
    try:
        out = subprocess.run(["fc-list", ":spacing=mono", "file"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        out = ""
    for line in sorted(out.splitlines()):
        path = Path(line.split(":", 1)[0].strip())
        if path.suffix.lower() == ".ttf" and path.is_file():
            return path
    pytest.skip("no monospaced TTF found with fc-list")


class _Server:
    """Serves one font file at /f.ttf (or 404 for anything else); counts requests."""

    def __init__(self, data: bytes, delay_s: float = 0.0):
        self.hits = 0
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                outer.hits += 1
                time.sleep(delay_s)
                if self.path.startswith("/f.ttf"):
                    self.send_response(200)
                    self.send_header("Content-Type", "font/ttf")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                else:
                    self.send_error(404)

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def fresh_fetcher(tmp_path, monkeypatch):
    """An empty per-user cache and a new process-wide fetcher; registered faces forgotten."""
    from renderer.qt import font_faces

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(remote, "_shared", None)
    monkeypatch.setattr(font_faces, "_loaded", {})
    yield tmp_path / "cache" / "wxsim" / "fonts"


def _project(root: Path, url: str, family: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "project.config.json").write_text('{ "miniprogramRoot": "./" }')
    (root / "app.json").write_text(json.dumps({"pages": ["pages/index/index"]}))
    (root / "app.js").write_text("App({})")
    page = root / "pages" / "index"
    page.mkdir(parents=True)
    (page / "index.js").write_text("Page({ data: {} })")
    (page / "index.json").write_text("{}")
    (page / "index.wxml").write_text('<view class="row"><text id="t" class="w">iiiiiiiiii</text></view>')
    (page / "index.wxss").write_text(
        f"@font-face {{ font-family: '{family}'; src: url('{url}') format('truetype'); }}\n"
        f".row {{ display: flex; }}\n.w {{ font-family: '{family}'; font-size: 20px; }}\n")
    return root


def _width(mp) -> float:
    return mp.current_page().query("#t").size()["width"]


def test_fonts2_remote_face_fetched_registered_and_relaid_out(tmp_path, fresh_fetcher, open_project):
    data = _mono_font().read_bytes()
    server = _Server(data, delay_s=0.3)
    try:
        url = f"//127.0.0.1:{server.port}/f.ttf?v=1"  # protocol-relative: taken as https, so use http below
        proj = _project(tmp_path / "p", f"http://127.0.0.1:{server.port}/f.ttf?v=1", "remote-mono")
        mp = open_project(proj)  # launch waits until settled: the fetch in flight is part of that
        wide = _width(mp)
        assert server.hits == 1
        cached = list(fresh_fetcher.iterdir())
        assert len(cached) == 1 and cached[0].read_bytes() == data
        # every 'i' is as wide as any monospaced glyph: ten of them at 20px are far wider than UI 'i's
        assert wide > 90, wide
        assert not [d for d in mp.diagnostics() if "font-face" in d.message]
        assert remote.remote_url(url) == f"https://127.0.0.1:{server.port}/f.ttf?v=1"
    finally:
        server.close()


def test_fonts2_cached_font_used_without_network(tmp_path, fresh_fetcher, open_project):
    data = _mono_font().read_bytes()
    url = "http://127.0.0.1:9/f.ttf"  # nothing listens on the discard port: only the cache can answer
    fresh_fetcher.mkdir(parents=True)
    remote.cache_path(url).write_bytes(data)
    mp = open_project(_project(tmp_path / "p", url, "cached-mono"))
    assert _width(mp) > 90
    assert not [d for d in mp.diagnostics() if "font-face" in d.message]


def test_fonts2_failed_fetch_warns_once_with_position(tmp_path, fresh_fetcher, open_project):
    server = _Server(b"")
    try:
        url = f"http://127.0.0.1:{server.port}/missing.ttf"
        mp = open_project(_project(tmp_path / "p", url, "gone-mono"))
        narrow = _width(mp)
        mp.navigate_to("/pages/index/index")
        warnings = [d for d in mp.diagnostics() if "font-face" in d.message]
        assert len(warnings) == 1, warnings
        w = warnings[0]
        assert "HTTP 404" in w.message and (w.file, w.line, w.column) == ("pages/index/index.wxss", 1, 1)
        assert narrow < 90 and server.hits == 1
        assert not os.path.exists(remote.cache_path(url))
    finally:
        server.close()


def test_fonts2_unloadable_formats_skipped_without_fetch():
    from renderer.qt.font_faces import skipped_format

    assert skipped_format("https://x/t.eot", None)
    assert skipped_format("https://x/t.eot?#iefix", "ded-opentype")  # unknown hint: CSS Fonts 4 skips it
    assert skipped_format("https://x/t.svg", "svg")
    assert not skipped_format("https://x/t.woff", "woff")
    assert not skipped_format("https://x/t.ttf", "truetype-variations")
    assert not skipped_format("https://x/t.ttf", None)
