"""Toast, loading, modal, action sheet, permission dialog, payment sheet and location picker,
drawn from UiState the way WeChat (WeUI) shows them.

Geometry and painting share `modal_layout` / `sheet_layout` / `bottom_layout`, so a click lands
on exactly the button that was drawn. Clicking answers through `ui.answer_modal` /
`ui.answer_action_sheet` / `ui.answer_permission` / `ui.answer_payment` / `ui.answer_location`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QTextOption

from renderer.qt.fonts import ui_font
from renderer.qt.icons import draw_spinner
from simulator.ui.picker_sheet import click_picker, paint_picker
from simulator.ui.sheet import MASK, begin_sheet

HAIRLINE = QColor(0, 0, 0, 26)
TOAST_BG = QColor(76, 76, 76, 255)


def _color(value: Any, default: str) -> QColor:
    c = QColor(str(value)) if isinstance(value, str) and value.strip() else QColor()
    return c if c.isValid() else QColor(default)


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        if isinstance(obj, dict) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            return getattr(obj, name)
    return default


# ---------------------------------------------------------------- toast / loading
def paint_toast(p: QPainter, w: float, h: float, toast: Any, phase: int = 0) -> None:
    kind = str(_get(toast, "kind", default="toast"))
    icon = "loading" if kind == "loading" else str(_get(toast, "icon", default="success") or "none")
    title = str(_get(toast, "title", default="") or "")
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    font = ui_font(17 if icon == "none" else 17, 400)
    fm = QFontMetricsF(font)
    if icon == "none":
        max_w = w * 0.6
        tw = min(max_w, fm.horizontalAdvance(title))
        opt = QTextOption(Qt.AlignmentFlag.AlignCenter)
        opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        lines = max(1, int(fm.boundingRect(QRectF(0, 0, max_w, 1000), Qt.TextFlag.TextWordWrap, title).height()
                           // fm.lineSpacing()))
        bw, bh = tw + 32, lines * fm.lineSpacing() + 24
        box = QRectF((w - bw) / 2, (h - bh) / 2, bw, bh)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(TOAST_BG)
        p.drawRoundedRect(box, 12, 12)
        p.setFont(font)
        p.setPen(QColor("#FFFFFF"))
        p.drawText(box.adjusted(16, 12, -16, -12), title, opt)
        p.restore()
        return
    size = 136.0
    box = QRectF((w - size) / 2, (h - size) / 2, size, size)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(TOAST_BG)
    p.drawRoundedRect(box, 12, 12)
    white = QColor("#FFFFFF")
    center = QPointF(box.center().x(), box.y() + 52)
    if icon == "loading":
        draw_spinner(p, center, 36, white, phase)
    elif icon == "error":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(white)
        p.drawRoundedRect(QRectF(center.x() - 2, center.y() - 20, 4, 26), 2, 2)
        p.drawEllipse(QPointF(center.x(), center.y() + 15), 2.6, 2.6)
    else:  # success
        from PySide6.QtGui import QPen

        p.setPen(QPen(white, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        p.drawPolyline([QPointF(center.x() - 20, center.y()), QPointF(center.x() - 6, center.y() + 14),
                        QPointF(center.x() + 21, center.y() - 14)])
    p.setFont(ui_font(17, 400))
    p.setPen(white)
    title = QFontMetricsF(p.font()).elidedText(title, Qt.TextElideMode.ElideRight, size - 20)
    p.drawText(QRectF(box.x(), box.y() + 86, size, 30), Qt.AlignmentFlag.AlignCenter, title)
    p.restore()


# ---------------------------------------------------------------- modal
@dataclass
class ModalLayout:
    box: QRectF
    title: QRectF | None
    content: QRectF | None
    cancel: QRectF | None
    confirm: QRectF


def modal_layout(w: float, h: float, modal: Any) -> ModalLayout:
    width = min(320.0, w - 2 * 32)
    title = str(_get(modal, "title", default="") or "")
    content = str(_get(modal, "content", default="") or "")
    show_cancel = bool(_get(modal, "show_cancel", "showCancel", default=True))
    tfm = QFontMetricsF(ui_font(17, 700))
    cfm = QFontMetricsF(ui_font(17, 400))
    inner = width - 48
    y = 32.0
    title_rect = content_rect = None
    if title:
        th = tfm.boundingRect(QRectF(0, 0, inner, 1000), Qt.TextFlag.TextWordWrap, title).height()
        title_rect = QRectF(24, y, inner, th)
        y += th + (16 if content else 0)
    if content:
        ch = cfm.boundingRect(QRectF(0, 0, inner, 1000), Qt.TextFlag.TextWordWrap, content).height()
        ch = min(ch, h * 0.5)
        content_rect = QRectF(24, y, inner, ch)
        y += ch
    y += 32
    height = y + 56
    ox, oy = (w - width) / 2, (h - height) / 2
    box = QRectF(ox, oy, width, height)
    foot = oy + y
    title_rect = title_rect.translated(ox, oy) if title_rect else None
    content_rect = content_rect.translated(ox, oy) if content_rect else None
    if show_cancel:
        cancel = QRectF(ox, foot, width / 2, 56)
        confirm = QRectF(ox + width / 2, foot, width / 2, 56)
    else:
        cancel, confirm = None, QRectF(ox, foot, width, 56)
    return ModalLayout(box, title_rect, content_rect, cancel, confirm)


def paint_modal(p: QPainter, w: float, h: float, modal: Any) -> ModalLayout:
    lay = modal_layout(w, h, modal)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.fillRect(QRectF(0, 0, w, h), MASK)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#FFFFFF"))
    p.drawRoundedRect(lay.box, 12, 12)
    opt = QTextOption(Qt.AlignmentFlag.AlignHCenter)
    opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    if lay.title is not None:
        p.setFont(ui_font(17, 700))
        p.setPen(QColor(0, 0, 0, 230))
        p.drawText(lay.title, str(_get(modal, "title", default="")), opt)
    if lay.content is not None:
        p.setFont(ui_font(17, 400))
        p.setPen(QColor(0, 0, 0, 128) if lay.title is not None else QColor(0, 0, 0, 230))
        p.drawText(lay.content, str(_get(modal, "content", default="")), opt)
    p.fillRect(QRectF(lay.box.x(), lay.confirm.y(), lay.box.width(), 0.5), HAIRLINE)
    if lay.cancel is not None:
        p.fillRect(QRectF(lay.cancel.right(), lay.cancel.y(), 0.5, lay.cancel.height()), HAIRLINE)
        p.setFont(ui_font(17, 700))
        p.setPen(_color(_get(modal, "cancel_color", "cancelColor"), "#000000"))
        p.drawText(lay.cancel, Qt.AlignmentFlag.AlignCenter, str(_get(modal, "cancel_text", "cancelText",
                                                                      default="取消")))
    p.setFont(ui_font(17, 700))
    p.setPen(_color(_get(modal, "confirm_color", "confirmColor"), "#576B95"))
    p.drawText(lay.confirm, Qt.AlignmentFlag.AlignCenter, str(_get(modal, "confirm_text", "confirmText",
                                                                    default="确定")))
    p.restore()
    return lay


# ---------------------------------------------------------------- action sheet
@dataclass
class SheetLayout:
    box: QRectF
    alert: QRectF | None
    items: list[QRectF]
    cancel: QRectF


def sheet_layout(w: float, h: float, sheet: Any, bottom_inset: float = 0.0) -> SheetLayout:
    items = [str(i) for i in (_get(sheet, "items", "itemList", default=[]) or [])]
    alert = str(_get(sheet, "alert_text", "alertText", default="") or "")
    row = 56.0
    alert_h = 56.0 if alert else 0.0
    height = alert_h + row * len(items) + 8 + row + bottom_inset
    top = h - height
    y = top + alert_h
    rects = [QRectF(0, y + i * row, w, row) for i in range(len(items))]
    cancel = QRectF(0, y + row * len(items) + 8, w, row + bottom_inset)
    return SheetLayout(QRectF(0, top, w, height), QRectF(0, top, w, alert_h) if alert else None, rects, cancel)


def paint_action_sheet(p: QPainter, w: float, h: float, sheet: Any, bottom_inset: float = 0.0) -> SheetLayout:
    lay = sheet_layout(w, h, sheet, bottom_inset)
    begin_sheet(p, w, h, lay.box, QColor("#F7F7F7"))
    white = QColor("#FFFFFF")
    first = lay.alert or (lay.items[0] if lay.items else None)
    if first is not None:
        last = lay.items[-1] if lay.items else first
        p.setBrush(white)
        p.drawRoundedRect(QRectF(0, first.y(), w, last.bottom() - first.y() + 12), 12, 12)
        p.fillRect(QRectF(0, last.bottom(), w, 8), QColor("#F7F7F7"))
    p.fillRect(lay.cancel, white)
    if lay.alert is not None:
        p.setFont(ui_font(14, 400))
        p.setPen(QColor(0, 0, 0, 128))
        p.drawText(lay.alert, Qt.AlignmentFlag.AlignCenter, str(_get(sheet, "alert_text", "alertText")))
    p.setFont(ui_font(17, 400))
    color = _color(_get(sheet, "item_color", "itemColor"), "#000000")
    texts = [str(i) for i in (_get(sheet, "items", "itemList", default=[]) or [])]
    for i, (text, rect) in enumerate(zip(texts, lay.items)):
        if i > 0 or lay.alert is not None:
            p.fillRect(QRectF(16, rect.y(), w - 32, 0.5), HAIRLINE)
        p.setPen(color)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    p.setPen(QColor("#000000"))
    p.drawText(QRectF(0, lay.cancel.y(), w, 56), Qt.AlignmentFlag.AlignCenter, "取消")
    p.restore()
    return lay


# ---------------------------------------------------------------- permission / payment / location
@dataclass
class BottomLayout:
    box: QRectF
    left: QRectF  # 拒绝 / 取消 / the payment sheet's close button
    right: QRectF  # 允许 / 确定 / 支付


def bottom_layout(w: float, h: float, kind: str, bottom_inset: float = 0.0) -> BottomLayout:
    """A bottom sheet: text on top, two buttons (permission, location) or close + pay (payment)."""
    height = (300.0 if kind == "payment" else 200.0) + bottom_inset
    top = h - height
    if kind == "payment":
        return BottomLayout(QRectF(0, top, w, height), QRectF(8, top + 8, 40, 40),
                            QRectF(24, h - bottom_inset - 72, w - 48, 48))
    bw = min(120.0, (w - 72) / 2)
    y = h - bottom_inset - 72
    return BottomLayout(QRectF(0, top, w, height), QRectF(w / 2 - bw - 12, y, bw, 40),
                        QRectF(w / 2 + 12, y, bw, 40))


def _button(p: QPainter, rect: QRectF, text: str, primary: bool) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#07C160") if primary else QColor(0, 0, 0, 13))
    p.drawRoundedRect(rect, 8, 8)
    p.setFont(ui_font(17, 700))
    p.setPen(QColor("#FFFFFF") if primary else QColor("#07C160"))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def paint_bottom(p: QPainter, w: float, h: float, kind: str, item: Any, bottom_inset: float = 0.0) -> BottomLayout:
    """Paint the permission dialog, payment sheet or location picker; returns its layout."""
    lay = bottom_layout(w, h, kind, bottom_inset)
    begin_sheet(p, w, h, lay.box, QColor("#FFFFFF"))
    x, y, inner = 24.0, lay.box.y() + 24, w - 48
    dim, dark = QColor(0, 0, 0, 128), QColor(0, 0, 0, 230)
    if kind == "payment":
        p.setPen(dark)
        p.setFont(ui_font(20, 400))
        p.drawText(lay.left, Qt.AlignmentFlag.AlignCenter, "×")
        p.setFont(ui_font(15, 400))
        p.setPen(dim)
        p.drawText(QRectF(0, y + 24, w, 24), Qt.AlignmentFlag.AlignCenter, str(_get(item, "merchant", default="")))
        p.setFont(ui_font(36, 700))
        p.setPen(dark)
        p.drawText(QRectF(0, y + 56, w, 56), Qt.AlignmentFlag.AlignCenter, "¥" + str(_get(item, "amount", default="")))
        p.fillRect(QRectF(x, y + 132, inner, 0.5), HAIRLINE)
        p.setFont(ui_font(15, 400))
        p.setPen(dim)
        p.drawText(QRectF(x, y + 144, inner, 24), Qt.AlignmentFlag.AlignLeft, "付款方式    零钱")
        _button(p, lay.right, "支付", True)
    else:
        if kind == "permission":
            head, body, no, yes = "小程序 申请", str(_get(item, "text", default="")), "拒绝", "允许"
        else:
            place = _get(item, "place", default={}) or {}
            head, body, no, yes = str(place.get("address", "")), str(place.get("name", "")), "取消", "确定"
        p.setFont(ui_font(15, 400))
        p.setPen(dim)
        p.drawText(QRectF(x, y, inner, 24), Qt.AlignmentFlag.AlignLeft, head)
        p.setFont(ui_font(17, 700))
        p.setPen(dark)
        p.drawText(QRectF(x, y + 36, inner, 28), Qt.AlignmentFlag.AlignLeft, body)
        _button(p, lay.left, no, False)
        _button(p, lay.right, yes, True)
    p.restore()
    return lay


def _bottom_item(ui: Any) -> tuple[str, Any] | None:
    for kind, attr in (("permission", "permission"), ("payment", "payment"), ("location", "location_picker")):
        item = _get(ui, attr)
        if item is not None:
            return kind, item
    return None


# ---------------------------------------------------------------- all of them
def paint_overlays(p: QPainter, w: float, h: float, ui: Any, bottom_inset: float = 0.0, phase: int = 0) -> None:
    """Everything UiState shows on top of the page, in WeChat's stacking order."""
    if ui is None:
        return
    toast = _get(ui, "toast")
    if toast is not None:
        if bool(_get(toast, "mask", default=False)):
            p.fillRect(QRectF(0, 0, w, h), QColor(0, 0, 0, 0))
        paint_toast(p, w, h, toast, phase)
    sheet = _get(ui, "action_sheet")
    if sheet is not None:
        paint_action_sheet(p, w, h, sheet, bottom_inset)
    bottom = _bottom_item(ui)
    if bottom is not None:
        paint_bottom(p, w, h, bottom[0], bottom[1], bottom_inset)
    picker = _get(ui, "picker")
    if picker is not None:
        paint_picker(p, w, h, picker, bottom_inset)
    modal = _get(ui, "modal")
    if modal is not None:
        paint_modal(p, w, h, modal)


