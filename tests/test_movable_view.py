"""movable-area / movable-view end to end: placed by x/y, moved by setData (animated on the
clock), dragged through the automation API with change events, direction, out-of-bounds,
inertia and scale-value; painted where it is."""

from __future__ import annotations

import pytest

from miniprogram import write_project
from simulator.automation import launch
from simulator.clock import VirtualClock
from simulator.runtime import Simulator

WXML = """
<movable-area id="area" style="width: 300px; height: 200px; background: #eeeeee">
  <movable-view id="mv" x="{{x}}" y="{{y}}" direction="{{dir}}" out-of-bounds="{{oob}}" inertia="{{inertia}}"
    disabled="{{off}}" animation="{{anim}}" style="width: 50px; height: 40px; background: #ff0000"
    bindchange="changed" bindhtouchmove="hmove" bindvtouchmove="vmove">m</movable-view>
</movable-area>
<movable-area id="small" style="width: 100px; height: 100px">
  <movable-view id="wide" direction="all" x="-20" y="{{wideY}}" style="width: 150px; height: 50px"/>
</movable-area>
<movable-area style="width: 200px; height: 200px">
  <movable-view id="zoom" scale scale-value="{{sv}}" scale-min="0.5" scale-max="2" x="50" y="50"
    style="width: 40px; height: 40px; background: #0000ff"/>
</movable-area>
<view style="position: relative; width: 100px; height: 60px">
  <movable-view id="orphan" direction="all" bindchange="changed" style="width: 20px; height: 20px"/>
</view>
"""
JS = """Page({
  data: {x: 30, y: 20, dir: 'all', oob: false, inertia: false, off: false, anim: true, wideY: '200rpx', sv: 1.5,
         changes: [], h: 0, v: 0},
  changed(e) { this.setData({changes: this.data.changes.concat([e.detail])}) },
  hmove() { this.setData({h: this.data.h + 1}) },
  vmove() { this.setData({v: this.data.v + 1}) },
})"""


@pytest.fixture()
def project(tmp_path):
    return write_project(tmp_path / "mp", {"pages/index/index": {"wxml": WXML, "js": JS}})


@pytest.fixture()
def page(project, tmp_path):
    mp = launch(project, storage=tmp_path / "st")
    yield mp.current_page()
    mp.close()


def _at(page, selector):
    """The element's position inside its parent (x, y in px), as layout placed it."""
    el = page.query(selector)
    parent = el.node.parent.box
    box = el.node.box
    return round(box.x - parent.x, 2), round(box.y - parent.y, 2)


def test_movable_placed_by_x_y_and_rendered_without_warnings(page):
    assert _at(page, "#mv") == (30.0, 20.0)
    assert page.query("#mv").size() == {"width": 50.0, "height": 40.0}
    # wider than its area: it may only move so that it still covers the area (x in [-50, 0]);
    # y given in rpx (375 px wide device: 200rpx = 100px) is clamped to the area's 100 - 50
    assert _at(page, "#wide") == (-20.0, 50.0)
    assert not [d for d in page.mp.diagnostics() if "movable" in d.message]
    assert page.data("changes") == []  # the first placement is no change


def test_movable_set_data_moves_it_animated_on_the_clock(project, tmp_path):
    sim = Simulator(project, storage_dir=tmp_path / "st", clock=VirtualClock())
    sim.start()
    sim.wait_idle()
    view = sim.current_view()
    mv = next(n for n in view.root.walk() if n.id == "mv")
    area = mv.parent.box
    sim.logic.set_data(view.page_id, {"x": 200})
    sim.wait_idle()  # the move runs on the clock: settling waits for its end state
    assert mv.box.x - area.x == pytest.approx(200.0)
    sim.logic.set_data(view.page_id, {"x": 100})
    sim.advance_clock(60)
    between = mv.box.x - area.x
    assert 100.0 < between < 200.0  # still on its way
    sim.advance_clock(1000)
    assert mv.box.x - area.x == pytest.approx(100.0)
    sim.logic.set_data(view.page_id, {"x": 1000, "y": -5, "anim": False})  # out of range: clamped
    sim.advance_clock(16)
    assert (mv.box.x - area.x, mv.box.y - area.y) == (250.0, 0.0)  # animation false: at once
    data = sim.logic.instance_data(view.page_id)
    assert data["changes"] == [{"x": 200, "y": 20, "source": ""}, {"x": 100, "y": 20, "source": ""},
                               {"x": 250, "y": 0, "source": ""}]
    sim.close()


