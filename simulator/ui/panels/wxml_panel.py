"""WXML panel: the rendered tree of the shown page; a selected node is outlined on the device
and its attributes, box model, matched WXSS rules (file:line) and computed style are listed."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QSplitter, QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from simulator.devtools.inspect import node_details, node_label
from simulator.ui.panels.common import mono
from simulator.ui.panels.highlight import NodeHighlight

NODE_ROLE = Qt.ItemDataRole.UserRole


class WxmlPanel(QWidget):
    def __init__(self, screen: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sim: Any = None
        self.view: Any = None
        self._unsub: Any = None
        self._dirty = False
        self.highlight = NodeHighlight(screen) if screen is not None else None
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setFont(mono())
        self.tree.currentItemChanged.connect(lambda *_: self.show_selected())
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        split.setSizes([300, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._poll)
        self._timer.start(250)

    def attach(self, sim: Any) -> None:
        if self._unsub is not None:
            self._unsub()
        self.sim = sim
        self._unsub = sim.subscribe(self._changed) if sim is not None and hasattr(sim, "subscribe") else None
        self.refresh()

    def _changed(self) -> None:
        self._dirty = True

    def _poll(self) -> None:
        if self._dirty and self.isVisible():
            self._dirty = False
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the tree; the selected node stays selected while it is still rendered."""
        selected = self.selected_node()
        self.view = self.sim.current_view() if self.sim is not None else None
        self.tree.blockSignals(True)
        self.tree.clear()
        keep = None
        if self.view is not None:
            stack = [(self.view.root, None)]
            while stack:
                node, parent = stack.pop()
                item = QTreeWidgetItem([node_label(node)])
                item.setData(0, NODE_ROLE, node)
                if node.component is not None:
                    item.setForeground(0, self.palette().link())
                if parent is None:
                    self.tree.addTopLevelItem(item)
                else:
                    parent.addChild(item)
                if node is selected:
                    keep = item
                stack.extend((child, item) for child in reversed(node.children))
            self.tree.expandToDepth(3)
        self.tree.blockSignals(False)
        if keep is not None:
            self.tree.setCurrentItem(keep)
        elif selected is not None:
            self.details.clear()
            if self.highlight is not None:
                self.highlight.show_node(None, None)
        elif self.highlight is not None and self.highlight.node is not None:
            self.highlight.show_node(self.view, self.highlight.node)

    def selected_node(self) -> Any:
        item = self.tree.currentItem()
        return item.data(0, NODE_ROLE) if item is not None else None

    def select_node(self, node: Any) -> bool:
        """Select `node` in the tree (as a click would)."""
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item.data(0, NODE_ROLE) is node:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return True
            stack.extend(item.child(i) for i in range(item.childCount()))
        return False

    def show_selected(self) -> dict | None:
        node = self.selected_node()
        if node is None or self.view is None:
            return None
        details = node_details(self.view, node)
        self.details.setHtml(details_html(details))
        if self.highlight is not None:
            self.highlight.show_node(self.view, node)
        self.last_details = details
        return details


def details_html(d: dict) -> str:
    e = html.escape
    parts = [f"<h4 style='margin:2px 0'>{e(d['label'])}</h4><div style='color:#646a73'>from {e(d['owner'])}</div><br>"]
    if d["attrs"]:
        parts.append("<b>Attributes</b><table>" + "".join(
            f"<tr><td style='color:#8a2be2'>{e(k)}</td><td>{e(str(v))}</td></tr>" for k, v in d["attrs"].items())
            + "</table>")
    box = d["box"]
    if box:
        def edges(name: str) -> str:
            return " ".join(f"{v:g}" for v in box.get(name, ()))
        content = box.get("content", {})
        parts.append(
            "<b>Box model</b> <span style='color:#646a73'>(CSS px, top right bottom left)</span><table>"
            f"<tr><td>position</td><td>x {box['x']:g}, y {box['y']:g}</td></tr>"
            f"<tr><td>size</td><td>{box['width']:g} × {box['height']:g}</td></tr>"
            f"<tr><td style='color:#b26a00'>margin</td><td>{edges('margin')}</td></tr>"
            f"<tr><td>border</td><td>{edges('border')}</td></tr>"
            f"<tr><td style='color:#2e7d32'>padding</td><td>{edges('padding')}</td></tr>"
            f"<tr><td style='color:#245bdb'>content</td><td>{content.get('width', 0):g} × {content.get('height', 0):g}"
            "</td></tr></table>")
    if d["rules"]:
        rules = []
        for rule in reversed(d["rules"]):  # highest precedence first, as inspectors show them
            decls = "".join(f"<div style='margin-left:14px'>{e(x)};</div>" for x in rule.declarations)
            rules.append(f"<div style='margin:4px 0'><code>{e(rule.selector)}</code> {{"
                         f"<span style='float:right;color:#245bdb'>{e(rule.location)}</span>{decls}}}</div>")
        parts.append("<b>Matched WXSS rules</b>" + "".join(rules))
    if d["style"]:
        parts.append("<b>Computed style</b><table style='font-family:monospace'>" + "".join(
            f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in d["style"].items()) + "</table>")
    return "".join(parts)
