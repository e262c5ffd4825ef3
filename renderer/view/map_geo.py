"""Web-Mercator geometry of the simulated `<map>`: where a coordinate shows, and back.

The map is a projection, not a picture: at zoom level `scale` the whole world is 256·2^scale
CSS px square (the tile pyramid Tencent's, like every web map, uses), the centre coordinate
sits at the centre of the element, north is up (rotate and skew are not simulated). Latitudes
are clamped to ±85.05112878°, where the square ends. Coordinates are used as given (WeChat's
map takes GCJ-02 in mainland China; no conversion happens here).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

TILE = 256.0
MAX_LATITUDE = 85.05112878
EARTH_CIRCUMFERENCE_M = 40075016.686  # at the equator (WGS-84)
MIN_SCALE, MAX_SCALE = 3.0, 20.0  # WeChat docs: scale 3–20

Point = tuple[float, float]  # (latitude, longitude)


def world_size(scale: float) -> float:
    return TILE * 2.0 ** scale


def project(lat: float, lng: float, scale: float) -> tuple[float, float]:
    """World px of a coordinate: x east from 180°W, y south from the top of the square."""
    size = world_size(scale)
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    phi = math.radians(lat)
    x = (lng + 180.0) / 360.0 * size
    y = (0.5 - math.log((1 + math.sin(phi)) / (1 - math.sin(phi))) / (4 * math.pi)) * size
    return x, y


def unproject(x: float, y: float, scale: float) -> Point:
    size = world_size(scale)
    lng = x / size * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / size))))
    return lat, lng


def to_local(lat: float, lng: float, center: Point, scale: float, width: float, height: float) -> tuple[float, float]:
    """Where a coordinate shows in a map of `width`×`height` px centred on `center`."""
    cx, cy = project(center[0], center[1], scale)
    x, y = project(lat, lng, scale)
    return width / 2 + (x - cx), height / 2 + (y - cy)


def from_local(x: float, y: float, center: Point, scale: float, width: float, height: float) -> Point:
    """The coordinate shown at (x, y) of the map."""
    cx, cy = project(center[0], center[1], scale)
    return unproject(cx + x - width / 2, cy + y - height / 2, scale)


def meters_per_px(lat: float, scale: float) -> float:
    return EARTH_CIRCUMFERENCE_M * math.cos(math.radians(lat)) / world_size(scale)


def region(center: Point, scale: float, width: float, height: float) -> dict:
    """MapContext.getRegion's answer: the south-west and north-east corners shown."""
    south, west = from_local(0.0, height, center, scale, width, height)
    north, east = from_local(width, 0.0, center, scale, width, height)
    return {"southwest": {"latitude": south, "longitude": west},
            "northeast": {"latitude": north, "longitude": east}}


def fit(points: Iterable[Point], width: float, height: float, padding: tuple[float, float, float, float],
        low: float = MIN_SCALE, high: float = MAX_SCALE) -> tuple[Point, float] | None:
    """(centre, scale) showing every point inside the map less `padding` (top, right, bottom,
    left); the largest scale within [low, high] that fits. None without points."""
    pts = list(points)
    if not pts:
        return None
    top, right, bottom, left = padding
    room_w, room_h = max(1.0, width - left - right), max(1.0, height - top - bottom)
    xs, ys = zip(*(project(lat, lng, 0.0) for lat, lng in pts))
    span_w, span_h = max(xs) - min(xs), max(ys) - min(ys)
    fits = [high]
    if span_w > 0:
        fits.append(math.log2(room_w / span_w))
    if span_h > 0:
        fits.append(math.log2(room_h / span_h))
    scale = max(low, min(fits))
    k = 2.0 ** scale
    # the middle of the points goes to the middle of the padded room
    mx, my = (max(xs) + min(xs)) / 2 * k, (max(ys) + min(ys)) / 2 * k
    cx, cy = mx - (left + room_w / 2 - width / 2), my - (top + room_h / 2 - height / 2)
    return unproject(cx, cy, scale), scale


def bearing(a: Point, b: Point) -> float:
    """Degrees clockwise from north of the screen direction from `a` to `b`."""
    ax, ay = project(a[0], a[1], 0.0)
    bx, by = project(b[0], b[1], 0.0)
    if (ax, ay) == (bx, by):
        return 0.0
    return math.degrees(math.atan2(bx - ax, ay - by)) % 360.0
