"""Painting a `url()` image layer: a background (CSS Backgrounds 3 §3: sized, positioned in the
padding box, repeated, clipped to the rounded border box) or a mask (CSS Masking 1 §3: the same
with the `mask-*` properties, positioned in the border box)."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath

from renderer.qt.style import px, sget

MAX_TILES = 4096  # a 1 px tile over a big box would be a million draws; the rest is dropped


def padding_box(style: Any, rect: QRectF) -> QRectF:
    """§3.8 background-origin's initial value: the padding box (the border box minus borders)."""
    widths = [px(sget(style, f"border-{s}-width"), 0.0, 0.0) if sget(style, f"border-{s}-style", "none")
              not in ("none", "hidden") else 0.0 for s in ("top", "right", "bottom", "left")]
    return rect.adjusted(widths[3], widths[0], -widths[1], -widths[2])


def tile_size(spec: Any, area: QRectF, iw: float, ih: float) -> tuple[float, float]:
    """§3.9 background-size: cover/contain keep the ratio; `auto` sides follow the image's
    natural size, or its ratio when the other side is given."""
    if spec == "cover" or spec == "contain":
        scale = (max if spec == "cover" else min)(area.width() / iw, area.height() / ih)
        return iw * scale, ih * scale
    if not isinstance(spec, tuple):
        return iw, ih
    w = None if spec[0] == "auto" else px(spec[0], area.width(), iw)
    h = None if spec[1] == "auto" else px(spec[1], area.height(), ih)
    if w is None and h is None:
        return iw, ih
    if w is None:
        return h * iw / ih, h
    if h is None:
        return w, w * ih / iw
    return w, h


def anchor(pos: Any, area: QRectF, w: float, h: float) -> tuple[float, float]:
    """§3.6 background-position: a percentage aligns that point of the tile with that point of
    the area; a length offsets the tile's edge."""
    x, y = pos if isinstance(pos, tuple) and len(pos) == 2 else (("%", 0.0), ("%", 0.0))
    return area.x() + px(x, area.width() - w), area.y() + px(y, area.height() - h)


def paint_image_layer(p: QPainter, img: QImage, style: Any, rect: QRectF, clip: QPainterPath | None,
                      kind: str = "background") -> None:
    """Draw `img` as the element's `kind` ("background" or "mask") layer over its border box `rect`."""
    iw, ih = float(img.width()), float(img.height())
    if iw <= 0 or ih <= 0 or rect.isEmpty():
        return
    area = padding_box(style, rect) if kind == "background" else rect  # mask-origin: border-box
    w, h = tile_size(sget(style, f"{kind}-size", "auto"), area, iw, ih)
    if w <= 0 or h <= 0:
        return
    x0, y0 = anchor(sget(style, f"{kind}-position"), area, w, h)
    rx, ry = sget(style, f"{kind}-repeat", ("repeat", "repeat"))
    xs = _starts(x0, w, rect.left(), rect.right()) if rx != "no-repeat" else [x0]
    ys = _starts(y0, h, rect.top(), rect.bottom()) if ry != "no-repeat" else [y0]
    p.save()
    if clip is not None:
        p.setClipPath(clip, Qt.ClipOperation.IntersectClip)
    else:
        p.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    source = QRectF(0, 0, iw, ih)
    for y in ys[:MAX_TILES]:
        for x in xs[:max(1, MAX_TILES // max(1, len(ys)))]:
            p.drawImage(QRectF(x, y, w, h), img, source)
    p.restore()


def _starts(origin: float, step: float, low: float, high: float) -> list[float]:
    """Tile positions covering [low, high) in steps of `step`, one of them at `origin`."""
    first = origin - math.ceil((origin - low) / step) * step
    out, x = [], first
    while x < high and len(out) < MAX_TILES:
        out.append(x)
        x += step
    return out

