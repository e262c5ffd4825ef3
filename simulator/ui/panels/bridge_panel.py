"""Bridge panel: every message with filters, payload and setData diff, and the live audits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMenu, QSplitter, QTableView, QTabWidget, QToolButton, QVBoxLayout,
                               QWidget)

from simulator.devtools.audit import summarize
from simulator.devtools.datapath import MISSING
from simulator.devtools.report import export_session
from simulator.devtools.traffic import TrafficLog, TrafficRow, format_bytes
from simulator.ui.panels.common import JsonView, colors, mono, pretty

COLUMNS = ("seq", "time ms", "direction", "kind", "target", "bytes", "changed paths", "applied ms")
ALL = "All kinds"
ANY_TARGET = "All targets"


class TrafficModel(QAbstractTableModel):
    """The filtered rows of a TrafficLog."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[TrafficRow] = []

    def set_rows(self, rows: list[TrafficRow]) -> None:
        old = self.rows
        if len(rows) >= len(old) and all(a is b for a, b in zip(old, rows)):
            if len(rows) > len(old):
                self.beginInsertRows(QModelIndex(), len(old), len(rows) - 1)
                self.rows = rows
                self.endInsertRows()
            if old:  # applied times arrive after the row was added
                self.dataChanged.emit(self.index(0, 7), self.index(len(old) - 1, 7))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 1, 5, 7):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.findings:
            worst = "error" if any(f.severity == "error" for f in row.findings) else "warning"
            return QBrush(colors(worst)[1] or QColor("white"))
        if role == Qt.ItemDataRole.ToolTipRole and row.findings:
            return "\n".join(f"{f.severity}: {f.message}" for f in row.findings)
        return None

    @staticmethod
    def cell(row: TrafficRow, col: int) -> str:
        rec = row.record
        if col == 0:
            return str(rec["seq"])
        if col == 1:
            return f"{rec.get('time', 0):.1f}"
        if col == 2:
            return str(rec.get("direction", ""))
        if col == 3:
            return row.kind
        if col == 4:
            return row.target_label
        if col == 5:
            return format_bytes(int(rec.get("bytes") or 0))
        if col == 6:
            return ", ".join(row.changed_paths) if row.kind == "setData" else ""
        applied = row.applied_ms
        return "" if applied is None else f"{applied:.1f}"


