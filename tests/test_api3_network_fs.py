"""downloadFile / uploadFile / RequestTask.abort / connectSocket against local servers; the file system manager."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from simulator import launch

PAYLOAD = b"x" * 200_000


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        if self.path == "/slow":
            time.sleep(1.0)
        self.send_response(200)
        self.send_header("Content-Length", str(len(PAYLOAD)))
        self.end_headers()
        self.wfile.write(PAYLOAD)

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(201)
        self.end_headers()
        self.wfile.write(json.dumps({"size": len(body), "hasField": b'name="note"' in body,
                                     "hasFile": b'name="file"' in body}).encode())


@pytest.fixture(scope="module")
def http_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def ws_url():
    from websockets.sync.server import serve

    def echo(conn):
        for message in conn:
            conn.send(message if isinstance(message, bytes) else "echo:" + message)

    server = serve(echo, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"ws://127.0.0.1:{server.socket.getsockname()[1]}"
    server.shutdown()


def make(tmp_path, js, config=None, mock=None):
    (tmp_path / "project.config.json").write_text(json.dumps(config or {"appid": "wxabc"}))
    if mock is not None:
        (tmp_path / "wxsim.mock.json").write_text(json.dumps(mock))
    (tmp_path / "app.json").write_text(json.dumps({"pages": ["pages/a/a"]}))
    (tmp_path / "app.js").write_text("App({})")
    page = tmp_path / "pages" / "a"
    page.mkdir(parents=True)
    (page / "a.wxml").write_text("<view>{{log}}</view>")
    (page / "a.js").write_text("Page({data: {log: []}, add(x) { this.setData({log: this.data.log.concat([x])}) },\n"
                               + js + "})")
    return launch(tmp_path, storage=tmp_path / "storage")


def test_download_upload_and_abort(tmp_path, http_url):
    js = f"""
    down() {{ const t = wx.downloadFile({{url: '{http_url}/f.bin', success: r => {{ this.path = r.tempFilePath;
        this.add(r.statusCode + ' ' + wx.getFileSystemManager().readFileSync(r.tempFilePath).byteLength) }} }});
      t.onProgressUpdate(p => {{ if (p.progress === 100) this.add('100%') }}) }},
    up() {{ wx.uploadFile({{url: '{http_url}/up', filePath: this.path, name: 'file', formData: {{note: 'hi'}},
        success: r => this.add(r.statusCode + ' ' + r.data) }}) }},
    slow() {{ const t = wx.request({{url: '{http_url}/slow', fail: e => this.add(e.errMsg),
        success: () => this.add('done') }}); t.abort() }},
    """
    with make(tmp_path, js) as mp:
        page = mp.current_page()
        page.call_method("down")
        mp.wait_idle()
        assert page.data("log") == ["100%", f"200 {len(PAYLOAD)}"]
        page.call_method("up")
        mp.wait_idle()
        status, body = page.data("log")[-1].split(" ", 1)
        assert status == "201" and json.loads(body)["hasField"] and json.loads(body)["size"] > len(PAYLOAD)
        page.call_method("slow")
        mp.wait_idle()
        assert page.data("log")[-1] == "request:fail abort"


def test_socket_task_and_global_forms(tmp_path, ws_url):
    js = f"""
    open() {{ this.t = wx.connectSocket({{url: '{ws_url}'}});
      this.t.onOpen(() => {{ this.add('open'); this.t.send({{data: 'hi'}}) }});
      this.t.onMessage(m => {{ this.add(m.data); if (m.data === 'echo:hi') wx.sendSocketMessage({{data: 'again'}}) }});
      wx.onSocketClose(c => this.add('closed ' + c.code)) }},
    shut() {{ this.t.close({{code: 1000}}) }},
    """
    with make(tmp_path, js) as mp:
        page = mp.current_page()
        page.call_method("open")
        page.wait_for(lambda: "echo:again" in (page.data("log") or []), timeout=5)
        assert page.data("log") == ["open", "echo:hi", "echo:again"]
        page.call_method("shut")
        page.wait_for(lambda: page.data("log")[-1].startswith("closed"), timeout=5)
        assert page.data("log")[-1] == "closed 1000"


def test_url_check_uses_domain_list(tmp_path, http_url):
    js = f"get() {{ wx.request({{url: '{http_url}/x', fail: e => this.add(e.errMsg), success: () => this.add('ok') }}) }},"
    with make(tmp_path, js, {"appid": "wxabc", "setting": {"urlCheck": True}},
              {"$domains": {"request": ["https://api.example.com"]}}) as mp:
        mp.current_page().call_method("get")
        mp.wait_idle()
        assert mp.current_page().data("log") == ["request:fail url not in domain list"]
    (tmp_path / "project.private.config.json").write_text(json.dumps({"setting": {"urlCheck": False}}))
    with launch(tmp_path, storage=tmp_path / "storage") as mp:
        mp.current_page().call_method("get")
        mp.wait_idle()
        assert mp.current_page().data("log") == ["ok"]


def test_file_system_manager(tmp_path):
    js = """
    run() { const fs = wx.getFileSystemManager(), base = wx.env.USER_DATA_PATH;
      fs.mkdirSync(base + '/d');
      fs.writeFileSync(base + '/d/a.txt', '你好', 'utf8');
      fs.appendFileSync(base + '/d/a.txt', '!', 'utf8');
      this.add(fs.readFileSync(base + '/d/a.txt', 'utf8'));
      this.add(fs.readdirSync(base + '/d').join(','));
      this.add(String(fs.statSync(base + '/d').isDirectory()));
      this.add(fs.readFileSync(base + '/d/a.txt').byteLength);
      try { fs.readFileSync(base + '/nope.txt', 'utf8') } catch (e) { this.add(e.message) }
      fs.access({path: base + '/zz', fail: e => this.add(e.errMsg)});
      fs.readFile({filePath: base + '/d/a.txt', encoding: 'utf8', success: r => this.add('async ' + r.data)});
      fs.writeFileSync(base + '/d/b.txt', 'b'); fs.unlinkSync(base + '/d/b.txt');
      try { fs.writeFileSync('/etc/x', 'no') } catch (e) { this.add(e.message) } },
    """
    with make(tmp_path, js) as mp:
        page = mp.current_page()
        page.call_method("run")
        mp.wait_idle()
        assert page.data("log") == [
            "你好!", "a.txt", "true", 7,
            "readFile:fail no such file or directory, open wxfile://usr/nope.txt",
            "writeFile:fail permission denied, open /etc/x",
            "access:fail no such file or directory wxfile://usr/zz",
            "async 你好!",
        ]
        assert sorted(p.name for p in (tmp_path / "storage" / "usr" / "d").iterdir()) == ["a.txt"]
