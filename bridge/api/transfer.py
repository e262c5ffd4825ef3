"""wx.downloadFile and wx.uploadFile: real HTTP through `requests` on a worker thread.

https://developers.weixin.qq.com/miniprogram/dev/api/network/download/wx.downloadFile.html,
https://developers.weixin.qq.com/miniprogram/dev/api/network/upload/wx.uploadFile.html
A download is streamed into the project's temp folder (`http://tmp/...`, or the `filePath`
asked for under `wxfile://usr`); an upload sends `filePath` as multipart/form-data field `name`
with `formData`. Both report `onProgressUpdate` ({progress, totalBytesWritten|Sent,
totalBytesExpectedToWrite|Send}) and `onHeadersReceived`, and stop on `abort()`.
"""

from __future__ import annotations

import secrets
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator
from urllib.parse import urlsplit

from bridge.api import domains, filesystem
from bridge.api.media import temp_files
from bridge.api.network import DEFAULT_TIMEOUT_MS, HttpTask, abort_task
from bridge.api.registry import Call, api, param_error
from bridge.api.tempfiles import PREFIX

if TYPE_CHECKING:
    pass

DOWNLOAD_DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/network/download/"
UPLOAD_DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/network/upload/"
CHUNK = 64 * 1024


def _timeout(call: Call) -> float:
    t = call.args.get("timeout", DEFAULT_TIMEOUT_MS)
    if isinstance(t, bool) or not isinstance(t, (int, float)) or t <= 0:
        t = DEFAULT_TIMEOUT_MS
    return t / 1000.0


def _headers(call: Call) -> dict:
    given = call.args.get("header")
    return {str(k): str(v) for k, v in given.items()} if isinstance(given, dict) else {}


def _check_url(call: Call) -> dict | None:
    err = param_error(call, "url", "String")
    if err:
        return err
    url = call.args["url"]
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        return call.fail(f'invalid url "{url}"')
    return domains.check(call, url)


def _failure(call: Call, exc: Exception) -> dict:
    import requests  # imported on first use: it costs ~100 ms of start-up

    if isinstance(exc, requests.Timeout):
        return call.fail("timeout")
    inner = exc.args[0] if exc.args else ""
    return call.fail(f"{exc.__class__.__name__}: {inner}" if inner else exc.__class__.__name__)


def _run(call: Call, task: HttpTask, work: Any) -> None:
    import requests  # imported on first use: it costs ~100 ms of start-up

    def body() -> None:
        try:
            result = work()
        except (requests.RequestException, OSError) as exc:
            result = _failure(call, exc)
        call.ctx.call_soon_threadsafe(lambda: task.finish(result))

    threading.Thread(target=body, name=f"wx.{call.name}#{call.call_id}", daemon=True).start()


def _post(call: Call, task: HttpTask, event: str, data: dict) -> None:
    call.ctx.call_soon_threadsafe(lambda: task.progress(event, data))


@api("downloadFile", doc=DOWNLOAD_DOC + "wx.downloadFile.html")
def download_file(call: Call) -> dict | None:
    """Streams into a temp file (or `filePath` under wxfile://usr); statusCode as the server sent it."""
    import requests  # imported on first use: it costs ~100 ms of start-up

    refused = _check_url(call)
    if refused:
        return refused
    wanted = call.args.get("filePath")
    target: Path | None = None
    if wanted is not None:
        target = filesystem.resolve(call, wanted, writable=True)
        if target is None:
            return call.fail(f"permission denied, open {wanted}")
    store = temp_files(call)
    task = HttpTask(call)
    url, headers, timeout = call.args["url"], _headers(call), _timeout(call)

    def work() -> dict:
        with requests.get(url, headers=headers, timeout=timeout, stream=True) as resp:
            _post(call, task, "HeadersReceived", {"header": dict(resp.headers)})
            total = int(resp.headers.get("content-length") or 0)
            suffix = Path(urlsplit(url).path).suffix.lower()[:8]
            name = secrets.token_hex(16) + suffix
            store.folder.mkdir(parents=True, exist_ok=True)
            path = target or store.folder / name
            written = 0
            with open(path, "wb") as fh:
                for chunk in resp.iter_content(CHUNK):
                    if task.aborted:
                        break
                    fh.write(chunk)
                    written += len(chunk)
                    progress = int(written * 100 / total) if total else 0
                    _post(call, task, "ProgressUpdate", {"progress": progress, "totalBytesWritten": written,
                                                         "totalBytesExpectedToWrite": total or written})
            if target is not None:
                return call.ok(filePath=wanted, statusCode=resp.status_code, dataLength=written)
            store.files[PREFIX + name] = path
            return call.ok(tempFilePath=PREFIX + name, statusCode=resp.status_code, dataLength=written)

    _run(call, task, work)
    return None


class _ProgressBody:
    """A request body sent in chunks, reporting upload progress as urllib3 reads it."""

    def __init__(self, data: bytes, on_chunk: Any):
        self.data = data
        self.on_chunk = on_chunk

    def __len__(self) -> int:
        return len(self.data)

    def __iter__(self) -> Iterator[bytes]:
        sent = 0
        for i in range(0, len(self.data), CHUNK):
            piece = self.data[i:i + CHUNK]
            yield piece
            sent += len(piece)
            self.on_chunk(sent, len(self.data))


@api("uploadFile", doc=UPLOAD_DOC + "wx.uploadFile.html")
def upload_file(call: Call) -> dict | None:
    """multipart/form-data POST of `filePath` as field `name` plus `formData`; answers data and statusCode."""
    import requests  # imported on first use: it costs ~100 ms of start-up

    refused = _check_url(call)
    if refused:
        return refused
    for field in ("filePath", "name"):
        err = param_error(call, field, "String")
        if err:
            return err
    source = filesystem.resolve(call, call.args["filePath"])
    if source is None or not source.is_file():
        return call.fail(f"file not found: {call.args['filePath']}")
    form = call.args.get("formData")
    fields = {str(k): str(v) for k, v in form.items()} if isinstance(form, dict) else {}
    prepared = requests.Request("POST", call.args["url"], headers=_headers(call), data=fields,
                                files={call.args["name"]: (source.name, source.read_bytes())}).prepare()
    task = HttpTask(call)
    timeout = _timeout(call)

    def on_chunk(sent: int, total: int) -> None:
        _post(call, task, "ProgressUpdate", {"progress": int(sent * 100 / total) if total else 100,
                                             "totalBytesSent": sent, "totalBytesExpectedToSend": total})

    def work() -> dict:
        body = prepared.body if isinstance(prepared.body, bytes) else str(prepared.body or "").encode()
        prepared.body = _ProgressBody(body, on_chunk)
        prepared.headers["Content-Length"] = str(len(body))
        with requests.Session() as session:
            resp = session.send(prepared, timeout=timeout)
        _post(call, task, "HeadersReceived", {"header": dict(resp.headers)})
        return call.ok(data=resp.text, statusCode=resp.status_code)

    _run(call, task, work)
    return None


api("DownloadTask.abort", member=True, label="abort", doc=DOWNLOAD_DOC + "DownloadTask.abort.html")(abort_task)
api("UploadTask.abort", member=True, label="abort", doc=UPLOAD_DOC + "UploadTask.abort.html")(abort_task)
