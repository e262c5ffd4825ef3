"""CSS animations without a simulator: the animation list of a computed style, keyframe
timelines, interpolation and the timing model with its events (CSS Animations 1 §3-4)."""

from __future__ import annotations

import math

import pytest

from renderer.anim.css_track import AnimationSpec, CssTrack, specs_of
from renderer.anim.keyframe_lines import UNDERLYING, property_lines
from renderer.anim.mix import mix
from renderer.wxss import StyleResolver, Viewport, compute_style
from tests.wxss_helpers import longhands, sheet

VP = Viewport(375, 667, 2)


def test_animation_longhands_and_webkit_forms():
    out = longhands("animation-name: a, b; -webkit-animation-duration: 1s, 250ms; animation-iteration-count: "
                    "infinite; animation-play-state: paused, running; animation-fill-mode: forwards")
    specs = specs_of(compute_style(out, None, VP))
    assert specs == (AnimationSpec("a", 1000.0, "ease", 0.0, math.inf, "normal", "forwards", True),
                     AnimationSpec("b", 250.0, "ease", 0.0, math.inf, "normal", "forwards", False))


def test_animation_keywords_inherit_and_initial_do_not_break_computing():
    parent = compute_style(longhands("animation: a 1s"), None, VP)
    child = compute_style(longhands("animation: initial; transition: initial; animation-name: inherit"), parent, VP)
    assert child.get("animation-name") == ("a",) and child.get("animation-duration") is None
    assert specs_of(compute_style(longhands("animation: a 1s; display: none"), None, VP)) == ()


def _rule(text: str):
    s, log = sheet(text)
    assert not log.items
    return s.keyframes[0][0]


def test_keyframe_lines_fill_missing_ends_with_the_underlying_value():
    rule = _rule("@keyframes k { 50% { opacity: .2; width: 20rpx; animation-timing-function: ease-in } "
                 "to { width: 2em } }")
    style = compute_style(longhands("font-size: 10px; width: 5px"), None, VP)
    lines = property_lines(rule, "linear", style, None, VP, lambda key, d: None)
    assert [(t, v) for t, v, _ in lines["opacity"]] == [(0.0, UNDERLYING), (0.5, 0.2), (1.0, UNDERLYING)]
    assert [(t, v) for t, v, _ in lines["width"]] == [(0.0, UNDERLYING), (0.5, 10.0), (1.0, 20.0)]
    assert lines["width"][1][2](0.5) == pytest.approx(0.3153, abs=1e-3)  # the keyframe's ease-in


def test_keyframe_lines_report_properties_the_engine_cannot_animate_once():
    rule = _rule("@keyframes k {\n from { box-shadow: 0 0 2px red; opacity: 0 }\n to { box-shadow: none } }")
    found = []
    lines = property_lines(rule, "ease", compute_style({}, None, VP), None, VP,
                           lambda key, d: found.append((key, str(d))))
    assert set(lines) == {"opacity"}
    assert found[0][1] == ("pages/a/a.wxss:2:9: warning: animating 'box-shadow' (@keyframes k) is not "
                           "supported; the property keeps its un-animated value")
    assert len(found) == 2 and found[0][0] == found[1][0]  # one key: the caller reports it once


def test_keyframe_lines_substitute_var_from_the_element():
    rule = _rule("@keyframes k { to { background-color: var(--c, red) } }")
    resolver = StyleResolver([sheet(".x { --c: #00ff00 }")[0]], VP)

    class Node:
        tag, id, classes, attrs, parent, index, sibling_count, inline_style = "view", "", ("x",), {}, None, 0, 1, ""

    style = resolver.compute(Node(), None)
    lines = property_lines(rule, "linear", style, None, VP, lambda key, d: None)
    assert lines["background-color"][-1][1] == (0, 255, 0, 1.0)


def test_mix_px_and_percent_as_a_calc_sum_and_visibility():
    assert mix("width", 0.0, ("%", 70.0), 0.5) == ("calc", 0.0, 35.0)
    assert mix("width", 10.0, ("calc", 20.0, 10.0), 0.5) == ("calc", 15.0, 5.0)
    assert mix("visibility", "hidden", "visible", 0.1) == "visible"
    assert mix("visibility", "visible", "hidden", 0.9) == "visible"


class _Recorder:
    def __init__(self):
        self.events: list = []

    def __call__(self, node, kind, detail):
        self.events.append((kind, detail["elapsedTime"]))


def _track(spec: AnimationSpec, emit=None) -> CssTrack:
    base = compute_style({}, None, VP)
    lines = {"opacity": [(0.0, 0.0, lambda t: t), (1.0, 1.0, lambda t: t)]}
    return CssTrack(None, None, spec, lines, 0.0, base, emit)


def _spec(**kw) -> AnimationSpec:
    values = dict(name="k", duration=1000.0, easing="linear", delay=0.0, count=1.0, direction="normal",
                  fill="none", paused=False)
    values.update(kw)
    return AnimationSpec(**values)


@pytest.mark.parametrize("direction, expected", [("normal", [0.25, 0.25, 0.25]), ("reverse", [0.75, 0.75, 0.75]),
                                                 ("alternate", [0.25, 0.75, 0.25]),
                                                 ("alternate-reverse", [0.75, 0.25, 0.75])])
def test_directions_turn_iterations_around(direction, expected):
    track = _track(_spec(count=3.0, direction=direction))
    assert [track.values_at(t)["opacity"] for t in (250.0, 1250.0, 2250.0)] == pytest.approx(expected)


def test_delay_and_fill_modes():
    assert _track(_spec(delay=500.0)).values_at(100.0) == {}
    assert _track(_spec(delay=500.0, fill="backwards")).values_at(100.0) == {"opacity": 0.0}
    assert _track(_spec(delay=500.0, fill="both", direction="reverse")).values_at(100.0) == {"opacity": 1.0}
    assert _track(_spec()).values_at(1500.0) == {}
    assert _track(_spec(fill="forwards", count=2.5)).values_at(9000.0) == {"opacity": 0.5}
    assert _track(_spec(fill="forwards", count=2.0, direction="alternate")).values_at(9000.0) == {"opacity": 0.0}
    assert _track(_spec(delay=-250.0)).values_at(0.0) == {"opacity": 0.25}  # a negative delay starts part way


def test_events_elapsed_time_and_pausing():
    rec = _Recorder()
    track = _track(_spec(count=2.0, delay=100.0), rec)
    assert track.end == 2100.0
    for t in (50.0, 100.0, 600.0, 1100.0, 1500.0):
        track.notify(t)
    assert rec.events == [("animationstart", 0.0), ("animationiteration", 1.0)]
    track.update(_spec(count=2.0, delay=100.0, paused=True), 1500.0)
    assert track.end == math.inf and not track.finished(5000.0)
    assert track.values_at(5000.0) == track.values_at(1500.0)
    track.update(_spec(count=2.0, delay=100.0), 5000.0)  # 3.5 s paused: the end moves by as much
    assert track.end == 5600.0
    track.notify(5600.0)
    assert rec.events[-1] == ("animationend", 2.0) and track.finished(5600.0)


def test_infinite_animation_never_ends_and_negative_delay_start_event():
    rec = _Recorder()
    track = _track(_spec(count=math.inf, delay=-300.0), rec)
    assert track.end == math.inf
    for t in (0.0, 700.0, 1700.0, 1710.0):
        track.notify(t)
    assert rec.events == [("animationstart", 0.3), ("animationiteration", 1.0), ("animationiteration", 2.0)]
