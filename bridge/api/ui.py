"""UI feedback state (toast, loading, modal, action sheet, navigation bar, pull-down refresh,
permission dialog, payment sheet, location picker, tabBar badges).

Qt-free: the APIs change this model and the window paints it (`subscribe`). Pending dialogs hold
their call until the user (or a test) answers with `answer_modal` / `answer_action_sheet` /
`answer_permission` / `answer_payment` / `answer_location`.
Pages followed: https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from bridge.api.registry import Call, api, param_error
from bridge.api.tabbar_state import TabBarState

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/"
TOAST_ICONS = ("success", "error", "loading", "none")


@dataclass(frozen=True)
class Toast:
    """The one toast/loading slot; `kind` is "toast" or "loading"."""

    kind: str
    title: str
    icon: str = "none"
    image: str = ""
    duration: int = 1500
    mask: bool = False


@dataclass
class Modal:
    title: str = ""
    content: str = ""
    show_cancel: bool = True
    cancel_text: str = "取消"
    cancel_color: str = "#000000"
    confirm_text: str = "确定"
    confirm_color: str = "#576B95"
    editable: bool = False
    placeholder_text: str = ""
    call: Any = field(default=None, repr=False, compare=False)


@dataclass
class ActionSheet:
    items: list[str]
    alert_text: str = ""
    item_color: str = "#000000"
    call: Any = field(default=None, repr=False, compare=False)


@dataclass
class PermissionPrompt:
    """WeChat's authorization sheet: "<app> 申请 <text>", 拒绝 / 允许. `on_answer(allow)` settles it."""

    scope: str
    text: str
    on_answer: Callable[[bool], Any] = field(repr=False, compare=False)


@dataclass
class PaymentSheet:
    """The WeChat Pay sheet of a pending requestPayment; amount in yuan as text ("0.01")."""

    merchant: str
    amount: str
    call: Any = field(default=None, repr=False, compare=False)


@dataclass
class LocationPicker:
    """The map picker of a pending chooseLocation; `place` is what 确定 answers."""

    place: dict
    call: Any = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class NavBar:
    title: str = ""
    front_color: str = "#000000"
    background_color: str = "#ffffff"
    loading: bool = False


