"""Layout: a styled node tree → Taffy nodes → a Box tree in page coordinates.

Block, flex and absolute positioning are done by Taffy. The tree Taffy sees is built by
`session.LayoutSession` (which elements are blocks, flex items or measured paragraph leaves,
where anonymous boxes go, and which node an absolutely positioned element is attached to:
Taffy positions against the direct parent, CSS against the nearest positioned ancestor, so
we re-parent); this module holds the shared predicates and the one-off `layout_tree`.
"""

from __future__ import annotations

from typing import Any

from stretchable.style import Display

from .box import Box
from .inline import Paragraph
from .taffy_dict import points, size
from .taffy_dict import style as taffy_style
from .text import TextMeasurer

ATOMIC = ("inline-block", "inline-flex")
Node = int  # a Taffy node id


def _leaf(para: Paragraph):
    """The measure function of a Taffy leaf holding a paragraph."""
    return para.measure


def _is_text(node: Any) -> bool:
    return node.text is not None


def _display(node: Any) -> str:
    return node.style.get("display")


def _out_of_flow(node: Any) -> bool:
    return node.style.get("position") in ("absolute", "fixed")


def floats(node: Any) -> bool:
    """An in-flow element with `float: left | right` (CSS 2.1 §9.5).

    Floats are approximated as atomic boxes of the line they start in: consecutive floats
    line up and wrap like inline-blocks (a `float: left; width: 50%` grid), a right float is
    pushed to the end of its line, text beside a float shares the line, and a following block
    (or `clear`) starts below. Text does not wrap around a float taller than its line."""
    return node.text is None and node.style.get("float", "none") != "none" and not _out_of_flow(node)


def atomic(node: Any) -> bool:
    """An atomic inline-level box of a line: inline-block, inline-flex, or a float."""
    return node.text is None and (_display(node) in ATOMIC or floats(node)) and not _out_of_flow(node)


def kids(node: Any) -> list:
    """The children layout sees: the node's own, with generated ::before/::after boxes kept in
    its view state (renderer/view/pseudo_boxes.py) first and last."""
    state = getattr(node, "state", None)
    if state:
        before, after = state.get("::before"), state.get("::after")
        if before is not None or after is not None:
            return ([before] if before is not None else []) + node.children + ([after] if after is not None else [])
    return node.children


def inline_only(node: Any) -> bool:
    """True if every child is text or an in-flow inline element holding only inline content."""
    for c in kids(node):
        if _is_text(c):
            continue
        d = _display(c)
        if d == "none":
            continue
        if d == "contents":  # CSS Display 3 §2.5: the box is replaced by its contents
            if not inline_only(c):
                return False
            continue
        if d != "inline" or _out_of_flow(c) or floats(c) or not inline_only(c):
            return False
    return True


def inline_level(node: Any) -> bool:
    """True if every child is text, an atomic inline, or an in-flow inline element (or
    `display: contents`) whose own children are inline-level."""
    for c in kids(node):
        if _is_text(c):
            continue
        d = _display(c)
        if d == "none" or atomic(c):
            continue
        if d not in ("inline", "contents") or _out_of_flow(c) or not inline_level(c):
            return False
    return True


def transparent(node: Any, in_block: bool) -> bool:
    """Whether an element lends its children to its parent's formatting context: `display:
    contents` always; in a block container, an inline element holding atomic inlines too
    (CSS 2.1 §9.2.2: its inline-block children sit in the parent's line boxes)."""
    d = _display(node)
    if d == "contents":
        return True
    return in_block and d == "inline" and not _out_of_flow(node) and inline_level(node) and not inline_only(node)


def layout_tree(root: Any, viewport: Any, measurer: TextMeasurer) -> Box:
    """Lay out a styled tree (root = the page element) at the viewport width; return its Box.

    A one-off layout; a page that updates keeps a `LayoutSession` instead.
    """
    from .session import LayoutSession

    session = LayoutSession(viewport, measurer)
    try:
        return session.layout(root)
    finally:
        session.release()


_viewport_styles: dict[tuple[float, float], dict] = {}


def _viewport_style(width: float, height: float) -> dict:
    """The containing block of position: fixed elements (CSS 2.1 §10.1: the viewport)."""
    st = _viewport_styles.get((width, height))
    if st is None:
        st = _viewport_styles[(width, height)] = taffy_style(display=Display.BLOCK, size=size(points(width), points(height)))
    return st
