"""@keyframes animations in running mini programs, on a virtual clock: computed styles and
painted pixels at given times, the animation events, pausing, restarting, scoping, and
settling with an infinite spinner on the page."""

from __future__ import annotations

import time

import pytest

from miniprogram import write_project
from simulator.automation import MiniProgram, launch
from simulator.clock import VirtualClock
from simulator.runtime import Simulator

APP_WXSS = """
@keyframes grow { from { width: 10px } to { width: 110px } }
"""

PAGE_WXSS = """
@keyframes spin { from { transform: rotate(0deg) } to { transform: rotate(360deg) } }
@-webkit-keyframes fade {
  0% { opacity: 0; background-color: #000000 }
  50% { opacity: .5; animation-timing-function: step-end }
  100% { opacity: 1; background-color: #ffffff }
}
@keyframes slide { from { transform: translateX(0) } to { transform: translateX(100px) } }
@keyframes glow { from { box-shadow: 0 0 0 red } to { box-shadow: 0 0 8px red } }
.spinner { width: 40px; height: 40px; background: #ff0000; animation: spin 1s linear infinite }
.bar { width: 100px; height: 20px; margin: 40px; background: #ff0000;
       animation: spin 1s linear -250ms infinite paused }
.box { width: 50px; height: 50px; background-color: #00ff00 }
.fade { animation: fade 1s linear 2 forwards }
.slide { animation: slide 1s linear infinite }
.paused { animation-play-state: paused }
.slow { animation-duration: 4s; animation-timing-function: ease-in }
.nowhere { animation: ghost 1s }
.grow { animation: grow 1s linear forwards }
.glow { animation: glow 1s }
@keyframes blink { 0% { background-color: #000000 } 50% { background-color: #ff0000 } }
.dotted::before { content: ""; display: block; width: 4px; height: 4px; background-color: #0000ff;
                  animation: blink 1s step-start infinite }
"""

PAGE_WXML = """
<view wx:if="{{spinner}}" id="spinner" class="spinner"></view>
<view wx:if="{{bar}}" id="bar" class="bar"></view>
<view id="box" class="box {{cls}}" bindanimationstart="log" bindanimationiteration="log"
      bindanimationend="log"><view id="inner" class="box">x</view></view>
<card id="card"></card>
"""

PAGE_JS = """
Page({
  data: {cls: '', spinner: false, bar: false, events: []},
  log(e) {
    this.data.events.push([e.type, e.detail.animationName, e.detail.elapsedTime, e.target.id, e.currentTarget.id]);
    this.setData({events: this.data.events});
  },
})
"""

CARD_WXSS = """
@keyframes spin { from { opacity: 1 } to { opacity: 0 } }
.dot { width: 10px; height: 10px; animation: spin 1s linear infinite }
"""


def project(tmp_path):
    return write_project(tmp_path / "mp", {"pages/a/a": {"wxml": PAGE_WXML, "wxss": PAGE_WXSS, "js": PAGE_JS,
                                                         "json": '{"usingComponents": {"card": "/comp/card"}}'}},
                         files={"app.wxss": APP_WXSS, "comp/card.wxml": '<view id="dot" class="dot"></view>',
                                "comp/card.wxss": CARD_WXSS, "comp/card.js": "Component({})",
                                "comp/card.json": '{"component": true}'})


@pytest.fixture
def mp(tmp_path):
    sim = Simulator(project(tmp_path), storage_dir=tmp_path / "st", clock=VirtualClock())
    sim.start()
    program = MiniProgram(sim)
    program.wait_idle()
    yield program
    program.close()


def set_data(mp, data: dict) -> None:
    """A setData without settling, so a finite animation is seen from its start."""
    sim = mp.sim
    sim.logic.set_data(sim.current_view().page_id, data)
    sim.pump()


def style(mp, selector: str, name: str):
    return mp.current_page().query(selector).style(name)


def test_css_anim_finite_runs_on_the_clock_with_keyframe_easing_and_fills_forwards(mp):
    set_data(mp, {"cls": "fade"})
    assert style(mp, "#box", "opacity") == 0.0  # the 0% keyframe shows at once
    mp.sim.advance_clock(256)
    assert style(mp, "#box", "opacity") == pytest.approx(0.25, abs=0.01)
    assert style(mp, "#box", "background-color") == pytest.approx((64, 64, 64, 1.0), abs=1)
    mp.sim.advance_clock(496)  # 752 ms: step-end from 50% holds the 50% value
    assert style(mp, "#box", "opacity") == 0.5
    assert style(mp, "#inner", "opacity") == 1.0  # opacity is not inherited
    mp.wait_idle()  # finite animations are waited for, like transitions
    assert style(mp, "#box", "opacity") == 1.0 and style(mp, "#box", "background-color") == (255, 255, 255, 1.0)
    assert mp.sim.clock.now_ms() >= 2000
    events = mp.current_page().data("events")
    assert events == [["animationstart", "fade", 0, "box", "box"], ["animationiteration", "fade", 1, "box", "box"],
                      ["animationend", "fade", 2, "box", "box"]]


