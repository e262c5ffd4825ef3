"""Computed styles: initial values, inheritance and specified → computed conversion.

Lengths compute to px floats (rpx, vw, vh, em, rem resolved), percentages stay ("%", n)
for layout to resolve, keywords such as "auto" stay strings, colours are (r, g, b, a) with
r, g, b ints 0-255 and a a float 0-1.
"""

from __future__ import annotations

from typing import Any, Iterator

from .variables import EMPTY as NO_CUSTOM_PROPS, VARS_KEY
from .viewport import Viewport

SIDES = ("top", "right", "bottom", "left")
BLACK = (0, 0, 0, 1.0)
TRANSPARENT = (0, 0, 0, 0.0)
NORMAL_LINE_HEIGHT = 1.4  # factor used for `line-height: normal`
REM_KEY = "-wxsim-rem"
LH_FACTOR_KEY = "-wxsim-line-height-factor"

INITIAL: dict[str, Any] = {
    "display": "inline", "position": "static", "box-sizing": "content-box",
    "width": "auto", "height": "auto", "min-width": "auto", "min-height": "auto",
    "max-width": "none", "max-height": "none",
    **{f"margin-{s}": 0.0 for s in SIDES}, **{f"padding-{s}": 0.0 for s in SIDES},
    **{f"border-{s}-width": 3.0 for s in SIDES}, **{f"border-{s}-style": "none" for s in SIDES},
    **{f"border-{s}-color": "currentcolor" for s in SIDES},
    **{f"border-{c}-radius": 0.0 for c in ("top-left", "top-right", "bottom-right", "bottom-left")},
    **{s: "auto" for s in SIDES},
    "color": BLACK, "background-color": TRANSPARENT, "opacity": 1.0, "visibility": "visible",
    "font-size": 16.0, "font-weight": 400, "font-family": ("sans-serif",), "font-style": "normal",
    "line-height": 16.0 * NORMAL_LINE_HEIGHT, LH_FACTOR_KEY: NORMAL_LINE_HEIGHT, REM_KEY: 16.0,
    VARS_KEY: NO_CUSTOM_PROPS,
    "text-align": "left", "text-transform": "none", "text-decoration": "none", "white-space": "normal", "word-break": "normal",
    "vertical-align": "baseline",
    "flex-direction": "row", "flex-wrap": "nowrap", "justify-content": "flex-start",
    "align-items": "stretch", "align-self": "auto", "align-content": "stretch",
    "flex-grow": 0.0, "flex-shrink": 1.0, "flex-basis": "auto", "row-gap": 0.0, "column-gap": 0.0,
    "aspect-ratio": "auto", "float": "none", "clear": "none", "z-index": "auto", "overflow-x": "visible", "overflow-y": "visible",
    "content": "normal", "transform": "none", "transform-origin": (("%", 50.0), ("%", 50.0)),
    "box-shadow": "none", "background-image": "none", "mask-image": "none",
    "background-size": "auto", "background-position": (("%", 0.0), ("%", 0.0)),
    "background-repeat": ("repeat", "repeat"),
    "mask-size": "auto", "mask-position": (("%", 0.0), ("%", 0.0)), "mask-repeat": ("repeat", "repeat"),
    "text-overflow": "clip", "-webkit-line-clamp": "none", "-webkit-box-orient": "horizontal",
}

# Properties whose values nest lengths (tuples of steps/layers): converted element-wise.
NESTED_LENGTHS = frozenset({"transform", "transform-origin", "box-shadow", "background-image", "mask-image",
                            "background-size", "background-position", "mask-size", "mask-position"})
_UNITS = ("px", "rpx", "em", "rem", "vw", "vh", "sat", "sar", "sab", "sal", "calc")
_INSET = {"sat": 0, "sar": 1, "sab": 2, "sal": 3}

INHERITED = frozenset({
    "color", "font-size", "font-weight", "font-family", "font-style", "line-height", LH_FACTOR_KEY, REM_KEY,
    VARS_KEY,
    "text-align", "white-space", "visibility", "word-break", "text-transform",
})

