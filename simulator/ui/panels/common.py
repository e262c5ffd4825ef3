"""Shared look for the panels: monospace font, severity colours, a JSON viewer."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget

LEVEL_COLORS = {
    "error": ("#d83931", "#fdecea"),
    "warn": ("#8f5a00", "#fff6e5"),
    "warning": ("#8f5a00", "#fff6e5"),
    "info": ("#245bdb", None),
    "debug": ("#8f959e", None),
    "log": ("#1f2329", None),
    "result": ("#0b7a53", None),
    "input": ("#245bdb", None),
}


def mono() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(8.0, font.pointSizeF() - 1))
    return font


def colors(level: str) -> tuple[QColor, QColor | None]:
    fg, bg = LEVEL_COLORS.get(level, LEVEL_COLORS["log"])
    return QColor(fg), (QColor(bg) if bg else None)


def pretty(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=repr)


class JsonView(QPlainTextEdit):
    """Read-only monospace text for payloads and diffs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(mono())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
