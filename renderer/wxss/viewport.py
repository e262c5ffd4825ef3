"""The device viewport that relative units (rpx, vw, vh) are resolved against."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Viewport:
    """Device size in CSS px; WeChat defines 750rpx as the device width."""

    width: float = 375.0
    height: float = 667.0
    pixel_ratio: float = 2.0

    @property
    def rpx(self) -> float:
        """CSS px per rpx."""
        return self.width / 750.0
