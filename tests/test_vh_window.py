"""`vh` counts in the page window's height (the screen less the navigation bar and a shown
tabBar), the viewport of WeChat's page WebView; hiding the tabBar gives it the bar's height."""

from __future__ import annotations

import json

from simulator import launch
from tests.miniprogram import write_project

PAGE = {"wxml": '<view id="full" style="height:100vh"/><view id="half" style="height:50vh"/>', "js": "Page({})"}


def test_vh_is_the_window_height_on_plain_and_tab_pages(tmp_path):
    tab = {"list": [{"pagePath": "pages/a/a", "text": "A"}, {"pagePath": "pages/c/c", "text": "C"}]}
    root = write_project(tmp_path / "p", {"pages/a/a": PAGE, "pages/b/b": PAGE, "pages/c/c": PAGE},
                         app={"tabBar": tab})
    with launch(root, storage=tmp_path / "s") as mp:   # iPhone 6/7/8: a 667 px screen, 64 px of bars
        page = mp.current_page()
        window = mp.sim.page_area_height()
        assert page.query("#full").size()["height"] == window < 667 - 64  # the tabBar takes its part
        assert page.query("#half").size()["height"] == window / 2
        page = mp.navigate_to("/pages/b/b")
        assert page.query("#full").size()["height"] == 667 - 64
        mp.navigate_back()
        mp.call_wx_method("hideTabBar", {})
        assert mp.current_page().query("#full").size()["height"] == 667 - 64


def test_custom_navigation_makes_vh_the_whole_screen(tmp_path):
    root = write_project(tmp_path / "p", {"pages/a/a": {**PAGE, "json": json.dumps({"navigationStyle": "custom"})}})
    with launch(root, storage=tmp_path / "s") as mp:
        assert mp.current_page().query("#full").size()["height"] == 667
