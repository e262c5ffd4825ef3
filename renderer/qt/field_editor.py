"""A real Qt editor laid over a focused `<input>`/`<textarea>`, so typing uses the desktop's keyboard and IME.

The editor takes the element's font, colour and content box; each edit goes to
`view.input_text(node, value)`, Enter to `view.input_confirm(node)` and losing focus to
`view.input_blur(node)` — the same entry points automation uses, so both paths behave alike.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from renderer.qt.controls import attr, content_rect, display_value, placeholder_color, state, truthy
from renderer.qt.style import qcolor, sget, style_of, text_font


class FieldEditor(QObject):
    """Owns at most one editor widget on `host`; `open(node, rect)` shows it, `close()` ends editing."""

    def __init__(self, host: QWidget, view_of: Callable[[], Any]) -> None:
        super().__init__(host)
        self.host = host
        self._view_of = view_of
        self.node: Any = None
        self.widget: QLineEdit | QPlainTextEdit | None = None
        self._closing = False

    def open(self, node: Any, rect: QRectF) -> QWidget:
        """Show an editor for `node` over `rect` (widget coordinates) and give it keyboard focus."""
        if self.node is node and self.widget is not None:
            self.place(rect)
            return self.widget
        self.close()
        self.node = node
        box_style = style_of(getattr(node, "box", None)) if getattr(node, "box", None) is not None else node.style
        multiline = getattr(node, "tag", "") == "textarea"
        value = state(node, "value", "")
        value = "" if value is None or value is False else str(value)
        widget: QLineEdit | QPlainTextEdit
        if multiline:
            widget = QPlainTextEdit(self.host)
            widget.setPlainText(value)
            widget.setPlaceholderText(str(attr(node, "placeholder", "") or ""))
            widget.textChanged.connect(lambda: self._changed(widget.toPlainText()))
        else:
            widget = QLineEdit(self.host)
            widget.setText(value)
            widget.setPlaceholderText(str(attr(node, "placeholder", "") or ""))
            if truthy(attr(node, "password", False)) or display_value(node) != value:
                widget.setEchoMode(QLineEdit.EchoMode.Password)
            maxlength = attr(node, "maxlength", 140)
            try:
                n = int(maxlength)
                if n >= 0:
                    widget.setMaxLength(n)
            except (TypeError, ValueError):
                pass
            widget.textEdited.connect(self._changed)
            widget.returnPressed.connect(self._confirm)
        widget.setFrame(False) if isinstance(widget, QLineEdit) else widget.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self._style(widget, box_style)
        widget.installEventFilter(self)
        self.widget = widget
        self._box_style = box_style
        self.place(rect)
        widget.show()
        widget.setFocus(Qt.FocusReason.MouseFocusReason)
        return widget

    def place(self, rect: QRectF) -> None:
        if self.widget is None:
            return
        inner = content_rect(self._box_style, rect)
        if isinstance(self.widget, QLineEdit):
            inner = rect.adjusted(inner.x() - rect.x(), 0, inner.right() - rect.right(), 0)
        self.widget.setGeometry(inner.toAlignedRect())

    def close(self) -> None:
        """End editing (blur) and remove the editor."""
        if self.widget is None or self._closing:
            return
        self._closing = True
        widget, node = self.widget, self.node
        self.widget, self.node = None, None
        widget.removeEventFilter(self)
        widget.hide()
        widget.deleteLater()
        view = self._view_of()
        if view is not None and hasattr(view, "input_blur"):
            view.input_blur(node)
        self._closing = False

    # ---------------------------------------------------------------- internals
    def _style(self, widget: QWidget, style: Any) -> None:
        tf = text_font(style)
        widget.setFont(tf.qfont)
        pal = widget.palette()
        color = qcolor(sget(style, "color")) or QColor(0, 0, 0)
        pal.setColor(QPalette.ColorRole.Text, color)
        pal.setColor(QPalette.ColorRole.Base, QColor(0, 0, 0, 0))
        pal.setColor(QPalette.ColorRole.Window, QColor(0, 0, 0, 0))
        pal.setColor(QPalette.ColorRole.PlaceholderText, placeholder_color(self.node))
        widget.setPalette(pal)
        widget.setAutoFillBackground(False)
        widget.setStyleSheet("background: transparent; border: none; padding: 0px; margin: 0px;")
        if isinstance(widget, QLineEdit):
            align = str(sget(style, "text-align", "left"))
            widget.setAlignment({"center": Qt.AlignmentFlag.AlignHCenter, "right": Qt.AlignmentFlag.AlignRight}
                                .get(align, Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter)
            widget.setTextMargins(0, 0, 0, 0)
        else:
            widget.document().setDocumentMargin(0)

    def _changed(self, value: str) -> None:
        view = self._view_of()
        if view is not None and self.node is not None:
            view.input_text(self.node, value)

    def _confirm(self) -> None:
        view = self._view_of()
        if view is not None and self.node is not None and hasattr(view, "input_confirm"):
            view.input_confirm(self.node)
        if not truthy(attr(self.node, "confirm-hold", False)):
            self.close()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if obj is self.widget and event.type() == QEvent.Type.FocusOut:
            reason = getattr(event, "reason", lambda: None)()
            if reason != Qt.FocusReason.PopupFocusReason:
                self.close()
        return False
