"""Coordinates: the WGS-84 → GCJ-02 offset Chinese maps use, and getLocation's result fields.

The offset is the published GCJ-02 approximation (Krasovsky ellipsoid); outside mainland China
coordinates are returned unchanged, as WeChat does.
"""

from __future__ import annotations

import math

_A = 6378245.0  # Krasovsky 1940 semi-major axis
_EE = 0.00669342162296594323  # its eccentricity squared


def _outside_china(lat: float, lng: float) -> bool:
    return not (73.66 < lng < 135.05 and 3.86 < lat < 53.55)


def _d_lat(x: float, y: float) -> float:
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r


def _d_lng(x: float, y: float) -> float:
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r


def wgs84_to_gcj02(lat: float, lng: float) -> tuple[float, float]:
    if _outside_china(lat, lng):
        return lat, lng
    d_lat = _d_lat(lng - 105.0, lat - 35.0)
    d_lng = _d_lng(lng - 105.0, lat - 35.0)
    rad = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * math.pi)
    d_lng = (d_lng * 180.0) / (_A / sqrt_magic * math.cos(rad) * math.pi)
    return lat + d_lat, lng + d_lng


def location_result(location: dict, kind: str = "wgs84") -> dict:
    """getLocation's success fields for the simulated WGS-84 `location`, in `kind` coordinates."""
    lat, lng = float(location.get("latitude", 0)), float(location.get("longitude", 0))
    if kind == "gcj02":
        lat, lng = wgs84_to_gcj02(lat, lng)
    accuracy = location.get("accuracy", 65)
    return {
        "latitude": round(lat, 6), "longitude": round(lng, 6),
        "speed": location.get("speed", 0), "accuracy": accuracy,
        "altitude": location.get("altitude", 0),
        "verticalAccuracy": location.get("verticalAccuracy", accuracy),
        "horizontalAccuracy": location.get("horizontalAccuracy", accuracy),
    }
