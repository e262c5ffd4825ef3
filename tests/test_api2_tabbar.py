from __future__ import annotations

from test_api_fakes import make


def test_badges_need_a_tab_page(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("setTabBarBadge", {"index": 0, "text": "3"}, 1)
    assert ctx.results[1][0] == {"errMsg": "setTabBarBadge:fail not TabBar page"}
    ctx.page_config = {"hasTabBar": True}
    apis.invoke("setTabBarBadge", {"index": "0", "text": "3"}, 2)
    assert ctx.results[2][0]["errMsg"].endswith("parameter.index should be Number instead of String;")
    apis.invoke("setTabBarBadge", {"index": 1, "text": "3"}, 3)
    apis.invoke("showTabBarRedDot", {"index": 2}, 4)
    assert ctx.ui.tab_badges == {1: "3"} and ctx.ui.tab_red_dots == {2}
    apis.invoke("removeTabBarBadge", {"index": 1}, 5)
    apis.invoke("hideTabBarRedDot", {"index": 2}, 6)
    assert ctx.ui.tab_badges == {} and ctx.ui.tab_red_dots == set()
    assert all(ctx.results[i][0]["errMsg"].endswith(":ok") for i in (3, 4, 5, 6))


def test_page_scroll_to(tmp_path):
    ctx, apis = make(tmp_path)
    scrolled = []
    ctx.scroll_page = lambda top: scrolled.append(top)
    apis.invoke("pageScrollTo", {"scrollTop": 120, "duration": 0}, 1)
    assert scrolled == [120.0] and ctx.results[1][0] == {"errMsg": "pageScrollTo:ok"}
    apis.invoke("pageScrollTo", {"selector": "#end"}, 2)
    assert ctx.ui.scroll_requests[-1]["selector"] == "#end"
    apis.invoke("pageScrollTo", {}, 3)
    assert ctx.results[3][0]["errMsg"].endswith("parameter.scrollTop should be Number instead of Undefined;")
