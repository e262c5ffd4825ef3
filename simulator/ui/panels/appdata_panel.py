"""AppData panel: the shown page's and its components' data; editing a leaf applies setData."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QLabel, QMessageBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from simulator.devtools.appdata import InstanceData, apply_edit, snapshot, value_text
from simulator.ui.panels.common import mono

PATH_ROLE = Qt.ItemDataRole.UserRole
INST_ROLE = Qt.ItemDataRole.UserRole + 1


class AppDataPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sim: Any = None
        self._unsub: Any = None
        self._dirty = False
        self._editing = False
        self.title = QLabel()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["key", "value"])
        self.tree.setFont(mono())
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 200)
        self.tree.setEditTriggers(QTreeWidget.EditTrigger.DoubleClicked | QTreeWidget.EditTrigger.EditKeyPressed)
        self.tree.itemChanged.connect(self._item_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.tree)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._poll)
        self._timer.start(200)

    def attach(self, sim: Any, log: Any = None) -> None:
        if self._unsub is not None:
            self._unsub()
        self.sim = sim
        self._unsub = log.subscribe(self._on_traffic) if log is not None else None
        self.refresh()

    def _on_traffic(self, row: Any, _found: list) -> None:
        if row is not None and row.kind in ("setData", "instanceInit", "lifecycle"):
            self._dirty = True

    def _poll(self) -> None:
        if self._dirty and not self.tree.state() == QTreeWidget.State.EditingState:
            self._dirty = False
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the tree from the logic layer, keeping expanded branches open."""
        expanded = self._expanded()
        self._editing = True
        self.tree.clear()
        instances = snapshot(self.sim) if self.sim is not None else []
        route = self.sim.current_route() if self.sim is not None else None
        self.title.setText(f"<b>{route or 'no page'}</b> · {len(instances)} instance(s) · double-click a value to edit")
        for inst in instances:
            top = QTreeWidgetItem([f"{inst.label}", inst.instance_id])
            top.setData(0, PATH_ROLE, ())
            top.setData(0, INST_ROLE, inst.instance_id)
            top.setForeground(0, self.palette().link())
            self.tree.addTopLevelItem(top)
            self._fill(top, inst, inst.data, ())
            top.setExpanded(not expanded or (inst.instance_id, ()) in expanded)
        for item in self._walk():
            key = (item.data(0, INST_ROLE), tuple(item.data(0, PATH_ROLE) or ()))
            if key in expanded:
                item.setExpanded(True)
        self._editing = False

    def _fill(self, parent: QTreeWidgetItem, inst: InstanceData, value: Any, path: tuple) -> None:
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in items:
            child_path = path + (key,)
            if isinstance(child, (dict, list)):
                shown = f"Array({len(child)})" if isinstance(child, list) else f"{{{len(child)} keys}}"
                item = QTreeWidgetItem([str(key), shown])
                self._fill(item, inst, child, child_path)
            else:
                item = QTreeWidgetItem([str(key), value_text(child)])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setData(0, PATH_ROLE, child_path)
            item.setData(0, INST_ROLE, inst.instance_id)
            parent.addChild(item)

    def _walk(self) -> list[QTreeWidgetItem]:
        out, stack = [], [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            out.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return out

    def _expanded(self) -> set:
        return {(i.data(0, INST_ROLE), tuple(i.data(0, PATH_ROLE) or ())) for i in self._walk() if i.isExpanded()}

    def find_item(self, instance_id: str, path: tuple) -> QTreeWidgetItem | None:
        for item in self._walk():
            if item.data(0, INST_ROLE) == instance_id and tuple(item.data(0, PATH_ROLE) or ()) == tuple(path):
                return item
        return None

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._editing or column != 1 or self.sim is None:
            return
        path = list(item.data(0, PATH_ROLE) or ())
        try:
            apply_edit(self.sim, item.data(0, INST_ROLE), path, item.text(1))
        except Exception as exc:  # noqa: BLE001 - a failed setData is shown, not fatal
            QMessageBox.warning(self, "setData failed", str(exc))
        self._dirty = True
