"""match-media, root-portal and page-container end to end: shown by device size, rendered at the
page root, opened and closed with their events, the overlay and back navigation."""

from __future__ import annotations

import pytest
from miniprogram import write_project

from renderer.view import page_container
from simulator.automation import MiniProgram, launch
from simulator.clock import VirtualClock
from simulator.reload import ReloadSession
from simulator.runtime import Simulator

MEDIA_WXML = """
<match-media id="wide" min-width="400"><view id="w" style="height: 30px">wide</view></match-media>
<match-media id="narrow" max-width="399.5"><view id="n" style="height: 30px">narrow</view></match-media>
<match-media id="exact" width="320" orientation="portrait"><view id="e">exactly 320</view></match-media>
<match-media id="land" orientation="landscape"><view id="l">landscape</view></match-media>
<match-media id="tall" min-height="{{minH}}"><view id="t">tall</view></match-media>
<match-media id="always"><view id="a">no query</view></match-media>
"""


def _media_project(tmp_path):
    return write_project(tmp_path / "mp", {"pages/m/m": {"wxml": MEDIA_WXML, "js": "Page({data: {minH: 600}})"}})


def _shown(page) -> set[str]:
    return {i for i in ("w", "n", "e", "l", "t", "a") if page.query("#" + i).node.box is not None}


def test_match_media_follows_the_device_size(tmp_path):
    root = _media_project(tmp_path)
    mp = launch(root, device="iPhone SE", storage=tmp_path / "st")  # 320 × 568
    page = mp.current_page()
    assert _shown(page) == {"n", "e", "a"}
    assert not [d for d in mp.diagnostics() if "match-media" in d.message]
    page.set_data({"minH": 500})  # a changed attribute is evaluated again
    assert _shown(page) == {"n", "e", "t", "a"}
    assert page.query("#narrow").style("display") == "block" and page.query("#wide").style("display") == "none"
    mp.close()
    mp = launch(root, device="iPad", storage=tmp_path / "st")  # 768 × 1024
    assert _shown(mp.current_page()) == {"w", "t", "a"}
    mp.close()


def test_match_media_is_evaluated_again_when_the_device_changes(tmp_path):
    session = ReloadSession(_media_project(tmp_path), device="iPhone 6/7/8", storage_dir=tmp_path / "st", echo=False)
    try:
        page = MiniProgram(session.sim).current_page()
        assert _shown(page) == {"n", "t", "a"}  # 375 × 667
        assert session.switch_device("iPhone XR/11")  # 414 × 896: the toolbar's device menu
        page = MiniProgram(session.sim).current_page()
        assert _shown(page) == {"w", "t", "a"}
    finally:
        session.sim.close()


PORTAL_WXML = """
<view id="clip" style="overflow: hidden; width: 100px; height: 100px; background: #00ff00; opacity: 0.5;
  transform: translateX(100px)" bindtap="outer">
  <root-portal id="rp" enable="{{enable}}">
    <view id="inside" bindtap="inner" style="margin-top: 200px; margin-left: 150px; width: 60px; height: 60px;
      background: #ff0000"></view>
  </root-portal>
</view>
<view id="later" style="position: fixed; left: 140px; top: 190px; width: 100px; height: 100px; background: #0000ff"></view>
"""
PORTAL_JS = """Page({
  data: {enable: true, taps: []},
  inner(e) { this.setData({taps: this.data.taps.concat([['inner', e.target.id]])}) },
  outer(e) { this.setData({taps: this.data.taps.concat([['outer', e.target.id, e.currentTarget.id]])}) },
})"""


@pytest.fixture()
def portal(tmp_path):
    root = write_project(tmp_path / "mp", {"pages/p/p": {"wxml": PORTAL_WXML, "js": PORTAL_JS}})
    mp = launch(root, storage=tmp_path / "st")
    yield mp.current_page()
    mp.close()


