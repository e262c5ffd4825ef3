"""A layout that lives across updates: the Taffy tree is kept and only changed parts are rebuilt.

A setData usually changes a few nodes of a large page. Each pass compares every input node
with what the previous pass saw (same node objects, same ComputedStyle object, same text,
same children). A subtree that is entirely unchanged keeps its Taffy nodes, so Taffy's own
cache skips it, and keeps its Box objects, which are only moved when an earlier sibling
changed size. Changed elements keep their Taffy node but get new children and paragraphs.
The result is the same Box tree a fresh `layout_tree` would give (tests/test_perf_*.py).
"""

from __future__ import annotations

from typing import Any

from .box import Box
from .calc_pass import CalcPass
from .engine import _display, _is_text, _leaf, _out_of_flow, _viewport_style, atomic, inline_only, kids, transparent
from .inline import Paragraph, Run, transform_text
from .readback import Readback
from .taffy_style import anonymous_block_style, anonymous_line_style, element_style, has_calc
from .taffy_tree import TaffyTree
from .text import TextMeasurer


class Rec:
    """What the last pass knew about one input node."""

    __slots__ = ("node", "style", "text", "kids", "tn", "owned", "escapes", "fixed", "box", "rel", "line")

    def __init__(self, node: Any):
        self.node = node
        self.style: Any = None
        self.text: str | None = None
        self.kids: list | None = None
        self.tn: int | None = None       # its Taffy node (None: text, inline content, display none)
        self.owned: list[int] | tuple = ()  # anonymous Taffy nodes made for its content (most have none)
        self.escapes = False             # an out-of-flow descendant is attached outside this subtree
        self.fixed = False               # inside a position: fixed subtree (Box.fixed)
        self.box: Box | None = None
        self.rel: tuple | None = None    # the Taffy node's last size: w, h
        self.line = False                # an atomic inline in an anonymous line row (vertical-align applies)


