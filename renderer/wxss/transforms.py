"""transform and transform-origin (CSS Transforms 1 §7, §6; 2D plus the flat 3D forms).

A transform computes to a tuple of ("translate", x, y) / ("scale", sx, sy) / ("rotate", deg) /
("skew", ax, ay) / ("matrix", a, b, c, d, e, f) steps with x, y lengths (px after computing, or
("%", n) of the element's own box); the painter and hit testing apply them. 3D functions are
accepted when they are flat in z (translate3d(x, y, 0), scale3d(sx, sy, 1), rotateZ()); a
translateZ() alone moves nothing without perspective, so it is the identity.
"""

from __future__ import annotations

import math
from typing import Any

from . import values as v
from .properties import prop

_ANGLE = {"deg": 1.0, "rad": 180.0 / math.pi, "grad": 0.9, "turn": 360.0}


def _args(fn: Any) -> list:
    return [t for t in fn.arguments if t.type not in ("whitespace", "comment") and not (t.type == "literal" and t.value == ",")]


def _angle(tok: Any) -> float | None:
    if tok.type == "dimension" and tok.lower_unit in _ANGLE:
        return float(tok.value) * _ANGLE[tok.lower_unit]
    if tok.type == "number" and tok.value == 0:
        return 0.0
    return None


def _number(tok: Any) -> float | None:
    if tok.type == "number":
        return float(tok.value)
    if tok.type == "percentage":
        return float(tok.value) / 100
    return None


def _step(fn: Any) -> tuple | None:
    """One transform function (CSS Transforms 1 §12, Transforms 2 §13 for the 3D names)."""
    name, args = fn.lower_name, _args(fn)
    zero = ("px", 0.0)
    lens = [v.length(a) for a in args]
    nums = [_number(a) for a in args]
    if name in ("translate", "translate3d") and 1 <= len(args) <= (2 if name == "translate" else 3) and None not in lens:
        if name == "translate3d" and (len(args) != 3 or lens[2][1] != 0):
            return None
        return ("translate", lens[0], lens[1] if len(lens) > 1 else zero)
    if name in ("translatex", "translatey") and len(args) == 1 and lens[0] is not None:
        return ("translate", lens[0], zero) if name == "translatex" else ("translate", zero, lens[0])
    if name in ("scale", "scale3d") and 1 <= len(args) <= 3 and None not in nums:
        if name == "scale3d" and (len(args) != 3 or nums[2] != 1):
            return None
        return ("scale", nums[0], nums[1] if len(nums) > 1 else nums[0])
    if name in ("scalex", "scaley") and len(args) == 1 and nums[0] is not None:
        return ("scale", nums[0], 1.0) if name == "scalex" else ("scale", 1.0, nums[0])
    if name in ("rotate", "rotatez") and len(args) == 1 and _angle(args[0]) is not None:
        return ("rotate", _angle(args[0]))
    if name == "translatez" and len(args) == 1 and lens[0] is not None:
        return ("translate", zero, zero)
    angles = [_angle(a) for a in args]
    if name == "skew" and 1 <= len(args) <= 2 and None not in angles:
        return ("skew", angles[0], angles[1] if len(angles) > 1 else 0.0)
    if name in ("skewx", "skewy") and len(args) == 1 and angles[0] is not None:
        return ("skew", angles[0], 0.0) if name == "skewx" else ("skew", 0.0, angles[0])
    if name == "matrix" and len(args) == 6 and all(a.type == "number" for a in args):
        return ("matrix", *(float(a.value) for a in args))
    return None


@prop("transform", "-webkit-transform")
def transform(tokens: list) -> dict[str, Any] | None:
    """CSS Transforms 1 §7: none | <transform-function>+."""
    if len(tokens) == 1 and v.keyword(tokens[0]) == "none":
        return {"transform": "none"}
    steps = []
    for tok in tokens:
        step = _step(tok) if tok.type == "function" else None
        if step is None:
            return None
        steps.append(step)
    return {"transform": tuple(steps)} if steps else None


_X = {"left": ("%", 0.0), "center": ("%", 50.0), "right": ("%", 100.0)}
_Y = {"top": ("%", 0.0), "center": ("%", 50.0), "bottom": ("%", 100.0)}


@prop("transform-origin", "-webkit-transform-origin")
def transform_origin(tokens: list) -> dict[str, Any] | None:
    """CSS Transforms 1 §6: one or two positions (keywords or lengths); a z offset is ignored."""
    if not 1 <= len(tokens) <= 3:
        return None
    kws = [v.keyword(t) for t in tokens[:2]]
    if len(tokens) >= 2 and (kws[0] in ("top", "bottom") or kws[1] in ("left", "right")):
        tokens = [tokens[1], tokens[0]]
        kws = kws[::-1]
    x = _X.get(kws[0]) if kws[0] else v.length(tokens[0])
    y = ("%", 50.0) if len(tokens) == 1 else (_Y.get(kws[1]) if kws[1] else v.length(tokens[1]))
    if len(tokens) == 1 and kws[0] in _Y and kws[0] != "center":
        x, y = ("%", 50.0), _Y[kws[0]]
    if x is None or y is None:
        return None
    return {"transform-origin": (x, y)}
