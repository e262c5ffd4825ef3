"""Which CSS animations run on which element, kept in step with the cascade (CSS Animations 1 §4).

The animator asks `update` every time it lays an element's animated values over a freshly
computed style. An animation starts when a name appears in the element's animation-name list
(first render, or a class or style change by setData), keeps running while the name stays
(its other animation-* values, pausing included, apply in place), and stops when the name
goes away or the element stops being displayed; a name that comes back starts afresh.
Keyframes are looked up through `keyframes_for` (the view services: the sheets that style the
element first); `site_of` names the declaration a diagnostic points at.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable

from bridge.diagnostics import Diagnostic
from renderer.anim.css_track import AnimationSpec, CssTrack, specs_of
from renderer.anim.keyframe_lines import property_lines
from renderer.view.nodes import ViewNode
from renderer.wxss.computed import ComputedStyle
from renderer.wxss.keyframes import Keyframes

KeyframesFor = Callable[[ViewNode, str], "Keyframes | None"]


class _State:
    """The element's animation list as last seen, and the tracks playing it."""

    __slots__ = ("specs", "tracks")

    def __init__(self) -> None:
        self.specs: tuple[AnimationSpec, ...] = ()
        self.tracks: list[CssTrack] = []


class CssAnimations:
    def __init__(self, animator: Any):
        self.animator = animator
        self.keyframes_for: KeyframesFor | None = None
        self.site_of: Callable[[ViewNode, str], tuple] | None = None  # (file, line, column)
        self._states: "weakref.WeakKeyDictionary[ViewNode, _State]" = weakref.WeakKeyDictionary()
        self._warned: set[tuple] = set()

    def update(self, node: ViewNode, base: ComputedStyle, view: Any) -> None:
        """Start, adjust or stop the node's animations for its new cascaded style `base`."""
        state = self._states.get(node) if self._states.data else None  # (see Animator.overlay)
        if state is None and not base.get("animation-name"):
            return
        specs = specs_of(base)
        if not specs and (state is None or not state.tracks):
            self._states.pop(node, None)
            return
        if state is None:
            state = self._states[node] = _State()
        for track in state.tracks:
            track.base = base
        if specs == state.specs:
            return
        state.specs = specs
        now = self.animator.clock()
        pool = list(state.tracks)
        kept: list[CssTrack] = []
        for spec in specs:
            track = next((t for t in pool if t.spec.name == spec.name), None)
            if track is not None:
                pool.remove(track)
                if spec.easing != track.spec.easing:  # the keyframes' default timing function
                    track.lines = self._lines(node, track.rule, spec, base)
                track.update(spec, now)
                self.animator.apply_now(track, now)
            else:
                track = self._start(node, spec, base, view, now)
                if track is None:
                    continue
            kept.append(track)
        for track in pool:
            self._drop(track)
        state.tracks = kept

    def cancel(self, node: ViewNode) -> None:
        """The element left the page or is not displayed: its animations end without events
        and start again if it is restyled with its names while displayed."""
        state = self._states.pop(node, None)
        for track in state.tracks if state is not None else ():
            self._drop(track)

    def restart_all(self) -> None:
        """Stylesheets were reloaded: every CSS animation stops and starts again from the new
        @keyframes when its element is restyled."""
        for node in list(self._states):
            self.cancel(node)

    def _start(self, node: ViewNode, spec: AnimationSpec, base: ComputedStyle, view: Any,
               now: float) -> CssTrack | None:
        rule = self.keyframes_for(node, spec.name) if self.keyframes_for is not None else None
        if rule is None:
            where = self.site_of(node, "animation-name") if self.site_of is not None else (None, None, None)
            self._warn(("missing", spec.name, where), Diagnostic(
                "warning", f"animation-name '{spec.name}' has no @keyframes rule; nothing is animated", *where))
            return None
        lines = self._lines(node, rule, spec, base)
        track = CssTrack(node, view, spec, lines, now, base, _emitter(view), rule)
        self.animator.add(track)
        self.animator.apply_now(track, now)  # the first frame shows at once (a spinner's 0%)
        return track

    def _lines(self, node: ViewNode, rule: Keyframes, spec: AnimationSpec, base: ComputedStyle) -> dict:
        parent = _parent_style(node, self.animator)
        return property_lines(rule, spec.easing, base, parent, self.animator.viewport, self._warn)

    def _drop(self, track: CssTrack) -> None:
        """Stop a track and take its values off the element."""
        animator = self.animator
        if track in animator.tracks:
            animator.tracks.remove(track)
        animator.drop_values(track.node, set(track.lines), track.view)

    def _warn(self, key: tuple, diagnostic: Diagnostic) -> None:
        if key in self._warned:
            return
        self._warned.add(key)
        if self.animator.report is not None:
            self.animator.report(diagnostic)


def _parent_style(node: Any, animator: Any) -> ComputedStyle | None:
    """What the animated node inherits from: its parent's (or, for ::before/::after, its element's)."""
    return animator.child_parent(node.parent) if node.parent is not None else None


def _emitter(view: Any) -> Any:
    """Events of a ::before/::after animation are dispatched at its element (§4.6: the event's
    target is the element; the DOM's pseudoElement field has no WeChat counterpart)."""
    fire = getattr(view, "fire", None)
    if fire is None:
        return None

    def emit(node: Any, kind: str, detail: dict) -> None:
        fire(node if isinstance(node, ViewNode) else node.parent, kind, detail)
    return emit
