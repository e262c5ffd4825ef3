"""One running CSS animation: the timing model of CSS Animations 1 §4 over keyframe timelines.

Local time runs from the moment the element got the animation name, minus the time it spent
paused. From it come the phase (before / active / after the delay and the iterations), the
iteration index and the progress inside the iteration, turned around by
`animation-direction`; `animation-fill-mode` decides whether the before and after phases
show keyframe values. The timelines (keyframe_lines.py) are sampled at that progress with the
engine's `sample`, so per-keyframe timing functions apply between keyframes, as §4.3 says.
`notify` fires animationstart / animationiteration / animationend (at most one iteration event
per frame, as browsers do), with `elapsedTime` in seconds and paused time left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from renderer.anim.keyframe_lines import UNDERLYING, Line
from renderer.anim.track import Track, sample
from renderer.view.nodes import ViewNode
from renderer.wxss.animation_props import DEFAULTS, LONGHANDS
from renderer.wxss.computed import ComputedStyle

Emit = Callable[[ViewNode, str, dict], None]  # (node, event type, detail)


@dataclass(frozen=True)
class AnimationSpec:
    """The animation-* values of one entry of the element's animation-name list."""

    name: str
    duration: float  # ms
    easing: str
    delay: float  # ms, may be negative
    count: float  # iterations, inf for infinite
    direction: str
    fill: str
    paused: bool

    @property
    def active(self) -> float:
        """The active duration (§4.5): duration × iteration count (0 when either is 0)."""
        if self.duration <= 0 or self.count <= 0:
            return 0.0
        return self.duration * self.count


def specs_of(style: ComputedStyle) -> tuple[AnimationSpec, ...]:
    """§4.2: one spec per animation name ("none" entries start nothing); the other lists
    repeat to the length of the name list."""
    names = style.get("animation-name") or ()
    if not names or style.get("display") == "none":
        return ()
    lists = {p: style.get(p) or (DEFAULTS[p],) for p in LONGHANDS}
    out = []
    for i, name in enumerate(names):
        if name == "none":
            continue
        v = {p: lists[p][i % len(lists[p])] for p in LONGHANDS}
        out.append(AnimationSpec(
            name, v["animation-duration"], v["animation-timing-function"], v["animation-delay"],
            v["animation-iteration-count"], v["animation-direction"], v["animation-fill-mode"],
            v["animation-play-state"] == "paused"))
    return tuple(out)


class CssTrack(Track):
    """A CSS animation of one node, driven by the Animator like its other tracks."""

    def __init__(self, node: ViewNode, view: Any, spec: AnimationSpec, lines: dict[str, Line], now: float,
                 base: ComputedStyle, emit: Emit | None = None, rule: Any = None):
        self.node = node
        self.view = view
        self.points = []
        self.raw = None
        self.on_done = None
        self.spec = spec
        self.rule = rule  # the @keyframes rule the lines come from
        self.lines = lines
        self.base = base  # the cascade's style of the node: UNDERLYING points read it
        self.emit = emit
        self.start = now
        self._paused_total = 0.0
        self._paused_at: float | None = now if spec.paused else None
        self._started = False
        self._iteration = 0
        self._ended = False

    # the Animator's view of the track -------------------------------------------------
    @property
    def keep(self) -> bool:  # type: ignore[override]
        """Forwards filling keeps the end values once the animation is over."""
        return self.spec.fill in ("forwards", "both")

    @property
    def end(self) -> float:  # type: ignore[override]
        """When it ends, in ms after `start`; infinite animations and paused ones never do."""
        if self._paused_at is not None or math.isinf(self.spec.count):
            return math.inf
        return self._paused_total + max(0.0, self.spec.delay + self.spec.active)

    def finished(self, now: float) -> bool:
        return self._paused_at is None and self.active_time(now) >= self.spec.active

    def values_at(self, now: float) -> dict[str, Any]:
        progress = self.progress(self.active_time(now))
        if progress is None:
            return {}
        out: dict[str, Any] = {}
        for name, line in self.lines.items():
            if any(v is UNDERLYING for _, v, _ in line):
                own = self.base.get(name)
                line = [(t, own if v is UNDERLYING else v, e) for t, v, e in line]
            out[name] = sample(name, line, progress)
        return out

    # timing --------------------------------------------------------------------------------
    def active_time(self, now: float) -> float:
        """Time since the delay ended (negative before it), paused time left out."""
        at = self._paused_at if self._paused_at is not None else now
        return at - self.start - self._paused_total - self.spec.delay

    def progress(self, active: float) -> float | None:
        """The directed progress inside the current iteration (Web Animations 1 §4.8), or None
        when the animation has no effect (before or after it, without filling)."""
        spec = self.spec
        if active < 0:
            if spec.fill not in ("backwards", "both"):
                return None
            return self._directed(0.0, 0)
        if active >= spec.active:
            if spec.fill not in ("forwards", "both"):
                return None
            overall = spec.count if spec.duration > 0 else 0.0
            if overall > 0 and overall == math.floor(overall):
                return self._directed(1.0, int(overall) - 1)
            return self._directed(overall - math.floor(overall), int(overall))
        overall = active / spec.duration
        index = math.floor(overall)
        return self._directed(overall - index, index)

    def _directed(self, p: float, index: int) -> float:
        direction = self.spec.direction
        if direction == "reverse":
            return 1.0 - p
        if direction == "alternate":
            return p if index % 2 == 0 else 1.0 - p
        if direction == "alternate-reverse":
            return 1.0 - p if index % 2 == 0 else p
        return p

    # control ----------------------------------------------------------------------------------
    def update(self, spec: AnimationSpec, now: float) -> None:
        """New animation-* values for the same name: play state and timing change in place."""
        if spec.paused and self._paused_at is None:
            self._paused_at = now
        elif not spec.paused and self._paused_at is not None:
            self._paused_total += now - self._paused_at
            self._paused_at = None
        self.spec = spec

    def notify(self, now: float) -> None:
        """Fire the events due by `now` (§4.6)."""
        if self.emit is None or self._ended or self._paused_at is not None:
            return
        spec, active = self.spec, self.active_time(now)
        if active < 0:
            return
        if not self._started:
            self._started = True
            self._iteration = math.floor(active / spec.duration) if spec.duration > 0 else 0
            self._fire("animationstart", min(max(-spec.delay, 0.0), spec.active))
        if active >= spec.active:
            self._ended = True
            self._fire("animationend", spec.active)
            return
        index = math.floor(active / spec.duration)
        if index > self._iteration:
            self._iteration = index
            self._fire("animationiteration", index * spec.duration)

    def _fire(self, kind: str, elapsed_ms: float) -> None:
        assert self.emit is not None
        detail = {"animationName": self.spec.name, "elapsedTime": round(elapsed_ms / 1000.0, 6)}
        self.emit(self.node, kind, detail)