def _pixel(page, x, y):
    from renderer.qt.page_widget import render_page_image

    c = render_page_image(page.view, 375, 667).pixelColor(int(x), int(y))
    return c.red(), c.green(), c.blue()


def test_root_portal_escapes_clipping_transform_and_opacity(portal):
    inside = portal.query("#inside")
    assert inside.offset() == {"left": 150.0, "top": 200.0}  # placed from the window's corner
    assert _pixel(portal, 130, 50) == (128, 255, 128)  # the half-transparent green box, moved 100px right
    assert _pixel(portal, 30, 50) == (255, 255, 255)
    assert _pixel(portal, 160, 230) == (255, 0, 0)  # outside the clip, opaque, not moved: the portal
    assert _pixel(portal, 230, 280) == (0, 0, 255)  # the page's own fixed box where the portal is not
    portal.set_data({"enable": False})
    assert _pixel(portal, 160, 230) == (0, 0, 255)  # in place: clipped away, under the later fixed box
    assert portal.query("#inside").offset()["top"] == 200.0 and portal.query("#rp").style("position") == "static"


def test_root_portal_is_on_top_and_events_bubble_through_its_owner(portal):
    portal.view.tap(160, 230)  # where the portal's box overlaps the later fixed box: the portal is on top
    portal.mp.wait_idle()
    assert portal.data("taps") == [["inner", "inside"], ["outer", "inside", "clip"]]
    portal.query("#inside").tap()  # a finger where it shows: the ancestor's transform does not move it
    assert portal.data("taps")[2:] == [["inner", "inside"], ["outer", "inside", "clip"]]


CONTAINER_WXML = """
<view id="under" bindtap="under" style="height: 600px; background: #ffff00">page</view>
<page-container id="pc" show="{{show}}" position="{{position}}" round="{{round}}" duration="{{duration}}"
  overlay-style="{{overlayStyle}}" custom-style="{{customStyle}}" close-on-slide-down="{{slide}}"
  bindbeforeenter="log" bindenter="log" bindafterenter="log" bindbeforeleave="log" bindleave="log"
  bindafterleave="log" bindclickoverlay="log">
  <view id="content" bindtap="content" style="height: 200px">popup</view>
</page-container>
"""
CONTAINER_JS = """Page({
  data: {show: false, position: 'bottom', round: false, duration: 300, overlayStyle: '', customStyle: '',
         slide: false, log: []},
  log(e) { this.setData({log: this.data.log.concat([e.type])}) },
  under() { this.setData({log: this.data.log.concat(['under'])}) },
  content() { this.setData({log: this.data.log.concat(['content'])}) },
  back() { wx.navigateBack() },
})"""


def _container_project(tmp_path):
    return write_project(tmp_path / "mp", {"pages/home/home": {"wxml": "<view>home</view>", "js": "Page({})"},
                                           "pages/c/c": {"wxml": CONTAINER_WXML, "js": CONTAINER_JS}})


@pytest.fixture()
def container(tmp_path):
    mp = launch(_container_project(tmp_path), storage=tmp_path / "st")
    page = mp.navigate_to("/pages/c/c")
    yield page
    mp.close()


def test_page_container_opens_and_closes_with_its_events_in_order(container):
    assert container.query("#content").node.box is None  # closed: nothing shows
    container.set_data({"show": True})
    assert container.data("log") == ["beforeenter", "enter", "afterenter"]
    box = container.query("#content").node.box
    assert (box.x, box.y, box.width, box.height) == (0.0, 603.0 - 200.0, 375.0, 200.0)  # at the bottom
    container.set_data({"show": False})
    assert container.data("log")[3:] == ["beforeleave", "leave", "afterleave"]
    assert container.query("#content").node.box is None


