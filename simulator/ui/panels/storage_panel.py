"""Storage panel: the program's storage; add, edit (key or value) and delete entries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QMessageBox, QTableWidget, QTableWidgetItem,
                               QToolButton, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from simulator.devtools import storage as model
from simulator.ui.panels.common import mono


class StoragePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sim: Any = None
        self._unsub: Any = None
        self._dirty = False
        self._loading = False
        self._keys: list[str] = []
        add, delete, refresh = QToolButton(), QToolButton(), QToolButton()
        add.setText("Add")
        delete.setText("Delete")
        refresh.setText("Refresh")
        add.clicked.connect(self.add_entry)
        delete.clicked.connect(self.delete_selected)
        refresh.clicked.connect(self.refresh)
        self.info = QLabel()
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        for w in (add, delete, refresh):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.info)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["key", "value (JSON)", "type"])
        self.table.setFont(mono())
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 160)
        self.table.itemChanged.connect(self._item_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._poll)
        self._timer.start(300)

    def attach(self, sim: Any, log: Any = None) -> None:
        if self._unsub is not None:
            self._unsub()
        self.sim = sim
        self._unsub = log.subscribe(self._on_traffic) if log is not None else None
        self.refresh()

    def _on_traffic(self, row: Any, _found: list) -> None:
        if row is not None and row.kind == "invoke" and "Storage" in str((row.payload or {}).get("name", "")):
            self._dirty = True

    def _poll(self) -> None:
        if self._dirty and self.table.state() != QTableWidget.State.EditingState:
            self._dirty = False
            self.refresh()

    @property
    def storage(self) -> Any:
        return getattr(self.sim, "storage", None)

    def refresh(self) -> None:
        self._loading = True
        store = self.storage
        entries = model.rows(store) if store is not None else []
        self._keys = [key for key, _, _ in entries]
        self.table.setRowCount(len(entries))
        for r, (key, value, kind) in enumerate(entries):
            self.table.setItem(r, 0, QTableWidgetItem(key))
            self.table.setItem(r, 1, QTableWidgetItem(value))
            type_item = QTableWidgetItem(kind)
            type_item.setFlags(type_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 2, type_item)
        self.info.setText(model.summary(store) if store is not None else "")
        self._loading = False

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or self.storage is None or item.row() >= len(self._keys):
            return
        key = self._keys[item.row()]
        try:
            if item.column() == 0:
                model.rename(self.storage, key, item.text().strip())
            elif item.column() == 1:
                model.put(self.storage, key, item.text())
        except Exception as exc:  # noqa: BLE001 - the limits of wx storage apply here too
            QMessageBox.warning(self, "Storage", f"not saved: {exc}")
        self.refresh()

    def add_entry(self) -> None:
        if self.storage is None:
            return
        n = 1
        while self.storage.has(f"key{n}"):
            n += 1
        model.put(self.storage, f"key{n}", '""')
        self.refresh()
        row = self._keys.index(f"key{n}")
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def delete_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedItems()}, reverse=True)
        for r in rows:
            if r < len(self._keys):
                self.storage.remove(self._keys[r])
        self.refresh()
