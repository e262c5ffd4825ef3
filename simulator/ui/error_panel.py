"""The red error panel over the device screen, like WeChat DevTools' compile-error overlay.

It lists every current error as `file:line:column` and its message; the × button hides it
until the next error arrives (`ErrorLog.dismiss`). Saving a fix clears the log and the
panel goes away by itself.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

PANEL_STYLE = """
QFrame#errorPanel { background: rgba(160, 24, 24, 235); border: none; }
QLabel { color: white; background: transparent; }
QToolButton { color: white; background: transparent; border: none; font-size: 18px; }
QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; border: none; }
"""


def location(diagnostic: Any) -> str:
    """`file:line:column` as far as the diagnostic knows it."""
    parts = [str(diagnostic.file)] if getattr(diagnostic, "file", None) else []
    if parts and diagnostic.line is not None:
        parts.append(str(diagnostic.line))
        if diagnostic.column is not None:
            parts.append(str(diagnostic.column))
    return ":".join(parts)


class ErrorPanel(QFrame):
    """Shows `log.visible()`; hidden when there is nothing to show."""

    def __init__(self, log: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log = log
        self.setObjectName("errorPanel")
        self.setStyleSheet(PANEL_STYLE)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setToolTip("Dismiss")
        self.close_button.clicked.connect(self.dismiss)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setWidget(self.body)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.addLayout(head)
        layout.addWidget(scroller, 1)
        self.shown_errors: list[Any] = []
        self.sync()

    def set_log(self, log: Any) -> None:
        self.log = log
        self.sync()

    def dismiss(self) -> None:
        if self.log is not None:
            self.log.dismiss()
        self.sync()

    def sync(self) -> None:
        errors = self.log.visible() if self.log is not None else []
        if errors == self.shown_errors and self.showing() == bool(errors):
            return
        self.shown_errors = list(errors)
        if not errors:
            self.hide()
            return
        count = len(errors)
        self.title.setText(f"{count} error{'s' if count != 1 else ''}")
        items = []
        for d in errors:
            where = location(d)
            head = f"<b>{html.escape(where)}</b><br>" if where else ""
            message = html.escape(str(d.message)).replace("\n", "<br>")
            items.append(f"<p style='margin-bottom:10px'>{head}<span style='font-family:monospace'>{message}</span></p>")
        self.body.setText("".join(items))
        self.show()
        self.raise_()

    def showing(self) -> bool:
        """Shown on the screen widget (true even while the window itself is not on a display)."""
        return not self.isHidden()

    def text(self) -> str:
        """Plain text of what is listed (tests and accessibility)."""
        lines = []
        for d in self.shown_errors:
            where = location(d)
            lines.append(f"{where}: {d.message}" if where else str(d.message))
        return "\n".join(lines)