class LayoutSession:
    """Lays out one page's node tree again and again; `release()` frees the Taffy nodes.

    With `assign_boxes`, every input node's `box` attribute is kept current (None when it is
    not displayed), which is cheaper than a walk over the whole tree after each pass.
    """

    def __init__(self, viewport: Any, measurer: TextMeasurer, assign_boxes: bool = False):
        self.assign = assign_boxes
        self.viewport = viewport
        self.measurer = measurer
        self.t = TaffyTree()
        self.window_height = float(viewport.height)  # what fixed-position boxes are placed against
        self.fixed_root = self.t.node(_viewport_style(viewport.width, viewport.height))
        self.recs: dict[int, Rec] = {}
        self.rec_of_tn: dict[int, Rec] = {}
        self.para_of_tn: dict[int, Paragraph] = {}
        self.fixed_tns: set[int] = set()
        self.calc = CalcPass()
        self._begin()

    def set_window_height(self, height: float | None) -> None:
        """Place fixed-position boxes against the page's window (the screen less the navigation
        bar and a shown tabBar), as WeChat does; None → the viewport's full height."""
        h = float(self.viewport.height if height is None else height)
        if h != self.window_height:
            self.window_height = h
            self.t.set_style(self.fixed_root, _viewport_style(self.viewport.width, h))

    def _begin(self, since: int = -1) -> None:
        self.since = since  # input nodes stamped (`changed_at`) no later than this are unchanged
        self.kept: set[int] = set()  # roots of subtrees kept whole by their change stamp
        self.departed: list[Any] = []  # nodes that left their parent this pass
        self.seen: set[int] = set()
        self.memo: dict[int, bool] = {}
        self.lists: dict[int, list[int]] = {self.fixed_root: []}
        self.to_drop: list[int] = []
        self.reused: dict[int, Rec] = {}
        self.stack: list[Rec] = []

    # the pass ----------------------------------------------------------------------
    def layout(self, root: Any, since: int = -1) -> Box:
        """Lay out `root` at the viewport width; unchanged subtrees are reused.

        With `since`, input nodes carrying a `changed_at` stamp no later than `since` are known
        unchanged with their whole subtree, so they are not compared node by node.
        """
        self._begin(since)
        rec = self.recs.get(id(root))
        if rec is not None and rec.tn is not None and not rec.escapes and self.clean(root):
            root_tn = rec.tn
            self.reused[root_tn] = rec
        else:
            root_tn = self.element(root, "flex" if _display(root) in ("flex", "inline-flex") else "block", None, False)
        self._retire_unseen()
        self._sync()
        vw, vh = self.viewport.width, self.window_height

        def compute() -> None:
            self.t.compute(root_tn, vw, None)
            self.t.compute(self.fixed_root, vw, vh)
        compute()
        self.calc.settle(self.t, compute)
        back = Readback(self, self.assign)
        back.read(root_tn, 0.0, 0.0)
        back.read(self.fixed_root, 0.0, 0.0)
        box = back.to_box(root, False)
        self._begin()
        return box

    def release(self) -> None:
        self.t.release()
        self.recs.clear()
        self.rec_of_tn.clear()
        self.para_of_tn.clear()

    # change detection -------------------------------------------------------------
    def clean(self, node: Any) -> bool:
        """True if `node` and its whole subtree are as the last pass left them."""
        key = id(node)
        hit = self.memo.get(key)
        if hit is not None:
            return hit
        rec = self.recs.get(key)
        if rec is not None and rec.node is node and getattr(node, "changed_at", self.since + 1) <= self.since:
            self.memo[key] = True
            self.kept.add(key)
            self.seen.add(key)
            return True
        ok = (rec is not None and rec.node is node and rec.style is node.style and rec.text == node.text)
        if ok and node.text is None and not (rec.tn is None and _display(node) == "none"):
            children = kids(node)
            ok = rec.kids == children and all([self.clean(c) for c in children])
        self.memo[key] = ok
        if ok:
            self.seen.add(key)
        return ok

    def _rec(self, node: Any) -> Rec:
        key = id(node)
        rec = self.recs.get(key)
        if rec is None or rec.node is not node:
            rec = self.recs[key] = Rec(node)
        self.seen.add(key)
        return rec

    def note(self, node: Any) -> Rec:
        """Record a node laid out without a Taffy node of its own (text, inline, display none)."""
        rec = self._rec(node)
        if rec.tn is not None:
            self._forget_tn(rec)
        rec.style = node.style
        rec.text = node.text
        self._note_departures(rec, None if node.text is not None else kids(node))
        rec.kids = None if node.text is not None else list(kids(node))
        if node.text is None and _display(node) == "none":
            self.departed.extend(kids(node))  # a hidden subtree is laid out afresh when shown
            if self.assign:
                _clear_boxes(node)
        return rec

    def _forget_tn(self, rec: Rec) -> None:
        self.to_drop.append(rec.tn)
        self.to_drop.extend(rec.owned)
        self.calc.forget(rec.tn)
        for tn in [rec.tn, *rec.owned]:
            self.para_of_tn.pop(tn, None)
            self.rec_of_tn.pop(tn, None)
            self.fixed_tns.discard(tn)
        rec.tn = None
        rec.owned = ()

    # building ----------------------------------------------------------------------
    def element(self, node: Any, display: str, cb: int | None, fixed: bool, line: bool = False) -> int:
        """The Taffy node of an element laid out as `display` ("block" or "flex"), rebuilt;
        `line`: it sits in an anonymous line row (see `_inline_group`)."""
        rec = self._rec(node)
        style = element_style(node.style, display, None, line)
        tn = rec.tn
        if tn is None:
            tn = rec.tn = self.t.node(style)
            self.rec_of_tn[tn] = rec
        else:
            self.calc.nodes.pop(tn, None)  # the basis of the last pass stays a good first guess
            self.t.set_style(tn, style)
            self.t.unset_measure(tn)
            self.para_of_tn.pop(tn, None)
            self.to_drop.extend(rec.owned)
            for o in rec.owned:
                self.para_of_tn.pop(o, None)
            rec.owned = ()
            self.t.mark_dirty(tn)
        if has_calc(node.style):
            self.t.set_style(tn, self.calc.style(tn, node.style, display, line))
        self._note_departures(rec, kids(node))
        rec.style, rec.text, rec.kids, rec.line = node.style, None, list(kids(node)), line
        rec.fixed, rec.escapes, rec.box = fixed, False, None
        self.lists[tn] = []
        if cb is None or node.style.get("position") != "static":
            cb = tn  # the root and positioned elements contain absolutely positioned descendants
        self.stack.append(rec)
        if display == "flex":
            self._flex_children(node, tn, cb, fixed)
        elif inline_only(node):
            para = self._paragraph(kids(node), node.style)
            if para is not None:
                self.t.set_measure(tn, _leaf(para))
                self.para_of_tn[tn] = para
        else:
            self._block_children(node, tn, cb, fixed)
        self.stack.pop()
        return tn

    def child(self, node: Any, parent_tn: int, cb: int, fixed: bool, line: bool = False) -> None:
        """Lay out an element child: reused if unchanged, in flow or re-parented if positioned.

        `line`: the child is an atomic inline in an anonymous line row, where its
        vertical-align is its align-self; a reused child that entered or left such a row is
        restyled.
        """
        d = _display(node)
        if d == "none":
            self.note(node)
            return
        pos = node.style.get("position")
        fixed = fixed or pos == "fixed"
        display = "flex" if d in ("flex", "inline-flex") else "block"
        rec = self.recs.get(id(node))
        if rec is not None and rec.tn is not None and rec.fixed == fixed and not rec.escapes and self.clean(node):
            tn = rec.tn
            self.reused[tn] = rec
            if rec.line != line:
                self._restyle(rec, node, display, line)
        else:
            tn = self.element(node, display, cb, fixed, line)
        if pos == "fixed":
            self.fixed_tns.add(tn)
            self.lists[self.fixed_root].append(tn)
            for r in self.stack:
                r.escapes = True
        elif pos == "absolute":
            self.lists[cb].append(tn)
            for r in reversed(self.stack):
                if r.tn == cb:
                    break
                r.escapes = True
        else:
            self.lists[parent_tn].append(tn)

    def _restyle(self, rec: Rec, node: Any, display: str, line: bool) -> None:
        """Give a reused element's Taffy node the style of its new place (in or out of a line row)."""
        tn = rec.tn
        style = (self.calc.style(tn, node.style, display, line) if has_calc(node.style)
                 else element_style(node.style, display, None, line))
        self.t.set_style(tn, style)
        self.t.mark_dirty(tn)
        rec.line = line

    def _flex_children(self, node: Any, tn: int, cb: int, fixed: bool) -> None:
        """CSS Flexbox 1 §4: each element child is a flex item; contiguous text becomes one anonymous item."""
        texts: list[Any] = []
        for c in self._flat(kids(node), False):
            if _is_text(c):
                texts.append(c)
                continue
            self._flush_text(texts, node.style, tn)
            self.child(c, tn, cb, fixed)
        self._flush_text(texts, node.style, tn)

    def _flat(self, children: list[Any], in_block: bool) -> list[Any]:
        """Children with transparent elements (see `transparent`) replaced by their own children;
        the transparent ones are recorded without a Taffy node (their box is their content's)."""
        out: list[Any] = []
        for c in children:
            if not _is_text(c) and transparent(c, in_block):
                self.note(c)
                out.extend(self._flat(kids(c), in_block))
            else:
                out.append(c)
        return out

    def _anon(self, style: Any) -> int:
        tn = self.t.node(style)
        owner = self.stack[-1]
        if owner.owned:
            owner.owned.append(tn)
        else:
            owner.owned = [tn]
        self.lists[tn] = []
        return tn

    def _flush_text(self, texts: list[Any], style: Any, tn: int) -> None:
        if texts:
            para = self._paragraph(texts, style)
            if para is not None:
                leaf = self._anon(anonymous_block_style())
                self.t.set_measure(leaf, _leaf(para))
                self.para_of_tn[leaf] = para
                self.lists[tn].append(leaf)
            texts.clear()

    def _block_children(self, node: Any, tn: int, cb: int, fixed: bool) -> None:
        """CSS 2.1 §9.2.1.1: runs of inline-level children between blocks form anonymous boxes."""
        group: list[Any] = []
        for c in self._flat(kids(node), True):
            if _is_text(c) or atomic(c) or (not _out_of_flow(c) and _display(c) == "inline" and inline_only(c)):
                group.append(c)
            elif _display(c) != "none":
                self._inline_group(group, node.style, tn, cb, fixed)
                group = []
                self.child(c, tn, cb, fixed)
            else:
                self.note(c)
        self._inline_group(group, node.style, tn, cb, fixed)

    def _inline_group(self, group: list[Any], style: Any, tn: int, cb: int, fixed: bool) -> None:
        if not group:
            return
        if not any(atomic(c) for c in group):
            self._flush_text(list(group), style, tn)
            return
        line = self._anon(anonymous_line_style(style.get("text-align")))
        self.lists[tn].append(line)
        pending: list[Any] = []
        for c in group:
            if atomic(c):
                self._flush_text(pending, style, line)
                self.child(c, line, cb, fixed, True)
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
        self.note(node)
        if _is_text(node):
            runs.append(Run(transform_text(node.text, node.style), node.style, node, keep_newlines))
            return
        if _display(node) == "none":
            return
        for c in kids(node):
            self._collect_runs(c, runs, keep_newlines or node.tag == "text")

    # applying the structure to Taffy ---------------------------------------------
    def _retire_unseen(self) -> None:
        """Nodes gone from the tree (or now hidden inside display: none) lose their Taffy nodes."""
        seen = self.seen
        if self.since < 0:
            gone = [key for key in self.recs if key not in seen]
        else:  # only what left a rebuilt parent can be gone: look there, not at every record
            gone = []
            for root in self.departed:
                for node in _subtree(root):
                    key = id(node)
                    rec = self.recs.get(key)
                    if rec is not None and rec.node is node and key not in seen and not self._inside_kept(node):
                        gone.append(key)
        for key in gone:
            rec = self.recs.pop(key)
            if rec.tn is not None:
                self._forget_tn(rec)
            if self.assign:
                rec.node.box = None

    def _note_departures(self, rec: Rec, children: list | None) -> None:
        """Children a node had last pass but not now: their subtrees may have left the tree."""
        if rec.kids:
            now = {id(c) for c in children} if children else set()
            self.departed.extend(k for k in rec.kids if id(k) not in now)

    def _inside_kept(self, node: Any) -> bool:
        """Whether `node` sits in a subtree kept whole this pass (then it is still laid out).

        A removed node's old parent was rebuilt (its children changed), so the walk up from a
        removed node meets a rebuilt, seen node before any kept root.
        """
        kept, seen = self.kept, self.seen
        node = getattr(node, "parent", None)
        while node is not None:
            key = id(node)
            if key in kept:
                return True
            if key in seen:
                return False
            node = getattr(node, "parent", None)
        return False

    def _sync(self) -> None:
        """Detach changed child lists and dropped nodes first, then attach: a node has one parent."""
        t = self.t
        changed = []
        for tn, new in self.lists.items():
            old = t.children.get(tn)
            if old != new:
                n = len(old) if old else 0
                if n and len(new) > n and new[:n] == old:
                    changed.append((tn, new[n:]))  # items appended: keep the ones it has
                else:
                    t.clear_children(tn)
                    changed.append((tn, new))
        drop = [tn for tn in dict.fromkeys(self.to_drop) if tn in t.children]
        for tn in drop:
            t.clear_children(tn)
        for tn in drop:
            t.drop(tn)
        for tn, new in changed:
            for c in new:
                t.append(tn, c)


def _clear_boxes(node: Any) -> None:
    """A hidden subtree has no boxes (as after a fresh layout)."""
    stack = [node]
    while stack:
        n = stack.pop()
        n.box = None
        stack.extend(kids(n))


def _subtree(node: Any) -> list[Any]:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(kids(n) if getattr(n, "children", None) else ())
    return out
