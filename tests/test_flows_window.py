"""The window's Flow toolbar: Record follows clicks on the page, pick mode turns the next
click into an assertion (the program does not see it), the saved flow replays green."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402

from simulator.flows.model import load_flow  # noqa: E402
from simulator.flows.runner import FlowRunner  # noqa: E402
from simulator.runtime import Simulator  # noqa: E402
from simulator.ui.window import SimulatorWindow  # noqa: E402

PROJECT = Path(__file__).resolve().parent / "projects" / "flows_clock"


@pytest.fixture
def win(qtbot, tmp_path):
    sim = Simulator(PROJECT, storage_dir=tmp_path / "st")
    sim.start(None)
    sim.wait_idle()
    w = SimulatorWindow(sim, devtools=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    sim.close()


def _click(qtbot, win, selector: str, index: int = 0) -> None:
    page = win.screen_widget.page
    node = win.sim.current_view()
    from renderer.view.query import select_all

    target = select_all(node.root, selector, node.instance)[index]
    box = target.box
    point = QPoint(round(box.x + box.width / 2), round(box.y + box.height / 2 - page.scroll_y))
    qtbot.mouseClick(page, Qt.MouseButton.LeftButton, pos=point)
    win.sim.wait_idle()


def test_flows_window_records_clicks_and_picked_assertions(qtbot, win, tmp_path: Path) -> None:
    bar = win.record_bar
    assert not bar.pick_actions["text"].isEnabled()
    bar.record.trigger()
    assert bar.recorder.recording and bar.pick_actions["text"].isEnabled()
    _click(qtbot, win, ".item")
    bar.pick_actions["exists"].trigger()
    _click(qtbot, win, ".item", 1)        # picked, not tapped: the page's data does not change
    assert win.sim.logic.instance_data(win.sim.current_view().page_id).get("picked") == 1
    bar.pick_actions["text"].trigger()
    _click(qtbot, win, ".seen")
    bar.add_assertion("data", win.sim.current_view().root.children[0], path="picked")
    bar.record.trigger()
    assert not bar.recorder.recording and bar.save.isEnabled()
    assert [s.to_json() for s in bar.recorder.steps] == [
        {"tap": 'view.item[data-n="1"]'},
        {"assert_exists": 'view.item[data-n="2"]'},
        {"assert_text": "text.seen", "equals": "nobody"},
        {"assert_data": "picked", "equals": 1},
    ]
    path = bar.recorder.save(tmp_path / "w.flow.json")
    result = FlowRunner().run(load_flow(path))
    assert result.passed, result.message
