"""position: fixed is placed against the page's window (the screen less the navigation bar and
a shown tabBar), as in WeChat, so a bottom bar sits just above the tabBar instead of under it."""

from __future__ import annotations

import json

import pytest

from miniprogram import write_project
from simulator import launch

BAR = {"wxml": '<view class="bar">BAR</view><view>content</view>',
       "wxss": ".bar { position: fixed; left: 0; right: 0; bottom: 0; height: 40px; background: #ff0000 }",
       "js": "Page({})"}


@pytest.fixture
def mp(tmp_path):
    root = write_project(tmp_path / "p", {"pages/tab/tab": BAR, "pages/other/other": BAR, "pages/two/two": BAR},
                         app={"tabBar": {"list": [{"pagePath": "pages/tab/tab", "text": "A"},
                                                  {"pagePath": "pages/two/two", "text": "B"}]}})
    (root / "project.config.json").write_text(json.dumps({"appid": "wxabc"}))
    with launch(root, storage=tmp_path / "storage") as program:
        yield program


def test_fixed_bottom_bar_sits_above_the_tab_bar(mp):
    window = mp.call_wx_method("getSystemInfoSync")["windowHeight"]
    assert window == mp.sim.page_area_height() < mp.sim.device["screenHeight"] - 64
    assert mp.current_page().query(".bar").offset()["top"] == window - 40


def test_fixed_bottom_bar_on_a_page_without_tab_bar(mp):
    page = mp.navigate_to("pages/other/other")
    window = mp.sim.page_area_height()
    assert window == mp.sim.device["screenHeight"] - 64  # status bar + navigation bar
    assert page.query(".bar").offset()["top"] == window - 40


def test_bar_is_painted_inside_the_page_area(mp):
    from PySide6.QtGui import QImage

    img = QImage.fromData(mp.screenshot())
    ratio = mp.sim.device["pixelRatio"]
    y = round((64 + mp.sim.page_area_height() - 20) * ratio)  # the middle of the 40px bar
    assert img.pixelColor(10, y).name() == "#ff0000"
