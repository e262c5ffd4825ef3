"""The device screen: chrome, the page and the overlays, live (`ScreenWidget`) or offscreen (`render_screen_image`).

Both paths paint with the same functions in the same order — status bar, navigation bar,
page, tabBar, capsule, toast/modal/action sheet — so a screenshot shows what the window shows.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from renderer.qt.app import ensure_app
from renderer.qt.page_widget import PageWidget, images_for
from renderer.qt.painter import paint_box_tree
from simulator.ui.chrome import (back_button_rect, bar_look, paint_capsule, paint_nav_bar, paint_status_bar,
                                 paint_tab_bar, route_of_tab, tab_images, tab_item_rects, window_look)
from simulator.ui.error_panel import ErrorPanel
from simulator.ui.geometry import ScreenGeometry, screen_geometry, tab_bar_shown
from simulator.ui.gestures import REFRESH_BAND, PageGestures, paint_refresh_band
from simulator.ui.overlays import click_overlays, paint_overlays
from simulator.ui.transition import SlideTransition


def _window_background(sim: Any) -> QColor:
    return window_look(sim)[0]


def paint_chrome_under(p: QPainter, sim: Any, geo: ScreenGeometry) -> None:
    """Status bar background, navigation bar and tabBar (everything the page does not cover)."""
    look = bar_look(sim)
    if geo.nav_bar is not None:
        p.fillRect(QRectF(*geo.status_bar), look.background)
        paint_nav_bar(p, geo, look, sim.page_stack_depth() > 1)
    paint_tab_bar(p, geo, sim, tab_images(sim))


def paint_chrome_over(p: QPainter, sim: Any, geo: ScreenGeometry, phase: int = 0) -> None:
    """Status bar text, the capsule and UI overlays (drawn above the page, even a custom-nav page)."""
    look = bar_look(sim)
    dark = look.front.lightness() < 128
    paint_status_bar(p, geo, look.front, None)
    paint_capsule(p, geo, dark)
    paint_overlays(p, geo.width, geo.height, getattr(sim, "ui", None), geo.bottom_inset, phase)


def render_screen_image(sim: Any, dpr: float | None = None) -> QImage:
    """The whole device screen as an image at the device pixel ratio (for `wxsim shot`, `mp.screenshot()`)."""
    ensure_app()
    geo = screen_geometry(sim)
    ratio = float(dpr if dpr is not None else geo.dpr)
    img = QImage(max(1, round(geo.width * ratio)), max(1, round(geo.height * ratio)),
                 QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(ratio)
    img.fill(_window_background(sim))
    p = QPainter(img)
    paint_chrome_under(p, sim, geo)
    view = sim.current_view()
    x, y, w, h = geo.page
    p.fillRect(QRectF(x, y, w, h), QColor("#FFFFFF"))
    root = view.root_box() if view is not None else None
    if root is not None:
        p.save()
        p.translate(x, y)
        paint_box_tree(p, root, QRectF(0, 0, w, h), float(getattr(view, "scroll_top", 0.0) or 0.0),
                       images=images_for(view))
        p.restore()
    paint_chrome_over(p, sim, geo)
    p.end()
    return img


class OverlayLayer(QWidget):
    """Transparent layer above the page: capsule, status text and overlays; takes clicks only for dialogs."""

    def __init__(self, screen: "ScreenWidget") -> None:
        super().__init__(screen)
        self.screen = screen
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.phase = 0

    def sync(self) -> None:
        ui = getattr(self.screen.sim, "ui", None)
        toast = getattr(ui, "toast", None)
        blocking = ui is not None and (getattr(ui, "modal", None) is not None
                                       or getattr(ui, "action_sheet", None) is not None
                                       or (toast is not None and bool(getattr(toast, "mask", False))))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, not blocking)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            paint_chrome_over(p, self.screen.sim, self.screen.geo, self.phase)
        except Exception as exc:  # report, keep the window
            self.screen.report_internal("painting the overlays", exc)
        finally:
            p.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        geo = self.screen.geo
        pos = event.position()
        click_overlays(getattr(self.screen.sim, "ui", None), geo.width, geo.height, pos.x(), pos.y(),
                       geo.bottom_inset)
        self.sync()


class ScreenWidget(QWidget):
    """The phone screen at 1:1 CSS px: chrome painted here, the page in a PageWidget child."""

    def __init__(self, sim: Any, parent: QWidget | None = None, errors: Any = None) -> None:
        super().__init__(parent)
        self.sim = sim
        self.geo = screen_geometry(sim)
        self.page = PageWidget(None, self)
        self.page.on_error = self.report_internal
        self.overlay = OverlayLayer(self)
        self.error_panel = ErrorPanel(errors, self)
        self.internal_errors: Callable[[str, BaseException], None] | None = None
        self.transition = SlideTransition(self)
        self.pull = 0.0  # how far a finger has pulled the page down (CSS px)
        self._depth = 0
        self._refresh_phase = 0
        self.gestures = PageGestures(self)
        self.page.installEventFilter(self.gestures)
        self._spin = QTimer(self)
        self._spin.timeout.connect(self._tick_spinner)
        self._spin.start(80)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the simulator: page shown, geometry (config may change), chrome and overlays."""
        self.geo = screen_geometry(self.sim)
        self.setFixedSize(round(self.geo.width), round(self.geo.height))
        x, y, w, h = self.geo.page
        band = self.band()
        self.page.setGeometry(round(x), round(y + band), round(w), round(max(0.0, h - band)))
        view = self.sim.current_view()
        depth = self.sim.page_stack_depth()
        if view is not self.page.view:
            old = self.page.view
            self.page.set_view(view)
            if old is not None and view is not None and depth != self._depth:
                self.transition.start("push" if depth > self._depth else "pop", old, view,
                                      QRectF(x, y, w, h), self.geo.dpr)
        self._depth = depth
        if self.transition.running():
            self.transition.raise_()
        self.overlay.setGeometry(0, 0, round(self.geo.width), round(self.geo.height))
        self.overlay.raise_()
        self.overlay.sync()
        self.error_panel.setGeometry(round(x), round(y), round(w), round(h))
        self.error_panel.raise_()
        self.error_panel.sync()
        self.update()

    def set_sim(self, sim: Any) -> None:
        """Show another simulator (after a relaunch): the old page view is dropped."""
        self.sim = sim
        self.transition.stop()
        self.pull = 0.0
        self.page.set_view(None)
        self.refresh()

    def refreshing(self) -> bool:
        return bool(getattr(getattr(self.sim, "ui", None), "refreshing", False))

    def band(self) -> float:
        """How far the page is pushed down: the finger's pull, or the held band while refreshing."""
        return max(self.pull, REFRESH_BAND if self.refreshing() else 0.0)

    def set_pull(self, pull: float) -> None:
        if pull != self.pull:
            self.pull = pull
            self.refresh()

    def go_back(self) -> bool:
        """The back button or the back swipe: pop one page if there is one under the top."""
        if self.sim.page_stack_depth() <= 1:
            return False
        self.sim.navigate_back()
        self.refresh()
        return True

    def report_internal(self, where: str, exc: BaseException) -> None:
        """An exception inside wxsim itself while showing the program: reported, never fatal."""
        if self.internal_errors is not None:
            self.internal_errors(where, exc)
        else:
            from renderer.qt.page_widget import _print_error

            _print_error(where, exc)

    def _tick_spinner(self) -> None:
        ui = getattr(self.sim, "ui", None)
        toast = getattr(ui, "toast", None)
        if toast is not None and (getattr(toast, "kind", "") == "loading" or getattr(toast, "icon", "") == "loading"):
            self.overlay.phase = (self.overlay.phase + 1) % 12
            self.overlay.update()
        if self.refreshing():
            self._refresh_phase = (self._refresh_phase + 1) % 9
            x, y, w, _h = self.geo.page
            self.update(round(x), round(y), round(w), round(self.band()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        try:
            p.fillRect(self.rect(), _window_background(self.sim))
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            paint_chrome_under(p, self.sim, self.geo)
            band = self.band()
            if band > 0:
                x, y, w, _h = self.geo.page
                dark = window_look(self.sim)[1]
                paint_refresh_band(p, QRectF(x, y, w, band), _window_background(self.sim), dark,
                                   self._refresh_phase, self.refreshing())
        except Exception as exc:  # report, keep the window
            self.report_internal("painting the device chrome", exc)
        finally:
            p.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        back = back_button_rect(self.geo)
        if back is not None and back.contains(pos) and self.go_back():
            return
        tab = tab_bar_shown(self.sim)
        if tab is not None:
            for i, rect in enumerate(tab_item_rects(self.geo, len(tab.get("list") or []))):
                if rect.contains(pos):
                    route = route_of_tab(tab, i)
                    if route and route != (self.sim.current_route() or "").lstrip("/"):
                        self.sim.switch_tab(route)
                        self.refresh()
                    return
