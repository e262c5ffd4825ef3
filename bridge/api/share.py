"""The share items of the capsule menu: wx.showShareMenu, wx.hideShareMenu, wx.updateShareMenu.

WeChat keeps them per page ("当前页面的转发按钮"); so does wxsim, in `share_menus(apis)` (page id →
ShareMenu). "分享到朋友圈" (shareTimeline) only shows together with "发送给朋友" (shareAppMessage):
showing the first needs the second, hiding the second hides the first. wxsim's window has no
capsule menu yet, so the state is for scripts and the traffic log (`apis.share_menus[page_id]`).
https://developers.weixin.qq.com/miniprogram/dev/api/share/
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bridge.api.registry import Call, api, param_error
from bridge.diagnostics import Diagnostic

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/share/"
MENUS = ("shareAppMessage", "shareTimeline")
UPDATE_FIELDS = ("isUpdatableMessage", "activityId", "toDoActivityId", "templateInfo", "isPrivateMessage",
                 "participant", "useForChatTool")


@dataclass
class ShareMenu:
    """One page's share items and forwarding properties."""

    menus: set[str] = field(default_factory=lambda: {"shareAppMessage"})
    with_share_ticket: bool = False
    properties: dict = field(default_factory=dict)  # updateShareMenu's updatable/private message fields


def share_menus(apis: object) -> dict[str, ShareMenu]:
    menus = getattr(apis, "share_menus", None)
    if menus is None:
        menus = apis.share_menus = {}  # type: ignore[attr-defined]
    return menus


def _page_menu(call: Call) -> ShareMenu:
    return share_menus(call.apis).setdefault(call.ctx.current_page_id() or "", ShareMenu())


def _menus(call: Call, default: tuple[str, ...]) -> tuple[set[str] | None, dict | None]:
    """The `menus` argument as a set (unknown names dropped with a warning), or a parameter error."""
    if "menus" not in call.args:
        return set(default), None
    err = param_error(call, "menus", "Array")
    if err:
        return None, err
    names = {str(m) for m in call.args["menus"]}
    unknown = sorted(names - set(MENUS))
    if unknown:
        call.ctx.report(Diagnostic("warning", f"wx.{call.name}: unknown menus ignored: {', '.join(unknown)} "
                                              f"(shareAppMessage, shareTimeline)"))
    return names & set(MENUS), None


def _ticket(call: Call) -> dict | None:
    return param_error(call, "withShareTicket", "Boolean") if "withShareTicket" in call.args else None


@api("showShareMenu", doc=DOC + "wx.showShareMenu.html")
def show_share_menu(call: Call) -> dict:
    """menus (default ["shareAppMessage"]) and withShareTicket for the current page."""
    names, err = _menus(call, ("shareAppMessage",))
    err = err or _ticket(call)
    if err:
        return err
    menu = _page_menu(call)
    if "shareTimeline" in names and "shareAppMessage" not in names | menu.menus:
        call.ctx.report(Diagnostic("warning", "wx.showShareMenu: shareTimeline shows only together with "
                                              "shareAppMessage; add it to menus"))
        names.discard("shareTimeline")
    menu.menus |= names
    menu.with_share_ticket = bool(call.args.get("withShareTicket", False))
    return call.ok()


@api("hideShareMenu", doc=DOC + "wx.hideShareMenu.html")
def hide_share_menu(call: Call) -> dict:
    """menus (default both) hidden on the current page; hiding shareAppMessage hides shareTimeline too."""
    names, err = _menus(call, MENUS)
    if err:
        return err
    if "shareAppMessage" in names:
        names.add("shareTimeline")
    menu = _page_menu(call)
    menu.menus -= names
    return call.ok()


@api("updateShareMenu", doc=DOC + "wx.updateShareMenu.html")
def update_share_menu(call: Call) -> dict:
    """withShareTicket and the updatable / private message properties of the current page's share."""
    err = _ticket(call)
    for name, expected in (("isUpdatableMessage", "Boolean"), ("isPrivateMessage", "Boolean"),
                           ("activityId", "String"), ("toDoActivityId", "String"), ("templateInfo", "Object"),
                           ("participant", "Array")):
        if err is None and name in call.args:
            err = param_error(call, name, expected)
    if err:
        return err
    menu = _page_menu(call)
    if "withShareTicket" in call.args:
        menu.with_share_ticket = bool(call.args["withShareTicket"])
    menu.properties.update({k: call.args[k] for k in UPDATE_FIELDS if k in call.args})
    return call.ok()
