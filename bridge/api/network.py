"""wx.request: real HTTP through `requests` on a worker thread.

Follows https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html:
GET data becomes the query string; other methods send JSON when the content-type is
application/json (the default), otherwise a urlencoded body. dataType "json" parses the body when
it is JSON. responseType "arraybuffer" answers the body as a base64 string (wxsim's stand-in for
an ArrayBuffer across the JSON bridge).
"""

from __future__ import annotations

import base64
import json
import threading
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from bridge.api import domains
from bridge.api.registry import Call, api, param_error

if TYPE_CHECKING:
    import requests

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html"
METHODS = ("OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT")
DEFAULT_TIMEOUT_MS = 60000


def _js_string(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _query_string(data: Any) -> str:
    if isinstance(data, dict):
        return urlencode({k: _js_string(v) for k, v in data.items()})
    return _js_string(data)


def _with_query(url: str, query: str) -> str:
    if not query:
        return url
    parts = urlsplit(url)
    joined = f"{parts.query}&{query}" if parts.query else query
    return urlunsplit((parts.scheme, parts.netloc, parts.path, joined, parts.fragment))


def build_request(args: dict) -> dict:
    """The `requests.request` keyword arguments for a wx.request call."""
    method = str(args.get("method") or "GET").upper()
    given = args.get("header")
    headers = {str(k): _js_string(v) for k, v in given.items()} if isinstance(given, dict) else {}
    if not any(k.lower() == "content-type" for k in headers):
        headers["content-type"] = "application/json"
    content_type = next(v for k, v in headers.items() if k.lower() == "content-type")
    url = args["url"]
    data = args.get("data")
    body: bytes | None = None
    if method == "GET":
        url = _with_query(url, _query_string(data) if data is not None else "")
    elif data is not None:
        if isinstance(data, str):
            body = data.encode("utf-8")
        elif "application/json" in content_type.lower():
            body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        else:
            body = _query_string(data).encode("utf-8")
    timeout = args.get("timeout", DEFAULT_TIMEOUT_MS)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
        timeout = DEFAULT_TIMEOUT_MS
    return {"method": method, "url": url, "headers": headers, "data": body, "timeout": timeout / 1000.0}


def response_result(call: Call, resp: requests.Response) -> dict:
    if call.args.get("responseType") == "arraybuffer":
        data: Any = base64.b64encode(resp.content).decode("ascii")
    else:
        data = resp.text
        if call.args.get("dataType", "json") == "json":
            try:
                data = json.loads(data)
            except ValueError:
                pass
    cookies = [f"{c.name}={c.value}" for c in resp.cookies]
    return call.ok(data=data, statusCode=resp.status_code, header=dict(resp.headers), cookies=cookies)


def perform(call: Call, kwargs: dict) -> dict:
    """Run the HTTP request (blocking) and build WeChat's answer."""
    import requests  # imported on first use: it costs ~100 ms of start-up

    try:
        resp = requests.request(allow_redirects=True, **kwargs)
    except requests.Timeout:
        return call.fail("timeout")
    except requests.RequestException as exc:
        reason = exc.__class__.__name__
        inner = exc.args[0] if exc.args else ""
        return call.fail(f"{reason}: {inner}" if inner else reason)
    return response_result(call, resp)


@api("request", doc=DOC)
def request(call: Call) -> dict | None:
    err = param_error(call, "url", "String")
    if err:
        return err
    url = call.args["url"]
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        return call.fail(f'invalid url "{url}"')
    method = str(call.args.get("method") or "GET").upper()
    if method not in METHODS:
        return call.fail(f"parameter error: parameter.method should be one of {', '.join(METHODS)};")
    refused = domains.check(call, url)
    if refused:
        return refused
    if call.args.get("$binary") and isinstance(call.args.get("data"), str):
        call.args["data"] = base64.b64decode(call.args["data"]).decode("latin-1")
    kwargs = build_request(call.args)
    task = HttpTask(call)

    def work() -> None:
        result = perform(call, kwargs)
        call.ctx.call_soon_threadsafe(lambda: task.finish(result))

    threading.Thread(target=work, name=f"wx.request#{call.call_id}", daemon=True).start()
    return None


class HttpTask:
    """A request / upload / download in flight: `abort()` answers `<api>:fail abort` at once
    and the late answer of the worker thread is dropped."""

    def __init__(self, call: Call):
        self.call = call
        self.busy = True
        self.aborted = False
        if call.call_id is not None:
            call.apis.tasks[call.call_id] = self

    def finish(self, result: dict) -> None:
        self.busy = False
        self.call.apis.tasks.pop(self.call.call_id, None)
        if not self.aborted:
            self.call.answer(result)

    def abort(self) -> None:
        if not self.busy:
            return
        self.finish(self.call.fail("abort"))
        self.aborted = True

    def progress(self, event: str, data: dict) -> None:
        """Post a task event (ProgressUpdate, HeadersReceived) from the main loop."""
        emit = getattr(self.call.ctx, "emit_task", None)
        if callable(emit) and not self.aborted and self.call.call_id is not None:
            emit(self.call.call_id, event, data)


def abort_task(call: Call) -> dict:
    task = call.apis.tasks.get(call.args.get("taskId"))
    if task is not None and hasattr(task, "abort"):
        task.abort()
    return call.ok()


api("RequestTask.abort", member=True, label="abort", doc=DOC.replace("wx.request", "RequestTask.abort"))(abort_task)
