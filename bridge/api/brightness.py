"""The phone's screen: brightness (wx.getScreenBrightness / setScreenBrightness) and keeping it on
(wx.setKeepScreenOn), answered by the simulated phone.

State lives in the simulated world's `screen` setting (`{"brightness": 0.5, "keepScreenOn": false}`,
configurable under `"$simulate"`); the mini program's setting lasts while it runs, as WeChat's does.
https://developers.weixin.qq.com/miniprogram/dev/api/device/screen/
"""

from __future__ import annotations

from bridge.api.registry import Call, api, param_error

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/device/screen/"


def _screen(call: Call) -> dict:
    return call.apis.world.settings["screen"]


@api("getScreenBrightness", source="simulated", doc=DOC + "wx.getScreenBrightness.html")
def get_screen_brightness(call: Call) -> dict:
    """value 0 (darkest) to 1 (brightest)."""
    value = _screen(call).get("brightness", 0.5)
    return call.ok(value=float(value) if isinstance(value, (int, float)) else 0.5)


@api("setScreenBrightness", source="simulated", doc=DOC + "wx.setScreenBrightness.html")
def set_screen_brightness(call: Call) -> dict:
    """value (Number) 0–1, clamped; -1 on Android returns to the system brightness (the configured one)."""
    err = param_error(call, "value", "Number")
    if err:
        return err
    value = float(call.args["value"])
    screen = _screen(call)
    if value == -1 and str(call.ctx.device.get("platform", "")).lower() == "android":
        screen["brightness"] = screen.get("systemBrightness", screen.get("brightness", 0.5))
        return call.ok()
    screen.setdefault("systemBrightness", screen.get("brightness", 0.5))
    screen["brightness"] = min(1.0, max(0.0, value))
    return call.ok()


@api("setKeepScreenOn", source="simulated", doc=DOC + "wx.setKeepScreenOn.html")
def set_keep_screen_on(call: Call) -> dict:
    """keepScreenOn (Boolean, required): kept in the world's `screen` setting."""
    err = param_error(call, "keepScreenOn", "Boolean")
    if err:
        return err
    _screen(call)["keepScreenOn"] = call.args["keepScreenOn"]
    return call.ok()
