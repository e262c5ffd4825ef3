"""Computed styles → Taffy style dicts (`taffy_dict`), one shared dict per distinct style.

A style is built once per distinct ComputedStyle (and layout role) and shared by every node
with that style; the native binding converts a dict each time a node is created or restyled.
"""

from __future__ import annotations

from typing import Any

from stretchable.style import (
    AlignContent,
    AlignItems,
    AlignSelf,
    BoxSizing,
    Display,
    FlexDirection,
    FlexWrap,
    JustifyContent,
    Overflow,
    Position,
)

from .taffy_dict import AUTO_DIM, auto, percent, points, rect, size
from .taffy_dict import style as taffy_style

SIDES = ("top", "right", "bottom", "left")

_JUSTIFY = {"flex-start": JustifyContent.FLEX_START, "start": JustifyContent.START, "left": JustifyContent.START,
            "flex-end": JustifyContent.FLEX_END, "end": JustifyContent.END, "right": JustifyContent.END,
            "center": JustifyContent.CENTER, "space-between": JustifyContent.SPACE_BETWEEN,
            "space-around": JustifyContent.SPACE_AROUND, "space-evenly": JustifyContent.SPACE_EVENLY}
_ALIGN_ITEMS = {"flex-start": AlignItems.FLEX_START, "start": AlignItems.START, "flex-end": AlignItems.FLEX_END,
                "end": AlignItems.END, "center": AlignItems.CENTER, "baseline": AlignItems.BASELINE,
                "stretch": AlignItems.STRETCH, "normal": AlignItems.STRETCH}
_ALIGN_SELF = {k: AlignSelf[v.name] for k, v in _ALIGN_ITEMS.items()}
_ALIGN_CONTENT = {"flex-start": AlignContent.FLEX_START, "start": AlignContent.START,
                  "flex-end": AlignContent.FLEX_END, "end": AlignContent.END, "center": AlignContent.CENTER,
                  "stretch": AlignContent.STRETCH, "space-between": AlignContent.SPACE_BETWEEN,
                  "space-around": AlignContent.SPACE_AROUND, "space-evenly": AlignContent.SPACE_EVENLY}
_DIRECTION = {"row": FlexDirection.ROW, "row-reverse": FlexDirection.ROW_REVERSE,
              "column": FlexDirection.COLUMN, "column-reverse": FlexDirection.COLUMN_REVERSE}
_WRAP = {"nowrap": FlexWrap.NO_WRAP, "wrap": FlexWrap.WRAP, "wrap-reverse": FlexWrap.WRAP_REVERSE}
_OVERFLOW = {"visible": Overflow.VISIBLE, "hidden": Overflow.HIDDEN, "clip": Overflow.CLIP,
             "scroll": Overflow.SCROLL, "auto": Overflow.SCROLL}

_cache: dict[tuple, dict] = {}
CACHE_LIMIT = 20000  # entries kept before the caches start afresh


def length(value: Any) -> Any:
    """A computed length (px float, ("%", n) or a keyword) as a Taffy length.

    A calc() sum that keeps a percentage, ("calc", px, pct), has no Taffy form: unresolved it
    counts as its percentage alone (a first approximation, see `element_style`).
    """
    if type(value) is float or type(value) is int:
        return points(value)
    if type(value) is tuple:
        return percent(value[2]) if value[0] == "calc" else percent(value[1])
    return auto()


def sized(value: Any) -> dict:
    """`length` where Taffy takes no `auto` (padding, gap): a keyword fails as Style did."""
    out = length(value)
    if out["dim"] == AUTO_DIM:
        raise TypeError(f"{value!r}: auto is not supported for padding or gap")
    return out


# Properties whose percentages refer to the containing block's height; every other
# length property of the box model refers to its width (CSS Box 3 §5-6, Sizing 3 §3.1,
# Positioned Layout 3 §3.1, Flexbox 1 §7.3.1 approximated by the width).
_HEIGHT_BASED = frozenset({"height", "min-height", "max-height", "top", "bottom", "row-gap"})


def has_calc(cs: Any) -> bool:
    """Whether a computed style holds a calc() sum that still needs a percentage basis."""
    hit = _calc_styles.get(cs)
    if hit is None:
        if len(_calc_styles) > CACHE_LIMIT:
            _calc_styles.clear()
        hit = _calc_styles[cs] = any(type(v) is tuple and len(v) == 3 and v[0] == "calc" for _, v in cs.items())
    return hit


_calc_styles: dict[Any, bool] = {}


class _Resolved:
    """A computed style seen with its calc() sums resolved against a containing block size."""

    __slots__ = ("cs", "w", "h")

    def __init__(self, cs: Any, w: float, h: float):
        self.cs, self.w, self.h = cs, w, h

    def get(self, name: str, default: Any = None) -> Any:
        value = self.cs.get(name, default)
        if type(value) is tuple and len(value) == 3 and value[0] == "calc":
            basis = self.h if name in _HEIGHT_BASED else self.w
            return value[1] + basis * value[2] / 100
        return value


