"""The "Add compile mode" dialog: name, start page (from app.json), query and scene value."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox,
                               QWidget)

from simulator.settings import DEFAULT_SCENE, CompileMode


class CompileModeDialog(QDialog):
    """Edits one `CompileMode`; `mode()` reads it back (None while the name or page is empty)."""

    def __init__(self, pages: list[str], current: CompileMode | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compile mode")
        form = QFormLayout(self)
        self.name = QLineEdit(current.name if current else "")
        self.page = QComboBox()
        self.page.setEditable(True)
        self.page.addItems(pages)
        if current is not None:
            self.page.setCurrentText(current.page)
        self.query = QLineEdit(current.query if current else "")
        self.query.setPlaceholderText("id=3&from=share")
        self.scene = QSpinBox()
        self.scene.setRange(1000, 1300)
        self.scene.setValue(current.scene if current else DEFAULT_SCENE)
        form.addRow("Mode name", self.name)
        form.addRow("Start page", self.page)
        form.addRow("Launch query", self.query)
        form.addRow("Scene value", self.scene)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def mode(self) -> CompileMode | None:
        page = self.page.currentText().strip().lstrip("/")
        name = self.name.text().strip() or page
        if not page:
            return None
        return CompileMode(name, page, self.query.text().strip().lstrip("?"), int(self.scene.value()))