LONGHANDS_OF: dict[str, tuple[str, ...]] = {
    "margin": tuple(f"margin-{s}" for s in SIDES),
    "padding": tuple(f"padding-{s}" for s in SIDES),
    "border-width": tuple(f"border-{s}-width" for s in SIDES),
    "border-style": tuple(f"border-{s}-style" for s in SIDES),
    "border-color": tuple(f"border-{s}-color" for s in SIDES),
    "border": tuple(f"border-{s}-{p}" for s in SIDES for p in ("width", "style", "color")),
    **{f"border-{s}": tuple(f"border-{s}-{p}" for p in ("width", "style", "color")) for s in SIDES},
    "border-radius": tuple(f"border-{c}-radius" for c in ("top-left", "top-right", "bottom-right", "bottom-left")),
    "flex": ("flex-grow", "flex-shrink", "flex-basis"),
    "flex-flow": ("flex-direction", "flex-wrap"),
    "gap": ("row-gap", "column-gap"),
    "overflow": ("overflow-x", "overflow-y"),
    "background": ("background-color", "background-image"),
    "mask": ("mask-image",),
    "-webkit-mask": ("mask-image",),
    "-webkit-mask-image": ("mask-image",),
    "text-decoration-line": ("text-decoration",),
    "font": ("font-style", "font-weight", "font-size", "line-height", "font-family"),
    "-webkit-transform": ("transform",),
    "-webkit-transform-origin": ("transform-origin",),
    "transition": ("transition-property", "transition-duration", "transition-timing-function", "transition-delay"),
    "animation": ("animation-name", "animation-duration", "animation-timing-function", "animation-delay",
                  "animation-iteration-count", "animation-direction", "animation-fill-mode", "animation-play-state"),
}

FONT_SIZE_KEYWORDS = {"xx-small": 9.0, "x-small": 10.0, "small": 13.0, "medium": 16.0,
                      "large": 18.0, "x-large": 24.0, "xx-large": 32.0}


class ComputedStyle:
    """An immutable, hashable mapping from CSS property name to computed value."""

    __slots__ = ("_values", "_hash")

    def __init__(self, values: dict[str, Any]):
        self._values = values
        self._hash = hash(tuple(sorted(values.items(), key=lambda kv: kv[0])))

    def get(self, name: str, default: Any = None) -> Any:
        return self._values.get(name, default)

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, ComputedStyle) and self._hash == other._hash
                                 and self._values == other._values)

    def __setattr__(self, name: str, value: Any) -> None:
        if hasattr(self, "_hash"):
            raise AttributeError("ComputedStyle is immutable")
        object.__setattr__(self, name, value)

    def items(self) -> Iterator[tuple[str, Any]]:
        """Public CSS properties only (internal bookkeeping keys are hidden)."""
        return ((k, v) for k, v in self._values.items() if not k.startswith("-wxsim-"))

    def to_dict(self) -> dict[str, Any]:
        return dict(self.items())

    def __repr__(self) -> str:
        diff = {k: v for k, v in self.items() if INITIAL.get(k) != v}
        return f"ComputedStyle({diff})"


def compute_style(cascaded: dict[str, Any], parent: ComputedStyle | None, viewport: Viewport) -> ComputedStyle:
    """Turn cascaded specified values into a ComputedStyle (CSS Cascade 4 §4.4)."""
    values = dict(INITIAL)
    if parent is not None:
        for name in INHERITED:
            values[name] = parent._values[name]
    specified: dict[str, Any] = {}
    for name, value in cascaded.items():
        if value == "inherit":
            source = parent._values if parent is not None else INITIAL
            if name in source:
                values[name] = source[name]
        elif value == "initial" or (value == "unset" and name not in INHERITED):
            if name in INITIAL:  # a property without an initial entry (transition-*, animation-*) is left unset
                values[name] = INITIAL[name]
        elif value != "unset":
            specified[name] = value
    parent_fs = parent._values["font-size"] if parent is not None else 16.0
    if "font-size" in specified:
        values["font-size"] = _font_size(specified.pop("font-size"), parent_fs, values[REM_KEY], viewport)
    if parent is None:
        values[REM_KEY] = values["font-size"]
    fs = values["font-size"]
    if "font-weight" in specified:
        values["font-weight"] = _font_weight(specified.pop("font-weight"), values["font-weight"])
    if "line-height" in specified:
        _set_line_height(values, specified.pop("line-height"), viewport)
    elif values[LH_FACTOR_KEY] is not None:
        values["line-height"] = values[LH_FACTOR_KEY] * fs
    for name, value in specified.items():
        if name == "color" and value == "currentcolor":
            values[name] = parent._values["color"] if parent is not None else BLACK
            continue
        if name in NESTED_LENGTHS:
            values[name] = _deep_lengths(value, fs, values[REM_KEY], viewport)
        elif type(value) is tuple and len(value) == 2:
            values[name] = _length(value, fs, values[REM_KEY], viewport)
        else:
            values[name] = value
    _finish_borders(values)
    if values["display"] in ("-webkit-box", "-webkit-inline-box") or values["-webkit-line-clamp"] != "none":
        _legacy_box(values)
    return ComputedStyle(values)


def _legacy_box(values: dict[str, Any]) -> None:
    """CSS Overflow 4 §4.2: a vertical `-webkit-box` lays out as a block container that honours
    -webkit-line-clamp; a horizontal one as a flex row. Elsewhere the clamp has no effect."""
    display = values["display"]
    vertical = values["-webkit-box-orient"] in ("vertical", "block-axis")
    if display in ("-webkit-box", "-webkit-inline-box"):
        inline = display == "-webkit-inline-box"
        if vertical:
            values["display"] = "inline-block" if inline else "block"
        else:
            values["display"] = "inline-flex" if inline else "flex"
        if vertical:
            return
    values["-webkit-line-clamp"] = "none"


