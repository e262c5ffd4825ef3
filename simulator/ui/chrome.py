"""WeChat's own chrome around a page: status bar, navigation bar with capsule, and the native tabBar.

Colours and text come from the page's window config (app.json `window` merged with the page
json) and from the navigation-bar state that `wx.setNavigationBarTitle/Color` change.
Defaults are WeChat's: black bar with white title, white tabBar with a hairline on top.
"""

from __future__ import annotations

import posixpath
import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from bridge.api.background import window_background
from renderer.qt.fonts import ui_font
from renderer.qt.icons import draw_spinner
from renderer.qt.images import ImageStore
from simulator.ui.geometry import ScreenGeometry, tab_bar_shown


@dataclass(frozen=True)
class BarLook:
    title: str
    front: QColor
    background: QColor
    loading: bool


def _color(value: Any, default: str) -> QColor:
    c = QColor(str(value)) if isinstance(value, str) and value.strip() else QColor()
    return c if c.isValid() else QColor(default)


def bar_look(sim: Any) -> BarLook:
    """Title and colours of the current page's navigation bar (live state first, else config)."""
    config = sim.page_config() or {}
    ui = getattr(sim, "ui", None)
    page_id = sim.current_page_id() if hasattr(sim, "current_page_id") else None
    bar = None
    if ui is not None and hasattr(ui, "navbar"):
        try:
            bar = ui.navbar(page_id, config)
        except Exception:  # a broken state must not blank the window
            bar = None
    if bar is not None:
        return BarLook(str(bar.title), _color(bar.front_color, "#ffffff"), _color(bar.background_color, "#000000"),
                       bool(getattr(bar, "loading", False)))
    white = str(config.get("navigationBarTextStyle", "white")) != "black"
    return BarLook(str(config.get("navigationBarTitleText", "")), QColor("#ffffff" if white else "#000000"),
                   _color(config.get("navigationBarBackgroundColor"), "#000000"), False)


def window_look(sim: Any) -> tuple[QColor, bool]:
    """The window behind the page (the pull-down band) and whether its loading dots are dark:
    the page's window config with wx.setBackgroundColor / setBackgroundTextStyle applied."""
    config = sim.page_config() or {}
    page_id = sim.current_page_id() if hasattr(sim, "current_page_id") else None
    changes = (getattr(getattr(sim, "ui", None), "backgrounds", None) or {}).get(page_id or "")
    ios = str((getattr(sim, "device", None) or {}).get("platform", "")).lower() == "ios"
    color, style = window_background(config, changes, ios)
    return _color(color, "#ffffff"), style != "light"


def paint_status_bar(p: QPainter, geo: ScreenGeometry, front: QColor, background: QColor | None,
                     clock: str | None = None) -> None:
    x, y, w, h = geo.status_bar
    if background is not None:
        p.fillRect(QRectF(x, y, w, h), background)
    clock = clock or time.strftime("%H:%M")
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(front)
    notch = h > 24
    p.setFont(ui_font(15 if notch else 12, 600))
    text_rect = QRectF(16, y, 60, h) if notch else QRectF(0, y, w, h)
    p.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, clock)
    # signal bars (left on classic phones, right of the clock area on notch phones)
    bx = w - 88 if notch else 8
    for i in range(4):
        bh = 3 + i * 2
        p.fillRect(QRectF(bx + i * 4.5, y + h / 2 + 5 - bh, 3, bh), front)
    # battery
    bw, bh = 22.0, 11.0
    bxr = w - bw - 10
    by = y + (h - bh) / 2
    p.setPen(QPen(front, 1))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(QRectF(bxr, by, bw, bh), 2.5, 2.5)
    p.fillRect(QRectF(bxr + 2, by + 2, (bw - 4) * 0.8, bh - 4), front)
    p.fillRect(QRectF(bxr + bw + 1, by + 3.5, 1.5, 4), front)
    p.restore()


def paint_capsule(p: QPainter, geo: ScreenGeometry, dark_text: bool) -> None:
    """The menu capsule (··· | ◎) at the device's menu-button rect."""
    x, y, w, h = geo.capsule
    rect = QRectF(x, y, w, h)
    fg = QColor("#000000") if dark_text else QColor("#FFFFFF")
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    fill = QColor(255, 255, 255, 153) if dark_text else QColor(0, 0, 0, 38)
    border = QColor(0, 0, 0, 20) if dark_text else QColor(255, 255, 255, 64)
    p.setPen(QPen(border, 1))
    p.setBrush(fill)
    p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), h / 2, h / 2)
    p.setPen(QPen(border, 1))
    p.drawLine(QPointF(x + w / 2, y + h / 2 - 9), QPointF(x + w / 2, y + h / 2 + 9))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    cx, cy = x + w / 4, y + h / 2
    p.drawEllipse(QPointF(cx - 7, cy), 2.2, 2.2)
    p.drawEllipse(QPointF(cx, cy), 3.2, 3.2)
    p.drawEllipse(QPointF(cx + 7, cy), 2.2, 2.2)
    rx = x + 3 * w / 4
    p.setPen(QPen(fg, 1.8))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(rx, cy), 8.5, 8.5)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fg)
    p.drawEllipse(QPointF(rx, cy), 3.2, 3.2)
    p.restore()