class UiState:
    """What the window shows on top of the page. `schedule(delay_ms, fn)` runs auto-hides."""

    def __init__(self, schedule: Callable[[float, Callable[[], Any]], Any]):
        self._schedule = schedule
        self._listeners: list[Callable[[UiState], None]] = []
        self.toast: Toast | None = None
        self._toast_gen = 0
        self.modals: list[Modal] = []
        self.action_sheets: list[ActionSheet] = []
        self.navbars: dict[str, NavBar] = {}
        self.refreshing = False
        self.permissions: list[PermissionPrompt] = []
        self.payments: list[PaymentSheet] = []
        self.location_pickers: list[LocationPicker] = []
        self.tab_badges: dict[int, str] = {}
        self.tab_red_dots: set[int] = set()
        self.tab_bar = TabBarState()  # hidden / style / items changed by the tabBar APIs
        self.backgrounds: dict[str, dict] = {}  # page id → setBackgroundColor / setBackgroundTextStyle
        self.scroll_requests: list[dict] = []
        self.pickers: list[Any] = []  # open <picker> sheets (renderer.view.picker.PickerSession)

    # --- change notification ----------------------------------------------------------------
    def subscribe(self, fn: Callable[[UiState], None]) -> Callable[[], None]:
        """Call `fn(ui)` after every change; returns the unsubscribe function."""
        self._listeners.append(fn)
        return lambda: self._listeners.remove(fn) if fn in self._listeners else None

    def _changed(self) -> None:
        for fn in list(self._listeners):
            fn(self)

    def notify(self) -> None:
        """State the APIs changed in place (tab bar, window background): tell the listeners."""
        self._changed()

    # --- toast / loading --------------------------------------------------------------------
    def show_toast(self, toast: Toast) -> None:
        self._toast_gen += 1
        gen = self._toast_gen
        self.toast = toast
        self._changed()
        if toast.kind == "toast":
            self._schedule(toast.duration, lambda: self._auto_hide(gen))

    def _auto_hide(self, gen: int) -> None:
        if gen == self._toast_gen and self.toast is not None:
            self.toast = None
            self._changed()

    def hide(self, kind: str) -> bool:
        """Hide the slot if it shows `kind`; False when nothing of that kind was showing."""
        if self.toast is None or self.toast.kind != kind:
            return False
        self._toast_gen += 1
        self.toast = None
        self._changed()
        return True

    # --- modal / action sheet ---------------------------------------------------------------
    @property
    def modal(self) -> Modal | None:
        return self.modals[0] if self.modals else None

    @property
    def action_sheet(self) -> ActionSheet | None:
        return self.action_sheets[0] if self.action_sheets else None

    def open_modal(self, modal: Modal) -> None:
        self.modals.append(modal)
        self._changed()

    def answer_modal(self, confirm: bool, content: str | None = None) -> bool:
        """The user pressed confirm (True) or cancel (False); resolves the pending showModal."""
        if not self.modals:
            return False
        modal = self.modals.pop(0)
        if modal.call is not None:
            result = modal.call.ok(confirm=bool(confirm), cancel=not confirm)
            if modal.editable:
                result["content"] = modal.content if content is None else content
            modal.call.answer(result)
        self._changed()
        return True

    def open_action_sheet(self, sheet: ActionSheet) -> None:
        self.action_sheets.append(sheet)
        self._changed()

    def answer_action_sheet(self, index: int | None) -> bool:
        """The user tapped item `index`, or cancelled (None) → `showActionSheet:fail cancel`."""
        if not self.action_sheets:
            return False
        sheet = self.action_sheets.pop(0)
        if sheet.call is not None:
            if index is None or not 0 <= index < len(sheet.items):
                sheet.call.answer(sheet.call.fail("cancel"))
            else:
                sheet.call.answer(sheet.call.ok(tapIndex=index))
        self._changed()
        return True

    # --- permission dialog / payment sheet / location picker -------------------------------
    @property
    def permission(self) -> PermissionPrompt | None:
        return self.permissions[0] if self.permissions else None

    @property
    def payment(self) -> PaymentSheet | None:
        return self.payments[0] if self.payments else None

    @property
    def location_picker(self) -> LocationPicker | None:
        return self.location_pickers[0] if self.location_pickers else None

    def open_permission(self, prompt: PermissionPrompt) -> None:
        self.permissions.append(prompt)
        self._changed()

    def answer_permission(self, allow: bool) -> bool:
        """The user pressed 允许 (True) or 拒绝 (False) on the first pending permission dialog."""
        if not self.permissions:
            return False
        prompt = self.permissions.pop(0)
        prompt.on_answer(bool(allow))
        self._changed()
        return True

    def open_payment(self, sheet: PaymentSheet) -> None:
        self.payments.append(sheet)
        self._changed()

    def answer_payment(self, outcome: str = "success", detail: str = "") -> bool:
        """Settle the first pending requestPayment: "success" → `requestPayment:ok`, "cancel" →
        `requestPayment:fail cancel`, "fail" → `requestPayment:fail <detail>`."""
        if not self.payments:
            return False
        if outcome not in ("success", "cancel", "fail"):
            raise ValueError(f"payment outcome must be success, cancel or fail, not {outcome!r}")
        sheet = self.payments.pop(0)
        if sheet.call is not None:
            if outcome == "success":
                sheet.call.answer(sheet.call.ok())
            else:
                sheet.call.answer(sheet.call.fail("cancel" if outcome == "cancel" else (detail or "")))
        self._changed()
        return True

    def open_location_picker(self, picker: LocationPicker) -> None:
        self.location_pickers.append(picker)
        self._changed()

    def answer_location(self, choose: bool = True, place: dict | None = None) -> bool:
        """确定 with the picker's place (or `place`), or cancel → `chooseLocation:fail cancel`."""
        if not self.location_pickers:
            return False
        picker = self.location_pickers.pop(0)
        if picker.call is not None:
            if choose:
                chosen = {**picker.place, **(place or {})}
                picker.call.answer(picker.call.ok(**{k: chosen.get(k) for k in ("name", "address", "latitude",
                                                                                 "longitude")}))
            else:
                picker.call.answer(picker.call.fail("cancel"))
        self._changed()
        return True

    # --- <picker> sheets ------------------------------------------------------------------------
    @property
    def picker(self) -> Any:
        return self.pickers[0] if self.pickers else None

    def open_picker(self, session: Any) -> None:
        self.pickers.append(session)
        self._changed()

    def select_picker_column(self, column: int, index: int) -> bool:
        """The user scrolled a column of the open picker to row `index`."""
        if not self.pickers:
            return False
        self.pickers[0].select(column, index)
        self._changed()
        return True

    def answer_picker(self, value: Any = None, confirm: bool = True) -> bool:
        """确定 with the shown rows (or the rows showing `value`), or 取消 (`confirm=False`)."""
        if not self.pickers:
            return False
        session = self.pickers.pop(0)
        if confirm:
            session.confirm(value)
        else:
            session.cancel()
        self._changed()
        return True

    # --- tabBar badges / page scroll ----------------------------------------------------------
    def set_tab_badge(self, index: int, text: str | None) -> None:
        """A badge text on tab `index`; None removes it."""
        if text is None:
            self.tab_badges.pop(index, None)
        else:
            self.tab_badges[index] = text
        self._changed()

    def set_tab_red_dot(self, index: int, on: bool) -> None:
        if on:
            self.tab_red_dots.add(index)
        else:
            self.tab_red_dots.discard(index)
        self._changed()

    def request_scroll(self, request: dict) -> None:
        """A pageScrollTo the simulator could not apply itself (no page view): kept for inspection."""
        self.scroll_requests.append(request)
        self._changed()

    # --- navigation bar ---------------------------------------------------------------------
    def navbar(self, page_id: str | None, config: dict | None = None) -> NavBar:
        """The bar of a page; first seen → built from the page's window config."""
        key = page_id or ""
        if key not in self.navbars:
            config = config or {}
            text_style = config.get("navigationBarTextStyle", "white")
            self.navbars[key] = NavBar(
                title=str(config.get("navigationBarTitleText", "")),
                front_color="#ffffff" if text_style == "white" else "#000000",
                background_color=str(config.get("navigationBarBackgroundColor", "#000000")),
            )
        return self.navbars[key]

    def update_navbar(self, page_id: str | None, config: dict | None = None, **changes: Any) -> NavBar:
        bar = replace(self.navbar(page_id, config), **changes)
        self.navbars[page_id or ""] = bar
        self._changed()
        return bar

    def forget_page(self, page_id: str) -> None:
        """The page was unloaded."""
        self.navbars.pop(page_id, None)
        self.backgrounds.pop(page_id, None)

    def set_refreshing(self, on: bool) -> None:
        self.refreshing = on
        self._changed()


