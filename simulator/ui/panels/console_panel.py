"""Console panel: coloured logs and errors (double-click copies file:line) and a REPL line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QToolButton,
                               QVBoxLayout, QWidget)

from simulator.devtools.console import ConsoleEntry, ConsoleLog, evaluate
from simulator.ui.panels.common import colors, mono

LEVEL_FILTERS = {"All levels": None, "Errors": {"error"}, "Warnings": {"warn", "error"},
                 "Info": {"info", "log", "result", "input", "warn", "error"}}
PREFIX = {"error": "✖ ", "warn": "⚠ ", "info": "ℹ ", "result": "← ", "input": "› ", "debug": "· ", "log": "  "}


class ReplLine(QLineEdit):
    """The input line, with ↑/↓ history."""

    def __init__(self) -> None:
        super().__init__()
        self.history: list[str] = []
        self._at = 0

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Up and self.history:
            self._at = max(0, self._at - 1)
            self.setText(self.history[self._at])
        elif event.key() == Qt.Key.Key_Down and self.history:
            self._at = min(len(self.history), self._at + 1)
            self.setText(self.history[self._at] if self._at < len(self.history) else "")
        else:
            super().keyPressEvent(event)

    def remember(self, text: str) -> None:
        self.history.append(text)
        self._at = len(self.history)


class ConsolePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log: ConsoleLog | None = None
        self.sim: Any = None
        self._unsub: Any = None
        self._pending: list[ConsoleEntry] = []
        self.level = QComboBox()
        self.level.addItems(list(LEVEL_FILTERS))
        self.level.currentIndexChanged.connect(lambda *_: self.rebuild())
        clear = QToolButton()
        clear.setText("Clear")
        clear.clicked.connect(self.clear)
        self.status = QLabel()
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        bar.addWidget(clear)
        bar.addWidget(self.level)
        bar.addStretch(1)
        bar.addWidget(self.status)
        self.list = QListWidget()
        self.list.setFont(mono())
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(self.copy_location)
        self.input = ReplLine()
        self.input.setFont(mono())
        self.input.setPlaceholderText("› evaluate in the logic layer, e.g. getCurrentPages().length")
        self.input.returnPressed.connect(self.run_input)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.list)
        layout.addWidget(self.input)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._flush)
        self._timer.start(100)

    def attach(self, log: ConsoleLog | None, sim: Any = None) -> None:
        if self._unsub is not None:
            self._unsub()
            self._unsub = None
        self.log, self.sim = log, sim
        if log is not None:
            self._unsub = log.subscribe(self._queue)
        self.rebuild()

    def _queue(self, entry: ConsoleEntry) -> None:
        self._pending.append(entry)

    def rebuild(self) -> None:
        self._pending.clear()
        self.list.clear()
        for entry in (self.log.entries if self.log is not None else []):
            self._show(entry)
        self.list.scrollToBottom()

    def _flush(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, []
            for entry in pending:
                self._show(entry)
            self.list.scrollToBottom()
        if self.log is not None:
            errors = sum(1 for e in self.log.entries if e.level == "error")
            warns = sum(1 for e in self.log.entries if e.level == "warn")
            self.status.setText(f"<span style='color:#d83931'>{errors} ✖</span>  "
                                f"<span style='color:#8f5a00'>{warns} ⚠</span>")

    def _show(self, entry: ConsoleEntry) -> None:
        allowed = LEVEL_FILTERS.get(self.level.currentText())
        if allowed is not None and entry.level not in allowed:
            return
        text = PREFIX.get(entry.level, "  ") + entry.text
        if entry.location:
            text += f"    ({entry.location})"
        if entry.stack:
            text += "\n" + "\n".join("    " + line.strip() for line in entry.stack.strip().splitlines())
        item = QListWidgetItem(text)
        fg, bg = colors(entry.level)
        item.setForeground(fg)
        if bg is not None:
            item.setBackground(bg)
        item.setData(Qt.ItemDataRole.UserRole, entry)
        if entry.location:
            item.setToolTip(f"Double-click to copy {entry.location}")
        self.list.addItem(item)

    def copy_location(self, item: QListWidgetItem) -> None:
        entry = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(entry, ConsoleEntry) and entry.location:
            QGuiApplication.clipboard().setText(entry.location)
            self.status.setText(f"copied {entry.location}")

    def clear(self) -> None:
        if self.log is not None:
            self.log.clear()
        self.rebuild()

    def run_input(self) -> None:
        text = self.input.text().strip()
        if not text or self.log is None or self.sim is None:
            return
        self.input.remember(text)
        self.input.clear()
        self.log.add(ConsoleEntry("input", text, "repl"))
        self.log.add(evaluate(self.sim, text))
        self._flush()
