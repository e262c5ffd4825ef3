"""`swiper` / `swiper-item` behaviour (WeChat docs 组件/swiper), Qt-free.

Items are laid out side by side by the default stylesheet (a column when `vertical`); the
swiper keeps its page in `node.state["current"]` and its content is shifted by that item's
offset (`offsets`, used by painting and hit testing like a scroll-view's scroll offset).
`previous-margin` / `next-margin` become the swiper's padding and `display-multiple-items`
the item size, written as a built-in style segment. Events: `change` {current, currentItemId,
source} ('touch' | 'autoplay'), `transition` {dx, dy} while dragged, `animationfinish` (same
detail as change) `duration` ms after a change. Autoplay runs on the simulator's clock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from renderer.view.events import propagate
from renderer.view.nodes import ViewNode, mark_changed
from renderer.view.scroll import number_attr, truthy

if TYPE_CHECKING:
    from renderer.view.page import PageView

DEFAULT_INTERVAL = 5000.0
DEFAULT_DURATION = 500.0
SWIPE_FRACTION = 0.2  # a drag this far across an item turns the page


def items(node: ViewNode) -> list[ViewNode]:
    return [c for c in node.children if c.tag == "swiper-item"]


def vertical(node: ViewNode) -> bool:
    return truthy(node.attrs.get("vertical"))


def per_view(node: ViewNode) -> int:
    return max(1, int(number_attr(node, "display-multiple-items", 1)))


def last_index(node: ViewNode) -> int:
    return max(0, len(items(node)) - per_view(node))


def current(node: ViewNode) -> int:
    return int(node.state.get("current", 0))


def item_id(node: ViewNode, index: int) -> str:
    found = items(node)
    return str(found[index].attrs.get("item-id") or "") if 0 <= index < len(found) else ""


def offsets(node: ViewNode) -> tuple[float, float]:
    """How far the content is shifted: to the current item, less the drag in progress."""
    found = items(node)
    index = min(current(node), len(found) - 1)
    if index <= 0 and not node.state.get("drag"):
        return 0.0, 0.0
    first, shown = (found[0].box, found[index].box) if found else (None, None)
    drag = float(node.state.get("drag", 0.0))
    if first is None or shown is None:
        return 0.0, 0.0
    if vertical(node):
        return 0.0, shown.y - first.y - drag
    return shown.x - first.x - drag, 0.0


def item_size(node: ViewNode) -> float:
    found = items(node)
    box = found[0].box if found else None
    if box is None:
        return 0.0
    return box.height if vertical(node) else box.width


def _margin(node: ViewNode, name: str) -> str:
    value = str(node.attrs.get(name) or "0px").strip()
    return value if value[-3:] in ("rpx",) or value.endswith("px") else f"{value}px"


def sync(view: PageView, node: ViewNode) -> None:
    """Apply changed attributes: current / current-item-id, margins and item size, autoplay."""
    memo = node.state.setdefault("_attrs", {})
    wanted = {n: node.attrs.get(n) for n in ("current", "current-item-id")}
    if wanted != memo:
        node.state["_attrs"] = wanted
        target = None
        if wanted["current-item-id"] not in (None, "") and wanted["current-item-id"] != memo.get("current-item-id"):
            ids = [str(i.attrs.get("item-id") or "") for i in items(node)]
            target = ids.index(str(wanted["current-item-id"])) if str(wanted["current-item-id"]) in ids else None
        if target is None and wanted["current"] != memo.get("current"):
            target = int(number_attr(node, "current", 0))
        if target is not None:
            node.state["current"] = max(0, min(target, last_index(node)))
    node.state["current"] = max(0, min(current(node), last_index(node)))
    _set_style(node, _padding(node))
    share = f"{100.0 / per_view(node):.6g}%"
    for item in items(node):
        _set_style(item, f"height: {share}; width: 100%" if vertical(node) else f"width: {share}")
    if truthy(node.attrs.get("autoplay")) and node.state.get("_autoplay") is None:
        _arm_autoplay(view, node)


def _padding(node: ViewNode) -> str:
    before, after = _margin(node, "previous-margin"), _margin(node, "next-margin")
    if before in ("0px", "0rpx") and after in ("0px", "0rpx"):
        return ""
    sides = ("top", "bottom") if vertical(node) else ("left", "right")
    return f"padding-{sides[0]}: {before}; padding-{sides[1]}: {after}; box-sizing: border-box"


def _set_style(node: ViewNode, style: str) -> None:
    if node.state.get("builtinStyle", "") != style:
        node.state["builtinStyle"] = style
        node.style_dirty = True
        mark_changed(node)


def _attached(view: PageView, node: ViewNode) -> bool:
    if getattr(view, "closed", False):
        return False
    top = node
    while top.parent is not None:
        top = top.parent
    return top is view.root


def _arm_autoplay(view: PageView, node: ViewNode) -> None:
    token = object()
    node.state["_autoplay"] = token

    def tick() -> None:
        if node.state.get("_autoplay") is not token:
            return
        if not _attached(view, node) or not truthy(node.attrs.get("autoplay")) or len(items(node)) < 2:
            node.state["_autoplay"] = None
            return
        if not node.state.get("dragging"):
            nxt = current(node) + 1
            go_to(view, node, 0 if nxt > last_index(node) else nxt, "autoplay")
        _schedule(view)(number_attr(node, "interval", DEFAULT_INTERVAL), tick)

    _schedule(view)(number_attr(node, "interval", DEFAULT_INTERVAL), tick)


def _schedule(view: PageView) -> Any:
    """Work on the simulator's clock (awaited when near, unlike the passive `schedule`)."""
    services = view.services
    return getattr(services, "schedule_work", None) or services.schedule


