"""Where a simulated media playhead is, read from the simulator's clock.

wxsim decodes no audio or video, so a player is only a position that moves at `rate` seconds
per second while playing. Reading it from the clock (instead of counting ticks) keeps it
exact under a virtual clock and honest under the wall clock, however late a timer fires.
"""

from __future__ import annotations

from collections.abc import Callable

Clock = Callable[[], float]  # milliseconds


class Timeline:
    """A playhead over `duration` seconds: play, pause, seek, rate; wraps when `loop`."""

    def __init__(self, clock: Clock, duration: float = 0.0):
        self._clock = clock
        self.duration = max(0.0, float(duration))
        self.rate = 1.0
        self._loop = False
        self._pos = 0.0
        self._since: float | None = None  # clock ms when the playhead last left `_pos`

    @property
    def playing(self) -> bool:
        return self._since is not None

    @property
    def loop(self) -> bool:
        return self._loop

    @loop.setter
    def loop(self, value: bool) -> None:
        self._rebase()
        self._loop = bool(value)

    def position(self) -> float:
        """Seconds from the start; held at the end unless looping."""
        if self._since is None:
            return self._pos
        pos = self._pos + (self._clock() - self._since) / 1000.0 * self.rate
        if self.duration <= 0 or pos < self.duration:
            return pos
        return pos % self.duration if self._loop else self.duration

    def at_end(self) -> bool:
        return self.duration > 0 and not self._loop and self.position() >= self.duration

    def play(self) -> None:
        if self._since is None:
            self._since = self._clock()

    def pause(self) -> None:
        if self._since is not None:
            self._pos = self.position()
            self._since = None

    def seek(self, seconds: float) -> None:
        limit = self.duration if self.duration > 0 else float("inf")
        self._pos = max(0.0, min(float(seconds), limit))
        if self._since is not None:
            self._since = self._clock()

    def set_rate(self, rate: float) -> None:
        self._rebase()
        self.rate = rate if rate > 0 else 1.0

    def ms_to_end(self) -> float | None:
        """Clock milliseconds until the end is reached; None when paused, looping or unbounded."""
        if self._since is None or self._loop or self.duration <= 0:
            return None
        return max(0.0, (self.duration - self.position()) / self.rate * 1000.0)

    def _rebase(self) -> None:
        if self._since is not None:
            self._pos = self.position()
            self._since = self._clock()
