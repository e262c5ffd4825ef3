"""page-meta and its navigation-bar end to end: root-font-size (rem), page-font-size and
page-style on the page root, scroll-top with scroll / scrolldone, the window background,
and the navigation bar's title, loading and colours (faded on the clock)."""

from __future__ import annotations

import pytest

from miniprogram import write_project
from simulator.automation import launch
from simulator.clock import VirtualClock
from simulator.runtime import Simulator

WXML = """
<page-meta root-font-size="{{rfs}}" page-font-size="{{pfs}}" page-style="{{ps}}" scroll-top="{{st}}"
  background-color="#123456" background-text-style="{{bts}}" bindscroll="scrolled" bindscrolldone="done">
  <navigation-bar title="{{title}}" loading="{{loading}}" front-color="{{front}}" background-color="{{bg}}"
    color-animation-duration="{{dur}}" color-animation-timing-func="easeIn"/>
</page-meta>
<view id="rem" style="width: 2rem; height: 1rem"></view>
<view id="em" style="width: 2em; height: 10px"></view>
<view id="tall" style="height: 3000px"></view>
"""
JS = """Page({
  data: {rfs: '20px', pfs: '', ps: 'background-color: #00ff00', st: '', bts: 'light', title: 'Meta title',
         loading: false, front: '#ffffff', bg: '#ff0000', dur: 0, scrolls: [], dones: 0},
  scrolled(e) { this.setData({scrolls: this.data.scrolls.concat([e.detail.scrollTop])}) },
  done() { this.setData({dones: this.data.dones + 1}) },
})"""
APP = {"window": {"navigationBarTitleText": "From json", "navigationBarBackgroundColor": "#000000"}}


@pytest.fixture()
def project(tmp_path):
    return write_project(tmp_path / "mp", {"pages/index/index": {"wxml": WXML, "js": JS}}, app=APP)


@pytest.fixture()
def page(project, tmp_path):
    mp = launch(project, storage=tmp_path / "st")
    yield mp.current_page()
    mp.close()


def _bar(page):
    return page.mp.sim.ui.navbar(page.page_id)


def test_page_meta_root_font_size_sets_rem_only(page):
    assert page.query("#rem").size() == {"width": 40.0, "height": 20.0}
    assert page.query("#em").size()["width"] == 32.0  # em follows the page's own 16px
    page.set_data({"rfs": "15px"})
    assert page.query("#rem").size() == {"width": 30.0, "height": 15.0}
    page.set_data({"rfs": "40rpx"})  # 375 px wide device: 20px
    assert page.query("#rem").size()["width"] == 40.0
    assert not [d for d in page.mp.diagnostics() if "page-meta" in d.message or "navigation-bar" in d.message]


def test_page_meta_page_style_and_page_font_size(page):
    root = page.view.root
    assert root.style.get("background-color") == (0, 255, 0, 1.0)
    page.set_data({"ps": "background-color: #0000ff; color: #ff0000", "pfs": "20px"})
    assert root.style.get("background-color") == (0, 0, 255, 1.0)
    assert root.style.get("color") == (255, 0, 0, 1.0)
    assert page.query("#em").size()["width"] == 40.0
    from renderer.qt.page_widget import render_page_image

    c = render_page_image(page.view, 375, 300).pixelColor(100, 250)
    assert (c.red(), c.green(), c.blue()) == (0, 0, 255)


def test_page_meta_scroll_top_scrolls_the_page(page):
    page.set_data({"st": "300px"})
    assert page.scroll_top() == 300.0
    assert page.data("scrolls") == [300.0] and page.data("dones") == 1
    page.set_data({"st": "100rpx"})
    assert page.scroll_top() == 50.0
    page.scroll_to(120)  # any scroll reaches bindscroll
    assert page.data("scrolls")[-1] == 120.0 and page.data("dones") == 2


def test_page_meta_window_background(page):
    config = page.mp.sim.page_config()
    assert config["backgroundColor"] == "#123456" and config["backgroundTextStyle"] == "light"
    page.set_data({"bts": "purple"})  # only dark and light: the page's own config again
    assert page.mp.sim.page_config()["backgroundTextStyle"] == "dark"


def test_navigation_bar_sets_the_bar(page):
    bar = _bar(page)
    assert (bar.title, bar.front_color, bar.background_color, bar.loading) == ("Meta title", "#ffffff", "#ff0000", False)
    page.set_data({"title": "Changed", "loading": True, "front": "#000000", "bg": "#00ff00"})
    bar = _bar(page)
    assert (bar.title, bar.front_color, bar.background_color, bar.loading) == ("Changed", "#000000", "#00ff00", True)
    page.mp.call_wx_method("setNavigationBarTitle", {"title": "By API"})
    assert _bar(page).title == "By API"  # the API still works; the node only sends its own changes
    page.set_data({"front": "#123123"})  # only #ffffff and #000000
    assert _bar(page).front_color == "#000000"


def test_navigation_bar_colour_fades_on_the_clock(project, tmp_path):
    sim = Simulator(project, storage_dir=tmp_path / "st", clock=VirtualClock())
    sim.start()
    sim.wait_idle()
    view = sim.current_view()
    sim.logic.set_data(view.page_id, {"dur": 1000, "bg": "#0000ff"})
    sim.advance_clock(500)
    mid = sim.ui.navbar(view.page_id).background_color
    red, blue = int(mid[1:3], 16), int(mid[5:7], 16)
    assert 0 < red < 255 and 0 < blue < 255  # on its way from red to blue
    sim.advance_clock(600)
    assert sim.ui.navbar(view.page_id).background_color == "#0000ff"
    sim.close()
