"""wx.showTabBar / hideTabBar / setTabBarItem / setTabBarStyle through a running mini program:
answers in callback and promise form, parameter errors, the page's window height, and what the
screenshot shows."""

from __future__ import annotations

import json
import struct
import zlib

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from api_calls import CALLS_JS, call_sources, results
from miniprogram import write_project
from simulator import launch

TAB_H = 48
TAB_WXSS = ".bar { position: fixed; left: 0; right: 0; bottom: 0; height: 40px; background: #ff0000 }"
TAB_PAGE = {"wxml": '<view class="bar">bar</view>', "wxss": TAB_WXSS, "js": CALLS_JS}


def png(w: int, h: int, rgb: tuple[int, int, int]) -> bytes:
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.fixture
def mp(tmp_path):
    root = write_project(tmp_path / "p", {"pages/home/home": TAB_PAGE, "pages/me/me": TAB_PAGE,
                                          "pages/detail/detail": {"wxml": "<view>detail</view>", "js": CALLS_JS}},
                         app={"tabBar": {"list": [{"pagePath": "pages/home/home", "text": "首页"},
                                                  {"pagePath": "pages/me/me", "text": "我的"}]}})
    (root / "project.config.json").write_text(json.dumps({"appid": "wxabc"}))
    (root / "icons").mkdir()
    (root / "icons" / "red.png").write_bytes(png(24, 24, (255, 0, 0)))
    with launch(root, storage=tmp_path / "storage") as program:
        yield program


def shot(mp) -> QImage:
    return QImage.fromData(mp.screenshot())


def css_pixel(mp, img: QImage, x: float, y: float) -> str:
    ratio = mp.sim.device["pixelRatio"]
    return img.pixelColor(round(x * ratio), round(y * ratio)).name()


def tab_item_image(mp, img: QImage, index: int) -> QImage:
    ratio, w, h = mp.sim.device["pixelRatio"], mp.sim.device["screenWidth"], mp.sim.device["screenHeight"]
    return img.copy(QRect(round(index * w / 2 * ratio), round((h - TAB_H) * ratio), round(w / 2 * ratio),
                          round(TAB_H * ratio)))


def test_hide_tab_bar_gives_the_page_its_height_back(mp):
    page = mp.current_page()
    screen_h = mp.sim.device["screenHeight"]
    before = mp.call_wx_method("getSystemInfoSync")["windowHeight"]
    assert before == screen_h - 64 - TAB_H and mp.sim.page_area_height() == before
    assert page.query(".bar").offset()["top"] == before - 40
    assert css_pixel(mp, shot(mp), 5, screen_h - 5) == "#ffffff"  # the tabBar's background

    page.call_method("cb", "hideTabBar", {"animation": True})
    mp.wait_idle()
    assert results(page) == [["success", {"errMsg": "hideTabBar:ok"}], ["complete"]]
    after = mp.call_wx_method("getSystemInfoSync")["windowHeight"]
    assert after == before + TAB_H == mp.sim.page_area_height()
    assert mp.call_wx_method("getWindowInfo")["windowHeight"] == after
    assert page.query(".bar").offset()["top"] == after - 40  # the fixed bar moved down with the window
    assert css_pixel(mp, shot(mp), 5, screen_h - 5) == "#ff0000"  # where the tabBar was: the page's bar

    # one tabBar for the app: still hidden on the other tab page, until showTabBar
    me = mp.switch_tab("/pages/me/me")
    assert mp.sim.page_area_height() == after
    me.call_method("promise", "showTabBar", {})
    mp.wait_idle()
    assert results(me) == [["then", {"errMsg": "showTabBar:ok"}]]
    assert mp.call_wx_method("getSystemInfoSync")["windowHeight"] == before
    assert me.query(".bar").offset()["top"] == before - 40
    assert call_sources(mp, "hideTabBar") == ["builtin"] and call_sources(mp, "showTabBar") == ["builtin"]


