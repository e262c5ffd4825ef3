"""Layout: a styled node tree → Taffy nodes → a Box tree in page coordinates.

Block, flex and absolute positioning are done by Taffy. This module decides what Taffy
sees: which elements are blocks, flex items or measured paragraph leaves, where anonymous
boxes go, and which node an absolutely positioned element is attached to (Taffy positions
against the direct parent, CSS against the nearest positioned ancestor, so we re-parent).
"""

from __future__ import annotations

import math
from typing import Any

from stretchable.style import PT, Display, Size, Style

from .box import Box, TextPiece
from .inline import Paragraph, Run
from .taffy_style import anonymous_block_style, anonymous_line_style, element_style
from .taffy_tree import TaffyTree
from .text import TextMeasurer

ATOMIC = ("inline-block", "inline-flex")
Node = int  # a Taffy node id


def _leaf(para: Paragraph):
    """The measure function of a Taffy leaf holding a paragraph."""
    return lambda _kw, _kh, limit: para.size(limit)


def _is_text(node: Any) -> bool:
    return node.text is not None


def _display(node: Any) -> str:
    return node.style.get("display")


def _out_of_flow(node: Any) -> bool:
    return node.style.get("position") in ("absolute", "fixed")


def inline_only(node: Any) -> bool:
    """True if every child is text or an in-flow inline element holding only inline content."""
    for c in node.children:
        if _is_text(c):
            continue
        d = _display(c)
        if d == "none":
            continue
        if d != "inline" or _out_of_flow(c) or not inline_only(c):
            return False
    return True


class _Builder:
    """Builds the Taffy tree for one layout pass and remembers how to read it back."""

    def __init__(self, measurer: TextMeasurer, viewport: Any):
        self.measurer = measurer
        self.viewport = viewport
        self.t = TaffyTree()
        self.tnode_of: dict[int, Node] = {}          # id(element) → its Taffy node
        self.paras: list[tuple[Paragraph, Node]] = []  # paragraphs and the node whose content box holds them
        self.fixed_root = self.t.node(_viewport_style(viewport.width, viewport.height))
        self.fixed: set[int] = set()

    def element(self, node: Any, display: str, cb: Node | None) -> Node:
        """The Taffy node of an element laid out as `display` ("block" or "flex")."""
        tn = self.t.node(element_style(node.style, display))
        self.tnode_of[id(node)] = tn
        if cb is None or node.style.get("position") != "static":
            cb = tn  # the root and positioned elements contain absolutely positioned descendants
        if display == "flex":
            self._flex_children(node, tn, cb)
        elif inline_only(node):
            para = self._paragraph(node.children, node.style)
            if para is not None:
                self.t.set_measure(tn, _leaf(para))
                self.paras.append((para, tn))
        else:
            self._block_children(node, tn, cb)
        return tn

    def child(self, node: Any, parent_tn: Node, cb: Node, blockify: bool = False) -> None:
        """Lay out an element child: in flow under `parent_tn`, or re-parented if positioned."""
        d = _display(node)
        if d == "none":
            return
        display = "flex" if d in ("flex", "inline-flex") else "block"
        pos = node.style.get("position")
        tn = self.element(node, display, cb)
        if pos == "fixed":
            self.fixed.add(tn)
            self.t.append(self.fixed_root, tn)
        elif pos == "absolute":
            self.t.append(cb, tn)
        else:
            self.t.append(parent_tn, tn)

    def _flex_children(self, node: Any, tn: Node, cb: Node) -> None:
        """CSS Flexbox 1 §4: each element child is a flex item; contiguous text becomes one anonymous item."""
        texts: list[Any] = []
        for c in node.children:
            if _is_text(c):
                texts.append(c)
                continue
            self._flush_text(texts, node.style, tn)
            self.child(c, tn, cb)
        self._flush_text(texts, node.style, tn)

    def _flush_text(self, texts: list[Any], style: Any, tn: Node) -> None:
        if texts:
            para = self._paragraph(texts, style)
            if para is not None:
                leaf = self.t.node(anonymous_block_style(), _leaf(para))
                self.paras.append((para, leaf))
                self.t.append(tn, leaf)
            texts.clear()

    def _block_children(self, node: Any, tn: Node, cb: Node) -> None:
        """CSS 2.1 §9.2.1.1: runs of inline-level children between blocks form anonymous boxes."""
        group: list[Any] = []
        for c in node.children:
            if _is_text(c) or (not _out_of_flow(c) and (_display(c) in ATOMIC or (_display(c) == "inline" and inline_only(c)))):
                group.append(c)
            elif _display(c) != "none":
                self._inline_group(group, node.style, tn, cb)
                group = []
                self.child(c, tn, cb)
        self._inline_group(group, node.style, tn, cb)

    def _inline_group(self, group: list[Any], style: Any, tn: Node, cb: Node) -> None:
        if not group:
            return
        if not any(not _is_text(c) and _display(c) in ATOMIC for c in group):
            self._flush_text(list(group), style, tn)
            return
        line = self.t.node(anonymous_line_style(style.get("text-align")))
        self.t.append(tn, line)
        pending: list[Any] = []
        for c in group:
            if not _is_text(c) and _display(c) in ATOMIC:
                self._flush_text(pending, style, line)
                self.child(c, line, cb)
            else:
                pending.append(c)
        self._flush_text(pending, style, line)

    def _paragraph(self, nodes: list[Any], style: Any) -> Paragraph | None:
        runs: list[Run] = []
        for n in nodes:
            self._collect_runs(n, runs, keep_newlines=False)
        para = Paragraph(runs, style, self.measurer)
        return None if para.is_empty() else para

    def _collect_runs(self, node: Any, runs: list[Run], keep_newlines: bool) -> None:
        if _is_text(node):
            runs.append(Run(node.text, node.style, node, keep_newlines))
            return
        if _display(node) == "none":
            return
        for c in node.children:
            self._collect_runs(c, runs, keep_newlines or node.tag == "text")


