"""A track: one animation of one node, as per-property timelines of (time, value, easing).

`Animator` (engine.py) starts tracks, advances them on the simulator's clock and lays their
values over the cascade's result. `sample` evaluates one timeline at a time; CSS animations
(css_track.py) use it on iteration progress instead of milliseconds.
"""

from __future__ import annotations

from typing import Any, Callable

from renderer.anim.mix import mix
from renderer.anim.specs import Targets
from renderer.anim.timing import Easing, linear
from renderer.view.nodes import ViewNode

CURRENT = object()  # a timeline point whose value is the element's value when the track starts


class Track:
    """One animation of one node: per-property timelines, resolved at its first frame."""

    def __init__(self, node: ViewNode, view: Any, points: list[tuple[float, Targets | None, Easing]],
                 keep: bool, on_done: Callable[[], None] | None = None, raw: dict | None = None):
        self.node = node
        self.view = view
        self.points = points  # (time ms, targets or None = the value at start, easing to the next point)
        self.keep = keep
        self.on_done = on_done
        self.raw = raw  # already computed timelines: {name: [(t, value, easing)]} (transitions)
        self.start: float | None = None
        self.lines: dict[str, list[tuple[float, Any, Easing]]] = {}
        self.end = max((p[0] for p in points), default=0.0) if raw is None else \
            max((line[-1][0] for line in raw.values()), default=0.0)

    def begin(self, now: float, current: dict[str, Any], resolve_targets: Callable[[Targets], dict]) -> None:
        """Fix the start time and each property's timeline."""
        self.start = now
        if self.raw is not None:
            self.lines = self.raw
            self.end = max((line[-1][0] for line in self.lines.values()), default=0.0)
            return
        lines: dict[str, list[tuple[float, Any, Easing]]] = {}
        for t, targets, ease in self.points:
            values = resolve_targets(targets) if targets is not None else None
            for name, value in (values or {}).items():
                line = lines.setdefault(name, [])
                if not line or line[0][0] > 0.0:
                    line.insert(0, (0.0, current.get(name), linear))
                line.append((t, value, ease))
            if values is None:  # an explicit "start from here" point for every property
                for line in lines.values():
                    line.append((t, line[-1][1], ease))
        for name, line in lines.items():
            start_value = current.get(name)
            lines[name] = [(t, start_value if v is CURRENT else v, e) for t, v, e in sorted(line, key=lambda p: p[0])]
        self.lines = lines

    def values_at(self, now: float) -> dict[str, Any]:
        elapsed = now - (now if self.start is None else self.start)
        out: dict[str, Any] = {}
        for name, line in self.lines.items():
            out[name] = sample(name, line, elapsed)
        return out

    def notify(self, now: float) -> None:
        """Called after each frame's values are applied (CSS animations fire their events here)."""

    def finished(self, now: float) -> bool:
        return self.start is not None and now - self.start >= self.end


def sample(name: str, line: list[tuple[float, Any, Easing]], t: float) -> Any:
    """The value of one timeline at `t`; at a point's own time its easing already applies
    (a step-start interval shows its end value from its first instant)."""
    if t < line[0][0]:
        return line[0][1]
    for (t0, v0, ease), (t1, v1, _) in zip(line, line[1:]):
        if t < t1:
            span = t1 - t0
            return mix(name, v0, v1, ease((t - t0) / span) if span > 0 else 1.0)
    return line[-1][1]
