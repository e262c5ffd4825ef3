"""The device viewport that relative units (rpx, vw, vh) and safe-area insets are resolved against."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Viewport:
    """Device size in CSS px; WeChat defines 750rpx as the device width.

    `safe_insets` (top, right, bottom, left) are the distances from the screen edges to the
    device's safe area, what `env(safe-area-inset-*)` gives (CSS Environment Variables 1 §2).
    """

    width: float = 375.0
    height: float = 667.0
    pixel_ratio: float = 2.0
    safe_insets: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)

    @property
    def rpx(self) -> float:
        """CSS px per rpx."""
        return self.width / 750.0

    @staticmethod
    def safe_insets_of(profile: dict) -> tuple[float, float, float, float]:
        """The insets of a device profile's `safeArea` (assets/devices.json)."""
        area = profile.get("safeArea")
        if not area:
            return (0.0, 0.0, 0.0, 0.0)
        w, h = float(profile["screenWidth"]), float(profile["screenHeight"])
        return (float(area["top"]), max(0.0, w - float(area["right"])),
                max(0.0, h - float(area["bottom"])), float(area["left"]))
