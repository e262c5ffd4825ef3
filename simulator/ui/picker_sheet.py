"""The `<picker>` bottom sheet: 取消 / 确定 over the columns, the selected row of each in the
middle band (WeUI picker look). Clicking a row selects it (`ui.select_picker_column`); the
buttons answer through `ui.answer_picker`. Painting and clicks share `picker_layout`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from renderer.qt.fonts import ui_font
from simulator.ui.sheet import begin_sheet

ROW = 48.0
SHOWN = 5  # rows visible per column, the selected one in the middle
HEADER = 56.0


@dataclass
class PickerLayout:
    box: QRectF
    cancel: QRectF
    confirm: QRectF
    columns: list[QRectF]


def picker_layout(w: float, h: float, session: Any, bottom_inset: float = 0.0) -> PickerLayout:
    height = HEADER + ROW * SHOWN + 16 + bottom_inset
    top = h - height
    count = max(1, len(session.columns()))
    body = top + HEADER
    col_w = (w - 32) / count
    cols = [QRectF(16 + i * col_w, body, col_w, ROW * SHOWN) for i in range(count)]
    return PickerLayout(QRectF(0, top, w, height), QRectF(0, top, 88, HEADER), QRectF(w - 88, top, 88, HEADER), cols)


def _rows(session: Any, column: int, rect: QRectF) -> list[tuple[int, QRectF]]:
    """(row index, rect) of the rows shown in `column`."""
    rows = session.columns()[column]
    sel = session.selected[column] if column < len(session.selected) else 0
    out = []
    for slot in range(SHOWN):
        index = sel - SHOWN // 2 + slot
        if 0 <= index < len(rows):
            out.append((index, QRectF(rect.x(), rect.y() + slot * ROW, rect.width(), ROW)))
    return out


def paint_picker(p: QPainter, w: float, h: float, session: Any, bottom_inset: float = 0.0) -> PickerLayout:
    lay = picker_layout(w, h, session, bottom_inset)
    begin_sheet(p, w, h, lay.box, QColor("#FFFFFF"))
    p.setFont(ui_font(17, 400))
    p.setPen(QColor(0, 0, 0, 230))
    p.drawText(lay.cancel, Qt.AlignmentFlag.AlignCenter, "取消")
    if getattr(session, "title", ""):
        p.drawText(QRectF(88, lay.box.y(), w - 176, HEADER), Qt.AlignmentFlag.AlignCenter, session.title)
    p.setPen(QColor("#07C160"))
    p.drawText(lay.confirm, Qt.AlignmentFlag.AlignCenter, "确定")
    if lay.columns:
        band = QRectF(16, lay.columns[0].y() + ROW * (SHOWN // 2), w - 32, ROW)
        p.fillRect(band, QColor(0, 0, 0, 10))
    columns = session.columns()
    for c, rect in enumerate(lay.columns):
        for index, row in _rows(session, c, rect):
            middle = index == (session.selected[c] if c < len(session.selected) else 0)
            p.setPen(QColor(0, 0, 0, 230 if middle else 90))
            p.drawText(row, Qt.AlignmentFlag.AlignCenter, columns[c][index])
    p.restore()
    return lay


def click_picker(ui: Any, w: float, h: float, x: float, y: float, bottom_inset: float = 0.0) -> bool:
    """Answer or move the open picker for a click at (x, y); True when a picker was open."""
    session = getattr(ui, "picker", None)
    if session is None:
        return False
    lay = picker_layout(w, h, session, bottom_inset)
    pt = QPointF(x, y)
    if lay.cancel.contains(pt) or not lay.box.contains(pt):
        ui.answer_picker(confirm=False)
    elif lay.confirm.contains(pt):
        ui.answer_picker()
    else:
        for c, rect in enumerate(lay.columns):
            for index, row in _rows(session, c, rect):
                if row.contains(pt):
                    ui.select_picker_column(c, index)
                    return True
    return True