def layout_tree(root: Any, viewport: Any, measurer: TextMeasurer) -> Box:
    """Lay out a styled tree (root = the page element) at the viewport width; return its Box."""
    b = _Builder(measurer, viewport)
    try:
        tn = b.element(root, "flex" if _display(root) in ("flex", "inline-flex") else "block", None)
        b.t.compute(tn, viewport.width, None)
        b.t.compute(b.fixed_root, viewport.width, viewport.height)
        geo: dict[int, tuple] = {}
        _read(b.t, tn, 0.0, 0.0, geo)
        _read(b.t, b.fixed_root, 0.0, 0.0, geo)
    finally:
        b.t.release()
    text_pieces = _place_text(b, geo)
    return _to_box(root, b, geo, text_pieces, fixed=False)


_viewport_styles: dict[tuple[float, float], Style] = {}


def _viewport_style(width: float, height: float) -> Style:
    """The containing block of position: fixed elements (CSS 2.1 §10.1: the viewport)."""
    st = _viewport_styles.get((width, height))
    if st is None:
        st = _viewport_styles[(width, height)] = Style(display=Display.BLOCK, size=Size(width=width * PT, height=height * PT))
    return st


def _read(t: TaffyTree, tn: Node, px: float, py: float, geo: dict[int, tuple]) -> None:
    """Absolute geometry of every Taffy node: (x, y, w, h, margin, border, padding)."""
    lay = t.layout(tn)
    x, y = px + lay.x, py + lay.y
    geo[tn] = (x, y, lay.width, lay.height,
               (lay.margin_top, lay.margin_right, lay.margin_bottom, lay.margin_left),
               (lay.border_top, lay.border_right, lay.border_bottom, lay.border_left),
               (lay.padding_top, lay.padding_right, lay.padding_bottom, lay.padding_left))
    for c in t.children[tn]:
        _read(t, c, x, y, geo)


def _place_text(b: _Builder, geo: dict[int, tuple]) -> dict[int, list[TextPiece]]:
    """Wrap each paragraph at its final content width; pieces keyed by id(text node)."""
    out: dict[int, list[TextPiece]] = {}
    for para, tn in b.paras:
        x, y, w, h, _m, bo, pa = geo[tn]
        cx, cy = x + bo[3] + pa[3], y + bo[0] + pa[0]
        cw = w - bo[1] - bo[3] - pa[1] - pa[3]
        for line in para.layout(cw):
            for f in line.fragments:
                run = para.runs[f.run]
                out.setdefault(id(run.node), []).append(
                    TextPiece(f.text, cx + f.x, cy + f.y, f.width, f.height, run.style))
    return out


def _to_box(node: Any, b: _Builder, geo: dict[int, tuple], pieces: dict[int, list[TextPiece]], fixed: bool) -> Box | None:
    if _is_text(node):
        ps = pieces.get(id(node))
        if not ps:
            return None
        box = _bbox(node, [(p.x, p.y, p.width, p.height) for p in ps], fixed)
        box.pieces = ps
        box.lines = [(p.text, p.x, p.y, p.width) for p in ps]
        return box
    tn = b.tnode_of.get(id(node))
    if tn is None and _display(node) == "none":
        return None
    if tn is not None:
        fixed = fixed or tn in b.fixed
    kids = [k for k in (_to_box(c, b, geo, pieces, fixed) for c in node.children) if k is not None]
    if tn is None:  # an inline element inside a paragraph: the union of its text
        if not kids:
            return None
        box = _bbox(node, [(k.x, k.y, k.width, k.height) for k in kids], fixed)
        box.children = kids
        return box
    x, y, w, h, m, bo, pa = geo[tn]
    return Box(node, x, y, w, h, kids, margin=m, border=bo, padding=pa, fixed=fixed)


def _bbox(node: Any, rects: list[tuple[float, float, float, float]], fixed: bool) -> Box:
    x0 = min(r[0] for r in rects)
    y0 = min(r[1] for r in rects)
    x1 = max(r[0] + r[2] for r in rects)
    y1 = max(r[1] + r[3] for r in rects)
    return Box(node, x0, y0, x1 - x0, y1 - y0, fixed=fixed)
