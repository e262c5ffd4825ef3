"""A simulated media element: loads a source, plays it on a `Timeline`, reports what happens.

Shared by `<video>` / `<audio>` (renderer/view/media_element.py) and InnerAudioContext /
the background audio manager (bridge/api/audio.py), which turn the events below into
WeChat's own names and details:

- `canplay` once the source "loaded" (at the next turn of the event loop: `schedule(0)`),
  `error` instead when the source is bad (`MediaSource.error`);
- `play`, `pause`, `stop` (detail `{"wasPlaying"}`), `seeking` then `seeked` then `timeupdate`;
- `timeupdate` every `TICK_MS` of clock time while playing, counted from the last play or seek,
  so a virtual clock gives the same positions every run;
- at the end `timeupdate` and `ended` (not when looping: the playhead wraps, as HTML media does).

Nothing here keeps the simulator busy: the ticks are ordinary timers 250 ms apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from renderer.view.media_timeline import Clock, Timeline

TICK_MS = 250.0  # WeChat's timeupdate interval
DEFAULT_DURATION = 60.0  # seconds, when neither the page nor "$simulate" says
DEFAULT_SIZE = (1280, 720)

Schedule = Callable[[float, Callable[[], Any]], Any]
Emit = Callable[[str, dict], None]


@dataclass(frozen=True)
class MediaSource:
    """What wxsim assumes about a `src` it cannot decode: duration, picture size, or an error."""

    src: str
    duration: float = DEFAULT_DURATION
    width: int = DEFAULT_SIZE[0]
    height: int = DEFAULT_SIZE[1]
    error: tuple[int, str] | None = None  # (WeChat errCode, what went wrong)


class MediaPlayer:
    """One simulated player; `emit(event, detail)` reports its events (see the module doc)."""

    def __init__(self, clock: Clock, schedule: Schedule, emit: Emit, alive: Callable[[], bool] | None = None):
        self.timeline = Timeline(clock)
        self._clock = clock
        self._schedule = schedule
        self._emit = emit
        self._alive = alive or (lambda: True)
        self.source: MediaSource | None = None
        self.ready = False
        self.autoplay = False
        self.start_time = 0.0
        self.played = False  # played since the source loaded (or the last stop): the poster is gone
        self.failed = False  # the source could not be loaded
        self.destroyed = False
        self._want_play = False
        self._gen = 0  # bumped to cancel the scheduled ticks and loads

    # --- reading ------------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return self.timeline.playing

    @property
    def duration(self) -> float:
        return self.timeline.duration if self.ready else 0.0

    def current_time(self) -> float:
        return round(self.timeline.position(), 6)

    def state(self) -> dict:
        """The fields InnerAudioContext exposes: duration, currentTime, paused, buffered."""
        return {"duration": round(self.duration, 6), "currentTime": self.current_time(),
                "paused": not self.playing, "buffered": round(self.duration, 6)}

    # --- control ----------------------------------------------------------------------------------
    def load(self, source: MediaSource | None) -> None:
        """Take a new source (None: no src); it loads at the next turn of the event loop."""
        self._gen += 1
        self.timeline.pause()
        self.timeline.seek(0)
        self.source, self.ready, self.played, self.failed = source, False, False, False
        self._want_play = self._want_play and source is not None
        if source is None or self.destroyed:
            return
        gen = self._gen
        self._schedule(0, lambda: self._loaded(gen))

    def play(self) -> None:
        if self.destroyed:
            return
        if self.failed:  # playing a bad source again reports the error again
            self._fail()
            return
        if not self.ready:
            self._want_play = True
            return
        if self.playing:
            return
        if self.timeline.at_end():  # after `ended`, playing starts over
            self.timeline.seek(0)
        self.timeline.play()
        self.played = True
        self._emit("play", {})
        self._arm()

    def pause(self) -> None:
        self._want_play = False
        if self.destroyed or not self.playing:
            return
        self.timeline.pause()
        self._gen += 1
        self._emit("pause", {})

    def stop(self) -> None:
        """Back to the start (WeChat: playing again starts over), the poster shows again."""
        self._want_play = False
        if self.destroyed or not self.ready:
            return
        was = self.playing
        self.timeline.pause()
        self.timeline.seek(0)
        self._gen += 1
        self.played = False
        self._emit("stop", {"wasPlaying": was})

    def seek(self, seconds: Any) -> None:
        if self.destroyed or not isinstance(seconds, (int, float)) or isinstance(seconds, bool):
            return
        if not self.ready:
            self.start_time = max(0.0, float(seconds))
            return
        self._emit("seeking", {})
        self.timeline.seek(float(seconds))
        self._emit("seeked", {"position": self.current_time()})
        self._emit("timeupdate", {})
        if self.playing:
            self._arm()

    def set_rate(self, rate: Any) -> None:
        if isinstance(rate, (int, float)) and not isinstance(rate, bool) and rate > 0:
            self.timeline.set_rate(float(rate))
            if self.playing:
                self._arm()

    def set_loop(self, loop: bool) -> None:
        if loop != self.timeline.loop:
            self.timeline.loop = loop
            if self.playing:
                self._arm()

    def set_duration(self, seconds: float) -> None:
        """The page's `duration` attribute changed after loading."""
        if seconds > 0 and seconds != self.timeline.duration:
            self.timeline.duration = seconds
            if self.playing:
                self._arm()

    def destroy(self) -> None:
        self.destroyed = True
        self.timeline.pause()
        self._gen += 1

    # --- the clock ----------------------------------------------------------------------------------
    def _loaded(self, gen: int) -> None:
        if gen != self._gen or self.destroyed:
            return
        source = self.source
        if source is None:
            return
        if source.error is not None:
            self.failed = True
            self._fail()
            return
        self.timeline.duration = max(0.0, source.duration)
        self.timeline.seek(self.start_time)
        self.ready = True
        self._emit("canplay", {})
        if self._want_play or self.autoplay:
            self._want_play = False
            self.play()

    def _fail(self) -> None:
        self._want_play = False
        code, message = self.source.error if self.source and self.source.error else (-1, "unknown error")
        self._emit("error", {"errCode": code, "message": message})

    def _arm(self) -> None:
        """(Re)start the timeupdate ticks and the end-of-media timer from now."""
        self._gen += 1
        gen, anchor = self._gen, self._clock()

        def tick(n: int) -> None:
            if gen != self._gen or not self.playing:
                return
            if not self._alive():
                self.destroy()
                return
            self._emit("timeupdate", {})
            nxt = n + 1
            while anchor + nxt * TICK_MS <= self._clock():  # a late timer: no burst of stale ticks
                nxt += 1
            self._schedule(anchor + nxt * TICK_MS - self._clock(), lambda: tick(nxt))

        remaining = self.timeline.ms_to_end()
        if remaining is not None:  # first: at the same time as a tick, the end wins
            self._schedule(remaining, lambda: self._ended(gen))
        self._schedule(TICK_MS, lambda: tick(1))

    def _ended(self, gen: int) -> None:
        if gen != self._gen or not self.playing:
            return
        self.timeline.pause()
        self.timeline.seek(self.timeline.duration)
        self._gen += 1
        if not self._alive():
            self.destroy()
            return
        self._emit("timeupdate", {})
        self._emit("ended", {})
