"""Where a simulated `<map>`'s markers, callouts and labels sit, for painting and for taps.

Qt-free, so the painter (renderer/qt/map.py) and hit testing (renderer/view/map_view.py) use
the same rectangles. Marker fields follow WeChat docs 组件/map (marker, marker callout,
marker label): `iconPath` with `width`/`height` (default: the picture's own size; without a
picture wxsim draws a default pin of DEFAULT_PIN px), `anchor` {x, y} (default {0.5, 1}: the
bottom middle of the icon is on the coordinate), `rotate`, `alpha`, `zIndex`; a `callout`
bubble above the icon (`content`, `color`, `fontSize`, `borderRadius`, `borderWidth`,
`borderColor`, `bgColor`, `padding`, `display` BYCLICK or ALWAYS, `textAlign`, `anchorX` /
`anchorY` offsets), a `title` shown like a callout after a tap when there is no callout, and a
`label` whose top-left corner is the coordinate moved by `anchorX`/`anchorY` (or the older
`x`/`y`). Colours are WeChat's `#RRGGBB` or `#RRGGBBAA` (alpha last).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from renderer.view import map_geo

DEFAULT_PIN = (22.0, 32.0)  # px of the pin drawn when a marker has no picture
TAIL = 8.0  # px of a callout's pointer below its bubble
LINE_FACTOR = 1.4  # line height per font size in callouts and labels

Measure = Callable[[str, float], float]  # (text, font size) → width in px
Rgba = tuple[int, int, int, float]


@dataclass
class TextBox:
    """A callout or label: its rectangle (map-local px) and look."""

    rect: tuple[float, float, float, float]
    lines: list[str]
    font_size: float
    color: Rgba
    background: Rgba
    border_width: float
    border_color: Rgba
    radius: float
    padding: float
    align: str
    tail: bool = False  # a callout points down at its marker

    def contains(self, x: float, y: float) -> bool:
        rx, ry, rw, rh = self.rect
        return rx <= x < rx + rw and ry <= y < ry + rh


@dataclass
class MarkerShape:
    """One marker as shown: its coordinate's point, icon rectangle and text boxes."""

    marker_id: Any
    point: tuple[float, float]
    icon: tuple[float, float, float, float]
    src: str
    rotate: float
    alpha: float
    z: float
    order: int  # its place in `markers` (equal zIndex: a later marker is on top)
    callout: TextBox | None = None
    label: TextBox | None = None

    def on_icon(self, x: float, y: float) -> bool:
        ix, iy, iw, ih = self.icon
        return ix <= x < ix + iw and iy <= y < iy + ih


def color(value: Any, default: Rgba) -> Rgba:
    """`#RGB`, `#RRGGBB` or `#RRGGBBAA` (WeChat's map colours put alpha last)."""
    if not isinstance(value, str):
        return default
    text = value.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    try:
        if len(text) == 6:
            return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16), 1.0
        if len(text) == 8:
            return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16), round(int(text[6:8], 16) / 255, 4)
    except ValueError:
        return default
    return default


def coordinate(value: Any) -> float | None:
    """A latitude or longitude given as a number (or a numeric string); None otherwise."""
    found = number(value, math.nan)
    return None if math.isnan(found) else found


def number(value: Any, default: float, rpx: float = 0.5) -> float:
    """A number, or a length string in px / rpx (docs: px unless `rpx` is given)."""
    if isinstance(value, bool) or value is None or value == "":
        return default
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    factor = 1.0
    if text.endswith("rpx"):
        text, factor = text[:-3], rpx
    elif text.endswith("px"):
        text = text[:-2]
    try:
        return float(text) * factor
    except ValueError:
        return default


