"""The simulator pane of the window, offscreen: device switch, zoom, background/foreground,
back swipe, slide transition, pull-down refresh, compile modes, screenshot, recent projects."""

from __future__ import annotations

import json
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QMouseEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bridge.api.devices import load_devices  # noqa: E402
from simulator.reload import ReloadSession  # noqa: E402
from simulator.settings import CompileMode, Settings  # noqa: E402
from simulator.ui.app import launch_condition  # noqa: E402
from simulator.ui.gestures import REFRESH_BAND  # noqa: E402
from simulator.ui.window import SimulatorWindow  # noqa: E402

APP_JS = """App({
  log: [],
  onShow(o) { this.log.push('app:show:' + o.scene); },
  onHide() { this.log.push('app:hide'); }
});
"""
INDEX_JS = """Page({
  data: { tapped: '' },
  onShow() { getApp().log.push('index:show'); },
  onHide() { getApp().log.push('index:hide'); },
  onPullDownRefresh() { getApp().log.push('refresh'); },
  go() { wx.navigateTo({ url: '/pages/detail/detail?id=7' }); },
  other() { this.setData({ tapped: 'other' }); },
  done() { wx.stopPullDownRefresh(); }
});
"""
INDEX_WXML = """<view class="go" bindtap="go" style="height: 100px; background: #ff0000">go</view>
<view class="other" bindtap="other" style="height: 100px; background: #00ff00">other</view>
"""
DETAIL_JS = """Page({
  onShow() { getApp().log.push('detail:show'); },
  onHide() { getApp().log.push('detail:hide'); }
});
"""


def write_project(root: Path) -> Path:
    files = {
        "project.config.json": "{}",
        "app.json": json.dumps({"pages": ["pages/index/index", "pages/detail/detail"],
                                "window": {"navigationBarTitleText": "Pane"}}),
        "app.js": APP_JS,
        "app.wxss": "",
        "pages/index/index.json": json.dumps({"enablePullDownRefresh": True}),
        "pages/index/index.js": INDEX_JS,
        "pages/index/index.wxml": INDEX_WXML,
        "pages/detail/detail.json": "{}",
        "pages/detail/detail.js": DETAIL_JS,
        "pages/detail/detail.wxml": "<view class='d'>detail</view>",
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path):
    return write_project(tmp_path / "proj")


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "config")


def make_window(qtbot, project, tmp_path, settings, page=None, scene=1001):
    session = ReloadSession(project, page=page, scene=scene, storage_dir=tmp_path / "storage", echo=False)
    win = SimulatorWindow(session, settings=settings)
    qtbot.addWidget(win)
    win.timer.stop()  # the test drives the loop itself
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    session.sim.wait_idle()
    return win


@pytest.fixture
def win(qtbot, project, tmp_path, settings):
    w = make_window(qtbot, project, tmp_path, settings)
    yield w
    w.close()


def app_log(win):
    return win.sim.logic.evaluate("getApp().log")


def stack(win):
    return [(e.route, dict(e.query)) for e in win.sim.router.stack]


def find(view, cls):
    return next(n for n in view.root.walk() if cls in getattr(n, "classes", ()))


def send_mouse(widget, kind, pos):
    buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, QPointF(*pos), widget.mapToGlobal(QPointF(*pos)), Qt.MouseButton.LeftButton,
                        buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def drag(widget, points):
    send_mouse(widget, QEvent.Type.MouseButtonPress, points[0])
    for p in points[1:]:
        send_mouse(widget, QEvent.Type.MouseMove, p)
    send_mouse(widget, QEvent.Type.MouseButtonRelease, points[-1])


def test_window_device_switch_keeps_the_page_stack(win):
    win.sim.router.navigate_to("/pages/detail/detail?id=7")
    win.sim.wait_idle()
    old = win.sim
    assert win.pane.set_device("iPhone SE")
    assert win.sim is not old and win.screen_widget.sim is win.sim
    assert win.sim.device["name"] == "iPhone SE"
    assert stack(win) == [("pages/index/index", {}), ("pages/detail/detail", {"id": "7"})]
    assert win.screen_widget.width() == 320 and win.screen_widget.page.view is win.sim.current_view()
    assert win.pane.device_combo.currentText() == "iPhone SE"
    assert win.settings.get("device") == "iPhone SE"
    assert win.sim.logic.evaluate("wx.getSystemInfoSync().screenWidth") == 320


