"""Gradient backgrounds (CSS Images 3 §3.1 linear-gradient(), §3.2 radial-gradient()).

A gradient computes to ("linear", angle in degrees, stops) or ("radial", stops), stops being
((r, g, b, a), position) with position a px float, ("%", n) or None (spread evenly when
painted, §3.5.3). Radial gradients are painted as a centred circle reaching the farthest
corner (the default `farthest-corner` ellipse drawn circular); their shape arguments are
accepted and otherwise ignored.
"""

from __future__ import annotations

import math
from typing import Any

from . import values as v
from .properties import prop

_SIDES = {"top": 0.0, "right": 90.0, "bottom": 180.0, "left": 270.0}
_ANGLE = {"deg": 1.0, "rad": 180.0 / math.pi, "grad": 0.9, "turn": 360.0}


def _split(tokens: list) -> list[list]:
    groups: list[list] = [[]]
    for tok in tokens:
        if tok.type == "literal" and tok.value == ",":
            groups.append([])
        elif tok.type not in ("whitespace", "comment"):
            groups[-1].append(tok)
    return groups


def _direction(group: list) -> float | None:
    """§3.1: <angle> | to <side-or-corner>."""
    if len(group) == 1 and group[0].type == "dimension" and group[0].lower_unit in _ANGLE:
        return float(group[0].value) * _ANGLE[group[0].lower_unit]
    words = [v.keyword(t) for t in group]
    if len(words) in (2, 3) and words[0] == "to" and all(w in _SIDES for w in words[1:]):
        if len(words) == 2:
            return _SIDES[words[1]]
        ys = [w for w in words[1:] if w in ("top", "bottom")]
        xs = [w for w in words[1:] if w in ("left", "right")]
        if len(xs) != 1 or len(ys) != 1:
            return None
        return {("top", "right"): 45.0, ("bottom", "right"): 135.0, ("bottom", "left"): 225.0,
                ("top", "left"): 315.0}[(ys[0], xs[0])]
    return None


def _stops(groups: list[list]) -> tuple | None:
    """§3.5.1 <color-stop-list>: <color> <length-percentage>{0,2}; hints are not supported."""
    out: list[tuple] = []
    for group in groups:
        if not group or v.color(group[0]) is None or len(group) > 3:
            return None
        color = v.color(group[0])
        positions = [v.length(t) for t in group[1:]]
        if None in positions:
            return None
        for pos in positions or [None]:
            out.append((color, pos))
    return tuple(out) if len(out) >= 2 else None


def gradient(tok: Any) -> tuple | None:
    """A linear-gradient()/radial-gradient() function token (with -webkit- prefixes) or None."""
    if tok.type != "function":
        return None
    name = tok.lower_name.removeprefix("-webkit-")
    groups = _split(tok.arguments)
    if name == "linear-gradient":
        angle = _direction(groups[0]) if groups and groups[0] else None
        stops = _stops(groups[1:] if angle is not None else groups)
        return None if stops is None else ("linear", 180.0 if angle is None else angle, stops)
    if name == "radial-gradient":
        first = groups[0] if groups else []
        shaped = bool(first) and v.color(first[0]) is None
        stops = _stops(groups[1:] if shaped else groups)
        return None if stops is None else ("radial", stops)
    return None


@prop("background-image")
def background_image(tokens: list) -> dict[str, Any] | None:
    """CSS Backgrounds 3 §2.2: none | <image> (one gradient layer; url() images are reported)."""
    if len(tokens) == 1 and v.keyword(tokens[0]) == "none":
        return {"background-image": "none"}
    if len(tokens) == 1:
        g = gradient(tokens[0])
        if g is not None:
            return {"background-image": g}
    return None
