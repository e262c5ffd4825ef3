"""The pressed state: `:active` while the finger is down, `hover-class` with its start/stay
times, `hover-stop-propagation`, button's default `button-hover`, and hit testing through
transforms."""

from __future__ import annotations

import json

import pytest

from renderer.view.selectorquery import find_all
from simulator.clock import VirtualClock
from simulator.runtime import Simulator

WXML = """
<view id="outer" class="outer" hover-class="outer-on">
  <view id="card" class="card" hover-class="card-on" hover-stay-time="100">
    <view id="leaf" class="leaf">leaf</view>
  </view>
  <view id="stop" class="card" hover-class="card-on" hover-stop-propagation>stop</view>
</view>
<button id="btn">OK</button>
<view id="moved" style="width: 100px; height: 40px; transform: translateX(calc(100% + 50px))">moved</view>
"""

WXSS = """
.card { height: 40px; color: #000000; }
.card:active { color: #ff0000; }
.leaf:active { background-color: #00ff00; }
.card-on { background-color: #0000ff; }
.outer-on { opacity: 0.5; }
"""


@pytest.fixture
def sim(tmp_path):
    (tmp_path / "project.config.json").write_text(json.dumps({"appid": "wxabc"}))
    (tmp_path / "app.json").write_text(json.dumps({"pages": ["pages/a/a"]}))
    (tmp_path / "app.js").write_text("App({})")
    page = tmp_path / "pages" / "a"
    page.mkdir(parents=True)
    (page / "a.wxml").write_text(WXML)
    (page / "a.js").write_text("Page({})")
    (page / "a.wxss").write_text(WXSS)
    s = Simulator(tmp_path, storage_dir=tmp_path / "storage", clock=VirtualClock())
    s.start()
    s.wait_idle()
    yield s
    s.close()


def node(sim, sel):
    return find_all(sim.current_view(), None, sel)[0]


def centre(n):
    return n.box.x + n.box.width / 2, n.box.y + n.box.height / 2


def test_wxss3_active_matches_the_pressed_path_until_release(sim):
    view = sim.current_view()
    view.touch_start(*centre(node(sim, "#leaf")))
    sim.pump()
    assert node(sim, "#card").style.get("color")[:3] == (255, 0, 0)
    assert node(sim, "#leaf").style.get("background-color")[:3] == (0, 255, 0)
    assert node(sim, "#stop").style.get("color")[:3] == (0, 0, 0)
    view.touch_end(*centre(node(sim, "#leaf")))
    sim.pump()
    assert node(sim, "#card").style.get("color")[:3] == (0, 0, 0)
    assert node(sim, "#leaf").style.get("background-color")[3] == 0.0


def test_wxss3_hover_class_waits_for_start_time_and_stays_after_release(sim):
    view = sim.current_view()
    view.touch_start(*centre(node(sim, "#leaf")))
    sim.pump()
    assert "card-on" not in node(sim, "#card").classes  # hover-start-time: 50 ms
    sim.advance_clock(60)
    assert node(sim, "#card").style.get("background-color")[:3] == (0, 0, 255)
    assert node(sim, "#outer").style.get("opacity") == 0.5  # ancestors hover too
    view.touch_end(*centre(node(sim, "#leaf")))
    sim.advance_clock(50)
    assert "card-on" in node(sim, "#card").classes  # stays 100 ms
    sim.advance_clock(60)
    assert "card-on" not in node(sim, "#card").classes
    assert node(sim, "#outer").style.get("opacity") == 0.5  # the default stay is 400 ms
    sim.advance_clock(400)
    assert node(sim, "#outer").style.get("opacity") == 1.0


def test_wxss3_hover_stop_propagation_and_moving_cancels(sim):
    view = sim.current_view()
    x, y = centre(node(sim, "#stop"))
    view.touch_start(x, y)
    sim.advance_clock(60)
    assert "card-on" in node(sim, "#stop").classes
    assert "outer-on" not in node(sim, "#outer").classes
    view.touch_move(x, y + 30)
    sim.pump()
    assert "card-on" not in node(sim, "#stop").classes
    assert node(sim, "#stop").style.get("color")[:3] == (0, 0, 0)
    view.touch_end(x, y + 30)
    sim.advance_clock(500)
    assert "card-on" not in node(sim, "#stop").classes


def test_wxss3_button_default_hover_class(sim):
    view = sim.current_view()
    btn = node(sim, "#btn")
    before = btn.style.get("background-color")
    view.touch_start(*centre(btn))
    sim.advance_clock(30)
    assert "button-hover" in node(sim, "#btn").classes
    assert node(sim, "#btn").style.get("background-color") != before
    view.touch_end(*centre(btn))
    sim.advance_clock(100)
    assert node(sim, "#btn").style.get("background-color") == before


def test_wxss3_quick_tap_still_flashes_the_hover_class(sim):
    view = sim.current_view()
    view.tap(*centre(node(sim, "#card")))
    sim.pump()
    assert "card-on" in node(sim, "#card").classes
    sim.advance_clock(150)
    assert "card-on" not in node(sim, "#card").classes


def test_wxss3_hit_testing_follows_transforms(sim):
    view = sim.current_view()
    moved = node(sim, "#moved")
    x, y = centre(moved)
    assert view.hit_test(x + 150, y) is moved  # translateX(calc(100% + 50px)) = 150px
    assert view.hit_test(x, y) is not moved
