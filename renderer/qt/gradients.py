"""Painting gradient backgrounds (CSS Images 3 §3.1-3.2, §3.5 colour stops).

The gradient line of a linear gradient passes through the box centre at the gradient's
angle (0deg points up, clockwise) and is long enough that its ends touch the box's
corners: |w sin a| + |h cos a| (§3.1.1). Stops without a position are spread evenly
between their neighbours (§3.5.3).
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QGradient, QLinearGradient, QPainter, QPainterPath, QRadialGradient

from renderer.qt.style import qcolor


def _fractions(stops: tuple, length: float) -> list[float | None]:
    out: list[float | None] = []
    for _, pos in stops:
        if pos is None:
            out.append(None)
        elif isinstance(pos, tuple):
            out.append(pos[1] / 100 if pos[0] == "%" else (pos[1] + length * pos[2] / 100) / length if length else 0.0)
        else:
            out.append(float(pos) / length if length else 0.0)
    if out[0] is None:
        out[0] = 0.0
    if out[-1] is None:
        out[-1] = 1.0
    last = 0.0
    for i, f in enumerate(out):  # §3.5.3: a position before an earlier one moves up to it
        if f is not None:
            out[i] = last = max(last, f)
    i = 0
    while i < len(out):
        if out[i] is None:
            j = i
            while out[j] is None:
                j += 1
            a, b = out[i - 1], out[j]
            for k in range(i, j):
                out[k] = a + (b - a) * (k - i + 1) / (j - i + 1)
            i = j
        i += 1
    return out


def _apply_stops(g: QGradient, stops: tuple, length: float) -> None:
    fr = _fractions(stops, length)
    lo, hi = fr[0], fr[-1]
    span = (hi - lo) or 1.0
    for (color, _), f in zip(stops, fr):  # Qt stops live in [0, 1]: the gradient line is rescaled
        c = qcolor(color)
        if c is not None:
            g.setColorAt(min(1.0, max(0.0, (f - lo) / span)), c)
    g.setSpread(QGradient.Spread.PadSpread)


def paint_gradient(p: QPainter, image: Any, rect: QRectF, path: QPainterPath | None) -> None:
    """Fill `rect` (or `path`, for rounded corners) with a computed gradient value."""
    if not isinstance(image, tuple) or rect.isEmpty():
        return
    cx, cy, w, h = rect.center().x(), rect.center().y(), rect.width(), rect.height()
    if image[0] == "linear":
        a = math.radians(image[1])
        length = abs(w * math.sin(a)) + abs(h * math.cos(a))
        dx, dy = math.sin(a) * length / 2, -math.cos(a) * length / 2
        fr = _fractions(image[2], length)
        lo, hi = fr[0], fr[-1]
        start = QPointF(cx - dx + 2 * dx * lo, cy - dy + 2 * dy * lo)
        end = QPointF(cx - dx + 2 * dx * hi, cy - dy + 2 * dy * hi)
        g: QGradient = QLinearGradient(start, end)
        _apply_stops(g, image[2], length)
    elif image[0] == "radial":
        radius = math.hypot(w / 2, h / 2)
        g = QRadialGradient(QPointF(cx, cy), radius)
        _apply_stops(g, image[1], radius)
    else:
        return
    if path is not None:
        p.fillPath(path, QBrush(g))
    else:
        p.fillRect(rect, QBrush(g))