def back_button_rect(geo: ScreenGeometry) -> QRectF | None:
    if geo.nav_bar is None:
        return None
    x, y, w, h = geo.nav_bar
    return QRectF(x, y, 44, h)


def paint_nav_bar(p: QPainter, geo: ScreenGeometry, look: BarLook, can_go_back: bool) -> None:
    if geo.nav_bar is None:
        return
    x, y, w, h = geo.nav_bar
    p.fillRect(QRectF(x, y, w, h), look.background)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if can_go_back:
        pen = QPen(look.front, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        cy = y + h / 2
        p.drawPolyline([QPointF(x + 21, cy - 9), QPointF(x + 12, cy), QPointF(x + 21, cy + 9)])
    font = ui_font(17, 500)
    p.setFont(font)
    p.setPen(look.front)
    fm = QFontMetricsF(font)
    cap_left = geo.capsule[0]
    max_w = max(0.0, 2 * min(w / 2 - 44, cap_left - w / 2) - 8)
    title = fm.elidedText(look.title, Qt.TextElideMode.ElideRight, max_w)
    tw = fm.horizontalAdvance(title)
    p.drawText(QRectF(x, y, w, h), Qt.AlignmentFlag.AlignCenter, title)
    if look.loading:
        draw_spinner(p, QPointF(x + w / 2 - tw / 2 - 14, y + h / 2), 16, look.front)
    p.restore()


def tab_item_rects(geo: ScreenGeometry, count: int) -> list[QRectF]:
    if geo.tab_bar is None or count <= 0:
        return []
    x, y, w, _ = geo.tab_bar
    iw = w / count
    return [QRectF(x + i * iw, y, iw, 48.0) for i in range(count)]


def paint_tab_bar(p: QPainter, geo: ScreenGeometry, sim: Any, images: ImageStore | None) -> None:
    tab = tab_bar_shown(sim)
    if tab is None or geo.tab_bar is None:
        return
    x, y, w, h = geo.tab_bar
    p.fillRect(QRectF(x, y, w, h), _color(tab.get("backgroundColor"), "#ffffff"))
    border = QColor(255, 255, 255, 84) if str(tab.get("borderStyle", "black")) == "white" else QColor(0, 0, 0, 84)
    p.fillRect(QRectF(x, y, w, 0.5), border)
    items = list(tab.get("list") or [])
    route = (sim.current_route() or "").lstrip("/")
    color = _color(tab.get("color"), "#7A7E83")
    selected = _color(tab.get("selectedColor"), "#3cc51f")
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for item, rect in zip(items, tab_item_rects(geo, len(items))):
        on = str(item.get("pagePath", "")).lstrip("/").split("?")[0] == route
        icon_src = item.get("selectedIconPath" if on else "iconPath") or item.get("iconPath")
        icon = images.get(_icon_key(str(icon_src))) if (images is not None and icon_src) else None
        text = str(item.get("text", ""))
        p.setPen(selected if on else color)
        if icon is not None:
            p.drawImage(QRectF(rect.center().x() - 12, rect.y() + 5, 24, 24), icon)
            p.setFont(ui_font(10, 400))
            p.drawText(QRectF(rect.x(), rect.y() + 31, rect.width(), 14), Qt.AlignmentFlag.AlignCenter, text)
        else:
            p.setFont(ui_font(14, 400))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    _paint_badges(p, tab_item_rects(geo, len(items)), getattr(sim, "ui", None))
    p.restore()


def _paint_badges(p: QPainter, rects: list[QRectF], ui: Any) -> None:
    """setTabBarBadge texts ("..." past 4 characters) and showTabBarRedDot dots, top right of the icon."""
    badges = getattr(ui, "tab_badges", {}) or {}
    dots = getattr(ui, "tab_red_dots", set()) or set()
    red = QColor("#FA5151")
    for i, rect in enumerate(rects):
        cx = rect.center().x() + 12
        if i in badges:
            text = badges[i] if len(badges[i]) <= 4 else "..."
            p.setFont(ui_font(12, 400))
            bw = max(18.0, QFontMetricsF(p.font()).horizontalAdvance(text) + 10)
            box = QRectF(cx - 6, rect.y() + 2, bw, 18)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(red)
            p.drawRoundedRect(box, 9, 9)
            p.setPen(QColor("#FFFFFF"))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        elif i in dots:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(red)
            p.drawEllipse(QPointF(cx, rect.y() + 6), 5, 5)


def _icon_key(src: str) -> str:
    """A tab icon path from the package root (app.json's are root-relative, with or without "/");
    temp and wxfile:// paths (wx.setTabBarItem) stay as they are."""
    return src if "://" in src else "/" + src.lstrip("/")


def tab_images(sim: Any) -> ImageStore | None:
    project = getattr(sim, "project", None)
    root = getattr(project, "root", None)
    report = getattr(sim, "report", None)
    cached = getattr(sim, "_qt_tab_images", None)
    if cached is not None:
        return cached
    local = getattr(sim, "local_file", None)
    store = ImageStore(root, "", report if callable(report) else None, file="app.json",
                       local_files=local if callable(local) else None)
    try:
        sim._qt_tab_images = store
    except AttributeError:
        pass
    return store


def route_of_tab(tab: dict, index: int) -> str | None:
    items = list(tab.get("list") or [])
    if 0 <= index < len(items):
        return posixpath.normpath(str(items[index].get("pagePath", "")).lstrip("/").split("?")[0])
    return None
