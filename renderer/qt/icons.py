"""WeChat's `<icon>` types, drawn as vector paths so they stay sharp at any size and colour.

Default colours follow WeUI's icon palette (brand green, info blue, warn red, grey for
search/clear); `color` overrides the coloured part, the inner glyph stays white.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

ICON_COLORS = {
    "success": "#07C160", "success_no_circle": "#07C160", "success_circle": "#07C160",
    "info": "#10AEFF", "info_circle": "#10AEFF", "warn": "#FA5151", "waiting": "#10AEFF",
    "waiting_circle": "#10AEFF", "cancel": "#FA5151", "download": "#07C160",
    "search": "#B2B2B2", "clear": "#B2B2B2", "circle": "#C9C9C9",
}
ICON_TYPES = tuple(ICON_COLORS)
DEFAULT_SIZE = 23.0


def draw_icon(p: QPainter, kind: str, rect: QRectF, color: QColor | None = None) -> bool:
    """Draw icon `kind` centred in `rect` (a square of the icon's size); False for an unknown type."""
    if kind not in ICON_COLORS:
        return False
    c = QColor(color) if color is not None and color.isValid() else QColor(ICON_COLORS[kind])
    s = min(rect.width(), rect.height())
    if s <= 0:
        return True
    cx, cy = rect.center().x(), rect.center().y()
    box = QRectF(cx - s / 2, cy - s / 2, s, s)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    white = QColor("#FFFFFF")
    filled = kind in ("success", "info", "warn", "waiting", "cancel", "download", "clear")
    if filled:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(c))
        p.drawEllipse(box)
        glyph = white
    elif kind in ("success_circle", "info_circle", "waiting_circle", "circle"):
        p.setPen(QPen(c, s * 0.06))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(box.adjusted(s * 0.04, s * 0.04, -s * 0.04, -s * 0.04))
        glyph = c
    else:
        glyph = c
    pen = QPen(glyph, s * 0.09, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(pen)

    def pt(fx: float, fy: float) -> QPointF:
        return QPointF(box.x() + fx * s, box.y() + fy * s)

    base = kind.replace("_circle", "") if kind != "success_no_circle" else kind
    if base in ("success", "success_no_circle"):
        path = QPainterPath(pt(0.27, 0.52))
        path.lineTo(pt(0.43, 0.67))
        path.lineTo(pt(0.74, 0.36))
        if base == "success_no_circle":
            p.setPen(QPen(glyph, s * 0.11, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                          Qt.PenJoinStyle.RoundJoin))
            path = QPainterPath(pt(0.12, 0.52))
            path.lineTo(pt(0.38, 0.76))
            path.lineTo(pt(0.9, 0.26))
        p.drawPath(path)
    elif base == "info":
        p.drawLine(pt(0.5, 0.45), pt(0.5, 0.74))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(glyph)
        p.drawEllipse(pt(0.5, 0.30), s * 0.06, s * 0.06)
    elif base == "warn":
        p.drawLine(pt(0.5, 0.26), pt(0.5, 0.56))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(glyph)
        p.drawEllipse(pt(0.5, 0.72), s * 0.06, s * 0.06)
    elif base == "waiting":
        path = QPainterPath(pt(0.5, 0.24))
        path.lineTo(pt(0.5, 0.52))
        path.lineTo(pt(0.68, 0.64))
        p.drawPath(path)
    elif base in ("cancel", "clear"):
        p.drawLine(pt(0.34, 0.34), pt(0.66, 0.66))
        p.drawLine(pt(0.66, 0.34), pt(0.34, 0.66))
    elif base == "download":
        p.drawLine(pt(0.5, 0.24), pt(0.5, 0.68))
        path = QPainterPath(pt(0.33, 0.52))
        path.lineTo(pt(0.5, 0.69))
        path.lineTo(pt(0.67, 0.52))
        p.drawPath(path)
    elif base == "search":
        p.setPen(QPen(glyph, s * 0.08, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawEllipse(QRectF(box.x() + s * 0.12, box.y() + s * 0.12, s * 0.6, s * 0.6))
        p.drawLine(pt(0.64, 0.64), pt(0.88, 0.88))
    p.restore()
    return True


def draw_spinner(p: QPainter, center: QPointF, size: float, color: QColor, phase: int = 0) -> None:
    """WeUI's loading spinner: 12 spokes fading round the circle (`phase` rotates it)."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.translate(center)
    r_out, r_in = size / 2, size / 4
    for i in range(12):
        c = QColor(color)
        c.setAlphaF(color.alphaF() * (0.15 + 0.85 * ((i + phase) % 12) / 11))
        p.setPen(QPen(c, max(1.0, size / 12), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        a = math.radians(i * 30)
        p.drawLine(QPointF(math.sin(a) * r_in, -math.cos(a) * r_in), QPointF(math.sin(a) * r_out, -math.cos(a) * r_out))
    p.restore()
