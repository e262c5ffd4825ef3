"""Host → logic events: `wx.onX(listener)` / `wx.offX(listener)` and the way the host fires them.

Listeners live in the logic layer (base library, wx.js); registering one also reaches the host as
an `invoke` so the traffic log shows it. The host fires an event with `ApiContext.emit(name, data)`,
which posts a `wxEvent` message; every listener registered with `wx.<name>` gets `data`.
Pages: https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.onLocationChange.html,
https://developers.weixin.qq.com/miniprogram/dev/api/device/network/wx.onNetworkStatusChange.html
"""

from __future__ import annotations

from bridge.api.registry import Call, api

LOCATION_DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/location/"
NETWORK_DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/device/network/"


def emit(ctx: object, name: str, data: dict) -> bool:
    """Fire `wx.<name>` listeners through the context; False when the context cannot post events."""
    fire = getattr(ctx, "emit", None)
    if not callable(fire):
        return False
    fire(name, data)
    return True


def _listener(call: Call) -> dict:
    """The listener itself is kept by the logic layer; the host only acknowledges."""
    return call.ok()


for _name, _doc in (("onLocationChange", LOCATION_DOC), ("offLocationChange", LOCATION_DOC),
                    ("onNetworkStatusChange", NETWORK_DOC), ("offNetworkStatusChange", NETWORK_DOC)):
    api(_name, source="simulated", doc=f"{_doc}wx.{_name}.html")(_listener)
