"""Phone features answered by the simulated world: calls, clipboard, vibration, network,
battery and the code scanner. Nothing leaves the simulator: calls and vibrations are recorded
(`world.records`), the clipboard is per run, network/battery/scan answers are configurable.
https://developers.weixin.qq.com/miniprogram/dev/api/device/
"""

from __future__ import annotations

import base64

from bridge.api.registry import RETURNS_OBJECT, Call, api, param_error
from bridge.api.ui import Toast

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/device/"
NETWORK_TYPES = ("wifi", "2g", "3g", "4g", "5g", "unknown", "none")


@api("makePhoneCall", source="simulated", doc=DOC + "phone/wx.makePhoneCall.html")
def make_phone_call(call: Call) -> dict:
    """Recorded; the simulated user always places the call."""
    err = param_error(call, "phoneNumber", "String")
    if err:
        return err
    call.apis.world.record("makePhoneCall", {"phoneNumber": call.args["phoneNumber"]})
    return call.ok()


@api("setClipboardData", source="simulated", doc=DOC + "clipboard/wx.setClipboardData.html")
def set_clipboard_data(call: Call) -> dict:
    """Keeps the text for getClipboardData and shows WeChat's "内容已复制" toast."""
    err = param_error(call, "data", "String")
    if err:
        return err
    call.apis.world.settings["clipboard"] = call.args["data"]
    call.ctx.ui.show_toast(Toast("toast", "内容已复制", "success", "", 1500, False))
    return call.ok()


@api("getClipboardData", source="simulated", doc=DOC + "clipboard/wx.getClipboardData.html")
def get_clipboard_data(call: Call) -> dict:
    return call.ok(data=str(call.apis.world.settings.get("clipboard") or ""))


@api("vibrateShort", source="simulated", doc=DOC + "vibrate/wx.vibrateShort.html")
def vibrate_short(call: Call) -> dict:
    """15 ms; `type` heavy / medium / light is recorded."""
    call.apis.world.record("vibrateShort", {"type": call.args.get("type", "")})
    return call.ok()


@api("vibrateLong", source="simulated", doc=DOC + "vibrate/wx.vibrateLong.html")
def vibrate_long(call: Call) -> dict:
    """400 ms, recorded."""
    call.apis.world.record("vibrateLong", {})
    return call.ok()


@api("getNetworkType", source="simulated", doc=DOC + "network/wx.getNetworkType.html")
def get_network_type(call: Call) -> dict:
    """`networkType` of the simulated world (default wifi)."""
    kind = str(call.apis.world.settings.get("networkType") or "wifi")
    kind = kind if kind in NETWORK_TYPES else "unknown"
    return call.ok(networkType=kind, signalStrength=0 if kind == "none" else 100, hasSystemProxy=False)


def _battery(call: Call) -> dict:
    battery = call.apis.world.get("battery")
    return {"level": battery.get("level", 100), "isCharging": bool(battery.get("isCharging", False)),
            "isLowPowerModeEnabled": bool(battery.get("isLowPowerModeEnabled", False))}


@api("getBatteryInfo", source="simulated", doc=DOC + "battery/wx.getBatteryInfo.html")
def get_battery_info(call: Call) -> dict:
    return call.ok(**_battery(call))


@api("getBatteryInfoSync", sync=True, returns=RETURNS_OBJECT, source="simulated",
     doc=DOC + "battery/wx.getBatteryInfoSync.html")
def get_battery_info_sync(call: Call) -> dict:
    return call.ok(**_battery(call))


@api("scanCode", source="simulated", doc=DOC + "scan/wx.scanCode.html")
def scan_code(call: Call) -> dict:
    """The configured `scanCode` answer; none configured → the user cancels (`scanCode:fail cancel`)."""
    answer = call.apis.world.get("scanCode")
    if not answer:
        return call.fail("cancel")
    if not isinstance(answer, dict):
        answer = {"result": str(answer)}
    result = str(answer.get("result", ""))
    return call.ok(result=result, scanType=answer.get("scanType", "QR_CODE"),
                   charSet=answer.get("charSet", "utf-8"), path=answer.get("path", ""),
                   rawData=answer.get("rawData", base64.b64encode(result.encode()).decode()))
