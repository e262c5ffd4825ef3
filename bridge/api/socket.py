"""wx.connectSocket and SocketTask over a real WebSocket client (`websockets`, sync API, one thread).

https://developers.weixin.qq.com/miniprogram/dev/api/network/websocket/wx.connectSocket.html,
https://developers.weixin.qq.com/miniprogram/dev/api/network/websocket/SocketTask.html
connectSocket answers at once (`connectSocket:ok`); the connection then reports onOpen
({header}), onMessage ({data}; binary frames as ArrayBuffer), onClose ({code, reason}) and
onError ({errMsg}). `wx.onSocketOpen` & co., `wx.sendSocketMessage` and `wx.closeSocket` act on
the most recent connectSocket, as WeChat's global forms do.
"""

from __future__ import annotations

import base64
import threading
from typing import Any

from bridge.api import domains
from bridge.api.registry import Call, api, param_error

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/network/websocket/"


class Socket:
    """One connection: a reader thread; `send`/`close` from the main loop."""

    def __init__(self, call: Call, url: str, headers: dict, protocols: list[str] | None, timeout: float):
        self.call = call
        self.task_id = call.call_id
        self.conn: Any = None
        self.busy = True  # connecting
        self.closed = False
        call.apis.tasks[self.task_id] = self
        threading.Thread(target=self._run, args=(url, headers, protocols, timeout),
                         name=f"wx.connectSocket#{self.task_id}", daemon=True).start()

    def _emit(self, event: str, data: dict) -> None:
        emit = getattr(self.call.ctx, "emit_task", None)
        if callable(emit):
            self.call.ctx.call_soon_threadsafe(lambda: emit(self.task_id, event, data))

    def _run(self, url: str, headers: dict, protocols: list[str] | None, timeout: float) -> None:
        from websockets.exceptions import ConnectionClosed
        from websockets.sync.client import connect

        try:
            self.conn = connect(url, additional_headers=headers or None, subprotocols=protocols or None,
                                open_timeout=timeout)
        except Exception as exc:  # noqa: BLE001 - refused, DNS, handshake: WeChat's onError
            self.busy = False
            self.call.ctx.call_soon_threadsafe(lambda: self.call.apis.tasks.pop(self.task_id, None))
            self._emit("Error", {"errMsg": f"connectSocket:fail {exc}"})
            self._emit("Close", {"code": 1006, "reason": "abnormal closure"})
            return
        self.conn.__enter__()
        self.busy = False
        self._emit("Open", {"header": dict(self.conn.response.headers) if self.conn.response else {},
                            "profile": {}})
        code, reason = 1000, ""
        try:
            for message in self.conn:
                if isinstance(message, bytes):
                    self._emit("Message", {"data": base64.b64encode(message).decode("ascii"), "$binary": True})
                else:
                    self._emit("Message", {"data": message})
        except ConnectionClosed:
            pass
        finally:
            if self.conn.close_code is not None:
                code, reason = self.conn.close_code, self.conn.close_reason or ""
            self.closed = True
            self.call.ctx.call_soon_threadsafe(lambda: self.call.apis.tasks.pop(self.task_id, None))
            self._emit("Close", {"code": code, "reason": reason})

    def send(self, data: Any, binary: bool) -> str | None:
        if self.conn is None or self.closed:
            return "SocketTask.readyState is not OPEN"
        self.conn.send(base64.b64decode(data) if binary else str(data))
        return None

    def close(self, code: int, reason: str) -> None:
        if self.conn is not None and not self.closed:
            threading.Thread(target=lambda: self.conn.close(code, reason), daemon=True).start()


@api("connectSocket", doc=DOC + "wx.connectSocket.html")
def connect_socket(call: Call) -> dict:
    """Real WebSocket connection; url must be ws:// or wss://; header, protocols, timeout."""
    err = param_error(call, "url", "String")
    if err:
        return err
    url = call.args["url"]
    if not url.startswith(("ws://", "wss://")):
        return call.fail(f'invalid url "{url}"')
    refused = domains.check(call, url)
    if refused:
        return refused
    given = call.args.get("header")
    headers = {str(k): str(v) for k, v in given.items()} if isinstance(given, dict) else {}
    protocols = [str(p) for p in call.args.get("protocols") or []] or None
    timeout = call.args.get("timeout", 60000)
    timeout = timeout / 1000.0 if isinstance(timeout, (int, float)) and timeout > 0 else 60.0
    if call.call_id is not None:
        Socket(call, url, headers, protocols, timeout)
    return call.ok()


def _socket(call: Call) -> Socket | None:
    sock = call.apis.tasks.get(call.args.get("taskId"))
    return sock if isinstance(sock, Socket) else None


def _send(call: Call) -> dict:
    sock = _socket(call)
    reason = sock.send(call.args.get("data"), bool(call.args.get("$binary"))) if sock else "WebSocket is not connected"
    return call.fail(reason) if reason else call.ok()


def _close(call: Call) -> dict:
    sock = _socket(call)
    if sock is None:
        return call.fail("WebSocket is not connected")
    code = call.args.get("code", 1000)
    sock.close(int(code) if isinstance(code, (int, float)) else 1000, str(call.args.get("reason") or ""))
    return call.ok()


api("sendSocketMessage", doc=DOC + "wx.sendSocketMessage.html")(_send)
api("closeSocket", doc=DOC + "wx.closeSocket.html")(_close)
api("SocketTask.send", member=True, label="sendSocketMessage", doc=DOC + "SocketTask.send.html")(_send)
api("SocketTask.close", member=True, label="closeSocket", doc=DOC + "SocketTask.close.html")(_close)


def _listener(call: Call) -> dict:
    """The listener is kept by the logic layer; the most recent socket's events reach it."""
    return call.ok()


for _name in ("onSocketOpen", "onSocketMessage", "onSocketClose", "onSocketError"):
    api(_name, doc=DOC + f"wx.{_name}.html")(_listener)