def test_page_container_slides_in_on_the_simulator_clock(tmp_path):
    sim = Simulator(_container_project(tmp_path), storage_dir=tmp_path / "st", clock=VirtualClock())
    sim.start("pages/c/c")
    mp = MiniProgram(sim)
    mp.wait_idle()
    view = sim.current_view()
    overlay, panel = page_container.parts(mp.current_page().query("#pc").node)
    assert panel.style.get("transform") == (("translate", 0.0, ("%", 100.0)),)  # closed: below the window
    sim.logic.set_data(view.page_id, {"show": True})
    sim.pump()
    sim.advance_clock(150)  # half way through 300 ms: partly in, the overlay fading in
    (_kind, _x, (unit, shift)), = panel.style.get("transform")
    assert unit == "%" and 5 < shift < 60 and 0.3 < overlay.style.get("opacity") < 1
    assert sim.logic.instance_data(view.page_id)["log"] == ["beforeenter", "enter"]
    sim.advance_clock(200)
    assert sim.logic.instance_data(view.page_id)["log"] == ["beforeenter", "enter", "afterenter"]
    assert panel.style.get("transform") == (("translate", 0.0, ("%", 0.0)),) and overlay.style.get("opacity") == 1
    mp.close()


def test_page_container_overlay_covers_the_page_and_reports_taps(container):
    container.set_data({"show": True, "overlayStyle": "background-color: rgba(255, 0, 0, 1)"})
    assert _pixel(container, 100, 100) == (255, 0, 0)  # the overlay, styled by overlay-style
    assert _pixel(container, 100, 500) == (255, 255, 255)  # the panel
    container.view.tap(100, 100)
    container.mp.wait_idle()
    assert container.data("log")[-1] == "clickoverlay" and "under" not in container.data("log")
    container.query("#content").tap()
    assert container.data("log")[-1] == "content"
    assert "clickoverlay" not in container.data("log")[:-2] and container.data("show") is True


def test_page_container_round_top_position_and_custom_style(container):
    container.set_data({"show": True, "position": "top", "round": True, "customStyle": "background-color: #0000ff"})
    box = container.query("#content").node.box
    assert (box.y, box.height) == (0.0, 200.0)
    assert _pixel(container, 187, 100) == (0, 0, 255)
    assert _pixel(container, 1, 199) != (0, 0, 255)  # a rounded bottom corner
    assert container.query("#content").node.parent.style.get("border-bottom-left-radius") == 16.0


def test_back_navigation_closes_the_open_container_instead_of_the_page(container):
    mp = container.mp
    container.set_data({"show": True})
    page = mp.navigate_back()  # the back button, the back swipe and wx.navigateBack do the same
    assert page.path == "pages/c/c"
    assert page.data("log") == ["beforeenter", "enter", "afterenter", "beforeleave", "leave", "afterleave"]
    assert page.query("#content").node.box is None
    page.set_data({"show": False})
    page.set_data({"show": True})  # shown again
    page.call_method("back")
    assert mp.current_page().path == "pages/c/c" and page.data("log")[-1] == "afterleave"
    assert mp.navigate_back().path == "pages/home/home"  # closed: back leaves the page


def test_close_on_slide_down(container):
    container.set_data({"show": True, "slide": True})
    container.query("#content").swipe("down", fraction=0.1)  # 20px: not far enough
    assert container.data("log")[-1] == "afterenter"
    container.query("#content").swipe("down", fraction=0.6)
    assert container.data("log")[-3:] == ["beforeleave", "leave", "afterleave"]


def test_shown_at_first_render_enters_and_rests_deterministically(tmp_path):
    root = _container_project(tmp_path)
    wxml = (root / "pages/c/c.wxml").read_text().replace('show="{{show}}"', 'show')
    (root / "pages/c/c.wxml").write_text(wxml)
    shots = []
    for _ in range(2):
        mp = launch(root, storage=tmp_path / "st", page="pages/c/c")
        assert mp.current_page().data("log") == ["beforeenter", "enter", "afterenter"]
        shots.append(mp.screenshot())
        mp.close()
    assert shots[0] == shots[1]
