from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from test_api_fakes import make

from bridge.api.network import build_request


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def _reply(self):
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        if self.path.startswith("/slow"):
            time.sleep(1.0)
        if self.path.startswith("/text"):
            payload, ctype = b"plain words", "text/plain"
        else:
            payload = json.dumps({"method": self.command, "path": self.path, "body": body,
                                  "ctype": self.headers.get("content-type"),
                                  "token": self.headers.get("x-token")}).encode()
            ctype = "application/json"
        status = 404 if self.path.startswith("/missing") else 200
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Set-Cookie", "sid=abc; Path=/")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = _reply


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def run(tmp_path, args):
    ctx, apis = make(tmp_path)
    apis.invoke("request", args, 7)
    assert 7 not in ctx.results  # answered later, from the main loop
    ctx.run_main()
    return ctx.results[7]


def test_get_with_query(tmp_path, server):
    res, source = run(tmp_path, {"url": server + "/items?x=1", "data": {"page": 2, "q": "牛奶", "ok": True}})
    assert source == "builtin" and res["errMsg"] == "request:ok" and res["statusCode"] == 200
    assert res["data"]["method"] == "GET"
    assert res["data"]["path"] == "/items?x=1&page=2&q=%E7%89%9B%E5%A5%B6&ok=true"
    assert res["cookies"] == ["sid=abc"]
    assert res["header"]["Content-Type"] == "application/json"


def test_post_json_and_header(tmp_path, server):
    res, _ = run(tmp_path, {"url": server + "/add", "method": "post", "data": {"title": "milk", "n": [1]},
                            "header": {"X-Token": "t1"}})
    assert res["data"]["method"] == "POST"
    assert json.loads(res["data"]["body"]) == {"title": "milk", "n": [1]}
    assert res["data"]["ctype"] == "application/json" and res["data"]["token"] == "t1"


def test_post_urlencoded(tmp_path, server):
    res, _ = run(tmp_path, {"url": server + "/form", "method": "POST", "data": {"a": "1 2", "b": 3},
                            "header": {"content-type": "application/x-www-form-urlencoded"}})
    assert res["data"]["body"] == "a=1+2&b=3"


def test_status_and_text(tmp_path, server):
    res, _ = run(tmp_path, {"url": server + "/missing"})
    assert res["statusCode"] == 404 and res["errMsg"] == "request:ok"
    res, _ = run(tmp_path, {"url": server + "/text"})
    assert res["data"] == "plain words"
    res, _ = run(tmp_path, {"url": server + "/text", "responseType": "arraybuffer"})
    assert res["data"] == "cGxhaW4gd29yZHM="


def test_timeout_fails(tmp_path, server):
    res, _ = run(tmp_path, {"url": server + "/slow", "timeout": 200})
    assert res == {"errMsg": "request:fail timeout"}


def test_connection_error_fails(tmp_path):
    res, _ = run(tmp_path, {"url": "http://127.0.0.1:9/nothing", "timeout": 2000})
    assert res["errMsg"].startswith("request:fail ")


def test_argument_errors_answer_at_once(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("request", {}, 1)
    assert ctx.results[1][0]["errMsg"] == "request:fail parameter error: parameter.url should be String instead of Undefined;"
    apis.invoke("request", {"url": "ftp://x"}, 2)
    assert ctx.results[2][0]["errMsg"] == 'request:fail invalid url "ftp://x"'
    apis.invoke("request", {"url": "https://x.cn", "method": "FETCH"}, 3)
    assert ctx.results[3][0]["errMsg"].startswith("request:fail parameter error: parameter.method")


def test_build_request_defaults():
    kw = build_request({"url": "https://a.cn/p", "method": "PUT", "data": "raw"})
    assert kw["data"] == b"raw" and kw["timeout"] == 60.0 and kw["headers"]["content-type"] == "application/json"
