"""A thin handle on the Taffy engine through stretchable's native binding (`taffylib`).

stretchable's object layer converts every measure callback's arguments into validated
Python objects, which costs ~0.4 ms per call (seconds for a 1,000-item list). Layout builds
its trees here instead: nodes are plain ids, styles are passed as the dicts that
`Style.to_dict()` produces (computed once per shared Style), and the measure callback
receives raw floats. Styles are the plain dicts of `taffy_dict` (a `stretchable.Style` is
still accepted and converted once). The engine and its semantics are unchanged.
"""

from __future__ import annotations

import math
from typing import Callable

from stretchable import taffylib
from stretchable.context import taffy
from stretchable.style import Style

# Taffy's available-space kinds, as they arrive in measure callbacks.
DEFINITE, MIN_CONTENT, MAX_CONTENT = 1, 3, 4

Measure = Callable[[float, float, float | None], tuple[float, float]]

_style_dicts: dict[int, tuple[Style, dict]] = {}


def style_dict(style: dict | Style) -> dict:
    """The dict form of a style: a dict as is, a Style's `to_dict()` cached per object."""
    if type(style) is dict:
        return style
    hit = _style_dicts.get(id(style))
    if hit is None or hit[0] is not style:
        hit = _style_dicts[id(style)] = (style, style.to_dict())
    return hit[1]


class NodePool:
    """Detached Taffy nodes kept for reuse, by the style dict they carry.

    The binding converts the whole style dict on every `node_create` (about 10 µs a node, most
    of building a large page's Taffy tree). A node freed by one layout (a closed page, removed
    list items) and taken by another with the same shared style needs no conversion: it only
    has to be marked dirty. Pooled nodes have no parent, no children and no measure function.
    """

    LIMIT = 50_000  # nodes kept in all; beyond that freed nodes are dropped in the engine

    def __init__(self) -> None:
        self._free: dict[int, tuple[dict, list[int]]] = {}  # id(style dict) → (the dict, node ids)
        self.size = 0

    def take(self, style: dict) -> int | None:
        entry = self._free.get(id(style))
        if entry is None or entry[0] is not style or not entry[1]:
            return None
        self.size -= 1
        nid = entry[1].pop()
        taffylib.node_mark_dirty(taffy._ptr, nid)  # forget the layout cached for its last tree
        return nid

    def give(self, nid: int, style: dict) -> None:
        """Keep a detached node (no parent, no children, no measure) or drop it when full."""
        if self.size >= self.LIMIT:
            taffylib.node_drop(taffy._ptr, nid)
            return
        entry = self._free.get(id(style))
        if entry is None or entry[0] is not style:
            if entry is not None:  # a dict with a recycled id: its nodes carry another style
                for old in entry[1]:
                    taffylib.node_drop(taffy._ptr, old)
                self.size -= len(entry[1])
            entry = self._free[id(style)] = (style, [])
        entry[1].append(nid)
        self.size += 1


_pool = NodePool()


class TaffyTree:
    """Nodes of one layout tree; `release()` frees them in the engine.

    The tree may live across layouts: nodes can be restyled, re-childed and dropped one by
    one, and Taffy keeps the cached layout of every subtree that was not touched. Dropped and
    released nodes go to the shared `NodePool`.
    """

    def __init__(self) -> None:
        self.measures: dict[int, Measure] = {}
        self.children: dict[int, list[int]] = {}
        self.styles: dict[int, dict] = {}  # the style dict each node carries (for the pool)
        self.parents: dict[int, int] = {}

    def node(self, style: dict | Style, measure: Measure | None = None) -> int:
        d = style_dict(style)
        nid = _pool.take(d)
        if nid is None:
            nid = taffylib.node_create(taffy._ptr, d)
        self.children[nid] = []
        self.styles[nid] = d
        if measure is not None:
            self.set_measure(nid, measure)
        return nid

    def set_measure(self, nid: int, measure: Measure) -> None:
        """Make `nid` a leaf whose content size comes from `measure(known_w, known_h, limit)`."""
        taffylib.node_set_measure(taffy._ptr, nid, True)
        self.measures[nid] = measure

    def unset_measure(self, nid: int) -> None:
        if self.measures.pop(nid, None) is not None:
            taffylib.node_set_measure(taffy._ptr, nid, False)

    def set_style(self, nid: int, style: dict | Style) -> None:
        d = style_dict(style)
        taffylib.node_set_style(taffy._ptr, nid, d)
        self.styles[nid] = d

    def mark_dirty(self, nid: int) -> None:
        taffylib.node_mark_dirty(taffy._ptr, nid)

    def clear_children(self, nid: int) -> None:
        """Detach every child of `nid` (from the end, so nothing shifts)."""
        kids = self.children.get(nid)
        if not kids:
            return
        parents = self.parents
        for i in range(len(kids) - 1, -1, -1):
            taffylib.node_remove_child_at_index(taffy._ptr, nid, i)
            parents.pop(kids[i], None)
        kids.clear()

    def drop(self, nid: int) -> None:
        """Free one node to the pool, detached from its parent and children."""
        parent = self.parents.pop(nid, None)
        if parent is not None:
            taffylib.node_remove_child(taffy._ptr, parent, nid)
            self.children[parent].remove(nid)
        self.clear_children(nid)
        self.unset_measure(nid)
        self.children.pop(nid, None)
        _pool.give(nid, self.styles.pop(nid))

    def append(self, parent: int, child: int) -> None:
        taffylib.node_add_child(taffy._ptr, parent, child)
        self.children[parent].append(child)
        self.parents[child] = parent

    def compute(self, root: int, width: float, height: float | None) -> None:
        """Lay out `root` in a definite width and a definite or max-content height."""
        taffy.use_rounding = False
        space = {"width": {"dim": DEFINITE, "value": width},
                 "height": {"dim": DEFINITE, "value": height} if height is not None else {"dim": MAX_CONTENT, "value": math.nan}}
        taffylib.node_compute_layout_with_measure(taffy._ptr, root, space, self._measure)

    def _measure(self, known_w: float, known_h: float, avail_w: dict, _avail_h: dict, nid: int) -> tuple[float, float]:
        fn = self.measures.get(nid)
        if fn is None:
            return (0.0, 0.0)
        # (x == x is False only for NaN, Taffy's "unknown"; cheaper than math.isnan here)
        if known_w == known_w:
            limit: float | None = known_w
        else:
            dim = avail_w["dim"]
            limit = avail_w["value"] if dim == DEFINITE else 0.0 if dim == MIN_CONTENT else None
        w, h = fn(known_w, known_h, limit)
        return (known_w if known_w == known_w else w, known_h if known_h == known_h else h)

    def layout(self, nid: int) -> taffylib.PyLayout:
        lay = taffylib.PyLayout()
        taffylib.node_get_layout(taffy._ptr, nid, lay)
        return lay

    def release(self) -> None:
        """Free every node of this tree (to the pool, detached)."""
        for nid in self.children:
            self.clear_children(nid)
        for nid in list(self.measures):
            self.unset_measure(nid)
        for nid, d in self.styles.items():
            _pool.give(nid, d)
        self.measures.clear()
        self.children.clear()
        self.styles.clear()
        self.parents.clear()
