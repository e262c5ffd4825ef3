"""transition and its longhands (CSS Transitions 1 §2-3), computed as comma lists.

transition-property: tuple of names ("all" allowed; "none" is an empty tuple);
transition-duration / transition-delay: tuples of ms floats; transition-timing-function:
tuple of easing texts (renderer/anim/timing.py reads them). The animator pairs the lists
the way §2 says: durations, delays and easings repeat to the length of the property list.
"""

from __future__ import annotations

from typing import Any

from . import values as v
from .properties import prop

_EASING_WORDS = ("linear", "ease", "ease-in", "ease-out", "ease-in-out", "step-start", "step-end")


def comma_layers(tokens: list) -> list[list]:
    out: list[list] = [[]]
    for tok in tokens:
        if tok.type == "literal" and tok.value == ",":
            out.append([])
        else:
            out[-1].append(tok)
    return out


def time_ms(tok: Any) -> float | None:
    """CSS Values 4 §7.3 <time>: s or ms (a bare 0 is allowed, as browsers do)."""
    if tok.type == "dimension" and tok.lower_unit in ("s", "ms"):
        return float(tok.value) * (1000.0 if tok.lower_unit == "s" else 1.0)
    if tok.type == "number" and tok.value == 0:
        return 0.0
    return None


def easing_text(tok: Any) -> str | None:
    kw = v.keyword(tok)
    if kw in _EASING_WORDS:
        return kw
    if tok.type == "function" and tok.lower_name in ("cubic-bezier", "steps"):
        return tok.serialize().lower()
    return None


@prop("transition-property", "-webkit-transition-property")
def transition_property(tokens: list) -> dict[str, Any] | None:
    names = []
    for layer in comma_layers(tokens):
        if len(layer) != 1 or v.keyword(layer[0]) is None:
            return None
        names.append(v.keyword(layer[0]))
    if names == ["none"]:
        return {"transition-property": ()}
    return {"transition-property": tuple(names)}


def _time_list(name: str) -> Any:
    def validate(tokens: list) -> dict[str, Any] | None:
        out = []
        for layer in comma_layers(tokens):
            t = time_ms(layer[0]) if len(layer) == 1 else None
            if t is None:
                return None
            out.append(t)
        return {name: tuple(out)}
    return validate


prop("transition-duration", "-webkit-transition-duration")(_time_list("transition-duration"))
prop("transition-delay", "-webkit-transition-delay")(_time_list("transition-delay"))


@prop("transition-timing-function", "-webkit-transition-timing-function")
def transition_timing(tokens: list) -> dict[str, Any] | None:
    out = []
    for layer in comma_layers(tokens):
        e = easing_text(layer[0]) if len(layer) == 1 else None
        if e is None:
            return None
        out.append(e)
    return {"transition-timing-function": tuple(out)}


@prop("transition", "-webkit-transition")
def transition(tokens: list) -> dict[str, Any] | None:
    """§3: [property || duration || easing || delay]#; the first time is the duration."""
    names, durations, easings, delays = [], [], [], []
    for layer in comma_layers(tokens):
        name, times, easing = None, [], None
        for tok in layer:
            t = time_ms(tok)
            e = easing_text(tok) if t is None else None
            if t is not None and len(times) < 2:
                times.append(t)
            elif e is not None and easing is None:
                easing = e
            elif v.keyword(tok) is not None and name is None:
                name = v.keyword(tok)
            else:
                return None
        names.append(name or "all")
        durations.append(times[0] if times else 0.0)
        delays.append(times[1] if len(times) > 1 else 0.0)
        easings.append(easing or "ease")
    props = () if names == ["none"] else tuple(names)
    return {"transition-property": props, "transition-duration": tuple(durations),
            "transition-timing-function": tuple(easings), "transition-delay": tuple(delays)}
