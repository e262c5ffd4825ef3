"""CSS transforms at paint time: the computed `transform` as a QTransform about its origin.

CSS Transforms 1 §6-7: the element's transformation matrix is translate(origin) ·
transform functions left to right · translate(-origin); percentages in translate() and in
transform-origin are of the element's border box.
"""

from __future__ import annotations

import math

from typing import Any

from PySide6.QtGui import QTransform

from renderer.qt.style import px, sget


def box_transform(style: Any, x: float, y: float, w: float, h: float) -> QTransform | None:
    """The page-space transform of a box at (x, y, w, h); None when it has none."""
    steps = sget(style, "transform", "none")
    if steps == "none" or not steps:
        return None
    origin = sget(style, "transform-origin", (("%", 50.0), ("%", 50.0)))
    ox, oy = x + px(origin[0], w), y + px(origin[1], h)
    t = QTransform()
    t.translate(ox, oy)
    for step in steps:
        if step[0] == "translate":
            t.translate(px(step[1], w), px(step[2], h))
        elif step[0] == "scale":
            t.scale(step[1], step[2])
        elif step[0] == "rotate":
            t.rotate(step[1])
        elif step[0] == "skew":  # CSS Transforms 1 §12: [1 tan(ax); tan(ay) 1]
            t = QTransform(1.0, math.tan(math.radians(step[2])), math.tan(math.radians(step[1])), 1.0, 0.0, 0.0) * t
        elif step[0] == "matrix":  # matrix(a, b, c, d, e, f): x' = ax + cy + e, y' = bx + dy + f
            t = QTransform(*(float(n) for n in step[1:7])) * t
    t.translate(-ox, -oy)
    return None if t.isIdentity() else t
