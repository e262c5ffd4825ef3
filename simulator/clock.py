"""Clocks for the simulator's event loop: the wall clock, or a virtual one for replays.

A `VirtualClock` only moves when told to: `Simulator.wait_idle()` jumps it to timers due
within the settle horizon and `Simulator.advance_clock(ms)` runs every timer due in the
next `ms`. JS timers, host timers (toast auto-hide, mock delays) and the logic layer's
`Date.now()` all read it, so a flow gives the same result however fast the machine is.
"""

from __future__ import annotations

import time

# 2024-01-01T00:00:00Z: what `Date.now()` reads at launch in deterministic mode.
DEFAULT_EPOCH_MS = 1_704_067_200_000.0
DEFAULT_SEED = 1


class WallClock:
    """Monotonic milliseconds from the operating system."""

    virtual = False

    def now_ms(self) -> float:
        return time.monotonic() * 1000.0


class VirtualClock:
    """Milliseconds that advance only by `advance_to` / `advance_by`."""

    virtual = True

    def __init__(self, start_ms: float = 0.0):
        self._now = float(start_ms)

    def now_ms(self) -> float:
        return self._now

    def advance_to(self, ms: float) -> None:
        self._now = max(self._now, float(ms))

    def advance_by(self, ms: float) -> None:
        self._now += max(0.0, float(ms))
