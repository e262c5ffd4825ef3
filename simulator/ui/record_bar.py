"""The Flow toolbar: Record, add an assertion by picking a node, Save flow.

Recording itself is `simulator.flows.recorder.FlowRecorder` (Qt-free); this bar starts and
stops it, and in pick mode takes the next click on the page as the node to assert on
instead of passing it to the mini program.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QToolBar

from simulator.flows.recorder import FlowRecorder

PICKS = (("text", "Assert text", "the picked node's text equals what it shows now"),
         ("exists", "Assert exists", "the picked node is on the page"),
         ("data", "Assert data…", "a data path of the page (or of the picked component) equals its value now"))


class RecordBar(QObject):
    """Adds the Flow toolbar to `window` (a SimulatorWindow: `sim`, `screen_widget`)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.recorder: FlowRecorder | None = None
        self.picking: str | None = None
        self.toolbar = QToolBar("Flow", window)
        self.toolbar.setObjectName("flowToolbar")
        window.addToolBar(self.toolbar)
        self.record = self._action("● Record", "record a flow from what you do on the page", self._toggle)
        self.record.setCheckable(True)
        self.group = QActionGroup(self)
        self.group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.pick_actions: dict[str, QAction] = {}
        for kind, label, tip in PICKS:
            action = self._action(label, tip, lambda checked, k=kind: self._pick(k, checked))
            action.setCheckable(True)
            self.group.addAction(action)
            self.pick_actions[kind] = action
        self.page_action = self._action("Assert page", "the page shown now (route and query)", self._assert_page)
        self.save = self._action("Save flow…", "write the recorded steps to a .flow.json file", self._save)
        self.sync()

    def _action(self, label: str, tip: str, slot: Any) -> QAction:
        action = QAction(label, self)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        return action

    def sync(self) -> None:
        on = self.recorder is not None and self.recorder.recording
        for action in (*self.pick_actions.values(), self.page_action):
            action.setEnabled(on)
        self.save.setEnabled(self.recorder is not None and bool(self.recorder.steps))
        self.record.setChecked(on)
        self.record.setText("■ Stop" if on else "● Record")

    # recording -------------------------------------------------------------------------
    def _toggle(self, checked: bool) -> None:
        if checked and self.window.sim is not None:
            self.recorder = FlowRecorder(self.window.sim)
            self.recorder.start()
        elif self.recorder is not None:
            self.recorder.stop()
            self._pick(None, False)
        self.sync()

    def _assert_page(self) -> None:
        if self.recorder is not None:
            self.recorder.assert_page()
            self.sync()

    def _save(self) -> Path | None:
        if self.recorder is None:
            return None
        name, _ = QFileDialog.getSaveFileName(self.window, "Save flow", "untitled.flow.json", "Flows (*.flow.json)")
        if not name:
            return None
        return self.recorder.save(name if name.endswith(".flow.json") else name + ".flow.json")

    # picking a node ----------------------------------------------------------------------
    def _pick(self, kind: str | None, checked: bool) -> None:
        page = self.window.screen_widget.page
        self.picking = kind if checked else None
        if self.picking is not None:
            page.installEventFilter(self)
        else:
            page.removeEventFilter(self)
            for action in self.pick_actions.values():
                action.setChecked(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self.picking is None or event.type() not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            return False
        if event.type() == QEvent.Type.MouseButtonRelease:
            page = self.window.screen_widget.page
            view = page.view
            node = view.hit_test(*page.page_point(event.position())) if view is not None else None
            if node is not None:
                self.add_assertion(self.picking, node)
            self._pick(None, False)
            self.sync()
        return True  # the click picks; the mini program does not see it

    def add_assertion(self, kind: str, node: Any, path: str | None = None) -> None:
        """Add a `kind` assertion ("text", "exists", "data") about `node` to the recording."""
        recorder = self.recorder
        if recorder is None:
            return
        if kind == "text":
            recorder.assert_text(node)
        elif kind == "exists":
            recorder.assert_exists(node)
        elif kind == "data":
            host = node if node.component is not None else getattr(node.owner, "host", None)
            if path is None:
                path, ok = QInputDialog.getText(self.window, "Assert data", "Data path (e.g. list[0].name):")
                if not ok or not path:
                    return
            recorder.assert_data(path, node=host)