def element_style(cs: Any, display: str, basis: tuple[float, float] | None = None,
                  line_item: bool = False) -> dict:
    """The Taffy style of an element laid out as `display` ("block", "flex" or "none").

    `basis`: the containing block's (width, height) that calc() percentages resolve against,
    known after a first layout pass (renderer/layout/calc_pass.py).
    `line_item`: the element is an atomic inline in an anonymous line row
    (`anonymous_line_style`); its `vertical-align` then decides its `align-self`.
    """
    key = (cs, display, basis, line_item)
    style = _cache.get(key)
    if style is None:
        if len(_cache) > CACHE_LIMIT:  # an animation makes a new computed style every frame
            _cache.clear()
        style = _cache[key] = _build(cs if basis is None else _Resolved(cs, *basis), display, line_item)
    return style


# CSS 2.1 §10.8.1 on the anonymous line row's cross axis. `top`/`bottom` align with the line
# box's edges and `middle` is approximated by centring in the line. Every other value
# (baseline, text-top, text-bottom, sub, super, lengths) keeps the row's bottom alignment,
# the approximation of baseline alignment used for atomic inlines (see anonymous_line_style).
_VALIGN = {"top": AlignSelf.FLEX_START, "middle": AlignSelf.CENTER, "bottom": AlignSelf.FLEX_END}


def line_align(vertical_align: Any) -> AlignSelf:
    """The `align-self` of an atomic inline in an anonymous line row for its `vertical-align`."""
    return _VALIGN.get(vertical_align, AlignSelf.FLEX_END)


def anonymous_line_style(text_align: str) -> dict:
    """An anonymous line of inline-level boxes: a wrapping row, items aligned at the bottom.

    This approximates CSS inline formatting with atomic inlines (images, inline-blocks, mini
    buttons): baseline alignment is approximated by aligning boxes' bottom edges.
    """
    key = ("line", text_align)
    style = _cache.get(key)
    if style is None:
        justify = {"center": JustifyContent.CENTER, "right": JustifyContent.FLEX_END,
                   "end": JustifyContent.FLEX_END}.get(text_align, JustifyContent.FLEX_START)
        style = _cache[key] = taffy_style(display=Display.FLEX, flex_wrap=FlexWrap.WRAP,
                                          align_items=AlignItems.FLEX_END, justify_content=justify,
                                          size=size(percent(100), auto()))
    return style


def anonymous_block_style() -> dict:
    """An anonymous block box (a paragraph between block siblings)."""
    style = _cache.get(("anon",))
    if style is None:
        style = _cache[("anon",)] = taffy_style(display=Display.BLOCK, flex_shrink=1.0)
    return style


def _build(cs: Any, display: str, line_item: bool = False) -> dict:
    g = cs.get
    position = g("position")
    kwargs: dict[str, Any] = dict(
        display={"none": Display.NONE, "flex": Display.FLEX}.get(display, Display.BLOCK),
        box_sizing=BoxSizing.BORDER if g("box-sizing") == "border-box" else BoxSizing.CONTENT,
        position=Position.ABSOLUTE if position in ("absolute", "fixed") else Position.RELATIVE,
        overflow_x=_OVERFLOW.get(g("overflow-x"), Overflow.VISIBLE),
        overflow_y=_OVERFLOW.get(g("overflow-y"), Overflow.VISIBLE),
        margin=rect(*(length(g(f"margin-{s}")) for s in SIDES)),
        padding=rect(*(sized(g(f"padding-{s}")) for s in SIDES)),
        border=rect(*(points(g(f"border-{s}-width")) for s in SIDES)),
        size=size(length(g("width")), length(g("height"))),
        min_size=size(length(g("min-width")), length(g("min-height"))),
        max_size=size(length(g("max-width")), length(g("max-height"))),
        flex_direction=_DIRECTION[g("flex-direction")], flex_wrap=_WRAP[g("flex-wrap")],
        flex_grow=float(g("flex-grow")), flex_shrink=float(g("flex-shrink")),
        flex_basis=length(g("flex-basis")),
        gap=size(sized(_gap(g("column-gap"))), sized(_gap(g("row-gap")))),
        justify_content=_JUSTIFY.get(g("justify-content")),
        align_items=_ALIGN_ITEMS.get(g("align-items")),
        # In a real flex container vertical-align has no effect (CSS Flexbox 1 §4); in a line
        # row align-self stands for vertical-align (align-self does not apply to inlines).
        align_self=line_align(g("vertical-align")) if line_item else _ALIGN_SELF.get(g("align-self")),
        align_content=_ALIGN_CONTENT.get(g("align-content")),
    )
    side = g("float", "none")
    if line_item and side != "none":  # a float in its line row (renderer/layout/engine.py `floats`)
        kwargs["align_self"] = AlignSelf.FLEX_START  # CSS 2.1 §9.5.1: its top at the line's top
        if side == "right":  # pushed to the end of the line
            kwargs["margin"] = rect(*(length(g(f"margin-{s}")) for s in SIDES[:3]), auto())
    ratio = g("aspect-ratio")
    if type(ratio) is float and "auto" in (g("width"), g("height")):
        kwargs["aspect_ratio"] = ratio  # CSS Sizing 4 §5.1: no effect when both sizes are given
    if position != "static":
        kwargs["inset"] = rect(*(length(g(s)) for s in SIDES))
    return taffy_style(**kwargs)


def _gap(value: Any) -> Any:
    return 0.0 if value == "normal" else value
