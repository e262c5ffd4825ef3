"""Device profiles (assets/devices.json): screen, status bar, safe area and capsule of a phone."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path

DEVICES_FILE = Path(__file__).resolve().parents[2] / "assets" / "devices.json"


@lru_cache(maxsize=1)
def _read() -> dict:
    return json.loads(DEVICES_FILE.read_text(encoding="utf-8"))


def load_devices() -> dict[str, dict]:
    """Name → profile (a fresh copy; each profile also carries its `name`)."""
    devices = copy.deepcopy(_read()["devices"])
    for name, profile in devices.items():
        profile["name"] = name
    return devices


def default_device() -> dict:
    return load_devices()[_read()["default"]]


def find_device(name: str | None) -> dict | None:
    """A profile by exact name, else by case-insensitive substring ("iphone 12", "pixel"); None if unknown."""
    if not name:
        return default_device()
    devices = load_devices()
    if name in devices:
        return devices[name]
    wanted = name.lower()
    for key, profile in devices.items():
        if wanted in key.lower():
            return profile
    return None
