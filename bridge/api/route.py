"""Routing APIs: argument checks as WeChat does them, then the simulator's page stack.

https://developers.weixin.qq.com/miniprogram/dev/api/route/
"""

from __future__ import annotations

from bridge.api.registry import Call, api, param_error

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/route/"


def _by_url(call: Call, method: str) -> dict:
    err = param_error(call, "url", "String")
    if err:
        return err
    reason = getattr(call.ctx.router, method)(call.args["url"])
    return call.ok() if reason is None else call.fail(reason)


@api("navigateTo", doc=DOC + "wx.navigateTo.html")
def navigate_to(call: Call) -> dict:
    return _by_url(call, "navigate_to")


@api("redirectTo", doc=DOC + "wx.redirectTo.html")
def redirect_to(call: Call) -> dict:
    return _by_url(call, "redirect_to")


@api("switchTab", doc=DOC + "wx.switchTab.html")
def switch_tab(call: Call) -> dict:
    return _by_url(call, "switch_tab")


@api("reLaunch", doc=DOC + "wx.reLaunch.html")
def relaunch(call: Call) -> dict:
    return _by_url(call, "relaunch")


@api("navigateBack", doc=DOC + "wx.navigateBack.html")
def navigate_back(call: Call) -> dict:
    """delta defaults to 1; a non-number or a value below 1 counts as 1, like the client."""
    delta = call.args.get("delta", 1)
    if isinstance(delta, str):
        try:
            delta = int(float(delta))
        except ValueError:
            delta = 1
    if isinstance(delta, bool) or not isinstance(delta, (int, float)) or delta < 1:
        delta = 1
    reason = call.ctx.router.navigate_back(int(delta))
    return call.ok() if reason is None else call.fail(reason)
