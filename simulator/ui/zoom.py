"""The device screen at 50–200 %: a graphics view that scales the `ScreenWidget` as a whole.

The screen keeps working in CSS px; Qt maps every click, drag and wheel through the view's
transform back into the widget, so hit testing, the input editor and the overlays need no
knowledge of the zoom. Painting goes through the transform as vectors, so text stays sharp.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

ZOOM_LEVELS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
MIN_ZOOM, MAX_ZOOM = ZOOM_LEVELS[0], ZOOM_LEVELS[-1]
MARGIN = 20


def clamp_zoom(zoom: float) -> float:
    return max(MIN_ZOOM, min(MAX_ZOOM, float(zoom)))


class ZoomView(QGraphicsView):
    """Shows `screen` centred on a dark backdrop at `zoom` (1.0 = one CSS px per screen pixel)."""

    def __init__(self, screen: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.screen = screen
        self.zoom = 1.0
        self.setScene(QGraphicsScene(self))
        self.proxy = self.scene().addWidget(screen)
        self.setBackgroundBrush(QColor("#2b2b2b"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        screen.installEventFilter(self)
        self._fit_scene()

    def set_zoom(self, zoom: float) -> float:
        """Scale the screen; returns the zoom applied (clamped to 50–200 %)."""
        self.zoom = clamp_zoom(zoom)
        self.setTransform(QTransform.fromScale(self.zoom, self.zoom))
        self._fit_scene()
        return self.zoom

    def step(self, direction: int) -> float:
        """The next zoom level up (+1) or down (-1)."""
        levels = ZOOM_LEVELS if direction > 0 else tuple(reversed(ZOOM_LEVELS))
        for level in levels:
            if (level > self.zoom + 1e-6) if direction > 0 else (level < self.zoom - 1e-6):
                return self.set_zoom(level)
        return self.zoom

    def view_point(self, x: float, y: float) -> QPoint:
        """Where a point of the screen (CSS px) is on the viewport, for clicks."""
        return self.mapFromScene(self.proxy.mapToScene(QPointF(x, y)))

    def screen_point(self, pos: QPoint) -> QPointF:
        """The screen point (CSS px) under a viewport position."""
        return self.proxy.mapFromScene(self.mapToScene(pos))

    def preferred_size(self) -> tuple[int, int]:
        return (round(self.screen.width() * self.zoom) + 2 * MARGIN,
                round(self.screen.height() * self.zoom) + 2 * MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.screen and event.type() == QEvent.Type.Resize:
            self._fit_scene()
        return False

    def _fit_scene(self) -> None:
        rect = self.proxy.sceneBoundingRect()
        self.scene().setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
