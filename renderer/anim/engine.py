"""The animator: running animations per node, advanced by the simulator's clock.

Every animated element gets a style layer (property → computed value) that the page view
lays over the cascade's result (`overlay`), above inline style. A track holds, per property,
a timeline of (time, value, easing to the next point); `tick(now)` evaluates the timelines,
writes the layer and marks the node for restyle. Animation data (`animation` attribute) and
`this.animate` keep their end values in the layer (until `clear`), transitions hand the
property back to the cascade when they end, and @keyframes animations (css_animations.py) follow
the cascade's animation-* values.
"""

from __future__ import annotations

import time
import weakref
from typing import Any, Callable

from renderer.anim.css_animations import CssAnimations
from renderer.anim.css_track import CssTrack
from renderer.anim.specs import Targets, from_action, from_keyframe, resolve
from renderer.anim.timing import Easing, easing, linear
from renderer.anim.track import Track
from renderer.view.nodes import ViewNode, mark_changed
from renderer.wxss.computed import INHERITED, ComputedStyle

FRAME_MS = 16.0
SETTLE_LIMIT_MS = 5000.0  # wait_idle waits for animations up to this long
FRAME_LOOP_LIMIT = 8  # frames in a row that re-request a frame before it counts as background work


class Animator:
    """All running animations of one simulator (shared by its page views)."""

    def __init__(self, clock: Callable[[], float] | None = None, report: Callable[[Any], None] | None = None):
        self.clock = clock or (lambda: time.monotonic() * 1000.0)
        self.report = report
        self.viewport: Any = None
        self.tracks: list[Track] = []
        self._layers: "weakref.WeakKeyDictionary[ViewNode, dict[str, Any]]" = weakref.WeakKeyDictionary()
        self._bases: "weakref.WeakKeyDictionary[ViewNode, ComputedStyle]" = weakref.WeakKeyDictionary()
        self._applied: "weakref.WeakKeyDictionary[ViewNode, Any]" = weakref.WeakKeyDictionary()
        self._inherit_from: "weakref.WeakKeyDictionary[ViewNode, ComputedStyle]" = weakref.WeakKeyDictionary()
        self._last_frame: float | None = None
        self.frame_requests: list[Callable[[float], None]] = []  # requestAnimationFrame callbacks
        self._frame_streak = 0  # consecutive frames that requested another frame
        self.css = CssAnimations(self)  # @keyframes animations named by the cascade

    # starting ----------------------------------------------------------------
    def add(self, track: Track) -> None:
        """Run `track`; properties it animates are taken from older tracks of the same node.

        CSS animations share instead: each writes its values every frame, later ones on top.
        """
        names = _names(track)
        for old in self.tracks:
            if isinstance(old, CssTrack) or isinstance(track, CssTrack):
                continue
            if old.node is track.node and old.start is None and old.raw is None:
                continue
            if old.node is track.node:
                for name in names & set(old.lines):
                    del old.lines[name]
        self.tracks.append(track)
        self._last_frame = None  # the next pump draws a frame at once

    def play_actions(self, view: Any, node: ViewNode, data: Any) -> None:
        """An `animation` attribute: the exported groups run one after another."""
        actions = data.get("actions") if isinstance(data, dict) else None
        if not isinstance(actions, list) or not actions:
            return
        points: list[tuple[float, Targets | None, Easing]] = []
        t = 0.0
        for action in actions:
            if not isinstance(action, dict):
                continue
            option = action.get("option") or {}
            tr = option.get("transition") or {}
            duration, delay = _ms(tr.get("duration"), 400.0), _ms(tr.get("delay"), 0.0)
            targets = from_action(action.get("animates") or [])
            if option.get("transformOrigin"):
                targets.origin = str(option["transformOrigin"])
            ease = easing(tr.get("timingFunction") or "linear")
            points.append((t + delay, None, ease))  # hold until the delay is over
            t += delay + duration
            points.append((t, targets, linear))
        self.add(_StepTrack(node, view, points))

    def play_keyframes(self, view: Any, node: ViewNode, keyframes: list, duration: float,
                       on_done: Callable[[], None] | None = None) -> None:
        """this.animate: keyframes with optional offset (0-1) and ease, over `duration` ms."""
        frames = [f for f in keyframes if isinstance(f, dict)]
        n = len(frames)
        points: list[tuple[float, Targets | None, Easing]] = []
        for i, frame in enumerate(frames):
            offset = frame.get("offset")
            if not isinstance(offset, (int, float)):
                offset = (i / (n - 1)) if n > 1 else 1.0
            points.append((float(offset) * duration, from_keyframe(frame), easing(frame.get("ease") or "linear")))
        self.add(Track(node, view, points, keep=True, on_done=on_done))

    def clear(self, node: ViewNode, view: Any, names: set[str] | None = None) -> None:
        """this.clearAnimation: stop the node's animations and drop their values (all, or `names`).
        CSS animations are the cascade's: they keep running."""
        for track in [t for t in self.tracks if t.node is node and not isinstance(t, CssTrack)]:
            for name in list(track.lines) if names is None else names & set(track.lines):
                track.lines.pop(name, None)
            if not track.lines or names is None:
                self.tracks.remove(track)
                if track.on_done is not None:
                    track.on_done()
        layer = self._layers.get(node)
        if layer:
            for name in list(layer) if names is None else names & set(layer):
                layer.pop(name, None)
        self._touch(node, view)

    # the view's hooks -----------------------------------------------------------
    def scan(self, view: Any, root: ViewNode, since: int) -> None:
        """Start animations whose `animation` attribute changed (subtrees changed after `since`)."""
        stack = [root]
        while stack:
            node = stack.pop()
            if node.changed_at <= since:
                continue
            stack.extend(node.children)
            data = node.attrs.get("animation") if node.attrs else None
            if data is None and (not self._applied.data or node not in self._applied):
                continue  # (an empty weak dictionary is not asked: each lookup builds a weak reference)
            if self._applied.get(node) != data:
                self._applied[node] = data
                if data:
                    self.play_actions(view, node, data)

    def overlay(self, node: ViewNode, base: ComputedStyle, shown: Any, view: Any) -> ComputedStyle:
        """The style to show: the cascade's `base` with the node's animated values on top.

        `shown` is what the node showed before; a change of the cascade's value of a property
        listed in `transition-property` starts a transition from the shown value, and the
        animation-* values start, adjust or stop the node's CSS animations.
        """
        self.css.update(node, base, view)
        # (the weak dictionaries are tested for emptiness first, on their underlying `data`
        # dict: a lookup builds a weak reference and len() is a Python call, and most pages
        # animate nothing while thousands of nodes are styled)
        layer = self._layers.get(node) if self._layers.data else None
        if base.get("transition-property"):
            old = self._bases.get(node)
            if old is None and not layer:
                old = shown
            self._bases[node] = base
            if isinstance(old, ComputedStyle) and old is not base:
                self._transitions(node, view, old, base, shown)
                layer = self._layers.get(node)
        elif self._bases and node in self._bases:
            del self._bases[node]
        if not layer:
            if self._inherit_from.data:
                self._inherit_from.pop(node, None)
            return base
        values = dict(base._values)
        values.update(layer)
        style = ComputedStyle(values)
        if style == shown:
            style = shown  # a paused or filled animation: same values, same object, no relayout
        # Children inherit from the cascade's style unless an inherited property is animated:
        # a spinner's rotation then restyles nothing below it (`inherit` on a non-inherited
        # property reads the un-animated value).
        self._inherit_from[node] = style if not INHERITED.isdisjoint(layer) else base
        return style

    def child_parent(self, node: ViewNode) -> Any:
        """The style `node`'s children and ::before/::after inherit from."""
        return self._inherit_from.get(node, node.style) if self._inherit_from.data else node.style

    def _transitions(self, node: ViewNode, view: Any, old: ComputedStyle, new: ComputedStyle, shown: Any) -> None:
        """CSS Transitions 1 §3: a changed property listed in transition-property transitions
        from the shown value, after its delay, over its duration."""
        props = new.get("transition-property") or ()
        durations = new.get("transition-duration") or (0.0,)
        delays = new.get("transition-delay") or (0.0,)
        easings = new.get("transition-timing-function") or ("ease",)
        lines: dict[str, list] = {}
        for i, name in enumerate(props):
            duration, delay = durations[i % len(durations)], delays[i % len(delays)]
            if duration + delay <= 0:
                continue
            candidates = _ANIMATABLE if name == "all" else _expand(name)
            for prop in candidates:
                before, after = old.get(prop), new.get(prop)
                if before == after or after is None:
                    continue
                start = shown.get(prop) if isinstance(shown, ComputedStyle) else before
                ease = easing(easings[i % len(easings)])
                lines[prop] = [(0.0, start, linear), (delay, start, ease), (delay + duration, after, linear)]
        if lines:
            layer = self._layers.setdefault(node, {})
            for prop, line in lines.items():
                layer[prop] = line[0][1]
            self.add(Track(node, view, [], keep=False, raw=lines))

    # frames -----------------------------------------------------------------------
    def tick(self, now: float | None = None) -> bool:
        """Advance every track to `now` (at most one frame per FRAME_MS); True if anything moved."""
        if not self.tracks and not self.frame_requests:
            return False
        now = self.clock() if now is None else now
        if self._last_frame is not None and now < self._last_frame + FRAME_MS:
            return False
        self._last_frame = now
        self._run_frame_requests(now)
        for track in list(self.tracks):
            node = track.node
            if isinstance(track, CssTrack) and node.box is None:  # removed, or not displayed
                self.css.cancel(node)
                continue
            if track.start is None:
                track.begin(now, self._current(node, track), lambda t, n=node: self._resolve(n, t))
            layer = self._layers.setdefault(node, {})
            layer.update(track.values_at(now))
            track.notify(now)
            if track.finished(now):
                self.tracks.remove(track)
                if not track.keep:
                    for name in track.lines:
                        layer.pop(name, None)
                if track.on_done is not None:
                    track.on_done()
            self._touch(node, track.view)
        return True

    def request_frame(self, fn: Callable[[float], None]) -> None:
        """Call `fn(now_ms)` at the next frame (WXS `requestAnimationFrame`)."""
        self.frame_requests.append(fn)

    def _run_frame_requests(self, now: float) -> None:
        due, self.frame_requests = self.frame_requests, []
        for fn in due:
            fn(now)
        self._frame_streak = self._frame_streak + 1 if (due and self.frame_requests) else 0

    def next_frame_ms(self) -> float | None:
        """When the next frame is due (None when nothing runs)."""
        if not self.tracks and not self.frame_requests:
            return None
        return self.clock() if self._last_frame is None else self._last_frame + FRAME_MS

    def busy(self) -> bool:
        """Animations are running that settling should wait for: those up to SETTLE_LIMIT_MS
        long (a longer one, such as a marquee's scroll, is background work)."""
        if self.frame_requests and self._frame_streak < FRAME_LOOP_LIMIT:
            return True  # a frame callback is due (one re-requesting every frame is background work)
        return any(t.end <= SETTLE_LIMIT_MS for t in self.tracks)

    def forget(self, root: ViewNode) -> None:
        """Drop the tracks of a page that closed."""
        if not self.tracks:
            return  # nothing runs: no walk over the closed page
        doomed = {id(n) for n in root.walk()}
        self.tracks = [t for t in self.tracks if id(t.node) not in doomed]

    # helpers ------------------------------------------------------------------------
    def _current(self, node: ViewNode, track: Track) -> dict[str, Any]:
        style = node.style
        names = _names(track) | {"transform", "opacity", "background-color", "width", "height",
                                 "top", "left", "right", "bottom", "transform-origin"}
        return {n: style.get(n) for n in names} if style is not None else {}

    def _resolve(self, node: ViewNode, targets: Targets) -> dict[str, Any]:
        parent = node.parent.style if node.parent is not None else None
        return resolve(targets, node.style, parent, self.viewport, self.report)

    def apply_now(self, track: Track, now: float) -> None:
        """Write a started track's values at `now` into its node's layer without a frame."""
        self._layers.setdefault(track.node, {}).update(track.values_at(now))

    def drop_values(self, node: ViewNode, names: set[str], view: Any) -> None:
        """Hand `names` of the node back to the cascade (a CSS animation stopped)."""
        layer = self._layers.get(node)
        if layer:
            for name in names & set(layer):
                del layer[name]
        self._touch(node, view)

    def _touch(self, node: ViewNode, view: Any) -> None:
        """Have the node restyled at the next flush (a ::before/::after through its element)."""
        element = node if isinstance(node, ViewNode) else node.parent
        element.style_dirty = True
        mark_changed(node)
        if view is not None:
            view.layout_dirty = True