# --- the APIs --------------------------------------------------------------------------------
def _text(value: Any, default: str = "") -> str:
    return default if value is None else str(value)


def _duration(value: Any, default: int = 1500) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    return max(0, int(value))


@api("showToast", doc=DOC + "wx.showToast.html")
def show_toast(call: Call) -> dict:
    err = param_error(call, "title", "String")
    if err:
        return err
    icon = call.args.get("icon", "success")
    if icon not in TOAST_ICONS:
        icon = "success"
    call.ctx.ui.show_toast(Toast("toast", call.args["title"], icon, _text(call.args.get("image")),
                                 _duration(call.args.get("duration")), bool(call.args.get("mask", False))))
    return call.ok()


@api("hideToast", doc=DOC + "wx.hideToast.html")
def hide_toast(call: Call) -> dict:
    call.ctx.ui.hide("toast")
    return call.ok()


@api("showLoading", doc=DOC + "wx.showLoading.html")
def show_loading(call: Call) -> dict:
    err = param_error(call, "title", "String")
    if err:
        return err
    call.ctx.ui.show_toast(Toast("loading", call.args["title"], "loading", "", 0,
                                 bool(call.args.get("mask", False))))
    return call.ok()


@api("hideLoading", doc=DOC + "wx.hideLoading.html")
def hide_loading(call: Call) -> dict:
    call.ctx.ui.hide("loading")
    return call.ok()


@api("showModal", doc=DOC + "wx.showModal.html")
def show_modal(call: Call) -> dict | None:
    """Stays pending until `ui.answer_modal`."""
    a = call.args
    for key in ("cancelText", "confirmText"):
        if key in a and len(_text(a[key])) > 4:
            return call.fail(f"{key} length should not larger then 4 Chinese characters")
    call.ctx.ui.open_modal(Modal(
        title=_text(a.get("title")), content=_text(a.get("content")),
        show_cancel=bool(a.get("showCancel", True)),
        cancel_text=_text(a.get("cancelText"), "取消"), cancel_color=_text(a.get("cancelColor"), "#000000"),
        confirm_text=_text(a.get("confirmText"), "确定"), confirm_color=_text(a.get("confirmColor"), "#576B95"),
        editable=bool(a.get("editable", False)), placeholder_text=_text(a.get("placeholderText")),
        call=call))
    return None


@api("showActionSheet", doc=DOC + "wx.showActionSheet.html")
def show_action_sheet(call: Call) -> dict | None:
    """Stays pending until `ui.answer_action_sheet`."""
    err = param_error(call, "itemList", "Array")
    if err:
        return err
    items = call.args["itemList"]
    if not items:
        return call.fail("parameter error: parameter.itemList should have at least 1 item;")
    if len(items) > 6:
        return call.fail("parameter error: itemList should not be large than 6")
    call.ctx.ui.open_action_sheet(ActionSheet([_text(i) for i in items], _text(call.args.get("alertText")),
                                              _text(call.args.get("itemColor"), "#000000"), call))
    return None


@api("startPullDownRefresh", doc="https://developers.weixin.qq.com/miniprogram/dev/api/ui/pull-down-refresh/"
                                 "wx.startPullDownRefresh.html")
def start_pull_down_refresh(call: Call) -> dict:
    call.ctx.ui.set_refreshing(True)
    return call.ok()


@api("stopPullDownRefresh", doc="https://developers.weixin.qq.com/miniprogram/dev/api/ui/pull-down-refresh/"
                                "wx.stopPullDownRefresh.html")
def stop_pull_down_refresh(call: Call) -> dict:
    call.ctx.ui.set_refreshing(False)
    return call.ok()
