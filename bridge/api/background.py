"""The window behind the page: wx.setBackgroundColor and wx.setBackgroundTextStyle.

The window shows where the page does not, above all in the band a pull-down refresh opens;
its text style colours the three loading dots there. Both change the current page only (kept
per page in `UiState.backgrounds`, laid over the page's window config by `window_background`).
https://developers.weixin.qq.com/miniprogram/dev/api/ui/background/
"""

from __future__ import annotations

import re

from bridge.api.registry import Call, api, param_error

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/ui/background/"
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
COLOR_FIELDS = ("backgroundColor", "backgroundColorTop", "backgroundColorBottom")
TEXT_STYLES = ("dark", "light")


def window_background(config: dict, changes: dict | None, ios: bool) -> tuple[str, str]:
    """(colour behind the pull-down band, its text style "dark"/"light") from the page's window
    config and the APIs' changes; backgroundColorTop wins on iOS, as WeChat applies it there."""
    merged = {**(config or {}), **(changes or {})}
    color = str(merged.get("backgroundColor") or "#ffffff")
    if ios and merged.get("backgroundColorTop"):
        color = str(merged["backgroundColorTop"])
    style = "light" if merged.get("backgroundTextStyle") == "light" else "dark"
    return color, style


def _change(call: Call, changes: dict) -> dict:
    ui = call.ctx.ui
    ui.backgrounds.setdefault(call.ctx.current_page_id() or "", {}).update(changes)
    ui.notify()
    return call.ok()


@api("setBackgroundColor", doc=DOC + "wx.setBackgroundColor.html")
def set_background_color(call: Call) -> dict:
    """backgroundColor, backgroundColorTop, backgroundColorBottom (hex colours) of the current page."""
    changes = {}
    for field in COLOR_FIELDS:
        if field not in call.args:
            continue
        err = param_error(call, field, "String")
        if err:
            return err
        if not _HEX.match(call.args[field]):
            return call.fail(f"invalid {field}: {call.args[field]!r} is not a hex colour")
        changes[field] = call.args[field]
    return _change(call, changes)


@api("setBackgroundTextStyle", doc=DOC + "wx.setBackgroundTextStyle.html")
def set_background_text_style(call: Call) -> dict:
    """textStyle "dark" or "light": the pull-down band's loading dots on the current page."""
    err = param_error(call, "textStyle", "String")
    if err:
        return err
    if call.args["textStyle"] not in TEXT_STYLES:
        return call.fail(f"invalid textStyle: {call.args['textStyle']!r} (dark or light)")
    return _change(call, {"backgroundTextStyle": call.args["textStyle"]})
