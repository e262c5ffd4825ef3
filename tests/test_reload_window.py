"""Hot reload through the window: WXSS restyles, WXML re-renders, JS relaunches; errors show and clear."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402

from scroll_project import write_project  # noqa: E402
from simulator.reload import ReloadSession  # noqa: E402
from simulator.ui.screen import render_screen_image  # noqa: E402
from simulator.ui.window import SimulatorWindow  # noqa: E402

WAIT_MS = 5000


@pytest.fixture
def project(tmp_path):
    return write_project(tmp_path / "proj")


@pytest.fixture
def window(qtbot, project, tmp_path):
    session = ReloadSession(project, storage_dir=tmp_path / "storage", echo=False)
    win = SimulatorWindow(session)
    qtbot.addWidget(win)
    session.start_watching()
    time.sleep(0.05)  # let the observer thread arm its watches
    yield win
    win.close()


def save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def top_pixel(win):
    """The colour at the top-left of the page area (the red .box)."""
    sim = win.session.sim
    x, y, _w, _h = win.screen_widget.geo.page
    img = render_screen_image(sim, dpr=1.0)
    c = img.pixelColor(int(x) + 5, int(y) + 5)
    return c.red(), c.green(), c.blue()


def page_data(win, key):
    sim = win.session.sim
    return sim.logic.instance_data(sim.current_view().page_id)[key]


def test_wxss_edit_restyles_in_place_keeping_data(qtbot, window, project):
    sim = window.session.sim
    sim.logic.call_method(sim.current_view().page_id, "rename", ["kept"])
    sim.wait_idle()
    assert top_pixel(window) == (255, 0, 0)
    view = sim.current_view()
    save(project / "pages/index/index.wxss", ".box { height: 60px; background-color: #0000ff; }\n")
    qtbot.waitUntil(lambda: top_pixel(window) == (0, 0, 255), timeout=WAIT_MS)
    assert window.session.sim is sim and sim.current_view() is view  # no relaunch
    assert page_data(window, "title") == "kept"
    assert window.session.last_reload_ms is not None


def test_wxml_edit_re_renders_keeping_data(qtbot, window, project):
    sim = window.session.sim
    sim.logic.call_method(sim.current_view().page_id, "rename", ["kept"])
    sim.wait_idle()
    save(project / "pages/index/index.wxml",
         '<view class="box" id="top">new: {{title}}</view>\n<view class="row">only</view>\n')
    qtbot.waitUntil(lambda: "new: kept" in sim.current_view().wxml(), timeout=WAIT_MS)
    assert window.session.sim is sim
    assert len([n for n in sim.current_view().elements() if "row" in n.classes]) == 1


def test_js_edit_relaunches_at_the_same_stack(qtbot, window, project):
    sim = window.session.sim
    sim.router.navigate_to("/pages/list/list?from=test&n=2")
    sim.wait_idle()
    js = (project / "pages/list/list.js").read_text().replace("tapped: -1", "tapped: 42")
    save(project / "pages/list/list.js", js)
    qtbot.waitUntil(lambda: window.session.sim is not sim, timeout=WAIT_MS)
    new = window.session.sim
    assert [(e.route, e.query) for e in new.router.stack] == [
        ("pages/index/index", {}), ("pages/list/list", {"from": "test", "n": "2"})]
    assert page_data(window, "tapped") == 42
    assert window.sim is new and window.screen_widget.sim is new
    assert window.screen_widget.page.view is new.current_view()
    assert new.storage.folder == sim.storage.folder


def test_broken_wxml_shows_overlay_and_fix_clears_it(qtbot, window, project):
    panel = window.screen_widget.error_panel
    assert not panel.showing()
    good = (project / "pages/index/index.wxml").read_text()
    save(project / "pages/index/index.wxml", good + "<view>{{ title + }}</view>\n")
    qtbot.waitUntil(lambda: panel.showing(), timeout=WAIT_MS)
    assert "pages/index/index.wxml:3:" in panel.text()
    save(project / "pages/index/index.wxml", good)
    qtbot.waitUntil(lambda: not panel.showing(), timeout=WAIT_MS)


def test_broken_js_shows_overlay_and_fix_recovers(qtbot, window, project):
    panel = window.screen_widget.error_panel
    good = (project / "pages/index/index.js").read_text()
    save(project / "pages/index/index.js", good.replace("rename(t) {", "rename(t) {{"))
    qtbot.waitUntil(lambda: panel.showing(), timeout=WAIT_MS)
    assert "pages/index/index.js" in panel.text()
    save(project / "pages/index/index.js", good)
    qtbot.waitUntil(lambda: not panel.showing(), timeout=WAIT_MS)
    assert page_data(window, "title") == "hello"


def test_dismiss_hides_the_panel_until_the_next_error(qtbot, window, project):
    panel = window.screen_widget.error_panel
    good = (project / "pages/index/index.wxml").read_text()
    save(project / "pages/index/index.wxml", good + "<view>{{ ) }}</view>\n")
    qtbot.waitUntil(lambda: panel.showing(), timeout=WAIT_MS)
    panel.close_button.click()
    assert not panel.showing()


def test_project_that_fails_to_load_opens_and_recovers(qtbot, tmp_path):
    project = write_project(tmp_path / "proj")
    app_json = (project / "app.json").read_text()
    save(project / "app.json", app_json[:-1])  # malformed JSON
    session = ReloadSession(project, storage_dir=tmp_path / "storage", echo=False)
    assert session.sim is None
    win = SimulatorWindow(session)
    qtbot.addWidget(win)
    session.start_watching()
    time.sleep(0.05)
    panel = win.screen_widget.error_panel
    qtbot.waitUntil(lambda: panel.showing(), timeout=WAIT_MS)
    assert "app.json" in panel.text()
    save(project / "app.json", app_json)
    qtbot.waitUntil(lambda: session.sim is not None and not panel.showing(), timeout=WAIT_MS)
    assert win.screen_widget.page.view is session.sim.current_view()
    win.close()


def test_paint_exception_is_reported_not_fatal(qtbot, window, monkeypatch):
    import renderer.qt.page_widget as pw

    def boom(*_a, **_k):
        raise RuntimeError("paint exploded")

    monkeypatch.setattr(pw, "paint_box_tree", boom)
    window.show()
    qtbot.waitExposed(window)
    window.screen_widget.page.repaint()
    panel = window.screen_widget.error_panel
    qtbot.waitUntil(lambda: panel.showing(), timeout=WAIT_MS)
    assert "paint exploded" in panel.text()
