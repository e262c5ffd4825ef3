"""Easing curves, value interpolation and the transition property parsers."""

from __future__ import annotations

import pytest

from renderer.anim.mix import mix, to_matrix
from renderer.anim.specs import from_action, transform_step
from renderer.anim.timing import easing
from renderer.wxss.stylesheet import parse_declarations


def test_anim_cubic_bezier_reference_points():
    assert easing("ease")(0.5) == pytest.approx(0.8024, abs=1e-3)
    assert easing("ease-in-out")(0.25) == pytest.approx(0.1291, abs=1e-3)
    assert easing("cubic-bezier(0, 0, 1, 1)")(0.3) == pytest.approx(0.3, abs=1e-4)
    assert easing("nonsense")(0.4) == 0.4


def test_anim_steps_jump_at_start_or_end():
    assert [easing("steps(4)")(t) for t in (0.0, 0.2, 0.3, 0.99, 1.0)] == [0.0, 0.0, 0.25, 0.75, 1.0]
    assert [easing("steps(2, start)")(t) for t in (0.0, 0.4, 0.6)] == [0.5, 0.5, 1.0]


def test_anim_mix_colors_lengths_and_discrete():
    assert mix("background-color", (255, 0, 0, 1.0), (0, 0, 255, 1.0), 0.5) == (128, 0, 128, 1.0)
    # premultiplied: a transparent end does not darken the colour on the way
    assert mix("background-color", (255, 0, 0, 1.0), (0, 0, 0, 0.0), 0.5)[:3] == (255, 0, 0)
    assert mix("width", ("%", 10.0), ("%", 30.0), 0.25) == ("%", 15.0)
    assert mix("width", "auto", 100.0, 0.4) == "auto"
    assert mix("width", "auto", 100.0, 0.6) == 100.0
    assert mix("opacity", 0.0, 1.0, 1.4) == 1.0  # an overshooting curve stays within 0..1


def test_anim_mix_transforms_pairwise_padded_and_by_matrix():
    assert mix("transform", "none", (("rotate", 90.0),), 0.5) == (("rotate", 45.0),)
    a = (("translate", 0.0, 0.0), ("scale", 1.0, 1.0))
    b = (("translate", 100.0, 20.0), ("scale", 3.0, 1.0))
    assert mix("transform", a, b, 0.5) == (("translate", 50.0, 10.0), ("scale", 2.0, 1.0))
    m = mix("transform", (("rotate", 90.0),), (("scale", 2.0, 2.0),), 1.0)
    assert m == (("scale", 2.0, 2.0),)
    half = mix("transform", (("translate", 10.0, 0.0),), (("scale", 2.0, 2.0),), 0.5)
    assert half[0][0] == "matrix" and half[0][1:] == pytest.approx((1.5, 0.0, 0.0, 1.5, 5.0, 0.0))
    assert to_matrix((("rotate", 90.0),)) == pytest.approx((0.0, 1.0, -1.0, 0.0, 0.0, 0.0), abs=1e-9)


def test_anim_transform_methods_and_action_targets():
    assert transform_step("translate", [10, "20rpx"]) == ("translate", ("px", 10.0), ("rpx", 20.0))
    assert transform_step("scale", [2]) == ("scale", 2.0, 2.0)
    assert transform_step("rotateY", [60])[1] == pytest.approx(0.5)  # flat projection: x shrinks by cos
    assert transform_step("skewX", [30]) == ("skew", 30.0, 0.0)
    assert transform_step("matrix", [1, 0, 0, 1, 5, 6]) == ("matrix", 1.0, 0.0, 0.0, 1.0, 5.0, 6.0)
    t = from_action([{"type": "style", "args": ["background-color", "#fff"]}, {"type": "rotate", "args": [30]},
                     {"type": "bogus", "args": []}])
    assert t.styles == {"background-color": "#fff"} and t.transform == (("rotate", 30.0),)


def test_anim_transition_shorthand_and_longhands():
    (d,) = parse_declarations("transition: transform .3s ease-out 100ms, opacity 200ms", None, print, print)
    values = dict(d.longhands)
    assert values["transition-property"] == ("transform", "opacity")
    assert values["transition-duration"] == (300.0, 200.0)
    assert values["transition-delay"] == (100.0, 0.0)
    assert values["transition-timing-function"] == ("ease-out", "ease")
    warnings = []
    assert parse_declarations("transition-duration: fast", None, warnings.append,
                              lambda *a: warnings.append(a)) == ()
    (none,) = parse_declarations("transition: none", None, print, print)
    assert dict(none.longhands)["transition-property"] == ()