def click_overlays(ui: Any, w: float, h: float, x: float, y: float, bottom_inset: float = 0.0) -> bool:
    """Answer a modal/action sheet clicked at (x, y); True when an overlay took the click."""
    if ui is None:
        return False
    pt = QPointF(x, y)
    bottom = _bottom_item(ui)
    if bottom is not None and _get(ui, "modal") is None:
        kind, _ = bottom
        lay = bottom_layout(w, h, kind, bottom_inset)
        hit = "left" if lay.left.contains(pt) else "right" if lay.right.contains(pt) else None
        if kind == "permission" and hit:
            ui.answer_permission(hit == "right")
        elif kind == "payment" and hit:
            ui.answer_payment("success" if hit == "right" else "cancel")
        elif kind == "location" and hit:
            ui.answer_location(hit == "right")
        return True
    modal = _get(ui, "modal")
    if modal is not None:
        lay = modal_layout(w, h, modal)
        if lay.confirm.contains(pt):
            ui.answer_modal(True)
        elif lay.cancel is not None and lay.cancel.contains(pt):
            ui.answer_modal(False)
        return True
    if _get(ui, "picker") is not None:
        return click_picker(ui, w, h, x, y, bottom_inset)
    sheet = _get(ui, "action_sheet")
    if sheet is not None:
        lay = sheet_layout(w, h, sheet, bottom_inset)
        for i, rect in enumerate(lay.items):
            if rect.contains(pt):
                ui.answer_action_sheet(i)
                return True
        if lay.cancel.contains(pt) or not lay.box.contains(pt):
            ui.answer_action_sheet(None)
        return True
    toast = _get(ui, "toast")
    return toast is not None and bool(_get(toast, "mask", default=False))
