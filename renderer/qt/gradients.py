"""Painting gradient images (CSS Images 3 §3.1-3.2, §3.5 colour stops; CSS Images 4 §3.3
conic gradients) as backgrounds and as alpha masks (CSS Masking 1 §3.2).

The gradient line of a linear gradient passes through the box centre at the gradient's
angle (0deg points up, clockwise) and is long enough that its ends touch the box's
corners: |w sin a| + |h cos a| (§3.1.1). Stops without a position are spread evenly
between their neighbours (§3.5.3). A conic gradient starts at its `from` angle measured
from 12 o'clock and runs clockwise, while QConicalGradient starts at 3 o'clock and runs
counter-clockwise: the start becomes 90deg - from and each stop t is placed at 1 - t.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QGradient, QImage, QLinearGradient, QPaintDevice,
                           QPainter, QPainterPath, QPixmap, QRadialGradient)

from renderer.qt.style import px, qcolor


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


def _placed(stops: tuple, length: float) -> list[tuple[float, QColor]]:
    """Stops at their own positions on a [0, 1] line (clamped), first and last colours padding
    the ends; a hard stop is nudged apart since Qt merges stops at equal positions."""
    placed: list[tuple[float, QColor]] = []
    for (color, _), f in zip(stops, _fractions(stops, length)):
        c = qcolor(color)
        if c is None:
            continue
        t = min(1.0, max(0.0, f))
        if placed and t <= placed[-1][0]:
            t = min(1.0, placed[-1][0] + 1e-4)
        placed.append((t, c))
    if placed and placed[0][0] > 0.0:
        placed.insert(0, (0.0, placed[0][1]))
    if placed and placed[-1][0] < 1.0:
        placed.append((1.0, placed[-1][1]))
    return placed


def _conic(image: tuple, rect: QRectF) -> QConicalGradient:
    """CSS Images 4 §3.3 as a QConicalGradient (stops clamped to one turn)."""
    _, start, (x, y), stops = image
    centre = QPointF(rect.x() + px(x, rect.width()), rect.y() + px(y, rect.height()))
    g = QConicalGradient(centre, 90.0 - start)
    for t, c in _placed(stops, 1.0):
        g.setColorAt(1.0 - t, c)
    return g


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
        for t, c in _placed(image[1], radius):  # the radius stays: stops keep their own places
            g.setColorAt(t, c)
    elif image[0] == "conic":
        g = _conic(image, rect)
    else:
        return
    if path is not None:
        p.fillPath(path, QBrush(g))
    else:
        p.fillRect(rect, QBrush(g))


def blank_layer(device: QPaintDevice) -> QImage:
    """A transparent image covering `device` pixel for pixel (same device pixel ratio)."""
    ratio = device.devicePixelRatio()
    if isinstance(device, (QImage, QPixmap)):  # sized in device pixels already
        w, h = device.width(), device.height()
    else:  # widgets report logical sizes
        w, h = math.ceil(device.width() * ratio), math.ceil(device.height() * ratio)
    image = QImage(max(1, w), max(1, h), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    return image


def apply_mask(layer: QPainter, image: Any, rect: QRectF,
               draw: Callable[[QPainter], None] | None = None) -> None:
    """CSS Masking 1 §3.2: keep what `layer` holds only as far as the mask drawn over the border
    box `rect` is opaque (alpha mask): the gradient `image`, or what `draw` paints (a url()
    image layer); outside the box nothing is kept."""
    mask = blank_layer(layer.device())
    mp = QPainter(mask)
    mp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    mp.setTransform(layer.transform())
    if draw is not None:
        draw(mp)
    else:
        paint_gradient(mp, image, rect, None)
    mp.end()
    layer.save()
    layer.resetTransform()
    layer.setClipping(False)
    layer.setOpacity(1.0)
    layer.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
    layer.drawImage(QPointF(0, 0), mask)
    layer.restore()