def shapes(markers: list[dict], positions: dict, opened: set, center: map_geo.Point, scale: float,
           width: float, height: float, icon_size: Callable[[str], tuple[float, float] | None],
           measure: Measure, rpx: float) -> list[MarkerShape]:
    """The markers as shown, bottom first (by `zIndex`, then list order).

    `positions` maps a marker's id to a moved {latitude, longitude, rotate} (translateMarker);
    `opened` holds ids whose BYCLICK callout or title a tap opened."""
    out: list[MarkerShape] = []
    for index, marker in enumerate(markers):
        if not isinstance(marker, dict):
            continue
        moved = positions.get(marker_key(marker.get("id")), {})
        lat = coordinate(moved.get("latitude", marker.get("latitude")))
        lng = coordinate(moved.get("longitude", marker.get("longitude")))
        if lat is None or lng is None:  # a marker without a position is not shown
            continue
        px, py = map_geo.to_local(lat, lng, center, scale, width, height)
        src = marker.get("iconPath") if isinstance(marker.get("iconPath"), str) else ""
        natural = icon_size(src) if src else None
        base_w, base_h = natural or DEFAULT_PIN
        w = number(marker.get("width"), base_w, rpx)
        h = number(marker.get("height"), base_h, rpx)
        anchor = marker.get("anchor") if isinstance(marker.get("anchor"), dict) else {}
        ax, ay = number(anchor.get("x"), 0.5), number(anchor.get("y"), 1.0)
        icon = (px - ax * w, py - ay * h, w, h)
        shape = MarkerShape(marker.get("id"), (px, py), icon, src if natural else "",
                            number(moved.get("rotate", marker.get("rotate")), 0.0),
                            max(0.0, min(1.0, number(marker.get("alpha"), 1.0))), number(marker.get("zIndex"), 0.0),
                            index)
        shape.callout = _callout(marker, shape, opened, measure, rpx)
        shape.label = _label(marker, shape, measure, rpx)
        out.append(shape)
    out.sort(key=lambda s: (s.z, s.order))
    return out


def hit(shapes_: list[MarkerShape], x: float, y: float) -> tuple[str, Any] | None:
    """("callout" | "label" | "marker", marker id) at (x, y), the topmost first: callouts over
    labels over icons, later markers over earlier ones."""
    for kind in ("callout", "label", "marker"):
        for shape in reversed(shapes_):
            box = shape.callout if kind == "callout" else shape.label if kind == "label" else None
            if (box is not None and box.contains(x, y)) or (kind == "marker" and shape.on_icon(x, y)):
                return kind, shape.marker_id
    return None


def marker_key(marker_id: Any) -> Any:
    """A marker id usable as a dict key or set member (an object id by its repr)."""
    return repr(marker_id) if isinstance(marker_id, (dict, list)) else marker_id


def _callout(marker: dict, shape: MarkerShape, opened: set, measure: Measure, rpx: float) -> TextBox | None:
    spec = marker.get("callout") if isinstance(marker.get("callout"), dict) else None
    title = marker.get("title")
    if spec is None:
        if not (isinstance(title, str) and title and marker_key(shape.marker_id) in opened):
            return None
        spec = {"content": title}
    always = str(spec.get("display") or "BYCLICK").upper() == "ALWAYS"
    if not always and marker_key(shape.marker_id) not in opened:
        return None
    box = _text_box(spec, measure, rpx, defaults={"padding": 6.0, "radius": 4.0, "align": "center",
                                                  "background": (255, 255, 255, 1.0)})
    if box is None:
        return None
    _bx, _by, bw, bh = box.rect
    ix, iy, iw, _ih = shape.icon
    left = ix + iw / 2 - bw / 2 + number(spec.get("anchorX"), 0.0, rpx)
    top = iy - TAIL - bh + number(spec.get("anchorY"), 0.0, rpx)
    box.rect, box.tail = (left, top, bw, bh), True
    return box


def _label(marker: dict, shape: MarkerShape, measure: Measure, rpx: float) -> TextBox | None:
    spec = marker.get("label") if isinstance(marker.get("label"), dict) else None
    if spec is None:
        return None
    box = _text_box(spec, measure, rpx, defaults={"padding": 0.0, "radius": 0.0, "align": "left",
                                                  "background": (0, 0, 0, 0.0)})
    if box is None:
        return None
    _x, _y, bw, bh = box.rect
    dx = number(spec.get("anchorX", spec.get("x")), 0.0, rpx)
    dy = number(spec.get("anchorY", spec.get("y")), 0.0, rpx)
    box.rect = (shape.point[0] + dx, shape.point[1] + dy, bw, bh)
    return box


def _text_box(spec: dict, measure: Measure, rpx: float, defaults: dict) -> TextBox | None:
    content = spec.get("content")
    if content is None or content == "":
        return None
    lines = str(content).split("\n")
    size = number(spec.get("fontSize"), 14.0, rpx)
    pad = number(spec.get("padding"), defaults["padding"], rpx)
    border = number(spec.get("borderWidth"), 0.0, rpx)
    width = max(measure(line, size) for line in lines) + 2 * (pad + border)
    height = len(lines) * size * LINE_FACTOR + 2 * (pad + border)
    return TextBox((0.0, 0.0, width, height), lines, size, color(spec.get("color"), (0, 0, 0, 1.0)),
                   color(spec.get("bgColor"), defaults["background"]), border,
                   color(spec.get("borderColor"), (0, 0, 0, 1.0)), number(spec.get("borderRadius"),
                                                                          defaults["radius"], rpx),
                   pad, str(spec.get("textAlign") or defaults["align"]))
