"""Login and session APIs, simulated (no WeChat server here): mock them for real codes.

https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html
"""

from __future__ import annotations

import secrets

from bridge.api.registry import Call, api

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/open-api/"


@api("login", source="simulated", doc=DOC + "login/wx.login.html")
def login(call: Call) -> dict:
    """A fresh random 32-hex code per call, as the client's codes look."""
    return call.ok(code=secrets.token_hex(16))


@api("checkSession", source="simulated", doc=DOC + "login/wx.checkSession.html")
def check_session(call: Call) -> dict:
    return call.ok()
