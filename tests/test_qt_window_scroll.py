"""Scrolling in the window: the wheel over a scroll-view moves its content (painted shifted),
elsewhere it scrolls the page; a finger drag on a scroll-view scrolls it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QWheelEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from scroll_project import write_project  # noqa: E402
from simulator.runtime import Simulator  # noqa: E402
from simulator.ui.screen import render_screen_image  # noqa: E402
from simulator.ui.window import SimulatorWindow  # noqa: E402

LIST_WXSS = ".item { height: 50px; }\n#item0 { background-color: #ff0000; }\n#item1 { background-color: #0000ff; }\n"


@pytest.fixture
def win(qtbot, tmp_path):
    root = write_project(tmp_path / "proj")
    (root / "pages/list/list.wxss").write_text(LIST_WXSS)
    sim = Simulator(root, storage_dir=tmp_path / "st")
    sim.start("pages/list/list")
    sim.wait_idle()
    w = SimulatorWindow(sim)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    sim.close()


def wheel(widget, pos: QPointF, dy: int) -> None:
    event = QWheelEvent(pos, widget.mapToGlobal(pos), QPoint(0, dy), QPoint(0, 0), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def pixel_in_page(w, x, y):
    geo = w.screen_widget.geo
    c = render_screen_image(w.sim, dpr=1.0).pixelColor(int(geo.page[0] + x), int(geo.page[1] + y))
    return c.red(), c.green(), c.blue()


def data(sim, key):
    return sim.logic.instance_data(sim.current_view().page_id)[key]


def test_wheel_over_scroll_view_scrolls_its_content(win):
    sim, page = win.sim, win.screen_widget.page
    view = sim.current_view()
    sv = next(n for n in view.elements() if n.tag == "scroll-view")
    assert pixel_in_page(win, 5, 5) == (255, 0, 0)
    wheel(page, QPointF(20, 20), -50)  # finger up: content moves up by 50 px
    sim.wait_idle()
    assert sv.state["scrollTop"] == 50
    assert view.scroll_top == 0  # the page itself did not move
    assert pixel_in_page(win, 5, 5) == (0, 0, 255)  # item1 now at the top of the box
    assert pixel_in_page(win, 5, sv.box.height + 5) != (0, 0, 255)  # clipped at the box's edge
    assert data(sim, "last")["scrollTop"] == 50


def test_drag_on_scroll_view_reaches_scrolltolower(qtbot, win):
    sim, page = win.sim, win.screen_widget.page
    qtbot.mousePress(page, Qt.MouseButton.LeftButton, pos=QPoint(20, 190))
    for y in (170, 120, 60, 0):
        qtbot.mouseMove(page, QPoint(20, y))
    qtbot.mouseRelease(page, Qt.MouseButton.LeftButton, pos=QPoint(20, 0))
    sim.wait_idle()
    sv = next(n for n in sim.current_view().elements() if n.tag == "scroll-view")
    assert sv.state["scrollTop"] == pytest.approx(190)
    wheel(page, QPointF(20, 20), -400)
    sim.wait_idle()
    assert data(sim, "lower") == ["bottom"]
    assert data(sim, "tapped") == -1  # a drag is not a tap
