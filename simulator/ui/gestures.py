"""Finger gestures on the page that belong to WeChat rather than to the page: pull-down refresh
(drag down at the top of a page with `enablePullDownRefresh`) and the iOS back swipe (drag right
from the left edge). They watch the page widget's mouse events without taking them, so the page
still gets its touches, and drive the simulator as the real gestures would.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter

PULL_TRIGGER = 50.0   # CSS px of band that start a refresh on release
PULL_MAX = 80.0       # the band does not grow further
REFRESH_BAND = 50.0   # the band held open while refreshing (WeChat's three dots)
RESISTANCE = 0.5      # the page follows the finger at half speed
EDGE = 20.0           # a back swipe starts this close to the left edge
BACK_DISTANCE = 80.0  # … and must travel this far to the right


class PageGestures(QObject):
    """Event filter on the page widget; `screen` is the ScreenWidget (sim, refresh, set_pull)."""

    def __init__(self, screen: Any) -> None:
        super().__init__(screen)
        self.screen = screen
        self._press: QPointF | None = None
        self._at_top = False
        self._from_edge = False

    def _pull_enabled(self) -> bool:
        sim = self.screen.sim
        return bool(getattr(sim, "ui", None) is not None and (sim.page_config() or {}).get("enablePullDownRefresh"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton:
                page = self.screen.page
                self._press = event.position()
                self._at_top = page.scroll_y <= 0.5 and self._pull_enabled() and not self._on_scroller(event)
                self._from_edge = event.position().x() <= EDGE
        elif kind == QEvent.Type.MouseMove and self._press is not None and isinstance(event, QMouseEvent):
            dy = event.position().y() - self._press.y()
            if self._at_top and not getattr(self.screen.sim.ui, "refreshing", False):
                self.screen.set_pull(min(PULL_MAX, max(0.0, dy * RESISTANCE)))
        elif kind == QEvent.Type.MouseButtonRelease and self._press is not None and isinstance(event, QMouseEvent):
            d = event.position() - self._press
            self._press = None
            pulled = self.screen.pull
            self.screen.set_pull(0.0)
            if self._at_top and pulled >= PULL_TRIGGER:
                self.screen.sim.pull_down_refresh()
                self.screen.refresh()
            elif self._from_edge and d.x() >= BACK_DISTANCE and abs(d.y()) < d.x():
                self.screen.go_back()
        return False

    def _on_scroller(self, event: QMouseEvent) -> bool:
        page = self.screen.page
        return page.scroller_at(event.position(), True) is not None


def paint_refresh_band(p: QPainter, rect: QRectF, background: QColor, dark: bool, phase: int,
                       animate: bool) -> None:
    """The band above a pulled page: window background and WeChat's three loading dots."""
    p.fillRect(rect, background)
    if rect.height() < 12:
        return
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    base = QColor(0, 0, 0) if dark else QColor(255, 255, 255)
    cx, cy = rect.center().x(), rect.y() + min(rect.height(), REFRESH_BAND) / 2
    for i in range(3):
        # the lit dot walks left to right while refreshing; all half-lit while pulling
        lit = (phase // 3) % 3 == i if animate else False
        color = QColor(base)
        color.setAlphaF(0.75 if lit else 0.3)
        p.setBrush(color)
        p.drawEllipse(QPointF(cx + (i - 1) * 12, cy), 3.0, 3.0)
    p.restore()
