"""Reading a computed Taffy tree back into Boxes, reusing the Boxes of unchanged subtrees.

A reused subtree (see session.py) whose Taffy layout relative to its parent is the same
as last time has the same inner geometry, so its Boxes are kept and, if an ancestor moved,
shifted; nothing inside it is read from Taffy again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .box import ZERO, Box, TextPiece
from .engine import _display, _is_text, kids

if TYPE_CHECKING:
    from .session import LayoutSession


class Readback:
    """One pass's geometry: absolute rectangles of re-read Taffy nodes and placed text."""

    def __init__(self, session: LayoutSession, assign: bool):
        self.s = session
        self.assign = assign  # input nodes have a `box` attribute to keep current
        self.geo: dict[int, tuple] = {}
        self.pieces: dict[int, list[TextPiece]] = {}
        self.shifts: dict[int, tuple[float, float]] = {}

    def read(self, tn: int, px: float, py: float) -> None:
        """Absolute geometry below `tn`; unchanged reused subtrees are only noted with their shift."""
        s = self.s
        t = s.t
        lay = t.layout(tn)
        x, y = px + lay.x, py + lay.y
        rel = (lay.width, lay.height)  # inner geometry depends on the size, not the position
        rec = s.reused.get(tn)
        if rec is not None and rec.rel == rel and rec.box is not None:
            self.shifts[id(rec.node)] = (x - rec.box.x, y - rec.box.y)
            return
        self.geo[tn] = (x, y, lay.width, lay.height,
                        _edges(lay.margin_top, lay.margin_right, lay.margin_bottom, lay.margin_left),
                        _edges(lay.border_top, lay.border_right, lay.border_bottom, lay.border_left),
                        _edges(lay.padding_top, lay.padding_right, lay.padding_bottom, lay.padding_left))
        owner = s.rec_of_tn.get(tn)
        if owner is not None:
            owner.rel = rel
        para = s.para_of_tn.get(tn)
        if para is not None:
            self._place(para, self.geo[tn])
        for c in t.children[tn]:
            self.read(c, x, y)

    def _place(self, para: Any, g: tuple) -> None:
        """Wrap a paragraph at its final content width; pieces keyed by id(text node)."""
        x, y, w, _h, _m, bo, pa = g
        cx, cy = x + bo[3] + pa[3], y + bo[0] + pa[0]
        cw = w - bo[1] - bo[3] - pa[1] - pa[3]
        out = self.pieces
        for line in para.layout(cw):
            for f in line.fragments:
                run = para.runs[f.run]
                out.setdefault(id(run.node), []).append(
                    TextPiece(f.text, cx + f.x, cy + f.y, f.width, f.height, run.style))

    def to_box(self, node: Any, fixed: bool) -> Box | None:
        key = id(node)
        shift = self.shifts.get(key)
        rec = self.s.recs.get(key)
        if shift is not None:
            box = rec.box
            if shift != (0.0, 0.0):
                _shift(box, shift[0], shift[1])
            return box
        box = self._build(node, rec, fixed)
        if rec is not None:
            rec.box = box
        if self.assign:
            node.box = box
        return box

    def _build(self, node: Any, rec: Any, fixed: bool) -> Box | None:
        if _is_text(node):
            ps = self.pieces.get(id(node))
            if not ps:
                return None
            box = _bbox(node, ps, fixed, leaf=True)
            box.pieces = ps
            box.lines = [(p.text, p.x, p.y, p.width) for p in ps]
            box.bounds = _bounds(box)
            return box
        tn = rec.tn if rec is not None else None
        if tn is None and _display(node) == "none":
            return None
        if tn is not None:
            fixed = fixed or rec.fixed
        boxes = []
        to_box = self.to_box
        for c in kids(node):
            k = to_box(c, fixed)
            if k is not None:
                boxes.append(k)
        if tn is None:  # an inline element inside a paragraph: the union of its text
            if not boxes:
                return None
            box = _bbox(node, boxes, fixed)
            box.children = boxes
            box.bounds = _bounds(box)
            return box
        x, y, w, h, m, bo, pa = self.geo[tn]
        box = Box(node, x, y, w, h, boxes, margin=m, border=bo, padding=pa, fixed=fixed)
        box.bounds = _bounds(box)
        return box


def _edges(top: float, right: float, bottom: float, left: float) -> tuple[float, float, float, float]:
    """Box edges; all-zero edges (most of them) share one tuple instead of one per box."""
    if top == 0.0 and right == 0.0 and bottom == 0.0 and left == 0.0:
        return ZERO
    return (top, right, bottom, left)


def _bounds(box: Box) -> tuple[float, float, float, float] | None:
    """The union of a new box, its text lines and its children's bounds (x0, y0, x1, y1), the
    value the painter's `box_bounds` would work out later by walking the subtree again; None
    (left to the painter) if a child has none."""
    x0, y0 = box.x, box.y
    w, h = box.width, box.height
    x1 = x0 + w if w > 0.0 else x0 + 0.0
    y1 = y0 + h if h > 0.0 else y0 + 0.0
    for _text, lx, ly, lw in box.lines:  # floats already (the painter converts what it is given)
        if lx < x0:
            x0 = lx
        if ly < y0:
            y0 = ly
        if lx + lw > x1:
            x1 = lx + lw
    for child in box.children:
        b = child.bounds
        if b is None:
            return None
        cx0, cy0, cx1, cy1 = b
        if cx0 < x0:
            x0 = cx0
        if cy0 < y0:
            y0 = cy0
        if cx1 > x1:
            x1 = cx1
        if cy1 > y1:
            y1 = cy1
    return (x0, y0, x1, y1)


def _shift(box: Box, dx: float, dy: float) -> None:
    """Move a kept subtree of Boxes (an earlier sibling grew or shrank)."""
    stack = [box]
    while stack:
        b = stack.pop()
        b.x += dx
        b.y += dy
        if b.bounds is not None:
            x0, y0, x1, y1 = b.bounds
            b.bounds = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
        if b.pieces:
            b.pieces = [p._replace(x=p.x + dx, y=p.y + dy) for p in b.pieces]
            b.lines = [(text, lx + dx, ly + dy, lw) for text, lx, ly, lw in b.lines]
        stack.extend(b.children)


def _bbox(node: Any, rects: list, fixed: bool, leaf: bool = False) -> Box:
    """The union of rectangles (TextPieces or Boxes: x, y, width, height attributes); a `leaf`
    (text) box shares an empty tuple for its children."""
    kids: list | tuple = () if leaf else []
    if len(rects) == 1:  # most text is one piece: the same arithmetic without the scans
        r = rects[0]
        x0, y0 = r.x, r.y
        return Box(node, x0, y0, (x0 + r.width) - x0, (y0 + r.height) - y0, kids, fixed=fixed)
    x0 = min(r.x for r in rects)
    y0 = min(r.y for r in rects)
    x1 = max(r.x + r.width for r in rects)
    y1 = max(r.y + r.height for r in rects)
    return Box(node, x0, y0, x1 - x0, y1 - y0, kids, fixed=fixed)
