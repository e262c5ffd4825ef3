"""Navigation bar APIs: title, colours and the loading spinner of the current page.

https://developers.weixin.qq.com/miniprogram/dev/api/ui/navigation-bar/
"""

from __future__ import annotations

import re

from bridge.api.registry import Call, api, param_error

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/ui/navigation-bar/"
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _page(call: Call) -> tuple[str | None, dict]:
    return call.ctx.current_page_id(), call.ctx.current_page_config()


@api("setNavigationBarTitle", doc=DOC + "wx.setNavigationBarTitle.html")
def set_navigation_bar_title(call: Call) -> dict:
    err = param_error(call, "title", "String")
    if err:
        return err
    page_id, config = _page(call)
    call.ctx.ui.update_navbar(page_id, config, title=call.args["title"])
    return call.ok()


@api("setNavigationBarColor", doc=DOC + "wx.setNavigationBarColor.html")
def set_navigation_bar_color(call: Call) -> dict:
    """frontColor accepts only #ffffff or #000000; backgroundColor a hex colour."""
    for field in ("frontColor", "backgroundColor"):
        err = param_error(call, field, "String")
        if err:
            return err
    front = call.args["frontColor"].lower()
    back = call.args["backgroundColor"]
    if front not in ("#ffffff", "#000000"):
        return call.fail("invalid frontColor")
    if not _HEX.match(back):
        return call.fail("invalid backgroundColor")
    page_id, config = _page(call)
    call.ctx.ui.update_navbar(page_id, config, front_color=front, background_color=back.lower())
    return call.ok()


@api("showNavigationBarLoading", doc=DOC + "wx.showNavigationBarLoading.html")
def show_navigation_bar_loading(call: Call) -> dict:
    page_id, config = _page(call)
    call.ctx.ui.update_navbar(page_id, config, loading=True)
    return call.ok()


@api("hideNavigationBarLoading", doc=DOC + "wx.hideNavigationBarLoading.html")
def hide_navigation_bar_loading(call: Call) -> dict:
    page_id, config = _page(call)
    call.ctx.ui.update_navbar(page_id, config, loading=False)
    return call.ok()
