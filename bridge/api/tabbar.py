"""tabBar badges and red dots (state in UiState, painted by the window's tabBar) and pageScrollTo.

https://developers.weixin.qq.com/miniprogram/dev/api/ui/tab-bar/
https://developers.weixin.qq.com/miniprogram/dev/api/ui/scroll/wx.pageScrollTo.html
"""

from __future__ import annotations

from bridge.api.registry import Call, api, param_error

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/ui/tab-bar/"


def _tab_index(call: Call) -> dict | None:
    """The common checks: `index` is a Number and the current page is a tabBar page."""
    err = param_error(call, "index", "Number")
    if err:
        return err
    if not call.ctx.current_page_config().get("hasTabBar"):
        return call.fail("not TabBar page")
    return None


@api("setTabBarBadge", doc=DOC + "wx.setTabBarBadge.html")
def set_tab_bar_badge(call: Call) -> dict:
    err = _tab_index(call) or param_error(call, "text", "String")
    if err:
        return err
    call.ctx.ui.set_tab_badge(int(call.args["index"]), call.args["text"])
    return call.ok()


@api("removeTabBarBadge", doc=DOC + "wx.removeTabBarBadge.html")
def remove_tab_bar_badge(call: Call) -> dict:
    err = _tab_index(call)
    if err:
        return err
    call.ctx.ui.set_tab_badge(int(call.args["index"]), None)
    return call.ok()


@api("showTabBarRedDot", doc=DOC + "wx.showTabBarRedDot.html")
def show_tab_bar_red_dot(call: Call) -> dict:
    err = _tab_index(call)
    if err:
        return err
    call.ctx.ui.set_tab_red_dot(int(call.args["index"]), True)
    return call.ok()


@api("hideTabBarRedDot", doc=DOC + "wx.hideTabBarRedDot.html")
def hide_tab_bar_red_dot(call: Call) -> dict:
    err = _tab_index(call)
    if err:
        return err
    call.ctx.ui.set_tab_red_dot(int(call.args["index"]), False)
    return call.ok()


@api("pageScrollTo", doc="https://developers.weixin.qq.com/miniprogram/dev/api/ui/scroll/wx.pageScrollTo.html")
def page_scroll_to(call: Call) -> dict:
    """scrollTop (Number), or `selector` (+ offsetTop) found in the page's layout, scrolls the
    current page at once (no animation frames)."""
    a = call.args
    if "scrollTop" not in a and "selector" not in a:
        return param_error(call, "scrollTop", "Number")
    if "scrollTop" in a:
        err = param_error(call, "scrollTop", "Number")
        if err:
            return err
    request = {"scrollTop": a.get("scrollTop"), "selector": a.get("selector"), "offsetTop": a.get("offsetTop", 0),
               "duration": a.get("duration", 300)}
    scroll = getattr(call.ctx, "scroll_page", None)
    if "scrollTop" in a and callable(scroll):
        reason = scroll(float(a["scrollTop"]))
        return call.fail(reason) if reason else call.ok()
    find = getattr(call.ctx, "page_view", None)
    if a.get("selector") and callable(scroll) and callable(find):
        from renderer.view.selectorquery import find as find_node

        view = find(call.ctx.current_page_id())
        node = find_node(view, None, str(a["selector"])) if view is not None else None
        if node is not None and node.box is not None:
            offset = a.get("offsetTop", 0)
            offset = float(offset) if isinstance(offset, (int, float)) and not isinstance(offset, bool) else 0.0
            reason = scroll(float(node.box.y) + offset)
            return call.fail(reason) if reason else call.ok()
    call.ctx.ui.request_scroll(request)
    return call.ok()
