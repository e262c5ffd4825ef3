"""Taffy style dicts built directly (renderer/layout/taffy_dict.py) equal stretchable's own
`Style(...).to_dict()` for the same computed styles, so the engine sees the same input."""

from __future__ import annotations

import itertools
import json

import pytest
from stretchable.style import (
    AUTO,
    PCT,
    PT,
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
    Rect,
    Size,
    Style,
)

from renderer.layout import taffy_dict, taffy_style
from renderer.layout.engine import _viewport_style
from renderer.wxss.computed import INITIAL

SIDES = ("top", "right", "bottom", "left")


def _dump(d: dict) -> str:
    return json.dumps(d, sort_keys=True)


def _ref_length(value):
    if type(value) is float or type(value) is int:
        return value * PT
    if type(value) is tuple:
        return value[2] * PCT if value[0] == "calc" else value[1] * PCT
    return AUTO


def _reference(cs: dict, display: str, line_item: bool) -> dict:
    """The same computed style through stretchable's validated Style object."""
    g = cs.get
    position = g("position")
    kwargs = dict(
        display={"none": Display.NONE, "flex": Display.FLEX}.get(display, Display.BLOCK),
        box_sizing=BoxSizing.BORDER if g("box-sizing") == "border-box" else BoxSizing.CONTENT,
        position=Position.ABSOLUTE if position in ("absolute", "fixed") else Position.RELATIVE,
        overflow_x=taffy_style._OVERFLOW.get(g("overflow-x"), Overflow.VISIBLE),
        overflow_y=taffy_style._OVERFLOW.get(g("overflow-y"), Overflow.VISIBLE),
        margin=Rect(*(_ref_length(g(f"margin-{s}")) for s in SIDES)),
        padding=Rect(*(_ref_length(g(f"padding-{s}")) for s in SIDES)),
        border=Rect(*(g(f"border-{s}-width") * PT for s in SIDES)),
        size=Size(width=_ref_length(g("width")), height=_ref_length(g("height"))),
        min_size=Size(width=_ref_length(g("min-width")), height=_ref_length(g("min-height"))),
        max_size=Size(width=_ref_length(g("max-width")), height=_ref_length(g("max-height"))),
        flex_direction=taffy_style._DIRECTION[g("flex-direction")], flex_wrap=taffy_style._WRAP[g("flex-wrap")],
        flex_grow=float(g("flex-grow")), flex_shrink=float(g("flex-shrink")),
        flex_basis=_ref_length(g("flex-basis")),
        gap=Size(width=_ref_length(taffy_style._gap(g("column-gap"))),
                 height=_ref_length(taffy_style._gap(g("row-gap")))),
        justify_content=taffy_style._JUSTIFY.get(g("justify-content")),
        align_items=taffy_style._ALIGN_ITEMS.get(g("align-items")),
        align_self=(taffy_style.line_align(g("vertical-align")) if line_item
                    else taffy_style._ALIGN_SELF.get(g("align-self"))),
        align_content=taffy_style._ALIGN_CONTENT.get(g("align-content")),
    )
    ratio = g("aspect-ratio")
    if type(ratio) is float and "auto" in (g("width"), g("height")):
        kwargs["aspect_ratio"] = ratio
    if position != "static":
        kwargs["inset"] = Rect(*(_ref_length(g(s)) for s in SIDES))
    return Style(**kwargs).to_dict()


class _Cs(dict):
    """A computed style stand-in: initial values with some properties set."""

    def __init__(self, **props):
        super().__init__({k: v for k, v in INITIAL.items()})
        self.update({k.replace("_", "-"): v for k, v in props.items()})


VARIANTS = [
    {},
    dict(width=120.0, height=("%", 50.0), padding_top=8.0, padding_left=("%", 12.5), margin_left="auto"),
    dict(position="absolute", top=0.0, right=("%", 10.0), bottom="auto", left=3.5, box_sizing="border-box"),
    dict(position="fixed", bottom=0.0, left=0.0, right=0.0, height=30.0, overflow_x="hidden", overflow_y="scroll"),
    dict(position="relative", top=2.0, min_width=("%", 33.3), max_height=240.0, flex_grow=1.0, flex_shrink=0.0),
    dict(flex_direction="column", flex_wrap="wrap", justify_content="space-between", align_items="center",
         align_content="space-around", align_self="flex-end", flex_basis=("%", 25.0)),
    dict(flex_direction="row-reverse", column_gap=12.0, row_gap=("%", 5.0), justify_content="center"),
    dict(aspect_ratio=1.5, width=100.0, vertical_align="middle", border_top_width=1.0, border_left_width=2.0),
    dict(width=("calc", 10.0, 50.0), margin_top=("calc", -4.0, 10.0), overflow_x="auto", align_items="baseline"),
]


@pytest.mark.parametrize("props,display,line_item",
                         list(itertools.product(VARIANTS, ("block", "flex", "none"), (False, True))))
def test_element_style_dict_matches_stretchable(props, display, line_item):
    cs = _Cs(**props)
    assert _dump(taffy_style._build(cs, display, line_item)) == _dump(_reference(cs, display, line_item))


def test_defaults_and_anonymous_styles_match_stretchable():
    assert _dump(taffy_dict.style()) == _dump(Style().to_dict())
    assert _dump(taffy_style.anonymous_block_style()) == _dump(Style(display=Display.BLOCK, flex_shrink=1.0).to_dict())
    for align, justify in (("left", JustifyContent.FLEX_START), ("center", JustifyContent.CENTER),
                           ("right", JustifyContent.FLEX_END)):
        ref = Style(display=Display.FLEX, flex_wrap=FlexWrap.WRAP, align_items=AlignItems.FLEX_END,
                    justify_content=justify, size=Size(width=100 * PCT, height=AUTO)).to_dict()
        assert _dump(taffy_style.anonymous_line_style(align)) == _dump(ref)
    ref = Style(display=Display.BLOCK, size=Size(width=375.0 * PT, height=667.0 * PT)).to_dict()
    assert _dump(_viewport_style(375.0, 667.0)) == _dump(ref)


def test_padding_auto_still_fails():
    with pytest.raises(TypeError):
        taffy_style._build(_Cs(padding_top="auto"), "block")
    assert FlexDirection.ROW == 0 and AlignSelf.CENTER and AlignContent.STRETCH  # enums used as values
