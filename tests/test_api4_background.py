"""wx.setBackgroundColor / wx.setBackgroundTextStyle: per-page window state, errors, and the
pull-down band the window paints with it."""

from __future__ import annotations

import json

import pytest

from api_calls import CALLS_JS, call_sources, results
from miniprogram import write_project
from simulator import launch
from test_api_fakes import make


@pytest.fixture
def mp(tmp_path):
    page = {"wxml": "<view>page</view>", "js": CALLS_JS,
            "json": json.dumps({"enablePullDownRefresh": True, "backgroundColor": "#eeeeee"})}
    root = write_project(tmp_path / "p", {"pages/a/a": page, "pages/b/b": page})
    (root / "project.config.json").write_text(json.dumps({"appid": "wxabc"}))
    with launch(root, storage=tmp_path / "storage") as program:
        yield program


def test_background_changes_the_current_page_only(mp):
    from simulator.ui.chrome import window_look

    page = mp.current_page()
    assert window_look(mp.sim)[0].name() == "#eeeeee" and window_look(mp.sim)[1] is True
    page.call_method("cb", "setBackgroundColor", {"backgroundColor": "#123456", "backgroundColorTop": "#abcdef"})
    page.call_method("promise", "setBackgroundTextStyle", {"textStyle": "light"})
    mp.wait_idle()
    assert results(page) == [["success", {"errMsg": "setBackgroundColor:ok"}], ["complete"],
                             ["then", {"errMsg": "setBackgroundTextStyle:ok"}]]
    assert mp.sim.ui.backgrounds[page_id(mp)] == {"backgroundColor": "#123456", "backgroundColorTop": "#abcdef",
                                                  "backgroundTextStyle": "light"}
    color, dark = window_look(mp.sim)
    top_wins = mp.sim.device["platform"] == "ios"  # backgroundColorTop is iOS's
    assert color.name() == ("#abcdef" if top_wins else "#123456") and dark is False
    assert call_sources(mp, "setBackgroundColor") == ["builtin"]
    mp.navigate_to("pages/b/b")
    assert window_look(mp.sim)[0].name() == "#eeeeee"  # another page keeps its own


def test_background_argument_errors(mp):
    page = mp.current_page()
    page.call_method("promise", "setBackgroundColor", {"backgroundColor": "blue"})
    page.call_method("promise", "setBackgroundColor", {"backgroundColorBottom": 3})
    page.call_method("promise", "setBackgroundTextStyle", {"textStyle": "grey"})
    page.call_method("promise", "setBackgroundTextStyle", {})
    mp.wait_idle()
    assert [e["errMsg"] for _, e in results(page)] == [
        "setBackgroundColor:fail invalid backgroundColor: 'blue' is not a hex colour",
        "setBackgroundColor:fail parameter error: parameter.backgroundColorBottom should be String instead of Number;",
        "setBackgroundTextStyle:fail invalid textStyle: 'grey' (dark or light)",
        "setBackgroundTextStyle:fail parameter error: parameter.textStyle should be String instead of Undefined;",
    ]
    assert mp.sim.ui.backgrounds.get(page_id(mp), {}) == {}


def test_pull_down_band_is_painted_with_the_set_background(mp, qtbot):
    from simulator.ui.screen import ScreenWidget

    page = mp.current_page()
    page.call_method("cb", "setBackgroundColor", {"backgroundColor": "#00ff00"})
    mp.wait_idle()
    mp.sim.ui.set_refreshing(True)  # held open while the page refreshes
    screen = ScreenWidget(mp.sim)
    qtbot.addWidget(screen)
    screen.refresh()
    img = screen.grab().toImage()
    band_y = round(mp.sim.device["statusBarHeight"] + 44 + 10)
    assert img.pixelColor(3, band_y).name() == "#00ff00"


def test_unloaded_page_forgets_its_background(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("setBackgroundTextStyle", {"textStyle": "light"}, 1)
    assert ctx.results[1] == ({"errMsg": "setBackgroundTextStyle:ok"}, "builtin")
    assert ctx.ui.backgrounds == {"p1": {"backgroundTextStyle": "light"}}
    ctx.ui.forget_page("p1")
    assert ctx.ui.backgrounds == {}


def page_id(mp) -> str:
    return mp.sim.current_page_id()
