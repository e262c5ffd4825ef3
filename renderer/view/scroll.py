"""Scrolling in the view layer: the page's own scroll and `scroll-view` containers.

A scroll-view keeps its offsets in `node.state` ("scrollTop", "scrollLeft"); layout never
moves boxes for it, so painting and hit testing shift its content by the offsets. Events
follow WeChat's 组件/scroll-view page: `scroll` with detail {scrollLeft, scrollTop,
scrollHeight, scrollWidth, deltaX, deltaY} (delta = previous − new offset), `scrolltoupper`
/ `scrolltolower` with detail {direction} when an offset enters `upper-threshold` /
`lower-threshold` (default 50 px) of an edge — once per arrival, again only after leaving.
The page fires onPageScroll({scrollTop}) and onReachBottom within `onReachBottomDistance`
(页面配置, default 50) of the bottom, also once per arrival.
"""

from __future__ import annotations

from typing import Any, Iterable

from renderer.view.nodes import TEXT, ViewNode

DEFAULT_THRESHOLD = 50.0
# Containers whose content paints shifted from its layout position: scrolled scroll-views
# (and cover-views styled overflow-y: scroll), a swiper showing its current item, a
# picker-view column centring its selected row.
SHIFTED = frozenset({"scroll-view", "swiper", "picker-view-column", "cover-view"})


def truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value not in ("", "false", "0")
    return bool(value)


def number_attr(node: ViewNode, name: str, default: float) -> float:
    value = node.attrs.get(name)
    if value is None or value is True or value == "":
        return default
    try:
        return float(str(value).strip().removesuffix("px"))
    except ValueError:
        return default


def axes(node: ViewNode) -> tuple[bool, bool]:
    """(scroll-x, scroll-y) of a scroll-view, (False, True) for a cover-view styled
    `overflow-y: scroll` (docs cover-view: only then does `scroll-top` apply); else (False, False)."""
    if node.tag == "cover-view":
        style = node.style
        return False, style is not None and style.get("overflow-y") in ("scroll", "auto")
    if node.tag != "scroll-view":
        return False, False
    return truthy(node.attrs.get("scroll-x")), truthy(node.attrs.get("scroll-y"))


def offsets(node: ViewNode) -> tuple[float, float]:
    """(scrollLeft, scrollTop) of a node's content: a scroll-view's scroll, a swiper's or
    picker-view column's shift; zero for anything else."""
    state = getattr(node, "state", None)
    tag = getattr(node, "tag", None)
    if tag not in SHIFTED or not state:
        return 0.0, 0.0
    if tag == "swiper":
        from renderer.view import swiper  # noqa: PLC0415 - swiper imports this module
        return swiper.offsets(node)
    if tag == "picker-view-column":
        from renderer.view import picker_view  # noqa: PLC0415 - picker_view imports this module
        return picker_view.offsets(node)
    return float(state.get("scrollLeft", 0.0)), float(state.get("scrollTop", 0.0))


def content_size(node: ViewNode) -> tuple[float, float]:
    """scrollWidth, scrollHeight: the padding box grown to hold every descendant box."""
    box = node.box
    if box is None:
        return 0.0, 0.0
    x0, y0 = box.x, box.y
    x1, y1 = box.x + box.width, box.y + box.height
    stack = list(box.children)
    while stack:
        child = stack.pop()
        if getattr(child, "fixed", False):
            continue
        x1 = max(x1, child.x + child.width)
        y1 = max(y1, child.y + child.height)
        stack.extend(child.children)
    pad = getattr(box, "padding", None) or (0.0, 0.0, 0.0, 0.0)
    border = getattr(box, "border", None) or (0.0, 0.0, 0.0, 0.0)
    inner_right = box.x + box.width - border[1]
    inner_bottom = box.y + box.height - border[2]
    # Content reaching past the padding box keeps the end padding after it (as browsers scroll).
    right = max(inner_right, x1 + pad[1] if x1 > inner_right - pad[1] else inner_right)
    bottom = max(inner_bottom, y1 + pad[2] if y1 > inner_bottom - pad[2] else inner_bottom)
    return right - (x0 + border[3]), bottom - (y0 + border[0])


def client_size(node: ViewNode) -> tuple[float, float]:
    box = node.box
    if box is None:
        return 0.0, 0.0
    border = getattr(box, "border", None) or (0.0, 0.0, 0.0, 0.0)
    return box.width - border[1] - border[3], box.height - border[0] - border[2]


def max_offsets(node: ViewNode) -> tuple[float, float]:
    sw, sh = content_size(node)
    cw, ch = client_size(node)
    return max(0.0, sw - cw), max(0.0, sh - ch)


def visual_shift(node: ViewNode) -> tuple[float, float]:
    """How far scrolled scroll-view ancestors move `node` on screen (subtract from its box);
    those above a fixed-position box do not move it (the painter draws it apart)."""
    dx = dy = 0.0
    if _fixed(node):
        return dx, dy
    for anc in node.ancestors():
        if anc.tag in SHIFTED:
            left, top = offsets(anc)
            dx += left
            dy += top
        if _fixed(anc):
            break
    return dx, dy


def _fixed(node: ViewNode) -> bool:
    style = node.style
    return style is not None and style.get("position") == "fixed"


def scrollable_at(chain: Iterable[ViewNode], vertical: bool) -> ViewNode | None:
    """The innermost scroll-view in `chain` (target first) that scrolls along the axis."""
    for node in chain:
        sx, sy = axes(node)
        if (sy if vertical else sx) and node.box is not None:
            return node
    return None


def find_by_id(root: ViewNode, wanted: str) -> ViewNode | None:
    for node in root.walk():
        if node is not root and node.tag != TEXT and node.id == wanted:
            return node
    return None


class EdgeLatch:
    """Fires once when a value enters the zone near an edge; re-arms after it leaves."""

    def __init__(self) -> None:
        self.inside = False

    def update(self, near: bool) -> bool:
        fired = near and not self.inside
        self.inside = near
        return fired


def edge_events(node: ViewNode, old: tuple[float, float], new: tuple[float, float]) -> list[tuple[str, dict]]:
    """scrolltoupper / scrolltolower events a move from `old` to `new` (left, top) produces."""
    latches = node.state.setdefault("_edges", {})
    upper = number_attr(node, "upper-threshold", DEFAULT_THRESHOLD)
    lower = number_attr(node, "lower-threshold", DEFAULT_THRESHOLD)
    max_x, max_y = max_offsets(node)
    sx, sy = axes(node)
    out: list[tuple[str, dict]] = []
    for axis, enabled, value, limit, before, after in (
            ("y", sy, new[1], max_y, "top", "bottom"), ("x", sx, new[0], max_x, "left", "right")):
        if not enabled:
            continue
        moved = (new[1] - old[1]) if axis == "y" else (new[0] - old[0])
        up = latches.setdefault(axis + "-upper", EdgeLatch())
        down = latches.setdefault(axis + "-lower", EdgeLatch())
        if up.update(value <= upper) and moved < 0:
            out.append(("scrolltoupper", {"direction": before}))
        if down.update(value >= limit - lower) and moved > 0:
            out.append(("scrolltolower", {"direction": after}))
    return out