def test_css_anim_infinite_spinner_settles_and_paints_deterministically(tmp_path):
    shots = []
    for run in range(2):
        sim = Simulator(project(tmp_path), storage_dir=tmp_path / f"st{run}", clock=VirtualClock())
        sim.start()
        mp = MiniProgram(sim)
        mp.wait_idle()
        set_data(mp, {"spinner": True})
        started = time.monotonic()
        mp.wait_idle()  # an infinite animation is background work
        assert time.monotonic() - started < 2.0 and sim.clock.now_ms() < 100
        sim.advance_clock(250)
        assert style(mp, "#spinner", "transform") == ((("rotate", pytest.approx(86.4)),))  # the frame at 240 ms
        assert sim.view.animator.next_frame_ms() is not None  # still spinning
        shots.append(mp.screenshot())
        mp.close()
    assert shots[0] == shots[1]


def test_css_anim_infinite_spinner_lets_a_wall_clock_screenshot_settle(tmp_path):
    mp = launch(project(tmp_path), storage=tmp_path / "st")
    try:
        mp.current_page().set_data({"spinner": True})
        started = time.monotonic()
        png = mp.screenshot()
        assert png.startswith(b"\x89PNG") and time.monotonic() - started < 3.0
    finally:
        mp.close()


def test_css_anim_paused_at_a_negative_delay_paints_the_rotated_box(mp):
    set_data(mp, {"bar": True})
    mp.sim.advance_clock(500)
    assert style(mp, "#bar", "transform") == (("rotate", 90.0),)  # paused 250 ms in: a quarter turn
    from PySide6.QtGui import QImage

    from simulator.ui.geometry import screen_geometry

    el = mp.current_page().query("#bar")
    img = QImage.fromData(mp.screenshot())
    geo = screen_geometry(mp.sim)
    box = el.node.box
    cx, cy = box.x + box.width / 2, box.y + box.height / 2

    def pixel(x: float, y: float) -> tuple:
        c = img.pixelColor(int((geo.page[0] + x) * geo.dpr), int((geo.page[1] + y) * geo.dpr))
        return (c.red(), c.green(), c.blue())

    assert pixel(cx, cy - 40) == (255, 0, 0)  # the 100×20 bar now stands upright
    assert pixel(cx + 40, cy) == (255, 255, 255)


def test_css_anim_play_state_paused_freezes_and_resumes(mp):
    set_data(mp, {"cls": "slide"})
    mp.sim.advance_clock(208)
    moved = style(mp, "#box", "transform")[0][1]
    assert moved == pytest.approx(20.8)
    set_data(mp, {"cls": "slide paused"})
    mp.sim.advance_clock(500)
    assert style(mp, "#box", "transform")[0][1] == pytest.approx(moved, abs=1.7)
    mp.wait_idle()  # a paused animation does not keep the program busy
    set_data(mp, {"cls": "slide"})
    mp.sim.advance_clock(304)
    assert style(mp, "#box", "transform")[0][1] == pytest.approx(moved + 30.4, abs=1.7)


def test_css_anim_restarts_when_the_name_changes_and_stops_when_removed(mp):
    set_data(mp, {"cls": "grow"})
    mp.sim.advance_clock(500)
    assert style(mp, "#box", "width") == pytest.approx(58.0, abs=1.7)  # app.wxss keyframes reach the page
    set_data(mp, {"cls": "slide"})
    assert style(mp, "#box", "width") == 50.0  # grow stopped: back to the cascade
    set_data(mp, {"cls": "grow"})
    assert style(mp, "#box", "width") == 10.0  # started again from its 0% keyframe
    set_data(mp, {"cls": ""})
    assert style(mp, "#box", "width") == 50.0 and style(mp, "#box", "transform") in ("none", None)
    starts = [e for e in mp.current_page().data("events") if e[0] == "animationstart"]
    assert [e[1] for e in starts] == ["grow", "slide", "grow"]


def test_css_anim_keyframes_are_scoped_to_the_sheet_that_styles_the_element(mp):
    mp.sim.advance_clock(496)
    card = mp.current_page().query("#card")
    dot = card.query("#dot")
    assert dot.style("opacity") == pytest.approx(0.504, abs=0.02)  # the card's own `spin` (opacity)
    assert dot.style("transform") in ("none", None)


def test_css_anim_removed_element_stops_its_infinite_animation(mp):
    set_data(mp, {"spinner": True})
    mp.sim.advance_clock(100)
    animator = mp.sim.view.animator
    assert any(t.node.attrs.get("id") == "spinner" for t in animator.tracks)
    set_data(mp, {"spinner": False})
    mp.sim.advance_clock(50)
    assert not any(t.node.attrs.get("id") == "spinner" for t in animator.tracks)


