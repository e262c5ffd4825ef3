"""Scopes and the authorization flow: getSetting, authorize, openSetting, and `with_scope` for
APIs that need a permission (getLocation, startLocationUpdate…).

As in WeChat: the first request for a scope shows the permission dialog (`UiState.permission`,
answered by the window or `ui.answer_permission(allow)`); the answer is remembered, so later
requests succeed at once or fail with `<api>:fail auth deny` without asking again.
openSetting returns the current settings; scripts toggle them with `world.set_permission`.
https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/authorize.html
"""

from __future__ import annotations

from collections.abc import Callable

from bridge.api.registry import Call, api, param_error
from bridge.api.ui import PermissionPrompt

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/open-api/"

# Scope → the dialog's request text (what WeChat shows after the app name and "申请").
SCOPES: dict[str, str] = {
    "scope.userLocation": "获取你的位置信息",
    "scope.userFuzzyLocation": "获取你的模糊地理位置",
    "scope.userLocationBackground": "在后台使用你的位置信息",
    "scope.record": "使用你的麦克风",
    "scope.camera": "使用你的摄像头",
    "scope.bluetooth": "使用你的蓝牙",
    "scope.writePhotosAlbum": "保存图片或视频到你的相册",
    "scope.addPhoneContact": "添加到联系人",
    "scope.addPhoneCalendar": "添加日程到你的日历",
    "scope.werun": "获取你的微信运动步数",
    "scope.address": "获取你的通讯地址",
    "scope.invoiceTitle": "获取你的发票抬头",
    "scope.invoice": "获取发票",
}
# Since the 2021 user-info adjustment this scope is always granted without a dialog.
ALWAYS_GRANTED = ("scope.userInfo",)


def auth_setting(call: Call) -> dict[str, bool]:
    """The scopes answered so far, scope.userInfo included."""
    return {**{s: True for s in ALWAYS_GRANTED}, **call.apis.world.auth}


def with_scope(call: Call, scope: str, run: Callable[[], dict | None]) -> dict | None:
    """Run `run` once `scope` is granted: now, after the dialog, or never (`:fail auth deny`).
    Returns the answer when known now, None when the dialog is pending."""
    world = call.apis.world
    state = True if scope in ALWAYS_GRANTED else world.auth.get(scope)
    if state is True:
        return run()
    if state is False:
        return call.fail("auth deny")

    def answered(allow: bool) -> None:
        world.auth[scope] = allow
        result = run() if allow else call.fail("auth deny")
        if result is not None:
            call.answer(result)

    call.ctx.ui.open_permission(PermissionPrompt(scope, SCOPES.get(scope, scope), answered))
    return None


@api("getSetting", source="simulated", doc=DOC + "setting/wx.getSetting.html")
def get_setting(call: Call) -> dict:
    """authSetting holds every scope asked so far (and scope.userInfo)."""
    result = call.ok(authSetting=auth_setting(call))
    if call.args.get("withSubscriptions"):
        result["subscriptionsSetting"] = {"mainSwitch": True, "itemSettings": {}}
    return result


@api("authorize", source="simulated", doc=DOC + "authorize/wx.authorize.html")
def authorize(call: Call) -> dict | None:
    """`authorize:ok`, `authorize:fail auth deny`, or pending on the permission dialog."""
    err = param_error(call, "scope", "String")
    if err:
        return err
    scope = call.args["scope"]
    if scope not in SCOPES and scope not in ALWAYS_GRANTED:
        return call.fail("invalid scope")
    return with_scope(call, scope, call.ok)


@api("openSetting", source="simulated", doc=DOC + "setting/wx.openSetting.html")
def open_setting(call: Call) -> dict:
    """The settings page returns at once with the current authSetting (toggle scopes from a
    script with `world.set_permission(scope, allow)` before or between calls)."""
    result = call.ok(authSetting=auth_setting(call))
    if call.args.get("withSubscriptions"):
        result["subscriptionsSetting"] = {"mainSwitch": True, "itemSettings": {}}
    return result
