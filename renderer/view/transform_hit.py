"""Hit testing through CSS transforms: a page point mapped into an element's untransformed box.

The element's matrix is translate(origin) · functions left to right · translate(-origin)
(CSS Transforms 1 §6-7); percentages in translate() and transform-origin are of the border
box. The inverse of that affine matrix takes a touch point back to layout coordinates.
"""

from __future__ import annotations

import math
from typing import Any

Matrix = tuple[float, float, float, float, float, float]  # a b c d e f: x' = a x + c y + e
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _len(value: Any, basis: float) -> float:
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, tuple):
        if value[0] == "%":
            return basis * value[1] / 100
        if value[0] == "calc":
            return value[1] + basis * value[2] / 100
        if value[0] == "px":
            return float(value[1])
    return 0.0


def _mul(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
            a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def box_matrix(style: Any, x: float, y: float, w: float, h: float) -> Matrix | None:
    """The element's page-space transform, None when it has none."""
    steps = style.get("transform") if style is not None else None
    if not steps or steps == "none":
        return None
    origin = style.get("transform-origin") or (("%", 50.0), ("%", 50.0))
    ox, oy = x + _len(origin[0], w), y + _len(origin[1], h)
    m = (1.0, 0.0, 0.0, 1.0, ox, oy)
    for step in steps:
        if step[0] == "translate":
            m = _mul(m, (1.0, 0.0, 0.0, 1.0, _len(step[1], w), _len(step[2], h)))
        elif step[0] == "scale":
            m = _mul(m, (float(step[1]), 0.0, 0.0, float(step[2]), 0.0, 0.0))
        elif step[0] == "rotate":
            r = math.radians(step[1])
            m = _mul(m, (math.cos(r), math.sin(r), -math.sin(r), math.cos(r), 0.0, 0.0))
        elif step[0] == "skew":
            m = _mul(m, (1.0, math.tan(math.radians(step[2])), math.tan(math.radians(step[1])), 1.0, 0.0, 0.0))
        elif step[0] == "matrix":
            m = _mul(m, tuple(float(n) for n in step[1:7]))
    m = _mul(m, (1.0, 0.0, 0.0, 1.0, -ox, -oy))
    return None if m == IDENTITY else m


def untransform(style: Any, box: Any, x: float, y: float) -> tuple[float, float] | None:
    """(x, y) in the element's layout coordinates; None when the transform is singular
    (scale(0): nothing can be hit)."""
    m = box_matrix(style, box.x, box.y, box.width, box.height)
    if m is None:
        return (x, y)
    a, b, c, d, e, f = m
    det = a * d - b * c
    if abs(det) < 1e-12:
        return None
    px, py = x - e, y - f
    return ((d * px - c * py) / det, (-b * px + a * py) / det)


def to_screen(node: Any, x: float, y: float) -> tuple[float, float]:
    """A point of `node`'s layout box as painted: its own and its ancestors' transforms applied,
    innermost first (the inverse of what hit testing does). A fixed-position box is painted
    apart from its ancestors (renderer/qt/painter.py), so their transforms stop there."""
    while node is not None:
        box = getattr(node, "box", None)
        if box is not None:
            m = box_matrix(node.style, box.x, box.y, box.width, box.height)
            if m is not None:
                a, b, c, d, e, f = m
                x, y = a * x + c * y + e, b * x + d * y + f
        style = getattr(node, "style", None)
        if style is not None and style.get("position") == "fixed":
            break
        node = getattr(node, "parent", None)
    return x, y
