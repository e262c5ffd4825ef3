"""@keyframes turned into per-property timelines over one iteration (CSS Animations 1 §3).

Each keyframe's declarations are computed against the animated element (its font size and
colour, its parent's inherited values, the viewport; var() from the element's custom
properties), so the timelines hold the same computed values the cascade produces and
`mix` can interpolate them. A timeline is [(offset 0..1, value, easing to the next point)];
a property missing at 0% or 100% gets an `UNDERLYING` point there, the element's value
without the animation, read at every frame. Properties the engine cannot interpolate are
left out and reported once with the declaration's file:line.
"""

from __future__ import annotations

from typing import Any, Callable

from bridge.diagnostics import Diagnostic
from renderer.anim.timing import Easing, easing
from renderer.wxss.computed import SIDES, ComputedStyle, compute_style
from renderer.wxss.keyframes import Keyframes
from renderer.wxss.stylesheet import Declaration, parse_declarations
from renderer.wxss.variables import VARS_KEY, substitute
from renderer.wxss.viewport import Viewport

UNDERLYING = object()  # the element's own value (no keyframe at 0% / 100% for the property)
Line = list[tuple[float, Any, Easing]]

_CORNERS = ("top-left", "top-right", "bottom-right", "bottom-left")
# Computed values of these are numbers, lengths, colours or transform lists: `mix` interpolates them.
INTERPOLATED = frozenset({
    "opacity", "color", "background-color", "transform", "transform-origin",
    "width", "height", "min-width", "min-height", "max-width", "max-height", "font-size", "line-height",
    "flex-grow", "flex-shrink", "flex-basis", "row-gap", "column-gap",
    *SIDES, *(f"margin-{s}" for s in SIDES), *(f"padding-{s}" for s in SIDES),
    *(f"border-{s}-width" for s in SIDES), *(f"border-{s}-color" for s in SIDES),
    *(f"border-{c}-radius" for c in _CORNERS),
})
# Discrete properties (CSS Animations 1 §3 via Web Animations: they flip half way, which `mix`
# does for values it cannot interpolate); `visibility` shows while either end is visible.
DISCRETE = frozenset({"visibility", "z-index", "text-align", "font-weight",
                      "font-style", "justify-content", "align-items", "flex-direction", "overflow-x",
                      "overflow-y", "white-space", "border-top-style", "border-right-style",
                      "border-bottom-style", "border-left-style"})
# Bookkeeping values compute_style derives; never animated on their own.
_DERIVED = frozenset({"-wxsim-line-height-factor", "-wxsim-rem"})

Report = Callable[[tuple, Diagnostic], None]  # (once-key, diagnostic)


def property_lines(rule: Keyframes, default_easing: str, style: ComputedStyle, parent: ComputedStyle | None,
                   viewport: Viewport, report: Report) -> dict[str, Line]:
    """The per-property timelines of `rule` on an element whose un-animated style is `style`."""
    points: dict[str, dict[float, tuple[Any, Easing]]] = {}
    fallback = easing(default_easing)
    for frame in rule.frames:
        ease = easing(frame.easing) if frame.easing else fallback
        values = _frame_values(frame.declarations, style, parent, viewport, rule, report)
        for name, value in values.items():
            points.setdefault(name, {})[frame.offset] = (value, ease)  # §3: a later keyframe wins
    lines: dict[str, Line] = {}
    for name, at in points.items():
        if 0.0 not in at:
            at[0.0] = (UNDERLYING, fallback)
        if 1.0 not in at:
            at[1.0] = (UNDERLYING, fallback)
        lines[name] = [(offset, value, ease) for offset, (value, ease) in sorted(at.items())]
    return lines


def _frame_values(decls: tuple[Declaration, ...], style: ComputedStyle, parent: ComputedStyle | None,
                  vp: Viewport, rule: Keyframes, report: Report) -> dict[str, Any]:
    """Computed values of one keyframe's declarations on the element."""
    cascaded: dict[str, Any] = {"font-size": ("px", style.get("font-size", 16.0)),
                                "color": style.get("color")}
    names: dict[str, Declaration] = {}
    for d in decls:
        longhands = d.longhands if d.raw is None else _substituted(d, style, rule, report)
        for name, value in longhands:
            cascaded[name] = value
            names[name] = d
    computed = compute_style(cascaded, parent, vp)
    out: dict[str, Any] = {}
    for name, d in names.items():
        if name in _DERIVED:
            continue
        if name not in INTERPOLATED and name not in DISCRETE:
            report(("property", rule.name, name), Diagnostic(
                "warning", f"animating '{name}' (@keyframes {rule.name}) is not supported; "
                "the property keeps its un-animated value", d.file, d.line, d.column))
            continue
        value = computed.get(name)
        if value is not None:
            out[name] = value
    return out


def _substituted(d: Declaration, style: ComputedStyle, rule: Keyframes, report: Report) -> tuple:
    """A keyframe declaration using var(): substituted with the element's custom properties."""
    props = style.get(VARS_KEY)
    text = substitute(d.raw or "", props.as_dict() if props is not None else {})
    found: list[Diagnostic] = []
    parsed = parse_declarations(f"{d.name}: {text}", None, found.append,
                                lambda key, msg, *_: found.append(Diagnostic("warning", msg))) if text else ()
    if not parsed or parsed[0].raw is not None:
        report(("var", rule.name, d.name, d.raw), Diagnostic(
            "warning", f"var() in '{d.name}: {d.raw}' (@keyframes {rule.name}) does not resolve on the "
            "animated element; declaration ignored", d.file, d.line, d.column))
        return ()
    return parsed[0].longhands
