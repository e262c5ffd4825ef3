"""System information from the active device profile and the current page's window config.

Field lists follow wx.getWindowInfo, wx.getDeviceInfo, wx.getAppBaseInfo, wx.getSystemInfoSync and
wx.getMenuButtonBoundingClientRect (https://developers.weixin.qq.com/miniprogram/dev/api/base/system/).
windowHeight is the screen minus the navigation bar (status bar + 44 px, none when
`navigationStyle: custom`) and minus the tabBar (48 px + the bottom safe-area inset) on tab pages
while the tabBar shows (wx.hideTabBar gives the page that height back).
"""

from __future__ import annotations

from bridge.api.registry import RETURNS_OBJECT, Call, api

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/base/system/"
SDK_VERSION = "3.3.4"  # the base-library version wxsim reports
WECHAT_VERSION = "8.0.50"
TAB_BAR_HEIGHT = 48


def window_info(device: dict, page_config: dict) -> dict:
    w, h = device["screenWidth"], device["screenHeight"]
    status = device["statusBarHeight"]
    safe = dict(device["safeArea"])
    top = 0 if page_config.get("navigationStyle") == "custom" else status + device.get("navigationBarHeight", 44)
    bottom = 0
    if page_config.get("hasTabBar"):
        bottom = TAB_BAR_HEIGHT + (h - safe["bottom"])
    return {
        "pixelRatio": device["pixelRatio"], "screenWidth": w, "screenHeight": h,
        "windowWidth": w, "windowHeight": h - top - bottom,
        "statusBarHeight": status, "safeArea": safe, "screenTop": top,
    }


def window_config(ctx) -> dict:
    """The current page's window config; a tabBar hidden by wx.hideTabBar counts as none."""
    config = dict(ctx.current_page_config() or {})
    state = getattr(getattr(ctx, "ui", None), "tab_bar", None)
    if state is not None and state.hidden:
        config["hasTabBar"] = False
    return config


def device_info(device: dict) -> dict:
    return {
        "abi": device.get("abi", ""), "deviceAbi": device.get("abi", ""),
        "benchmarkLevel": device.get("benchmarkLevel", -1), "brand": device["brand"],
        "model": device["model"], "system": device["system"], "platform": device["platform"],
        "cpuType": device.get("cpuType", "unknown"), "memorySize": device.get("memorySize", 4096),
    }


def app_base_info(ctx) -> dict:
    return {
        "SDKVersion": SDK_VERSION, "enableDebug": False, "host": {"appId": ""},
        "language": "zh_CN", "version": WECHAT_VERSION, "theme": "light", "fontSizeSetting": 16,
    }


def system_info(call: Call) -> dict:
    ctx = call.ctx
    info = {**device_info(ctx.device), **window_info(ctx.device, window_config(ctx)), **app_base_info(ctx)}
    info.update({
        "albumAuthorized": True, "cameraAuthorized": True, "locationAuthorized": True,
        "microphoneAuthorized": True, "notificationAuthorized": True, "bluetoothEnabled": False,
        "locationEnabled": True, "wifiEnabled": True, "deviceOrientation": "portrait",
    })
    return call.ok(**info)


@api("getSystemInfo", doc=DOC + "wx.getSystemInfo.html")
def get_system_info(call: Call) -> dict:
    return system_info(call)


@api("getSystemInfoAsync", doc=DOC + "wx.getSystemInfoAsync.html")
def get_system_info_async(call: Call) -> dict:
    return system_info(call)


@api("getSystemInfoSync", sync=True, returns=RETURNS_OBJECT, doc=DOC + "wx.getSystemInfoSync.html")
def get_system_info_sync(call: Call) -> dict:
    return system_info(call)


@api("getWindowInfo", sync=True, doc=DOC + "wx.getWindowInfo.html")
def get_window_info(call: Call) -> dict:
    return window_info(call.ctx.device, window_config(call.ctx))


@api("getDeviceInfo", sync=True, doc=DOC + "wx.getDeviceInfo.html")
def get_device_info(call: Call) -> dict:
    return device_info(call.ctx.device)


@api("getAppBaseInfo", sync=True, doc=DOC + "wx.getAppBaseInfo.html")
def get_app_base_info(call: Call) -> dict:
    return app_base_info(call.ctx)


@api("getMenuButtonBoundingClientRect", sync=True,
     doc="https://developers.weixin.qq.com/miniprogram/dev/api/ui/menu/wx.getMenuButtonBoundingClientRect.html")
def get_menu_button_bounding_client_rect(call: Call) -> dict:
    return dict(call.ctx.device["menuButton"])


@api("canIUse", sync=True, returns="result", doc="https://developers.weixin.qq.com/miniprogram/dev/api/base/wx.canIUse.html")
def can_i_use(call: Call) -> dict:
    return call.ok(result=call.apis.can_i_use(str(call.args.get("schema", ""))))
