"""box-shadow (CSS Backgrounds 3 §7.1): outer shadows painted under the box.

The blur is approximated: the shadow shape is drawn several times, growing outwards with
decreasing opacity, which gives a soft edge about as wide as the blur radius (a true
Gaussian blur is not computed). Inset shadows are not painted.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath

from renderer.qt.style import qcolor, sget

STEPS = 6


def paint_shadows(p: QPainter, style: Any, rect: QRectF, r: tuple,
                  rounded: Callable[[QRectF, tuple], QPainterPath]) -> None:
    """Paint the outer shadows of a box whose border box is `rect` with corner radii `r`."""
    shadows = sget(style, "box-shadow", "none")
    if shadows == "none" or rect.isEmpty():
        return
    for inset, dx, dy, blur, spread, color in reversed(shadows):  # the first shadow is on top
        c = qcolor(color)
        if inset or c is None or c.alpha() == 0:
            continue
        base = rect.translated(dx, dy).adjusted(-spread, -spread, spread, spread)
        p.save()
        p.setPen(Qt.PenStyle.NoPen)
        outside = QPainterPath()
        outside.addRect(base.adjusted(-blur * 2 - 2, -blur * 2 - 2, blur * 2 + 2, blur * 2 + 2))
        outside = outside.subtracted(rounded(rect, r) if any(r) else _rect_path(rect))
        p.setClipPath(outside)  # CSS: an outer shadow is clipped by the box itself
        layers = STEPS if blur > 0 else 1
        for i in range(layers):
            grow = blur * (layers - i) / layers if blur > 0 else 0.0
            shape = base.adjusted(-grow + blur / 2, -grow + blur / 2, grow - blur / 2, grow - blur / 2) if blur else base
            layer = c.__class__(c)
            layer.setAlphaF(c.alphaF() / layers if blur > 0 else c.alphaF())
            radii = tuple(max(0.0, x + spread) for x in r)
            path = rounded(shape, radii) if any(radii) else _rect_path(shape)
            p.fillPath(path, QBrush(layer))
        p.restore()


def _rect_path(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addRect(rect)
    return path
