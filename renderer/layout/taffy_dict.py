"""Taffy styles as the plain dicts the native binding reads, built without `stretchable.Style`.

`taffylib.node_create` / `node_set_style` take a dict of 33 fields (the form
`Style.to_dict()` produces). Constructing a `Style` validates every field in Python and
costs about a millisecond, which a first render pays once per distinct style (tens of
milliseconds on a cold start). These helpers give the same dict directly; the values are
stretchable's own enums and length encoding (dim 0 auto, 1 points, 2 percent as a fraction),
and tests/test_taffy_dict.py checks the dicts against `Style(...).to_dict()`.

A style dict is shared by every node with that style and must not be mutated.
"""

from __future__ import annotations

import math
from typing import Any

from stretchable.style import BoxSizing, Display, FlexDirection, FlexWrap, Overflow, Position

AUTO_DIM, POINTS_DIM, PERCENT_DIM = 0, 1, 2
_AUTO = {"dim": AUTO_DIM, "value": math.nan}
_ZERO = {"dim": POINTS_DIM, "value": 0.0}


def auto() -> dict:
    return {"dim": AUTO_DIM, "value": math.nan}


def points(value: float) -> dict:
    return {"dim": POINTS_DIM, "value": value}


def percent(value: float) -> dict:
    """`value` in percent (50 → half), stored as the fraction Taffy takes."""
    return {"dim": PERCENT_DIM, "value": value * 0.01}  # as stretchable's `value * PCT`


def rect(top: dict, right: dict, bottom: dict, left: dict) -> dict:
    return {"top": top, "right": right, "bottom": bottom, "left": left}


def size(width: dict, height: dict) -> dict:
    return {"width": width, "height": height}


def _grid_track() -> dict:
    return {"min_size": _AUTO, "max_size": _AUTO}


# stretchable's defaults for every field (Style().to_dict()); never mutated, only copied.
_DEFAULTS: dict[str, Any] = {
    "display": Display.FLEX,
    "box_sizing": BoxSizing.BORDER,
    "overflow_x": Overflow.VISIBLE,
    "overflow_y": Overflow.VISIBLE,
    "scrollbar_width": 0.0,
    "position": Position.RELATIVE,
    "inset": rect(_AUTO, _AUTO, _AUTO, _AUTO),
    "gap": size(_ZERO, _ZERO),
    "margin": rect(_ZERO, _ZERO, _ZERO, _ZERO),
    "border": rect(_ZERO, _ZERO, _ZERO, _ZERO),
    "padding": rect(_ZERO, _ZERO, _ZERO, _ZERO),
    "size": size(_AUTO, _AUTO),
    "min_size": size(_AUTO, _AUTO),
    "max_size": size(_AUTO, _AUTO),
    "flex_wrap": FlexWrap.NO_WRAP,
    "flex_direction": FlexDirection.ROW,
    "flex_grow": 0.0,
    "flex_shrink": 1.0,
    "flex_basis": _AUTO,
    "grid_template_rows": [{"repetition": -2, "single": _grid_track(), "repeat": []}],
    "grid_template_columns": [{"repetition": -2, "single": _grid_track(), "repeat": []}],
    "grid_auto_rows": [_grid_track()],
    "grid_auto_columns": [_grid_track()],
    "grid_auto_flow": 0,
    "grid_row": {"start": {"kind": 0, "value": 0}, "end": {"kind": 0, "value": 0}},
    "grid_column": {"start": {"kind": 0, "value": 0}, "end": {"kind": 0, "value": 0}},
    "aspect_ratio": None,
    "align_items": None,
    "justify_items": None,
    "align_self": None,
    "justify_self": None,
    "align_content": None,
    "justify_content": None,
}


def style(**fields: Any) -> dict:
    """A full style dict: stretchable's defaults with `fields` (already in dict form) over them."""
    unknown = fields.keys() - _DEFAULTS.keys()
    if unknown:
        raise TypeError(f"unknown Taffy style fields: {sorted(unknown)}")
    out = dict(_DEFAULTS)
    out.update(fields)
    return out
