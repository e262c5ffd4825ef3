"""The box of the node selected in the WXML panel, drawn over the device screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget


class NodeHighlight(QWidget):
    """A mouse-transparent layer over a ScreenWidget: content, padding and margin of one node,
    coloured like browser inspectors (blue content, green padding, orange margin)."""

    def __init__(self, screen: QWidget) -> None:
        super().__init__(screen)
        self.screen = screen
        self.node: Any = None
        self.view: Any = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, True)
        self.hide()

    def show_node(self, view: Any, node: Any) -> None:
        self.view, self.node = view, node
        self.setGeometry(0, 0, self.screen.width(), self.screen.height())
        self.setVisible(node is not None and node.box is not None)
        self.raise_()
        self.update()

    def rect_on_screen(self) -> QRectF | None:
        """The node's border box in screen-widget coordinates (page offset and scroll applied)."""
        node = self.node
        if node is None or node.box is None:
            return None
        box = node.box
        x, y, _w, _h = self.screen.geo.page
        scroll = 0.0 if getattr(box, "fixed", False) else float(getattr(self.view, "scroll_top", 0.0) or 0.0)
        return QRectF(x + box.x, y + box.y - scroll, box.width, box.height)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        rect = self.rect_on_screen()
        if rect is None:
            return
        box = self.node.box
        p = QPainter(self)
        try:
            m = getattr(box, "margin", (0, 0, 0, 0))
            pa = getattr(box, "padding", (0, 0, 0, 0))
            bo = getattr(box, "border", (0, 0, 0, 0))
            outer = rect.adjusted(-m[3], -m[0], m[1], m[2])
            p.fillRect(outer, QColor(246, 178, 107, 90))
            p.fillRect(rect, QColor(147, 196, 125, 110))
            inner = rect.adjusted(bo[3] + pa[3], bo[0] + pa[0], -(bo[1] + pa[1]), -(bo[2] + pa[2]))
            p.fillRect(inner, QColor(111, 168, 220, 140))
            p.setPen(QPen(QColor("#245bdb"), 1, Qt.PenStyle.DashLine))
            p.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
            label = f"{self.node.tag}  {box.width:g} × {box.height:g}"
            p.setPen(QColor("white"))
            tw = p.fontMetrics().horizontalAdvance(label) + 8
            ty = rect.top() - 18 if rect.top() > 18 else rect.bottom() + 2
            tag = QRectF(rect.left(), ty, tw, 16)
            p.fillRect(tag, QColor(36, 91, 219, 220))
            p.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)
        finally:
            p.end()