def test_movable_dragged_by_swipe_follows_the_finger(page):
    mv = page.query("#mv")
    mv.swipe("right", fraction=1.0)  # 50 px to the right, in four moves
    assert _at(page, "#mv") == (80.0, 20.0)
    changes = page.data("changes")
    assert {c["source"] for c in changes} == {"touch"}
    assert changes[-1] == {"x": 80, "y": 20, "source": "touch"}
    assert [c["x"] for c in changes] == sorted(c["x"] for c in changes)
    assert (page.data("h"), page.data("v")) == (1, 0)  # the first move was horizontal
    page.query("#mv").swipe("down", fraction=1.0)
    assert _at(page, "#mv") == (80.0, 60.0)
    assert page.data("v") == 1


def test_movable_direction_disabled_and_outside_an_area(page):
    page.set_data({"dir": "vertical"})
    page.query("#mv").swipe("right", fraction=1.0)
    assert _at(page, "#mv") == (30.0, 20.0) and page.data("changes") == []
    page.query("#mv").swipe("down", fraction=0.5)
    assert _at(page, "#mv") == (30.0, 40.0)
    page.set_data({"dir": "horizontal"})
    page.query("#mv").swipe("up", fraction=0.5)
    assert _at(page, "#mv") == (30.0, 40.0)
    page.set_data({"dir": "none"})
    page.query("#mv").swipe("left", fraction=0.5)
    page.set_data({"dir": "all", "off": True})
    page.query("#mv").swipe("left", fraction=0.5)
    assert _at(page, "#mv") == (30.0, 40.0)
    count = len(page.data("changes"))
    page.query("#orphan").swipe("right", fraction=2.0)  # not in a movable-area: it cannot move
    assert _at(page, "#orphan") == (0.0, 0.0) and len(page.data("changes")) == count


def test_movable_clamped_to_the_area_unless_out_of_bounds(page):
    page.query("#mv").swipe("left", fraction=2.0)  # 100 px left from x=30: stops at the edge
    assert _at(page, "#mv") == (0.0, 20.0)
    assert page.data("changes")[-1] == {"x": 0, "y": 20, "source": "touch"}
    page.set_data({"oob": True, "x": 100, "changes": []})
    page.query("#mv").swipe("up", fraction=2.0)  # 80 px up from y=20: past the top edge
    sources = [c["source"] for c in page.data("changes")]
    assert {"x": 100, "y": -60, "source": "touch-out-of-bounds"} in page.data("changes")
    assert sources[-1] == "out-of-bounds"  # released outside: springs back into range
    assert page.data("changes")[-1] == {"x": 100, "y": 0, "source": "out-of-bounds"}
    assert _at(page, "#mv") == (100.0, 0.0)


def test_movable_inertia_glides_on_with_friction(page):
    page.set_data({"inertia": True})
    page.query("#mv").swipe("right", fraction=1.0)
    last = page.data("changes")[-1]
    assert last["source"] == "friction" and 80 < last["x"] <= 250 and last["y"] == 20
    assert _at(page, "#mv") == (last["x"], 20.0)


def test_movable_scale_value_within_min_and_max(page):
    zoom = page.query("#zoom")
    assert zoom.node.style.get("transform") == (("scale", 1.5, 1.5),)
    page.set_data({"sv": 5})  # scale-max is 2
    assert zoom.node.style.get("transform") == (("scale", 2.0, 2.0),)
    page.set_data({"sv": 0.1})  # scale-min is 0.5
    assert zoom.node.style.get("transform") == (("scale", 0.5, 0.5),)


def test_movable_paints_where_it_is(page):
    from renderer.qt.page_widget import render_page_image

    def pixel(x, y):
        c = render_page_image(page.view, 375, 600).pixelColor(x, y)
        return c.red(), c.green(), c.blue()

    area = page.query("#area").offset()
    assert pixel(area["left"] + 55, area["top"] + 40) == (255, 0, 0)
    assert pixel(area["left"] + 10, area["top"] + 10) == (238, 238, 238)
    page.query("#mv").swipe("left", fraction=0.5)  # to x=5
    assert pixel(area["left"] + 10, area["top"] + 40) == (255, 0, 0)
    assert pixel(area["left"] + 70, area["top"] + 40) == (238, 238, 238)