class _StepTrack(Track):
    """Exported animation groups: each group's properties hold until the group starts."""

    def __init__(self, node: ViewNode, view: Any, points: list):
        super().__init__(node, view, points, keep=True)

    def begin(self, now: float, current: dict[str, Any], resolve_targets: Callable[[Targets], dict]) -> None:
        self.start = now
        lines: dict[str, list[tuple[float, Any, Easing]]] = {}
        hold_from, ease = 0.0, linear
        for t, targets, point_ease in self.points:
            if targets is None:
                hold_from, ease = t, point_ease
                continue
            for name, value in resolve_targets(targets).items():
                line = lines.setdefault(name, [(0.0, current.get(name), linear)])
                line.append((hold_from, line[-1][1], ease))
                line.append((t, value, linear))
        self.lines = lines


_ANIMATABLE = ("opacity", "background-color", "color", "width", "height", "top", "left", "right", "bottom",
               "transform", "margin-top", "margin-right", "margin-bottom", "margin-left", "padding-top",
               "padding-right", "padding-bottom", "padding-left", "border-top-color", "border-right-color",
               "border-bottom-color", "border-left-color", "max-height", "max-width", "font-size")


def _expand(name: str) -> tuple[str, ...]:
    from renderer.wxss.computed import LONGHANDS_OF

    if name in ("-webkit-transform",):
        return ("transform",)
    return LONGHANDS_OF.get(name, (name,))


def _names(track: Track) -> set[str]:
    if track.raw is not None:
        return set(track.raw)
    if track.lines:
        return set(track.lines)
    out: set[str] = set()
    for _, targets, _ in track.points:
        if targets is not None:
            out |= targets.names()
    return out


def _ms(value: Any, default: float) -> float:
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return default
