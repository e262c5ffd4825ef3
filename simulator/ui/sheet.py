"""What every overlay sheet shares: the dimming mask and the card rising from the bottom."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

MASK = QColor(0, 0, 0, 153)  # rgba(0,0,0,.6), WeUI's mask


def begin_sheet(p: QPainter, w: float, h: float, box: QRectF, color: QColor) -> None:
    """Save the painter, dim the screen and draw a bottom sheet's card (rounded top corners).

    The caller paints the sheet's content and restores the painter.
    """
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.fillRect(QRectF(0, 0, w, h), MASK)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawRoundedRect(box.adjusted(0, 0, 0, 12), 12, 12)
