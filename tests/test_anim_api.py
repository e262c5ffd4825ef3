"""wx.createAnimation through the `animation` attribute, this.animate / clearAnimation and CSS
transitions, driven by a virtual clock so every frame is deterministic."""

from __future__ import annotations

import json

import pytest

from renderer.view.selectorquery import find_all
from simulator.clock import VirtualClock
from simulator.runtime import Simulator

PAGE_JS = """
Page({
  data: {ani: null, log: [], cls: ''},
  grow() {
    const a = wx.createAnimation({duration: 1000, timingFunction: 'linear'});
    a.width(200).opacity(0.2).step();
    a.translateX(100).step({duration: 500, timingFunction: 'step-end'});
    this.setData({ani: a.export()});
  },
  eased(fn) {
    const a = wx.createAnimation({duration: 1024, timingFunction: fn});
    a.width(200).step();
    this.setData({ani: a.export()});
  },
  keyframes() {
    this.animate('#box', [
      {opacity: 1, backgroundColor: '#ff0000', offset: 0},
      {opacity: 0.5, offset: 0.5},
      {opacity: 0, backgroundColor: '#0000ff', rotate: 90, offset: 1},
    ], 1000, () => {
      this.data.log.push('done');
      this.setData({log: this.data.log});
      this.clearAnimation('#box', {opacity: true}, () => {
        this.data.log.push('cleared');
        this.setData({log: this.data.log});
      });
    });
    this.data.log.push('started');
  },
  fade() { this.setData({cls: 'faded'}) },
})
"""

PAGE_WXML = """
<view id="box" class="box {{cls}}" animation="{{ani}}" style="width: 100px; height: 50px">box</view>
<view id="other" class="box">other</view>
"""

PAGE_WXSS = """
.box { background-color: #ffffff; opacity: 1; transition: opacity 400ms linear; }
.faded { opacity: 0; }
"""


@pytest.fixture
def sim(tmp_path):
    (tmp_path / "project.config.json").write_text(json.dumps({"appid": "wxabc"}))
    (tmp_path / "app.json").write_text(json.dumps({"pages": ["pages/a/a"]}))
    (tmp_path / "app.js").write_text("App({})")
    page = tmp_path / "pages" / "a"
    page.mkdir(parents=True)
    (page / "a.wxml").write_text(PAGE_WXML)
    (page / "a.js").write_text(PAGE_JS)
    (page / "a.wxss").write_text(PAGE_WXSS)
    s = Simulator(tmp_path, storage_dir=tmp_path / "storage", clock=VirtualClock())
    s.start()
    s.wait_idle()
    yield s
    s.close()


def call(sim: Simulator, name: str, *args):
    sim.logic.call_method(sim.current_view().page_id, name, list(args))
    sim.pump()


def box(sim: Simulator, sel: str = "#box"):
    return find_all(sim.current_view(), None, sel)[0]


def test_anim_steps_run_in_sequence_and_end_state_persists(sim):
    call(sim, "grow")
    sim.advance_clock(500)
    style = box(sim).style
    assert style.get("width") == pytest.approx(150.0, abs=2)
    assert style.get("opacity") == pytest.approx(0.6, abs=0.02)
    assert box(sim).box.width == pytest.approx(style.get("width"), abs=0.5)  # laid out with the frame
    sim.advance_clock(600)  # second group (step-end): holds its start value until the last frame
    assert box(sim).style.get("width") == 200.0
    assert box(sim).style.get("transform") in (None, "none")
    sim.wait_idle()
    style = box(sim).style
    assert style.get("transform") == (("translate", 100.0, 0.0),)
    assert style.get("opacity") == pytest.approx(0.2)
    sim.advance_clock(2000)
    assert box(sim).style.get("width") == 200.0


def test_anim_export_format_and_clearing(sim):
    out = sim.logic.evaluate("""(() => {
      const a = wx.createAnimation({duration: 300, delay: 10});
      a.opacity(0.5).rotate(45).step({timingFunction: 'ease'});
      a.scale(2);
      const first = a.export();
      a.step();
      return [first, a.export()];
    })()""")
    first, second = out
    action = first["actions"][0]
    assert action["animates"] == [{"type": "style", "args": ["opacity", 0.5]}, {"type": "rotate", "args": [45]}]
    assert action["option"]["transition"] == {"duration": 300, "timingFunction": "ease", "delay": 10}
    assert action["option"]["transformOrigin"] == "50% 50% 0"
    assert len(first["actions"]) == 1
    assert second["actions"][0]["animates"] == [{"type": "scale", "args": [2]}]


# Half way through (frames fall every 16 ms, 512 ms of 1024): CSS Easing 1 reference values.
@pytest.mark.parametrize("fn, expected", [("linear", 150.0), ("ease", 180.24), ("ease-in", 131.53),
                                          ("ease-out", 168.47), ("ease-in-out", 150.0),
                                          ("step-start", 200.0), ("step-end", 100.0)])
def test_anim_timing_functions(sim, fn, expected):
    call(sim, "eased", fn)
    sim.advance_clock(512)
    assert box(sim).style.get("width") == pytest.approx(expected, abs=0.1)


def test_anim_keyframes_callback_order_and_clear(sim):
    call(sim, "keyframes")
    sim.advance_clock(250)
    style = box(sim).style
    assert style.get("opacity") == pytest.approx(0.75, abs=0.02)
    assert sim.current_view().instance.data.get("log") in (None, [], ["started"])
    sim.wait_idle()
    assert sim.logic.instance_data(sim.current_view().page_id)["log"] == ["started", "done", "cleared"]
    style = box(sim).style
    assert style.get("opacity") == 1.0  # cleared: back to the cascade
    assert style.get("background-color") == (0, 0, 255, 1.0)  # not cleared: the end state stays
    assert style.get("transform") == (("rotate", 90.0),)
    assert box(sim, "#other").style.get("opacity") == 1.0


def test_anim_transition_on_class_change(sim):
    call(sim, "fade")
    sim.advance_clock(100)
    assert box(sim).style.get("opacity") == pytest.approx(0.75, abs=0.05)
    sim.advance_clock(100)
    assert box(sim).style.get("opacity") == pytest.approx(0.5, abs=0.05)
    sim.wait_idle()
    assert box(sim).style.get("opacity") == 0.0
    assert box(sim, "#other").style.get("opacity") == 1.0
