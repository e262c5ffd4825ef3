"""One small validator per supported property or shorthand, registered by decorator.

A validator receives the declaration's tokens (whitespace and comments removed) and
returns {longhand: specified value} or None when the value is invalid. Each cites the
CSS specification section it follows.
"""

from __future__ import annotations

from typing import Any, Callable

from . import values as v

Validator = Callable[[list], "dict[str, Any] | None"]
VALIDATORS: dict[str, Validator] = {}
SIDES = ("top", "right", "bottom", "left")


# A validator returns {UNSUPPORTED_KEY: True} for a well-formed value wxsim does not implement;
# the declaration is then dropped with a one-time "unsupported value" warning.
UNSUPPORTED_KEY = "-wxsim-unsupported-value"


def prop(*names: str) -> Callable[[Validator], Validator]:
    def register(fn: Validator) -> Validator:
        for name in names:
            VALIDATORS[name] = fn
        return fn
    return register


def single(name: str, parse: Callable[[Any], Any]) -> Validator:
    """A validator for a longhand that takes exactly one component value."""
    def validate(tokens: list) -> dict[str, Any] | None:
        if len(tokens) != 1:
            return None
        value = parse(tokens[0])
        return None if value is None else {name: value}
    return validate


def keywords(*allowed: str) -> Callable[[Any], str | None]:
    return lambda tok: (v.keyword(tok) if v.keyword(tok) in allowed else None)


def _register_single(names: tuple[str, ...], parse: Callable[[Any], Any]) -> None:
    for name in names:
        VALIDATORS[name] = single(name, parse)


def _four_sides(tokens: list, parse: Callable[[Any], Any], template: str) -> dict[str, Any] | None:
    """CSS Box 3 §5 / Backgrounds 3 §4: the 1-4 value top/right/bottom/left expansion."""
    if not 1 <= len(tokens) <= 4:
        return None
    vals = [parse(t) for t in tokens]
    if any(x is None for x in vals):
        return None
    while len(vals) < 4:
        vals.append(vals[{1: 0, 2: 0, 3: 1}[len(vals)]])
    return {template.format(side): val for side, val in zip(SIDES, vals)}


# CSS Sizing 3 §3.1-3.2: width, height, min-*, max-*.
_register_single(("width", "height"), lambda t: v.length_or(t, "auto", negative=False))
_register_single(("min-width", "min-height"), lambda t: v.length_or(t, "auto", negative=False))
_register_single(("max-width", "max-height"), lambda t: v.length_or(t, "none", negative=False))

# CSS Box 3 §5.1 margin longhands, §6.1 padding longhands.
_register_single(tuple(f"margin-{s}" for s in SIDES), lambda t: v.length_or(t, "auto"))
_register_single(tuple(f"padding-{s}" for s in SIDES), lambda t: v.length(t, negative=False))


@prop("margin")
def margin(tokens: list) -> dict[str, Any] | None:
    """CSS Box 3 §5.2 margin shorthand."""
    return _four_sides(tokens, lambda t: v.length_or(t, "auto"), "margin-{}")


@prop("padding")
def padding(tokens: list) -> dict[str, Any] | None:
    """CSS Box 3 §6.2 padding shorthand."""
    return _four_sides(tokens, lambda t: v.length(t, negative=False), "padding-{}")


BORDER_STYLES = ("none", "hidden", "dotted", "dashed", "solid", "double", "groove", "ridge", "inset", "outset")


def border_width(tok: Any) -> Any:
    """CSS Backgrounds 3 §3.3: <line-width> = <length> | thin | medium | thick."""
    kw = v.keyword(tok)
    if kw is not None:
        return {"thin": ("px", 1.0), "medium": ("px", 3.0), "thick": ("px", 5.0)}.get(kw)
    return v.length(tok, percent=False, negative=False)


_register_single(tuple(f"border-{s}-width" for s in SIDES), border_width)
_register_single(tuple(f"border-{s}-style" for s in SIDES), keywords(*BORDER_STYLES))
_register_single(tuple(f"border-{s}-color" for s in SIDES), v.color)


@prop("border-width")
def border_width_all(tokens: list) -> dict[str, Any] | None:
    """CSS Backgrounds 3 §3.3 border-width shorthand."""
    return _four_sides(tokens, border_width, "border-{}-width")