def test_tab_bar_apis_fail_off_tab_pages_and_on_bad_arguments(mp):
    page = mp.current_page()
    page.call_method("cb", "hideTabBar", {"animation": "yes"})
    mp.wait_idle()
    assert results(page)[0] == ["fail", {"errMsg": "hideTabBar:fail parameter error: parameter.animation should "
                                                   "be Boolean instead of String;"}]
    page.call_method("promise", "setTabBarItem", {"index": "1", "text": "x"})
    page.call_method("promise", "setTabBarItem", {"index": 5, "text": "x"})
    page.call_method("promise", "setTabBarStyle", {"color": "red"})
    page.call_method("promise", "setTabBarStyle", {"borderStyle": "grey"})
    mp.wait_idle()
    errors = [e["errMsg"] for kind, e in results(page)]
    assert errors == [
        "setTabBarItem:fail parameter error: parameter.index should be Number instead of String;",
        "setTabBarItem:fail tabbar item not found: index 5 of 2 items",
        "setTabBarStyle:fail invalid color: 'red' is not a HexColor",
        "setTabBarStyle:fail invalid borderStyle: 'grey' (black or white)",
    ]
    detail = mp.navigate_to("pages/detail/detail")
    for name in ("hideTabBar", "showTabBar", "setTabBarStyle"):
        detail.call_method("promise", name, {})
    detail.call_method("cb", "setTabBarItem", {"index": 0, "text": "x"})
    mp.wait_idle()
    log = results(detail)
    assert [e for e in log[:3]] == [["catch", {"errMsg": f"{n}:fail not TabBar page"}]
                                    for n in ("hideTabBar", "showTabBar", "setTabBarStyle")]
    assert log[3:] == [["fail", {"errMsg": "setTabBarItem:fail not TabBar page"}], ["complete"]]
    assert mp.sim.ui.tab_bar.hidden is False and mp.sim.ui.tab_bar.items == {}


def test_set_tab_bar_item_changes_what_the_bar_shows(mp):
    page = mp.current_page()
    first = shot(mp)
    page.call_method("cb", "setTabBarItem", {"index": 1, "text": "Account settings"})
    mp.wait_idle()
    assert results(page)[0] == ["success", {"errMsg": "setTabBarItem:ok"}]
    assert mp.sim.tab_bar()["list"][1]["text"] == "我的"  # app.json as written …
    assert mp.sim.ui.tab_bar.merged(mp.sim.tab_bar())["list"][1]["text"] == "Account settings"  # … what shows
    second = shot(mp)
    assert tab_item_image(mp, second, 1) != tab_item_image(mp, first, 1)  # the new text is drawn
    assert tab_item_image(mp, second, 0) == tab_item_image(mp, first, 0)

    page.call_method("promise", "setTabBarItem", {"index": 0, "iconPath": "/icons/red.png",
                                                  "selectedIconPath": "icons/red.png"})
    mp.wait_idle()
    assert results(page) == [["then", {"errMsg": "setTabBarItem:ok"}]]
    w = mp.sim.device["screenWidth"]
    top = mp.sim.device["screenHeight"] - TAB_H
    assert css_pixel(mp, shot(mp), w / 4, top + 5 + 12) == "#ff0000"  # the 24px icon, 5px below the bar's top


def test_pagepath_is_not_a_set_tab_bar_item_parameter(mp):
    page = mp.current_page()
    page.call_method("cb", "setTabBarItem", {"index": 0, "pagePath": "pages/detail/detail"})
    mp.wait_idle()
    assert results(page)[0][0] == "success"
    assert any("pagePath is not a parameter" in d.message for d in mp.sim.diagnostics)
    assert "pagePath" not in mp.sim.ui.tab_bar.items.get(0, {})


def test_set_tab_bar_style_repaints_the_bar(mp):
    page = mp.current_page()
    page.call_method("promise", "setTabBarStyle", {"backgroundColor": "#00ff00", "color": "#0000ff",
                                                   "selectedColor": "#ff00ff", "borderStyle": "white"})
    mp.wait_idle()
    assert results(page) == [["then", {"errMsg": "setTabBarStyle:ok"}]]
    img = shot(mp)
    assert css_pixel(mp, img, 5, mp.sim.device["screenHeight"] - 5) == "#00ff00"
    colours = {tab_item_image(mp, img, 1).pixelColor(x, y).name()
               for x in range(0, 375) for y in range(0, 96)}
    assert "#0000ff" in colours  # the unselected item's text colour
    mp.switch_tab("/pages/me/me")  # the style is the app's, not the page's
    assert css_pixel(mp, shot(mp), 5, mp.sim.device["screenHeight"] - 5) == "#00ff00"
