"""The native tabBar: badges and red dots, showing and hiding it, its style and items (state in
UiState, painted by the window's tabBar), and pageScrollTo.

Every tabBar API answers `<api>:fail not TabBar page` off a tab page, as WeChat does. A hidden
tabBar gives its height back to the page (windowHeight, the page's layout viewport).
https://developers.weixin.qq.com/miniprogram/dev/api/ui/tab-bar/
https://developers.weixin.qq.com/miniprogram/dev/api/ui/scroll/wx.pageScrollTo.html
"""

from __future__ import annotations

import re

from bridge.api.registry import Call, api, param_error
from bridge.diagnostics import Diagnostic

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/ui/tab-bar/"
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
ITEM_FIELDS = ("text", "iconPath", "selectedIconPath")
STYLE_COLORS = ("color", "selectedColor", "backgroundColor")


def _tab_page(call: Call) -> dict | None:
    if not call.ctx.current_page_config().get("hasTabBar"):
        return call.fail("not TabBar page")
    return None


def _tab_index(call: Call) -> dict | None:
    """The common checks: `index` is a Number and the current page is a tabBar page."""
    return param_error(call, "index", "Number") or _tab_page(call)


def _optional(call: Call, fields: tuple[str, ...], expected: str) -> dict | None:
    """Type checks of the optional fields that were given."""
    for field in fields:
        if field in call.args:
            err = param_error(call, field, expected)
            if err:
                return err
    return None


def _visible(call: Call, hidden: bool) -> dict:
    err = _optional(call, ("animation",), "Boolean") or _tab_page(call)
    if err:
        return err
    ui = call.ctx.ui
    if ui.tab_bar.hidden != hidden:
        ui.tab_bar.hidden = hidden
        ui.notify()
    return call.ok()


@api("showTabBar", doc=DOC + "wx.showTabBar.html")
def show_tab_bar(call: Call) -> dict:
    """Shows the app's tabBar again (at once; `animation` is accepted, the bar does not slide)."""
    return _visible(call, False)


@api("hideTabBar", doc=DOC + "wx.hideTabBar.html")
def hide_tab_bar(call: Call) -> dict:
    """Hides the tabBar on every tab page until showTabBar; the page gets its height back
    (windowHeight, fixed-position layout). `animation` is accepted, the bar does not slide."""
    return _visible(call, True)


@api("setTabBarItem", doc=DOC + "wx.setTabBarItem.html")
def set_tab_bar_item(call: Call) -> dict:
    """text, iconPath, selectedIconPath (package, temp or wxfile:// files) of item `index`.
    `pagePath` is not one of WeChat's parameters: it is ignored, with a warning."""
    err = _optional(call, ITEM_FIELDS, "String") or _tab_index(call)
    if err:
        return err
    index = int(call.args["index"])
    tab = getattr(call.ctx, "tab_bar", None)  # app.json's tabBar, when the context knows it
    count = len(((tab() if callable(tab) else None) or {}).get("list") or [])
    if count and not 0 <= index < count:
        return call.fail(f"tabbar item not found: index {index} of {count} items")
    if "pagePath" in call.args:
        call.ctx.report(Diagnostic("warning", "wx.setTabBarItem: pagePath is not a parameter of "
                                              "setTabBarItem in WeChat; ignored"))
    changes = {k: call.args[k] for k in ITEM_FIELDS if k in call.args}
    ui = call.ctx.ui
    ui.tab_bar.items.setdefault(index, {}).update(changes)
    ui.notify()
    return call.ok()


@api("setTabBarStyle", doc=DOC + "wx.setTabBarStyle.html")
def set_tab_bar_style(call: Call) -> dict:
    """color, selectedColor, backgroundColor (HexColor) and borderStyle (black / white)."""
    err = _optional(call, STYLE_COLORS + ("borderStyle",), "String") or _tab_page(call)
    if err:
        return err
    for field in STYLE_COLORS:
        if field in call.args and not _HEX.match(call.args[field]):
            return call.fail(f"invalid {field}: {call.args[field]!r} is not a HexColor")
    if "borderStyle" in call.args and call.args["borderStyle"] not in ("black", "white"):
        return call.fail(f"invalid borderStyle: {call.args['borderStyle']!r} (black or white)")
    changes = {k: call.args[k] for k in STYLE_COLORS + ("borderStyle",) if k in call.args}
    ui = call.ctx.ui
    ui.tab_bar.style.update(changes)
    ui.notify()
    return call.ok()


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