def test_css_anim_runs_on_before_and_after_boxes(mp):
    set_data(mp, {"cls": "dotted"})
    dot = mp.current_page().query("#box").node.state["::before"]
    assert dot.style.get("background-color") == (255, 0, 0, 1.0)  # step-start: the first interval's end
    mp.sim.advance_clock(512)
    same = mp.current_page().query("#box").node.state["::before"]
    assert same is dot and dot.style.get("background-color") == (0, 0, 255, 1.0)  # 100%: its own colour
    mp.sim.advance_clock(600)
    assert dot.style.get("background-color") == (255, 0, 0, 1.0)
    events = mp.current_page().data("events")
    assert events[0] == ["animationstart", "blink", 0, "box", "box"]  # dispatched at the element
    assert events[1][:3] == ["animationiteration", "blink", 1]


def test_css_anim_unsupported_property_is_reported_once_with_its_line(mp):
    set_data(mp, {"cls": "glow"})
    set_data(mp, {"cls": ""})
    set_data(mp, {"cls": "glow"})
    found = [str(d) for d in mp.diagnostics() if "box-shadow" in d.message]
    assert found == ["pages/a/a.wxss:9:26: warning: animating 'box-shadow' (@keyframes glow) is not supported; "
                     "the property keeps its un-animated value"]


def test_css_anim_tdesign_loading_spinner_turns(tmp_path):
    from tests.libs.install import LibraryUnavailable
    from tests.libs.libraries import LIBRARIES
    from tests.libs.project import build_project, page_route

    lib = LIBRARIES["tdesign"]
    try:
        root = build_project(lib, tmp_path)
    except LibraryUnavailable as exc:
        pytest.skip(str(exc))
    sim = Simulator(root, storage_dir=tmp_path / "st", clock=VirtualClock())
    sim.start("/" + page_route(next(u for u in lib.usages if u.name == "loading")))
    mp = MiniProgram(sim)
    try:
        mp.wait_idle()
        spinner = next(n for n in sim.current_view().root.walk() if "t-loading__spinner" in n.classes)
        first = spinner.style.get("transform")
        sim.advance_clock(200)
        turned = spinner.style.get("transform")
        assert first != turned and turned[0][0] == "rotate" and 0 < turned[0][1] < 360  # `rotate .8s linear infinite`
        assert not [d for d in mp.diagnostics() if "keyframes" in d.message or "animating" in d.message]
    finally:
        mp.close()


def test_css_anim_text_is_faded_once_static_or_animated(tmp_path):
    root = write_project(tmp_path / "op", {"pages/a/a": {
        "wxml": '<view class="s">████</view><view class="a">████</view>', "js": "Page({})",
        "wxss": "view { font-size: 40px; color: #000000; height: 60px }\n.s { opacity: .5 }\n"
                "@keyframes half { from { opacity: .5 } to { opacity: .5 } }\n.a { animation: half 1s infinite }"}})
    sim = Simulator(root, storage_dir=tmp_path / "st", clock=VirtualClock())
    sim.start()
    mp = MiniProgram(sim)
    try:
        from PySide6.QtGui import QImage

        from simulator.ui.geometry import screen_geometry

        img, geo = QImage.fromData(mp.screenshot()), screen_geometry(sim)
        grey = [img.pixelColor(int(15 * geo.dpr), int((geo.page[1] + y) * geo.dpr)).red() for y in (30, 90)]
        assert grey == [128, 128]  # black at half opacity, not a quarter
    finally:
        mp.close()


def test_css_anim_timing_changes_apply_without_a_restart(mp):
    set_data(mp, {"cls": "slide"})
    mp.sim.advance_clock(496)
    assert style(mp, "#box", "transform")[0][1] == pytest.approx(49.6)
    set_data(mp, {"cls": "slide slow"})  # a new duration and easing keep the animation's clock
    from renderer.anim.timing import easing

    expected = 100 * easing("ease-in")(496 / 4000)  # 496 of 4000 ms, eased in
    assert style(mp, "#box", "transform")[0][1] == pytest.approx(expected)
    starts = [e for e in mp.current_page().data("events") if e[0] == "animationstart"]
    assert len(starts) == 1


def test_css_anim_reloaded_stylesheet_restarts_with_the_new_keyframes(mp, tmp_path):
    set_data(mp, {"cls": "slide"})
    mp.sim.advance_clock(496)
    wxss = tmp_path / "mp" / "pages" / "a" / "a.wxss"
    wxss.write_text(wxss.read_text().replace("translateX(100px)", "translateX(-100px)"))
    mp.sim.reload_views(styles=True)
    assert style(mp, "#box", "transform")[0][1] == 0.0  # started again
    mp.sim.advance_clock(496)
    assert style(mp, "#box", "transform")[0][1] == pytest.approx(-49.6)


def test_css_anim_missing_keyframes_are_reported_at_the_declaration(mp):
    set_data(mp, {"cls": "nowhere"})
    found = [str(d) for d in mp.diagnostics() if "no @keyframes" in d.message]
    assert found == ["pages/a/a.wxss:18:12: warning: animation-name 'ghost' has no @keyframes rule; "
                     "nothing is animated"]
