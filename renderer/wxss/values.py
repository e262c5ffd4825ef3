"""Parsing component values (lengths, numbers, colours, keywords) out of tinycss2 tokens.

Specified lengths are kept with their unit, e.g. ("rpx", 32.0), and turned into px when the
style is computed (values.py knows nothing about viewports or fonts).
"""

from __future__ import annotations

import colorsys
from typing import Any

from .calc import CALC_NAMES, ENV_NAMES, math_length
from .colors import NAMED_COLORS

Color = tuple  # (r, g, b, a): r, g, b ints 0-255, a float 0-1

LENGTH_UNITS = ("px", "rpx", "vw", "vh", "em", "rem")


def keyword(tok: Any) -> str | None:
    return tok.lower_value if tok.type == "ident" else None


def length(tok: Any, percent: bool = True, negative: bool = True) -> tuple | None:
    """CSS Values 4 §5-6: <length> / <percentage>; a bare 0 is a length; calc() (§10) and
    env()/constant() safe-area insets as well (renderer/wxss/calc.py)."""
    if tok.type == "function" and (tok.lower_name in CALC_NAMES or tok.lower_name in ENV_NAMES):
        return math_length(tok, lambda t: length(t, percent, True), percent)
    if tok.type == "dimension" and tok.lower_unit in LENGTH_UNITS:
        if not negative and tok.value < 0:
            return None
        return (tok.lower_unit, float(tok.value))
    if tok.type == "percentage" and percent:
        if not negative and tok.value < 0:
            return None
        return ("%", float(tok.value))
    if tok.type == "number" and tok.value == 0:
        return ("px", 0.0)
    return None


def length_or(tok: Any, *keywords: str, percent: bool = True, negative: bool = True) -> Any:
    """A length/percentage or one of `keywords`."""
    kw = keyword(tok)
    if kw is not None:
        return kw if kw in keywords else None
    return length(tok, percent, negative)


def number(tok: Any, negative: bool = True) -> float | None:
    if tok.type == "number" and (negative or tok.value >= 0):
        return float(tok.value)
    return None


def color(tok: Any) -> Color | str | None:
    """CSS Color 4: names, hex, rgb[a](), hsl[a](), transparent, currentColor."""
    if tok.type == "ident":
        name = tok.lower_value
        if name == "currentcolor":
            return "currentcolor"
        if name == "transparent":
            return (0, 0, 0, 0.0)
        return NAMED_COLORS.get(name)
    if tok.type == "hash":
        return _hex(tok.value)
    if tok.type == "function" and tok.lower_name in ("rgb", "rgba", "hsl", "hsla"):
        args = [t for t in tok.arguments if t.type not in ("whitespace", "comment")
                and not (t.type == "literal" and t.value in (",", "/"))]
        if tok.lower_name.startswith("rgb"):
            return _rgb(args)
        return _hsl(args)
    return None


def _hex(h: str) -> Color | None:
    if not all(c in "0123456789abcdefABCDEF" for c in h) or len(h) not in (3, 4, 6, 8):
        return None
    if len(h) in (3, 4):
        h = "".join(c * 2 for c in h)
    r, g, b = int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
    a = int(h[6:8], 16) / 255 if len(h) == 8 else 1.0
    return (r, g, b, round(a, 4))


def _alpha(args: list) -> float | None:
    if len(args) == 3:
        return 1.0
    t = args[3]
    if t.type == "number":
        return max(0.0, min(1.0, float(t.value)))
    if t.type == "percentage":
        return max(0.0, min(1.0, t.value / 100))
    return None


def _rgb(args: list) -> Color | None:
    if len(args) not in (3, 4):
        return None
    chans = []
    for t in args[:3]:
        if t.type == "number":
            chans.append(int(round(max(0, min(255, t.value)))))
        elif t.type == "percentage":
            chans.append(int(round(max(0, min(100, t.value)) * 2.55)))
        else:
            return None
    a = _alpha(args)
    return None if a is None else (chans[0], chans[1], chans[2], a)


def _hsl(args: list) -> Color | None:
    if len(args) not in (3, 4):
        return None
    h, s, l = args[:3]
    if h.type == "dimension" and h.lower_unit == "deg":
        hue = h.value
    elif h.type == "number":
        hue = h.value
    else:
        return None
    if s.type != "percentage" or l.type != "percentage":
        return None
    r, g, b = colorsys.hls_to_rgb((hue % 360) / 360, max(0, min(100, l.value)) / 100, max(0, min(100, s.value)) / 100)
    a = _alpha(args)
    return None if a is None else (int(round(r * 255)), int(round(g * 255)), int(round(b * 255)), a)