@pytest.mark.parametrize("zoom", [0.5, 2.0])
def test_window_zoom_maps_a_click_to_the_right_element(win, qtbot, zoom):
    assert win.pane.set_zoom(zoom) == zoom
    win.resize(1400, 1500)
    view = win.sim.current_view()
    node = find(view, "other")
    x, y, _w, _h = win.screen_widget.geo.page
    point = win.zoom_view.view_point(x + node.box.x + 40, y + node.box.y + node.box.height / 2)
    back = win.zoom_view.screen_point(point)
    assert back.x() == pytest.approx(x + node.box.x + 40, abs=1 / zoom)
    QTest.mouseClick(win.zoom_view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    win.sim.wait_idle()
    assert win.sim.logic.instance_data(view.page_id)["tapped"] == "other"
    assert win.pane.zoom_combo.currentText() == f"{round(zoom * 100)}%"
    assert win.settings.get("zoom") == zoom


def test_window_background_and_foreground_fire_onhide_and_onshow(win):
    assert app_log(win) == ["app:show:1001", "index:show"]
    win.pane.enter_background()
    assert app_log(win)[2:] == ["index:hide", "app:hide"]
    assert not win.pane.background_action.isEnabled() and win.pane.foreground_action.isEnabled()
    win.pane.enter_background()  # already in the background: nothing more
    win.pane.enter_foreground()
    assert app_log(win)[4:] == ["app:show:1001", "index:show"]
    assert win.pane.background_action.isEnabled()


def test_window_back_swipe_and_transition_never_delay_the_program(win):
    page = win.screen_widget.page
    view = win.sim.current_view()
    node = find(view, "go")
    QTest.mouseClick(page, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPointF(node.box.x + 20, node.box.y + 20).toPoint())
    win.sim.wait_idle()
    assert win.sim.current_route() == "pages/detail/detail"  # at once: the slide is only painted
    win.screen_widget.refresh()
    assert win.screen_widget.transition.running() and win.screen_widget.transition.kind == "push"
    assert win.screen_widget.page.view is win.sim.current_view()
    drag(page, [(30, 300), (5, 300)])  # a drag that does not start at the edge: nothing
    assert win.sim.page_stack_depth() == 2
    drag(page, [(5, 300), (60, 305), (150, 310)])
    win.sim.wait_idle()
    assert win.sim.current_route() == "pages/index/index"
    assert win.screen_widget.transition.kind == "pop"


def test_window_pull_down_refresh_gesture_shows_dots_until_stopped(win):
    page = win.screen_widget.page
    y0 = page.y()
    drag(page, [(100, 20), (100, 40)])  # too short: springs back
    win.sim.wait_idle()
    assert "refresh" not in app_log(win) and page.y() == y0
    send_mouse(page, QEvent.Type.MouseButtonPress, (100, 20))
    send_mouse(page, QEvent.Type.MouseMove, (100, 220))
    assert page.y() > y0  # the page follows the finger
    send_mouse(page, QEvent.Type.MouseButtonRelease, (100, 220))
    win.sim.wait_idle()
    assert app_log(win)[-1] == "refresh" and win.sim.ui.refreshing
    win.screen_widget.refresh()
    assert page.y() == y0 + REFRESH_BAND
    img = win.screen_widget.grab().toImage()
    x, y, w, _h = win.screen_widget.geo.page
    band = [img.pixelColor(int(x + w / 2 + dx), int(y + REFRESH_BAND / 2)).lightness() for dx in (-12, 0, 12)]
    assert all(v < 240 for v in band)  # the three dots on the white band
    win.sim.logic.call_method(win.sim.current_view().page_id, "done", [])
    win.sim.wait_idle()
    win.screen_widget.refresh()
    assert not win.sim.ui.refreshing and page.y() == y0


def test_window_compile_mode_saved_reloaded_and_recompiled(win, qtbot, project, tmp_path, settings):
    mode = CompileMode("share", "pages/detail/detail", "id=9", 1007)
    assert win.pane.add_compile_mode(mode) == mode
    assert stack(win) == [("pages/detail/detail", {"id": "9"})]
    assert win.sim.launch_options["scene"] == 1007
    assert win.pane.compile_combo.currentText() == "share"
    # another run reads it back and launches with it, as `wxsim open` does
    again = Settings(settings.folder)
    assert again.project(project).active_mode() == mode
    assert launch_condition(again, str(project), None, None) == ("pages/detail/detail?id=9", 1007)
    assert launch_condition(again, str(project), "pages/index/index", 1011) == ("pages/index/index", 1011)
    # Ctrl+R: a fresh launch at the mode's page, whatever the stack was
    win.sim.router.redirect_to("/pages/index/index")
    win.sim.wait_idle()
    old = win.sim
    QTest.keyClick(win, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert win.sim is not old and stack(win) == [("pages/detail/detail", {"id": "9"})]
    win.pane.choose_compile_mode(None)
    assert stack(win) == [("pages/index/index", {})] and win.sim.launch_options["scene"] == 1001
    assert Settings(settings.folder).project(project).active is None


def test_window_ctrl_s_writes_a_png_of_the_device(win, tmp_path):
    target = tmp_path / "shots" / "screen"
    target.parent.mkdir()
    asked = []
    win.pane.ask_screenshot_path = lambda suggested: asked.append(suggested) or str(target)
    QTest.keyClick(win, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["pages-index-index.png"]
    png = target.with_name("screen.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    img = QImage(str(png))
    device = load_devices()["iPhone 6/7/8"]
    assert (img.width(), img.height()) == (device["screenWidth"] * 2, device["screenHeight"] * 2)
    assert win.pane.screenshot_action.shortcut().toString() == "Ctrl+S"
    win.pane.ask_screenshot_path = lambda suggested: None  # the dialog was cancelled
    assert win.pane.screenshot() is None


def test_window_copy_page_path_with_query(win):
    win.sim.router.navigate_to("/pages/detail/detail?id=7&from=list")
    win.sim.wait_idle()
    assert win.pane.copy_page_path() == "pages/detail/detail?id=7&from=list"
    assert QGuiApplication.clipboard().text() == "pages/detail/detail?id=7&from=list"


def test_window_recent_projects_and_geometry_persisted(qtbot, project, tmp_path, settings):
    other = write_project(tmp_path / "other")
    w = make_window(qtbot, project, tmp_path, settings)
    assert Settings(settings.folder).recent_projects() == [str(project.resolve())]
    w.open_project(other)
    w.sim.wait_idle()
    assert w.session.project_dir == other and w.sim.project.project_dir.resolve() == other.resolve()
    assert w.screen_widget.page.view is w.sim.current_view()
    assert Settings(settings.folder).recent_projects() == [str(other.resolve()), str(project.resolve())]
    w.resize(700, 560)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == (700, 560))
    w.close()
    saved = Settings(settings.folder)
    assert isinstance(saved.get("geometry"), str) and saved.last_project() == str(other.resolve())
    w2 = make_window(qtbot, other, tmp_path, saved)
    assert (w2.width(), w2.height()) == (700, 560)  # within the 800x600 offscreen screen
    w2.close()


@pytest.mark.parametrize("name", list(load_devices()))
def test_window_capsule_and_status_bar_match_the_apis(qtbot, project, tmp_path, name):
    session = ReloadSession(project, device=name, storage_dir=tmp_path / "storage", echo=False)
    w = SimulatorWindow(session, devtools=False)
    qtbot.addWidget(w)
    w.timer.stop()
    sim = w.sim
    rect = sim.logic.evaluate("wx.getMenuButtonBoundingClientRect()")
    x, y, cw, ch = w.screen_widget.geo.capsule
    assert (x, y, cw, ch) == (rect["left"], rect["top"], rect["width"], rect["height"])
    assert (rect["right"], rect["bottom"]) == (rect["left"] + rect["width"], rect["top"] + rect["height"])
    info = sim.logic.evaluate("wx.getSystemInfoSync()")
    assert w.screen_widget.geo.status_bar[3] == info["statusBarHeight"]
    nav = w.screen_widget.geo.nav_bar
    assert nav[1] <= y and y + ch <= nav[1] + nav[3]  # the capsule sits inside the navigation bar
    w.close()


def test_window_command_line_page_and_scene_are_this_runs_compile_condition(qtbot, project, tmp_path, settings):
    w = make_window(qtbot, project, tmp_path, settings, page="pages/detail/detail?id=4", scene=1011)
    assert stack(w) == [("pages/detail/detail", {"id": "4"})] and w.sim.launch_options["scene"] == 1011
    assert w.pane.compile_combo.currentText() == "Launch: pages/detail/detail?id=4"
    w.sim.router.redirect_to("/pages/index/index")
    w.sim.wait_idle()
    w.pane.recompile()
    assert stack(w) == [("pages/detail/detail", {"id": "4"})] and w.sim.launch_options["scene"] == 1011
    w.pane.choose_compile_mode(None)  # normal compile: the app's entry page
    assert stack(w) == [("pages/index/index", {})] and w.pane.compile_combo.currentText() == "Normal compile"
    assert Settings(settings.folder).project(project).modes == []  # nothing saved for a one-off launch
    w.close()