def _length(value: tuple, fs: float, rem: float, vp: Viewport) -> Any:
    """CSS Values 4 §6: absolute and relative lengths to px; percentages stay unresolved."""
    unit, n = value
    if unit == "px":
        return n
    if unit == "rpx":
        return n * vp.rpx
    if unit == "%":
        return value
    if unit == "em":
        return n * fs
    if unit == "rem":
        return n * rem
    if unit == "vw":
        return n * vp.width / 100
    if unit == "vh":
        return n * vp.height / 100
    if unit in _INSET:
        return n * vp.safe_insets[_INSET[unit]]
    if unit == "calc":
        return _calc(n, fs, rem, vp)
    return value


def _calc(terms: tuple, fs: float, rem: float, vp: Viewport) -> Any:
    """CSS Values 4 §10.7: a calc() sum computes to px, or to ("calc", px, pct) when it keeps a
    percentage, which layout or painting resolves once the percentage's basis is known."""
    px = 0.0
    pct = 0.0
    for unit, n in terms:
        if unit == "%":
            pct += n
        else:
            px += _length((unit, n), fs, rem, vp)
    return ("calc", px, pct) if pct else px


def resolve(value: Any, basis: float) -> Any:
    """A computed length with its percentage part resolved against `basis` (px)."""
    if type(value) is tuple:
        if value[0] == "%":
            return basis * value[1] / 100
        if value[0] == "calc":
            return value[1] + basis * value[2] / 100
    return value


def _stops_color(image: Any, color: Any) -> Any:
    """A gradient value with its currentColor stops resolved to `color`."""
    if type(image) is not tuple or image[0] == "url" or not any(c == "currentcolor" for c, _ in image[-1]):
        return image
    return (*image[:-1], tuple((color if c == "currentcolor" else c, pos) for c, pos in image[-1]))


def _deep_lengths(value: Any, fs: float, rem: float, vp: Viewport) -> Any:
    """Convert every (unit, n) length nested in a tuple value; percentages stay."""
    if type(value) is not tuple:
        return value
    if len(value) == 2 and value[0] in _UNITS and isinstance(value[1], (float, tuple)):
        return _length(value, fs, rem, vp)
    return tuple(_deep_lengths(x, fs, rem, vp) for x in value)


def _font_size(value: Any, parent_fs: float, rem: float, vp: Viewport) -> float:
    """CSS Fonts 4 §2.5: em and % are relative to the parent's font size."""
    if isinstance(value, str):
        if value == "smaller":
            return parent_fs / 1.2
        if value == "larger":
            return parent_fs * 1.2
        return FONT_SIZE_KEYWORDS[value]
    return resolve(_length(value, parent_fs, rem, vp), parent_fs)


def _font_weight(value: Any, parent: int) -> int:
    """CSS Fonts 4 §2.2.1: bolder/lighter relative to the inherited weight."""
    if value == "normal":
        return 400
    if value == "bold":
        return 700
    if value == "bolder":
        return 400 if parent < 350 else 700 if parent < 550 else 900
    if value == "lighter":
        return 100 if parent < 550 else 400 if parent < 750 else 700
    return int(value)


def _set_line_height(values: dict[str, Any], value: Any, vp: Viewport) -> None:
    """CSS 2.1 §10.8.1: a number inherits as a factor; lengths and % compute to px."""
    fs = values["font-size"]
    if value == "normal":
        factor: float | None = NORMAL_LINE_HEIGHT
    elif value[0] == "num":
        factor = value[1]
    else:
        factor = None
        values["line-height"] = resolve(_length(value, fs, values[REM_KEY], vp), fs)
    values[LH_FACTOR_KEY] = factor
    if factor is not None:
        values["line-height"] = factor * fs


def _finish_borders(values: dict[str, Any]) -> None:
    """CSS Backgrounds 3 §3.3: width computes to 0 when the style is none/hidden; currentColor resolves."""
    color = values["color"]
    if color == "currentcolor":
        color = values["color"] = BLACK
    for s in SIDES:
        if values[f"border-{s}-style"] in ("none", "hidden"):
            values[f"border-{s}-width"] = 0.0
        if values[f"border-{s}-color"] == "currentcolor":
            values[f"border-{s}-color"] = color
    if values["background-color"] == "currentcolor":
        values["background-color"] = color
    for name in ("background-image", "mask-image"):  # CSS Images 3 §3.5.1: stop colours too
        values[name] = _stops_color(values[name], color)
    shadows = values["box-shadow"]
    if shadows != "none":
        values["box-shadow"] = tuple(sh[:5] + ((color if sh[5] == "currentcolor" else sh[5]),) for sh in shadows)
