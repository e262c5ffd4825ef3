"""Interpolating computed values (CSS Values 4 §3, Transforms 1 §9, Color 4 §12.3).

Values are the forms `renderer.wxss.computed` produces: px floats, ("%", n), colours
(r, g, b, a), transform step tuples. Pairs that cannot be interpolated flip at the midpoint,
as discrete animation does.
"""

from __future__ import annotations

import math
from typing import Any

_IDENTITY = {"translate": (0.0, 0.0), "scale": (1.0, 1.0), "rotate": (0.0,), "skew": (0.0, 0.0),
             "matrix": (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)}


def _num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _is_color(v: Any) -> bool:
    return type(v) is tuple and len(v) == 4 and all(_num(x) for x in v)


def _length(a: Any, b: Any, t: float) -> Any:
    if _num(a) and _num(b):
        return a + (b - a) * t
    if type(a) is tuple and type(b) is tuple and len(a) == len(b) == 2 and a[0] == b[0] and _num(a[1]) and _num(b[1]):
        return (a[0], a[1] + (b[1] - a[1]) * t)
    return None


def _px_pct(v: Any) -> tuple[float, float] | None:
    """A px, percentage or calc() length as (px, percent); None for anything else."""
    if _num(v):
        return (float(v), 0.0)
    if type(v) is tuple and len(v) == 2 and v[0] == "%" and _num(v[1]):
        return (0.0, float(v[1]))
    if type(v) is tuple and len(v) == 3 and v[0] == "calc":
        return (float(v[1]), float(v[2]))
    return None


def _mixed_length(a: Any, b: Any, t: float) -> Any:
    """CSS Values 4 §3.1: px and % interpolate as the calc() sum of both parts, which layout
    resolves against the containing block (renderer/wxss/computed.py `("calc", px, pct)`)."""
    pa, pb = _px_pct(a), _px_pct(b)
    if pa is None or pb is None:
        return None
    px, pct = pa[0] + (pb[0] - pa[0]) * t, pa[1] + (pb[1] - pa[1]) * t
    return ("calc", px, pct) if pct else px


def _color(a: tuple, b: tuple, t: float) -> tuple:
    """Premultiplied-alpha interpolation in sRGB."""
    alpha = a[3] + (b[3] - a[3]) * t
    if alpha <= 0:
        return (0, 0, 0, 0.0)
    chans = tuple(round(min(255.0, max(0.0, (a[i] * a[3] + (b[i] * b[3] - a[i] * a[3]) * t) / alpha))) for i in range(3))
    return chans + (round(alpha, 4),)


def _pad(steps: tuple, like: tuple) -> tuple:
    """`steps` extended with identity functions of the kinds `like` has beyond it."""
    return steps + tuple((s[0],) + _IDENTITY[s[0]] for s in like[len(steps):] if s[0] in _IDENTITY)


def _transform(a: Any, b: Any, t: float) -> Any:
    """Transforms 1 §9: same function lists interpolate argument by argument (none counts as
    identity functions); different lists interpolate as matrices."""
    sa = () if a == "none" else a
    sb = () if b == "none" else b
    if not isinstance(sa, tuple) or not isinstance(sb, tuple):
        return None
    if len(sa) < len(sb) and [s[0] for s in sa] == [s[0] for s in sb[:len(sa)]]:
        sa = _pad(sa, sb)
    elif len(sb) < len(sa) and [s[0] for s in sb] == [s[0] for s in sa[:len(sb)]]:
        sb = _pad(sb, sa)
    if [s[0] for s in sa] == [s[0] for s in sb]:
        out = []
        for x, y in zip(sa, sb):
            args = [_length(p, q, t) for p, q in zip(x[1:], y[1:])]
            if None in args or len(x) != len(y):
                return None
            out.append((x[0],) + tuple(args))
        return tuple(out) if out else "none"
    ma, mb = to_matrix(sa), to_matrix(sb)
    if ma is None or mb is None:
        return None
    return (("matrix",) + tuple(p + (q - p) * t for p, q in zip(ma, mb)),)


def to_matrix(steps: tuple) -> tuple | None:
    """The 2D matrix (a, b, c, d, e, f) of a step list with px lengths; None with percentages."""
    m = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    for s in steps:
        kind, args = s[0], s[1:]
        if kind == "translate":
            if not (_num(args[0]) and _num(args[1])):
                return None
            n = (1.0, 0.0, 0.0, 1.0, float(args[0]), float(args[1]))
        elif kind == "scale":
            n = (args[0], 0.0, 0.0, args[1], 0.0, 0.0)
        elif kind == "rotate":
            r = math.radians(args[0])
            n = (math.cos(r), math.sin(r), -math.sin(r), math.cos(r), 0.0, 0.0)
        elif kind == "skew":
            n = (1.0, math.tan(math.radians(args[1])), math.tan(math.radians(args[0])), 1.0, 0.0, 0.0)
        elif kind == "matrix":
            n = tuple(float(x) for x in args)
        else:
            return None
        a, b, c, d, e, f = m
        m = (a * n[0] + c * n[1], b * n[0] + d * n[1], a * n[2] + c * n[3], b * n[2] + d * n[3],
             a * n[4] + c * n[5] + e, b * n[4] + d * n[5] + f)
    return m


def mix(name: str, a: Any, b: Any, t: float) -> Any:
    """The value of property `name` at progress `t` (0..1, may overshoot) from `a` to `b`."""
    if t == 0.0:
        return a
    if t == 1.0:
        return b
    if name == "transform":
        out = _transform(a, b, t)
    elif _is_color(a) and _is_color(b):
        out = _color(a, b, t)
    elif name == "visibility" and "visible" in (a, b):
        out = a if t <= 0.0 else b if t >= 1.0 else "visible"  # Web Animations 1 §5.3: visible in between
    else:
        out = _length(a, b, t)
        if out is None:
            out = _mixed_length(a, b, t)
        if out is not None and name == "opacity":
            out = min(1.0, max(0.0, out))
    if out is None:
        return a if t < 0.5 else b
    return out
