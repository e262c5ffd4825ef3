"""Timing functions (CSS Easing 1): the keywords WeChat's animations accept, cubic-bezier() and steps()."""

from __future__ import annotations

import re
from typing import Callable

Easing = Callable[[float], float]

_KEYWORDS = {
    "ease": (0.25, 0.1, 0.25, 1.0),
    "ease-in": (0.42, 0.0, 1.0, 1.0),
    "ease-out": (0.0, 0.0, 0.58, 1.0),
    "ease-in-out": (0.42, 0.0, 0.58, 1.0),
}
_BEZIER = re.compile(r"cubic-bezier\(\s*([-\d.e]+)\s*,\s*([-\d.e]+)\s*,\s*([-\d.e]+)\s*,\s*([-\d.e]+)\s*\)$")
_STEPS = re.compile(r"steps\(\s*(\d+)\s*(?:,\s*([a-z-]+)\s*)?\)$")


def linear(t: float) -> float:
    return t


def cubic_bezier(x1: float, y1: float, x2: float, y2: float) -> Easing:
    """CSS Easing 1 §3.2: y for the x = t of the curve through (0,0), (x1,y1), (x2,y2), (1,1)."""

    def coord(s: float, a: float, b: float) -> float:
        return 3 * a * s * (1 - s) ** 2 + 3 * b * s * s * (1 - s) + s ** 3

    def ease(t: float) -> float:
        if t <= 0.0 or t >= 1.0:
            return min(max(t, 0.0), 1.0)
        lo, hi, s = 0.0, 1.0, t
        for _ in range(8):  # Newton's method, falling back to bisection below
            x = coord(s, x1, x2) - t
            if abs(x) < 1e-7:
                return coord(s, y1, y2)
            d = 3 * x1 * (1 - s) ** 2 + 6 * (x2 - x1) * s * (1 - s) + 3 * (1 - x2) * s * s
            if abs(d) < 1e-6:
                break
            s -= x / d
            if not 0.0 <= s <= 1.0:
                break
        s = t
        for _ in range(40):
            x = coord(s, x1, x2)
            if abs(x - t) < 1e-7:
                break
            lo, hi = (s, hi) if x < t else (lo, s)
            s = (lo + hi) / 2
        return coord(s, y1, y2)

    return ease


def steps(count: int, position: str = "end") -> Easing:
    """CSS Easing 1 §3.3: `count` equal jumps at the start or the end of each interval."""
    count = max(1, count)
    jump_start = position in ("start", "jump-start")

    def ease(t: float) -> float:
        if t >= 1.0:
            return 1.0
        if t <= 0.0 and not jump_start:
            return 0.0
        n = int(t * count) + (1 if jump_start else 0)
        return min(n / count, 1.0)

    return ease


def easing(name: str | None) -> Easing:
    """The easing function named `name`; unknown names are linear."""
    text = (name or "linear").strip().lower()
    if text in _KEYWORDS:
        return cubic_bezier(*_KEYWORDS[text])
    if text == "step-start":
        return steps(1, "start")
    if text == "step-end":
        return steps(1, "end")
    m = _BEZIER.match(text)
    if m:
        return cubic_bezier(*(float(g) for g in m.groups()))
    m = _STEPS.match(text)
    if m:
        return steps(int(m.group(1)), m.group(2) or "end")
    return linear


def is_known(name: str) -> bool:
    text = name.strip().lower()
    return text in ("linear", "step-start", "step-end") or text in _KEYWORDS or bool(
        _BEZIER.match(text) or _STEPS.match(text))
