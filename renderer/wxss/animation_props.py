"""animation and its longhands (CSS Animations 1 §4), computed as comma lists.

Every longhand computes to a tuple with one entry per comma-separated layer:
animation-name: names ("none" stays "none"); animation-duration / animation-delay: ms
floats (a delay may be negative); animation-timing-function: easing texts
(renderer/anim/timing.py reads them); animation-iteration-count: floats (`infinite` is
inf); animation-direction / -fill-mode / -play-state: keywords. The number of names decides
how many animations run; the other lists repeat or are cut to that length (§4.2).
The `-webkit-` forms are the same properties.
"""

from __future__ import annotations

from typing import Any

from . import values as v
from .motion_props import comma_layers, easing_text, time_ms
from .properties import prop

DIRECTIONS = ("normal", "reverse", "alternate", "alternate-reverse")
FILL_MODES = ("none", "forwards", "backwards", "both")
PLAY_STATES = ("running", "paused")
LONGHANDS = ("animation-name", "animation-duration", "animation-timing-function", "animation-delay",
             "animation-iteration-count", "animation-direction", "animation-fill-mode",
             "animation-play-state")
DEFAULTS = {"animation-name": "none", "animation-duration": 0.0, "animation-timing-function": "ease",
            "animation-delay": 0.0, "animation-iteration-count": 1.0, "animation-direction": "normal",
            "animation-fill-mode": "none", "animation-play-state": "running"}


def _name(tok: Any) -> str | None:
    """§4.1 <keyframes-name> (an identifier or a string) or none."""
    if tok.type == "ident":
        return "none" if tok.lower_value == "none" else tok.value
    if tok.type == "string" and tok.value:
        return tok.value
    return None


def _count(tok: Any) -> float | None:
    """§4.5 <single-animation-iteration-count>: infinite or a non-negative number."""
    if v.keyword(tok) == "infinite":
        return float("inf")
    if tok.type == "number" and tok.value >= 0:
        return float(tok.value)
    return None


def _duration(tok: Any) -> float | None:
    t = time_ms(tok)
    return t if t is not None and t >= 0 else None


def _keyword_of(allowed: tuple[str, ...]) -> Any:
    return lambda tok: v.keyword(tok) if v.keyword(tok) in allowed else None


def _list(name: str, parse: Any) -> Any:
    """A longhand: one value per comma-separated layer."""
    def validate(tokens: list) -> dict[str, Any] | None:
        out = []
        for layer in comma_layers(tokens):
            value = parse(layer[0]) if len(layer) == 1 else None
            if value is None:
                return None
            out.append(value)
        return {name: tuple(out)}
    return validate


_PARSERS = (("animation-timing-function", easing_text), ("animation-iteration-count", _count),
            ("animation-direction", _keyword_of(DIRECTIONS)),
            ("animation-fill-mode", _keyword_of(FILL_MODES)),
            ("animation-play-state", _keyword_of(PLAY_STATES)), ("animation-name", _name))
for _longhand, _parse in (("animation-duration", _duration), ("animation-delay", time_ms), *_PARSERS):
    prop(_longhand, "-webkit-" + _longhand)(_list(_longhand, _parse))


def _single_animation(layer: list) -> dict[str, Any] | None:
    """§4.9 <single-animation>: the parts in any order; the first time is the duration. A
    keyword that another longhand accepts goes to that longhand unless it already has a value,
    so `animation: linear linear` names an animation "linear"."""
    found: dict[str, Any] = {}
    times: list[float] = []
    for tok in layer:
        t = time_ms(tok)
        if t is not None and len(times) < 2:
            times.append(t)
            continue
        for longhand, parse in _PARSERS:  # the name last: keywords go to the other longhands first
            if longhand not in found and (value := parse(tok)) is not None:
                found[longhand] = value
                break
        else:
            return None
    if times and times[0] < 0:
        return None
    if times:
        found["animation-duration"] = times[0]
    if len(times) > 1:
        found["animation-delay"] = times[1]
    return {name: found.get(name, DEFAULTS[name]) for name in LONGHANDS}


@prop("animation", "-webkit-animation")
def animation(tokens: list) -> dict[str, Any] | None:
    """§4.9: <single-animation>#, each layer setting all eight longhands."""
    parts = comma_layers(tokens)
    if any(not layer for layer in parts):
        return None
    layers = [_single_animation(layer) for layer in parts]
    if any(layer is None for layer in layers):
        return None
    return {name: tuple(layer[name] for layer in layers) for name in LONGHANDS}  # type: ignore[index]