@prop("border-style")
def border_style_all(tokens: list) -> dict[str, Any] | None:
    """CSS Backgrounds 3 §3.2 border-style shorthand."""
    return _four_sides(tokens, keywords(*BORDER_STYLES), "border-{}-style")


@prop("border-color")
def border_color_all(tokens: list) -> dict[str, Any] | None:
    """CSS Backgrounds 3 §3.1 border-color shorthand."""
    return _four_sides(tokens, v.color, "border-{}-color")


def _border_parts(tokens: list) -> tuple | None:
    """CSS Backgrounds 3 §3.4: <line-width> || <line-style> || <color>, any order."""
    if not 1 <= len(tokens) <= 3:
        return None
    width = style = color = None
    for tok in tokens:
        if style is None and v.keyword(tok) in BORDER_STYLES:
            style = v.keyword(tok)
        elif width is None and border_width(tok) is not None:
            width = border_width(tok)
        elif color is None and v.color(tok) is not None:
            color = v.color(tok)
        else:
            return None
    return (width or ("px", 3.0), style or "none", color or "currentcolor")


def _border_side(side: str) -> Validator:
    def validate(tokens: list) -> dict[str, Any] | None:
        parts = _border_parts(tokens)
        if parts is None:
            return None
        return {f"border-{side}-width": parts[0], f"border-{side}-style": parts[1], f"border-{side}-color": parts[2]}
    return validate


for _side in SIDES:
    VALIDATORS[f"border-{_side}"] = _border_side(_side)


@prop("border")
def border(tokens: list) -> dict[str, Any] | None:
    """CSS Backgrounds 3 §3.4 border shorthand: all four sides."""
    out: dict[str, Any] = {}
    for side in SIDES:
        part = _border_side(side)(tokens)
        if part is None:
            return None
        out.update(part)
    return out


CORNERS = ("top-left", "top-right", "bottom-right", "bottom-left")
_register_single(tuple(f"border-{c}-radius" for c in CORNERS), lambda t: v.length(t, negative=False))


@prop("border-radius")
def border_radius(tokens: list) -> dict[str, Any] | None:
    """CSS Backgrounds 3 §5.1 border-radius (circular radii only; an elliptical `/` is rejected)."""
    out = _four_sides(tokens, lambda t: v.length(t, negative=False), "{}")
    if out is None:
        return None
    return {f"border-{c}-radius": out[s] for c, s in zip(CORNERS, SIDES)}


# CSS Box Sizing 3 §4.
_register_single(("box-sizing",), keywords("content-box", "border-box"))
# CSS Color 4 §4.1 color; Backgrounds 3 §2.1 background-color.
_register_single(("color", "background-color"), v.color)


