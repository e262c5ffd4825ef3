"""More transform functions (CSS Transforms 1 §12): skew, skewX/Y, matrix, and translateZ as the
identity without perspective; -webkit- transition longhands; `white-space: wrap` (CSS Text 4)."""

from __future__ import annotations

from renderer.view.transform_hit import box_matrix
from tests.wxss_helpers import declarations as decl


def test_skew_matrix_and_translatez_parse():
    values, problems = decl("transform: translateX(-100%) skewX(-15deg) matrix(1,0,0,-1,0,0) translateZ(0)")
    assert not problems
    steps = values["transform"]
    assert steps[1] == ("skew", -15.0, 0.0) and steps[2] == ("matrix", 1.0, 0.0, 0.0, -1.0, 0.0, 0.0)
    assert steps[3] == ("translate", ("px", 0.0), ("px", 0.0))
    assert decl("transform: skew(10deg, 20deg)")[0]["transform"] == (("skew", 10.0, 20.0),)


def test_skew_and_matrix_in_the_hit_matrix():
    # a flip about the box centre: matrix(1, 0, 0, -1, 0, 0) maps (0, 0) of a 10x10 box at the origin to (0, 10)
    m = box_matrix({"transform": (("matrix", 1.0, 0.0, 0.0, -1.0, 0.0, 0.0),),
                    "transform-origin": (("%", 50.0), ("%", 50.0))}, 0, 0, 10, 10)
    assert m == (1.0, 0.0, 0.0, -1.0, 0.0, 10.0)
    import math
    m = box_matrix({"transform": (("skew", 45.0, 0.0),), "transform-origin": (0.0, 0.0)}, 0, 0, 10, 10)
    assert [round(x, 6) for x in m] == [1.0, 0.0, round(math.tan(math.radians(45)), 6), 1.0, 0.0, 0.0]


def test_prefixed_transition_longhands_and_white_space_wrap():
    values, problems = decl("-webkit-transition-duration: 0.3s; -webkit-transition-property: opacity; white-space: wrap")
    assert not problems
    assert values["transition-duration"] == (300.0,) and values["transition-property"] == ("opacity",)
    assert values["white-space"] == "normal"


def test_text_transform_is_measured_and_inherited(tmp_path):
    from renderer.layout.inline import transform_text
    from simulator import launch
    from tests.miniprogram import write_project

    assert transform_text("hello big world", {"text-transform": "capitalize"}) == "Hello Big World"
    assert transform_text("MiXed", {"text-transform": "lowercase"}) == "mixed"
    root = write_project(tmp_path / "p", {"pages/a/a": {"js": "Page({})", "wxml": (
        '<view style="text-transform:uppercase"><text id="up">abc</text></view><text id="ref">ABC</text>'
        '<text id="plain">abc</text>')}})
    with launch(root, storage=tmp_path / "s") as mp:
        page = mp.current_page()
        up = page.query("#up").size()["width"]
        assert up == page.query("#ref").size()["width"] != page.query("#plain").size()["width"]