class BridgePanel(QWidget):
    """Live traffic table, filters, payload/diff viewer, audit list and the report export."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log: TrafficLog | None = None
        self.sim: Any = None
        self._unsub: Any = None
        self._dirty = False
        self.kind_filter = QComboBox()
        self.target_filter = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter payloads…")
        self.summary = QLabel()
        self.export_button = QToolButton()
        self.export_button.setText("Export report")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction("As HTML…", lambda: self.export_dialog("html"))
        menu.addAction("As JSON…", lambda: self.export_dialog("json"))
        self.export_button.setMenu(menu)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        for w in (self.kind_filter, self.target_filter):
            bar.addWidget(w)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.export_button)
        self.model = TrafficModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setFont(mono())
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((40, 62, 86, 82, 140, 56, 0, 70)):
            if width:
                self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_selected())
        self.payload = JsonView()
        self.diff = JsonView()
        self.audits = QListWidget()
        self.audits.setFont(mono())
        self.audits.itemActivated.connect(self._jump_to_finding)
        self.details = QTabWidget()
        self.details.addTab(self.payload, "Payload")
        self.details.addTab(self.diff, "setData diff")
        self.details.addTab(self.audits, "Audits")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setSizes([320, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(split)
        self.summary.setContentsMargins(6, 0, 6, 2)
        layout.addWidget(self.summary)
        self.kind_filter.currentIndexChanged.connect(lambda *_: self.refresh())
        self.target_filter.currentIndexChanged.connect(lambda *_: self.refresh())
        self.search.textChanged.connect(lambda *_: self.refresh())
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._poll)
        self._timer.start(150)

    # attaching ---------------------------------------------------------------------
    def attach(self, log: TrafficLog | None, sim: Any = None) -> None:
        if self._unsub is not None:
            self._unsub()
            self._unsub = None
        self.log, self.sim = log, sim
        self.audits.clear()
        if log is not None:
            self._unsub = log.subscribe(self._on_row)
            for finding in log.findings:
                self._add_finding(finding)
        self.refresh()

    def _on_row(self, row: TrafficRow | None, found: list) -> None:
        self._dirty = True
        for finding in found:
            self._add_finding(finding)

    def _add_finding(self, finding: Any) -> None:
        item = QListWidgetItem(f"{finding.severity.upper():8} {finding.rule:14} {finding.message}"
                               + (f"  [{finding.page}]" if finding.page else ""))
        fg, bg = colors(finding.severity)
        item.setForeground(fg)
        if bg is not None:
            item.setBackground(bg)
        item.setData(Qt.ItemDataRole.UserRole, finding.seq)
        self.audits.addItem(item)

    def _poll(self) -> None:
        if self._dirty:
            self._dirty = False
            self.refresh()

    # filtering ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the log into the table under the current filters."""
        log = self.log
        if log is None:
            self.model.set_rows([])
            self.summary.setText("")
            return
        self._sync_combo(self.kind_filter, ALL, log.kinds())
        self._sync_combo(self.target_filter, ANY_TARGET, log.targets())
        kind = self.kind_filter.currentText()
        target = self.target_filter.currentText()
        rows = log.filtered({kind} if kind and kind != ALL else None,
                            target if target and target != ANY_TARGET else None, self.search.text())
        at_bottom = self.table.verticalScrollBar().value() >= self.table.verticalScrollBar().maximum() - 2
        self.model.set_rows(rows)
        if at_bottom:
            self.table.scrollToBottom()
        counts = summarize(log.findings)
        self.summary.setText(f"{len(rows)}/{len(log.rows)} messages · "
                             f"<span style='color:#d83931'>{counts['error']} errors</span> · "
                             f"<span style='color:#8f5a00'>{counts['warning']} warnings</span>")

    @staticmethod
    def _sync_combo(combo: QComboBox, first: str, items: list[str]) -> None:
        wanted = [first] + items
        have = [combo.itemText(i) for i in range(combo.count())]
        if have == wanted:
            return
        current = combo.currentText() or first
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(wanted)
        combo.setCurrentIndex(max(0, combo.findText(current)))
        combo.blockSignals(False)

    def set_filters(self, kind: str | None = None, target: str | None = None) -> None:
        """Select a kind and/or target in the filters (for scripts and tests)."""
        self.refresh()
        if kind is not None:
            self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findText(kind)))
        if target is not None:
            self.target_filter.setCurrentIndex(max(0, self.target_filter.findText(target)))
        self.refresh()

    # details -------------------------------------------------------------------------
    def select_seq(self, seq: int) -> bool:
        for i, row in enumerate(self.model.rows):
            if row.seq == seq:
                self.table.selectRow(i)
                self.table.scrollTo(self.model.index(i, 0))
                self.show_selected()
                return True
        return False

    def selected_row(self) -> TrafficRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def show_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        head = {k: v for k, v in row.record.items() if not k.startswith("_")}
        self.payload.setPlainText(pretty(row.payload) + "\n\n// record\n" + pretty(head))
        if row.changes is None:
            self.diff.setPlainText("(not a setData)")
        else:
            self.diff.setPlainText(diff_text(row))
            if row.kind == "setData":
                self.details.setCurrentWidget(self.diff)
        if row.findings:
            self.payload.appendPlainText("\n// audit\n" + "\n".join(f"{f.severity}: {f.message}" for f in row.findings))

    def _jump_to_finding(self, item: QListWidgetItem) -> None:
        seq = item.data(Qt.ItemDataRole.UserRole)
        if seq is not None:
            self.kind_filter.setCurrentIndex(0)
            self.target_filter.setCurrentIndex(0)
            self.search.clear()
            self.refresh()
            self.select_seq(int(seq))

    # export ----------------------------------------------------------------------------
    def export(self, path: str) -> str:
        if self.log is None:
            raise RuntimeError("no program is running")
        project = str(getattr(getattr(self.sim, "project", None), "root", "") or "")
        device = str((getattr(self.sim, "device", None) or {}).get("name", ""))
        return str(export_session(self.log, path, project, device))

    def export_dialog(self, fmt: str) -> None:
        name = "wxsim-report." + fmt
        path, _ = QFileDialog.getSaveFileName(self, "Export traffic and audits", name,
                                              "HTML (*.html)" if fmt == "html" else "JSON (*.json)")
        if path:
            self.export(path)


def diff_text(row: TrafficRow) -> str:
    """One block per changed path: `- old` / `+ new`, unchanged writes marked."""
    if not row.changes:
        return "setData without data (a callback only)"
    out = []
    for change in row.changes:
        mark = "" if change.changed else "   (unchanged: same value as before)"
        out.append(f"@@ {change.path}{mark}")
        if change.old is MISSING:
            out.append("- (absent)")
        else:
            out.extend("- " + line for line in pretty(change.old).splitlines())
        out.extend("+ " + line for line in pretty(change.new).splitlines())
        out.append("")
    return "\n".join(out)
