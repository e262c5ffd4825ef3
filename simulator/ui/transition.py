"""WeChat's page push/pop slide, painted over the page area after the fact.

The page stack has already changed when the slide starts: the layer only paints the
outgoing and incoming pages (rendered once to images) moving for `DURATION_MS`, lets every
click through, and never holds up the simulator or the automation API.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEasingCurve, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from renderer.qt.page_widget import render_page_image

DURATION_MS = 260
PARALLAX = 0.3  # the page underneath moves a third of the width, as on iOS


class SlideTransition(QWidget):
    """Covers the page area while a push ("push") or pop ("pop") slides; hidden otherwise."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.enabled = True
        self.kind = ""
        self.progress = 0.0
        self._under: QImage | None = None
        self._over: QImage | None = None
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setDuration(DURATION_MS)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._anim.valueChanged.connect(self._step)
        self._anim.finished.connect(self.stop)
        self.hide()

    def running(self) -> bool:
        return self.isVisible()

    def start(self, kind: str, old_view: Any, new_view: Any, rect: QRectF, dpr: float = 1.0) -> None:
        """Slide from `old_view` to `new_view` in `rect` (the page area, screen coordinates)."""
        self.stop()
        if not self.enabled or kind not in ("push", "pop"):
            return
        w, h = max(1, round(rect.width())), max(1, round(rect.height()))
        try:
            old = render_page_image(old_view, w, h, float(getattr(old_view, "scroll_top", 0.0) or 0.0), dpr)
            new = render_page_image(new_view, w, h, float(getattr(new_view, "scroll_top", 0.0) or 0.0), dpr)
        except Exception:  # an unloaded page that cannot paint any more: skip the slide
            return
        # the page on top moves: the new one on a push, the old one on a pop
        self._under, self._over = (old, new) if kind == "push" else (new, old)
        self.kind = kind
        self.progress = 0.0
        self.setGeometry(round(rect.x()), round(rect.y()), w, h)
        self.show()
        self.raise_()
        self._anim.start()

    def stop(self) -> None:
        self._anim.stop()
        self._under = self._over = None
        self.kind = ""
        self.hide()

    def _step(self, value: Any) -> None:
        self.progress = float(value)
        self.update()

    def offsets(self) -> tuple[float, float]:
        """x of the page underneath and of the page on top, for the current progress."""
        w = float(self.width())
        t = self.progress if self.kind == "push" else 1.0 - self.progress
        return -PARALLAX * w * t, w * (1.0 - t)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self._under is None or self._over is None:
            return
        p = QPainter(self)
        try:
            under_x, over_x = self.offsets()
            w, h = float(self.width()), float(self.height())
            p.fillRect(self.rect(), QColor("#FFFFFF"))
            p.drawImage(QRectF(under_x, 0, w, h), self._under)
            p.fillRect(QRectF(0, 0, over_x, h), QColor(0, 0, 0, round(40 * (1.0 - over_x / w))))
            shade = QLinearGradient(over_x - 8, 0, over_x, 0)
            shade.setColorAt(0, QColor(0, 0, 0, 0))
            shade.setColorAt(1, QColor(0, 0, 0, 50))
            p.fillRect(QRectF(over_x - 8, 0, 8, h), shade)
            p.drawImage(QRectF(over_x, 0, w, h), self._over)
        finally:
            p.end()
