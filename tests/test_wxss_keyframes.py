"""@keyframes rules and the animation properties as WXSS parses and computes them
(CSS Animations 1 §3-4)."""

from __future__ import annotations

import math

import pytest

from renderer.wxss import StyleResolver, Viewport, compute_style
from tests.wxss_helpers import longhands, sheet

VP = Viewport(375, 667, 2)


def test_keyframes_selectors_offsets_and_timing_functions():
    s, log = sheet("@keyframes spin {\n from { transform: rotate(0) }\n to { transform: rotate(1turn) } }\n"
                   "@-webkit-keyframes \"pulse\" { 0%, 100% { opacity: 1; animation-timing-function: ease-in }\n"
                   " 50% { opacity: .2 !important; width: 10rpx; animation-duration: 3s } }")
    assert not log.items
    spin, pulse = (rule for rule, _media in s.keyframes)
    assert spin.name == "spin" and [f.offset for f in spin.frames] == [0.0, 1.0]
    assert spin.frames[1].declarations[0].longhands == (("transform", (("rotate", 360.0),)),)
    assert pulse.name == "pulse" and (pulse.file, pulse.line) == ("pages/a/a.wxss", 4)
    assert [(f.offset, f.easing) for f in pulse.frames] == [(0.0, "ease-in"), (1.0, "ease-in"), (0.5, None)]
    # !important and animation-* other than the timing function are ignored inside a keyframe
    assert [d.name for d in pulse.frames[2].declarations] == ["width"]


def test_keyframes_problems_are_reported_with_their_line():
    s, log = sheet("@keyframes none { from {} }\n@keyframes k {\n 120% { opacity: 0 }\n"
                   " from, { opacity: 0 }\n to { opacity: 1 } }")
    assert [rule.name for rule, _ in s.keyframes] == ["k"]
    assert [(d.line, d.message) for d in log.items] == [
        (1, "@keyframes without a valid name; rule skipped"),
        (3, "invalid keyframe selector '120%' in @keyframes 'k'; keyframe skipped"),
        (4, "invalid keyframe selector 'from,' in @keyframes 'k'; keyframe skipped")]


def test_resolver_keeps_the_last_keyframes_of_a_name_and_honours_media():
    s, _ = sheet("@keyframes a { to { opacity: 0 } }\n@keyframes a { to { opacity: .5 } }\n"
                 "@media (min-width: 1000px) { @keyframes b { to { opacity: 0 } } }")
    resolver = StyleResolver([s], VP)
    assert resolver.keyframes["a"].line == 2
    assert "b" not in resolver.keyframes


def test_animation_shorthand_spinner_and_defaults():
    out = longhands("animation: rotate .8s linear infinite")
    assert out == {"animation-name": ("rotate",), "animation-duration": (800.0,),
                   "animation-timing-function": ("linear",), "animation-delay": (0.0,),
                   "animation-iteration-count": (math.inf,), "animation-direction": ("normal",),
                   "animation-fill-mode": ("none",), "animation-play-state": ("running",)}


def test_animation_shorthand_layers_order_and_keywords():
    out = longhands("-webkit-animation: fade 2s -500ms steps(4, end) 3 alternate both paused, "
                    "linear linear, none")
    assert out["animation-name"] == ("fade", "linear", "none")
    assert out["animation-duration"] == (2000.0, 0.0, 0.0)
    assert out["animation-delay"] == (-500.0, 0.0, 0.0)
    assert out["animation-timing-function"] == ("steps(4, end)", "linear", "ease")
    assert out["animation-iteration-count"] == (3.0, 1.0, 1.0)
    assert out["animation-direction"] == ("alternate", "normal", "normal")
    assert out["animation-fill-mode"] == ("both", "none", "none")  # `none` fills fill-mode first
    assert out["animation-play-state"] == ("paused", "running", "running")


@pytest.mark.parametrize("text", ["animation: a -1s", "animation: a b 1s", "animation: a 1s 2s 3s",
                                  "animation: a,", "animation-duration: -2s", "animation-iteration-count: -1",
                                  "animation-direction: sideways", "animation-name: a b"])
def test_invalid_animation_values_are_dropped(text):
    assert longhands(text) == {}


def test_css_wide_keywords_on_animation_and_transition_compute():
    parent = compute_style(longhands("animation: a 1s; transition: opacity 1s"), None, VP)
    child = compute_style(longhands("animation: initial; transition: inherit; animation-name: inherit"), parent, VP)
    assert child.get("animation-name") == ("a",) and child.get("animation-duration") is None
    assert child.get("transition-property") == ("opacity",)
