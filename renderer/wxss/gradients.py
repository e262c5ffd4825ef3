"""Gradient images (CSS Images 3 §3.1 linear-gradient(), §3.2 radial-gradient(); CSS Images 4
§3.3 conic-gradient()) for backgrounds and, per CSS Masking 1 §3.2, mask-image.

A gradient computes to ("linear", angle in degrees, stops), ("radial", stops) or
("conic", from-angle in degrees, (x, y) centre, stops), stops being ((r, g, b, a), position)
with position a px float, ("%", n) or None (spread evenly when painted, §3.5.3). A conic
stop's angle is kept as the percentage of a full turn it stands for. Radial gradients are
painted as a centred circle reaching the farthest corner (the default `farthest-corner`
ellipse drawn circular); their shape arguments are accepted and otherwise ignored.
"""

from __future__ import annotations

import math
from typing import Any

from . import values as v

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
    return _towards(words[1:]) if words and words[0] == "to" else None


def _towards(sides: list) -> float | None:
    """The angle of `to <side-or-corner>` for one side or a vertical and a horizontal one."""
    if not 1 <= len(sides) <= 2 or not all(w in _SIDES for w in sides):
        return None
    if len(sides) == 1:
        return _SIDES[sides[0]]
    ys = [w for w in sides if w in ("top", "bottom")]
    xs = [w for w in sides if w in ("left", "right")]
    if len(xs) != 1 or len(ys) != 1:
        return None
    return {("top", "right"): 45.0, ("bottom", "right"): 135.0, ("bottom", "left"): 225.0,
            ("top", "left"): 315.0}[(ys[0], xs[0])]


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


def _angle(tok: Any) -> float | None:
    """CSS Values 4 §7.1 <angle> in degrees; a bare 0 is accepted."""
    if tok.type == "dimension" and tok.lower_unit in _ANGLE:
        return float(tok.value) * _ANGLE[tok.lower_unit]
    if tok.type == "number" and tok.value == 0:
        return 0.0
    return None


_X_KEYS = {"left": 0.0, "center": 50.0, "right": 100.0}
_Y_KEYS = {"top": 0.0, "center": 50.0, "bottom": 100.0}


def _position(group: list) -> tuple | None:
    """CSS Values 4 §9.1 <position>, one or two values (keywords or lengths/percentages)."""
    if not 1 <= len(group) <= 2:
        return None
    words = [v.keyword(t) for t in group]
    if len(group) == 2 and (words[0] in ("top", "bottom") or words[1] in ("left", "right")):
        group, words = group[::-1], words[::-1]  # `top left` means `left top`
    out: list = []
    for tok, word, keys in zip(group, words, (_X_KEYS, _Y_KEYS)):
        value = ("%", keys[word]) if word in keys else v.length(tok)
        if value is None:
            return None
        out.append(value)
    if len(out) == 1:
        out.append(("%", 50.0))
    return tuple(out)


def _conic_prelude(group: list) -> tuple[float, tuple] | None:
    """CSS Images 4 §3.3: [from <angle>]? [at <position>]?."""
    start, centre = 0.0, (("%", 50.0), ("%", 50.0))
    words = [v.keyword(t) for t in group]
    at = words.index("at") if "at" in words else len(group)
    if at < len(group):
        pos = _position(group[at + 1:])
        if pos is None:
            return None
        centre = pos
    head = group[:at]
    if head:
        if len(head) != 2 or words[0] != "from" or _angle(head[1]) is None:
            return None
        start = _angle(head[1]) or 0.0
    return start, centre


def _conic_stops(groups: list[list]) -> tuple | None:
    """§3.5.1 <angular-color-stop-list>: angles become percentages of a turn."""
    out: list[tuple] = []
    for group in groups:
        if not group or v.color(group[0]) is None or len(group) > 3:
            return None
        positions: list = []
        for tok in group[1:]:
            deg = _angle(tok)
            pos = ("%", deg / 3.6) if deg is not None else (("%", float(tok.value)) if tok.type == "percentage" else None)
            if pos is None:
                return None
            positions.append(pos)
        for pos in positions or [None]:
            out.append((v.color(group[0]), pos))
    return tuple(out) if len(out) >= 2 else None


def _legacy_direction(group: list) -> float | None:
    """The prefixed `-webkit-linear-gradient()` form (CSS Images 3 §3.1's note on legacy
    syntax): a side or corner names where the line starts, and 0deg points east with angles
    turning counter-clockwise, so `bottom` is `to top` and `Adeg` is `(90 - A)deg`."""
    if len(group) == 1 and group[0].type == "dimension" and group[0].lower_unit in _ANGLE:
        return (90.0 - float(group[0].value) * _ANGLE[group[0].lower_unit]) % 360.0
    opposite = {"top": "bottom", "bottom": "top", "left": "right", "right": "left"}
    return _towards([opposite.get(v.keyword(t) or "", "") for t in group])


def gradient(tok: Any) -> tuple | None:
    """A linear-/radial-/conic-gradient() function token (with -webkit- prefixes) or None."""
    if tok.type != "function":
        return None
    name = tok.lower_name.removeprefix("-webkit-")
    groups = _split(tok.arguments)
    if name == "linear-gradient":
        direction = _legacy_direction if tok.lower_name.startswith("-webkit-") else _direction
        angle = direction(groups[0]) if groups and groups[0] else None
        stops = _stops(groups[1:] if angle is not None else groups)
        return None if stops is None else ("linear", 180.0 if angle is None else angle, stops)
    if name == "radial-gradient":
        first = groups[0] if groups else []
        shaped = bool(first) and v.color(first[0]) is None
        stops = _stops(groups[1:] if shaped else groups)
        return None if stops is None else ("radial", stops)
    if name == "conic-gradient":
        first = groups[0] if groups else []
        prelude = _conic_prelude(first) if first and v.color(first[0]) is None else None
        if first and v.color(first[0]) is None and prelude is None:
            return None
        stops = _conic_stops(groups[1:] if prelude is not None else groups)
        start, centre = prelude or (0.0, (("%", 50.0), ("%", 50.0)))
        return None if stops is None else ("conic", start, centre, stops)
    return None