# CSS Fonts 4 §2.5 font-size.
_register_single(("font-size",), lambda t: v.length_or(
    t, "xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "smaller", "larger", negative=False))


def _font_weight(tok: Any) -> Any:
    """CSS Fonts 4 §2.2: normal | bold | bolder | lighter | 1-1000."""
    kw = v.keyword(tok)
    if kw in ("normal", "bold", "bolder", "lighter"):
        return kw
    n = v.number(tok, negative=False)
    return n if n is not None and 1 <= n <= 1000 else None


_register_single(("font-weight",), _font_weight)
_register_single(("font-style",), keywords("normal", "italic", "oblique"))


@prop("font-family")
def font_family(tokens: list) -> dict[str, Any] | None:
    """CSS Fonts 4 §2.1: a comma-separated list of names (kept as a tuple)."""
    names: list[str] = []
    current: list[str] = []
    for tok in tokens:
        if tok.type == "literal" and tok.value == ",":
            if not current:
                return None
            names.append(" ".join(current))
            current = []
        elif tok.type in ("string", "ident"):
            current.append(tok.value)
        else:
            return None
    if not current:
        return None
    names.append(" ".join(current))
    return {"font-family": tuple(names)}


def _line_height(tok: Any) -> Any:
    """CSS Inline 3 §4.3 / CSS 2.1 §10.8.1: normal | <number> | <length> | <percentage>."""
    if v.keyword(tok) == "normal":
        return "normal"
    n = v.number(tok, negative=False)
    if n is not None:
        return ("num", n)
    return v.length(tok, negative=False)


_register_single(("line-height",), _line_height)
# CSS Text 3 §7.1 text-align, §3 white-space, §5.2 word-break; Text Decoration 3 §2.
_register_single(("text-align",), keywords("left", "right", "center", "justify", "start", "end"))
_register_single(("white-space",), lambda t: {"wrap": "normal"}.get(v.keyword(t) or "", None) or keywords(
    "normal", "pre", "nowrap", "pre-wrap", "pre-line", "break-spaces")(t))  # CSS Text 4: `wrap` is `normal`
_register_single(("word-break",), keywords("normal", "break-all", "keep-all", "break-word"))
# CSS 2.1 §10.8.1 vertical-align: a keyword or a (possibly negative) length/percentage.
_register_single(("vertical-align",), lambda t: v.length_or(
    t, "baseline", "top", "middle", "bottom", "text-top", "text-bottom", "sub", "super"))


@prop("text-decoration", "text-decoration-line")
def text_decoration(tokens: list) -> dict[str, Any] | None:
    """CSS Text Decoration 3 §2.1 (line part; a colour/style after it is accepted and ignored)."""
    lines = [v.keyword(t) for t in tokens if v.keyword(t) in ("none", "underline", "overline", "line-through")]
    if not lines:
        return None
    return {"text-decoration": "none" if "none" in lines else " ".join(sorted(set(lines)))}


# CSS Display 3 §2 (the subset WeChat programs use), plus the legacy `-webkit-box` that
# CSS Overflow 4 §4.2 keeps for -webkit-line-clamp (computed.py turns it into block or flex).
_register_single(("display",), keywords("block", "flex", "inline", "inline-block", "none", "inline-flex", "contents",
                                        "-webkit-box", "-webkit-inline-box"))
# CSS Overflow 3 §3.2 text-overflow (one value: the end side); Overflow 4 §4.2 legacy line clamp.
_register_single(("text-overflow",), keywords("clip", "ellipsis"))
_register_single(("-webkit-box-orient",), keywords("horizontal", "vertical", "inline-axis", "block-axis"))


@prop("-webkit-line-clamp")
def line_clamp(tokens: list) -> dict[str, Any] | None:
    """CSS Overflow 4 §4.2: `none` or a positive integer (the number of lines kept)."""
    if len(tokens) != 1:
        return None
    if v.keyword(tokens[0]) == "none":
        return {"-webkit-line-clamp": "none"}
    n = v.number(tokens[0], negative=False)
    if n is None or n < 1 or n != int(n) or getattr(tokens[0], "is_integer", True) is False:
        return None
    return {"-webkit-line-clamp": int(n)}
# CSS Flexbox 1 §5.1 - §8.
_register_single(("flex-direction",), keywords("row", "row-reverse", "column", "column-reverse"))
_register_single(("flex-wrap",), keywords("nowrap", "wrap", "wrap-reverse"))
_ALIGN = ("flex-start", "flex-end", "center", "baseline", "stretch", "start", "end")
_register_single(("justify-content",), keywords(
    "flex-start", "flex-end", "center", "space-between", "space-around", "space-evenly", "start", "end", "left", "right", "normal"))
_register_single(("align-items",), keywords(*_ALIGN, "normal"))
_register_single(("align-self",), keywords("auto", *_ALIGN, "normal"))
_register_single(("align-content",), keywords(
    "flex-start", "flex-end", "center", "space-between", "space-around", "space-evenly", "stretch", "start", "end", "normal"))
_register_single(("flex-grow", "flex-shrink"), lambda t: v.number(t, negative=False))
_register_single(("flex-basis",), lambda t: v.length_or(t, "auto", "content", negative=False))


@prop("flex-flow")
def flex_flow(tokens: list) -> dict[str, Any] | None:
    """CSS Flexbox 1 §5.3: <flex-direction> || <flex-wrap>."""
    out: dict[str, Any] = {}
    for tok in tokens:
        kw = v.keyword(tok)
        if kw in ("row", "row-reverse", "column", "column-reverse") and "flex-direction" not in out:
            out["flex-direction"] = kw
        elif kw in ("nowrap", "wrap", "wrap-reverse") and "flex-wrap" not in out:
            out["flex-wrap"] = kw
        else:
            return None
    return out or None


@prop("flex")
def flex(tokens: list) -> dict[str, Any] | None:
    """CSS Flexbox 1 §7.1: none | auto | [<grow> <shrink>? || <basis>]; a lone number sets basis 0."""
    if len(tokens) == 1 and v.keyword(tokens[0]) in ("none", "auto", "initial"):
        return {"none": {"flex-grow": 0.0, "flex-shrink": 0.0, "flex-basis": "auto"},
                "auto": {"flex-grow": 1.0, "flex-shrink": 1.0, "flex-basis": "auto"},
                "initial": {"flex-grow": 0.0, "flex-shrink": 1.0, "flex-basis": "auto"}}[v.keyword(tokens[0])]
    nums = [v.number(t, negative=False) for t in tokens]
    basis = [v.length_or(t, "auto", "content", negative=False) for t in tokens]
    grow, shrink, base = None, None, None
    for tok, n, b in zip(tokens, nums, basis):
        if n is not None and not (tok.type == "number" and tok.value == 0 and grow is not None and shrink is not None):
            if grow is None:
                grow = n
            elif shrink is None:
                shrink = n
            else:
                return None
        elif b is not None and base is None:
            base = b
        else:
            return None
    if grow is None and base is None:
        return None
    return {"flex-grow": 1.0 if grow is None else grow, "flex-shrink": 1.0 if shrink is None else shrink,
            "flex-basis": ("px", 0.0) if base is None else base}


_register_single(("row-gap", "column-gap"), lambda t: v.length_or(t, "normal", negative=False))


@prop("gap")
def gap(tokens: list) -> dict[str, Any] | None:
    """CSS Box Alignment 3 §8.3: <row-gap> <column-gap>?."""
    vals = [v.length_or(t, "normal", negative=False) for t in tokens]
    if not 1 <= len(vals) <= 2 or None in vals:
        return None
    return {"row-gap": vals[0], "column-gap": vals[-1]}


@prop("aspect-ratio")
def aspect_ratio(tokens: list) -> dict[str, Any] | None:
    """CSS Sizing 4 §5.1: auto || <ratio>, a ratio being <number> [ / <number> ]; the computed
    value is the width/height quotient (a ratio with a zero side is degenerate: auto)."""
    toks = [t for t in tokens if v.keyword(t) != "auto"]
    if len(toks) == len(tokens) - 1 and not toks:
        return {"aspect-ratio": "auto"}
    if len(toks) == 1:
        w, h = v.number(toks[0], negative=False), 1.0
    elif len(toks) == 3 and toks[1].type == "literal" and toks[1].value == "/":
        w, h = v.number(toks[0], negative=False), v.number(toks[2], negative=False)
    else:
        return None
    if w is None or h is None:
        return None
    return {"aspect-ratio": w / h if w > 0 and h > 0 else "auto"}


# CSS Text 3 §2.1 text-transform (full-width and full-size-kana are not applied).
_register_single(("text-transform",), keywords("none", "uppercase", "lowercase", "capitalize"))
# CSS 2.1 §9.5.1 float, §9.5.2 clear (laid out as renderer/layout/engine.py `floats` says).
_register_single(("float",), keywords("left", "right", "none"))
_register_single(("clear",), keywords("none", "left", "right", "both"))
# CSS Positioned Layout 3 §2-3, CSS 2.1 §9.9.1 z-index.
_register_single(("position",), keywords("static", "relative", "absolute", "fixed", "sticky"))
_register_single(SIDES, lambda t: v.length_or(t, "auto"))
_register_single(("z-index",), lambda t: "auto" if v.keyword(t) == "auto" else (
    int(t.value) if t.type == "number" and t.is_integer else None))
# CSS Overflow 3 §3.
_OVERFLOW = ("visible", "hidden", "scroll", "auto", "clip")
_register_single(("overflow-x", "overflow-y"), keywords(*_OVERFLOW))


@prop("overflow")
def overflow(tokens: list) -> dict[str, Any] | None:
    """CSS Overflow 3 §3.1: one or two values (x then y)."""
    vals = [keywords(*_OVERFLOW)(t) for t in tokens]
    if not 1 <= len(vals) <= 2 or None in vals:
        return None
    return {"overflow-x": vals[0], "overflow-y": vals[-1]}


def _opacity(tok: Any) -> float | None:
    """CSS Color 4 §11.2: <number> | <percentage>, clamped to [0, 1]."""
    if tok.type == "number":
        return max(0.0, min(1.0, float(tok.value)))
    if tok.type == "percentage":
        return max(0.0, min(1.0, tok.value / 100))
    return None


_register_single(("opacity",), _opacity)
# CSS Display 3 §4.1 visibility.
_register_single(("visibility",), keywords("visible", "hidden", "collapse"))

from . import backgrounds, gradients, paint_props, transforms  # noqa: E402,F401 - registers more validators