def go_to(view: PageView, node: ViewNode, index: int, source: str) -> bool:
    """Show item `index` (wrapped when `circular`, else clamped); fires change. False if unchanged."""
    last = last_index(node)
    if truthy(node.attrs.get("circular")) and last > 0:
        index %= last + 1
    index = max(0, min(index, last))
    if index == current(node):
        return False
    node.state["current"] = index
    detail = {"current": index, "currentItemId": item_id(node, index), "source": source}
    view._send_calls(propagate(node, "change", detail, bubbles=False))
    view._changed()

    def finished() -> None:
        if _attached(view, node):
            view._send_calls(propagate(node, "animationfinish", dict(detail), bubbles=False))

    _schedule(view)(number_attr(node, "duration", DEFAULT_DURATION), finished)
    return True


def closest(node: ViewNode | None) -> ViewNode | None:
    while node is not None:
        if node.tag == "swiper":
            return None if truthy(node.attrs.get("disable-touch")) else node
        node = node.parent
    return None


def drag(view: PageView, node: ViewNode, dx: float, dy: float) -> None:
    """The finger moved (dx, dy) since it went down on the swiper."""
    moved = dy if vertical(node) else dx
    size = item_size(node)
    index, last = current(node), last_index(node)
    if not truthy(node.attrs.get("circular")):  # resistance at the ends: no page beyond them
        if index == 0:
            moved = min(moved, 0.0)
        if index >= last:
            moved = max(moved, 0.0)
    moved = max(-size, min(size, moved))
    node.state["dragging"] = True
    if moved == node.state.get("drag", 0.0):
        return
    node.state["drag"] = moved
    shift = -moved
    view._send_calls(propagate(node, "transition", {"dx": 0.0 if vertical(node) else shift,
                                                    "dy": shift if vertical(node) else 0.0}, bubbles=False))
    view._changed()


def release(view: PageView, node: ViewNode) -> None:
    """The finger lifted: turn the page when dragged far enough, else settle back."""
    moved = float(node.state.pop("drag", 0.0))
    node.state.pop("dragging", None)
    size = item_size(node)
    if size > 0 and abs(moved) >= size * SWIPE_FRACTION:
        go_to(view, node, current(node) + (1 if moved < 0 else -1), "touch")
    view._changed()


