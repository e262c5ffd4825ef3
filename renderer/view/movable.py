"""`movable-area` / `movable-view` behaviour (WeChat docs 组件/movable-area, 组件/movable-view), Qt-free.

A movable-view is absolutely placed in its movable-area (default.wxss). Its position, in px
from the area's padding box, is kept in `node.state["x"]` / `["y"]` and written as a built-in
style segment (`left` / `top`), so layout, hit testing, SelectorQuery and painting all see
the view where it is; `scale-value` (with `scale`) becomes `transform: scale()`.

Where it may go (docs): per axis, a view smaller than the area stays inside it, a larger one
must cover it. `x` / `y` (px numbers or "10rpx") place it, clamped into that range; changing
them by setData moves it there, animated when `animation` (default true) as a CSS transition
on the simulator's clock, over `damping`-derived time, and fires `change` with source "".
A finger (touch_start/move/end, automation's `Element.swipe`) drags it along `direction`
unless `disabled`: `change` {x, y, source: "touch"} at each move ("touch-out-of-bounds" when
`out-of-bounds` lets it leave the range), then on release it springs back ("out-of-bounds")
or, with `inertia`, glides on ("friction"). The first move fires `htouchmove` or `vtouchmove`.
Pinch zoom is not simulated: `bindscale` never fires.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from renderer.view.events import propagate
from renderer.view.nodes import TEXT, ViewNode, mark_changed
from renderer.view.scroll import number_attr, truthy

if TYPE_CHECKING:
    from renderer.view.page import PageView

DIRECTIONS = ("all", "vertical", "horizontal", "none")
DEFAULT_DAMPING = 20.0
DEFAULT_FRICTION = 2.0
SPRING_MS = 6000.0  # animation time × damping: 300 ms at the default damping of 20
DECELERATION = 0.002  # px/ms² per unit of friction: how fast an inertial glide stops
FRAME_MS = 16.0  # moves closer together than a frame count as a frame apart (velocity)


def length(value: Any, rpx: float) -> float | None:
    """An `x` / `y` value in px: a number, "12", "12px" or "24rpx" (docs: px by default)."""
    if value is None or value is True or value is False or value == "":
        return None
    text = str(value).strip()
    scale = 1.0
    if text.endswith("rpx"):
        text, scale = text[:-3], rpx
    elif text.endswith("px"):
        text = text[:-2]
    try:
        return float(text) * scale
    except ValueError:
        return None


def area_of(node: ViewNode) -> ViewNode | None:
    """The movable-area a movable-view moves in: it must be the direct parent (docs)."""
    parent = node.parent
    return parent if parent is not None and parent.tag == "movable-area" else None


def direction(node: ViewNode) -> str:
    value = str(node.attrs.get("direction") or "none")
    return value if value in DIRECTIONS else "none"


def scale_of(node: ViewNode) -> float:
    """The rendered scale: `scale-value` within [`scale-min`, `scale-max`] when `scale` is on."""
    if not truthy(node.attrs.get("scale")):
        return 1.0
    low = max(0.1, number_attr(node, "scale-min", 0.1))
    high = min(10.0, number_attr(node, "scale-max", 10.0))
    return max(low, min(number_attr(node, "scale-value", 1.0), high))


def position(node: ViewNode) -> tuple[float, float]:
    return float(node.state.get("x", 0.0)), float(node.state.get("y", 0.0))


def _axis_range(area: float, size: float, scale: float) -> tuple[float, float]:
    """Allowed values of one coordinate; the scaled view grows around its centre."""
    shown = size * scale
    lo, hi = (0.0, area - shown) if shown <= area else (area - shown, 0.0)
    shift = size * (1.0 - scale) / 2.0
    return lo - shift, hi - shift


def bounds(node: ViewNode) -> tuple[float, float, float, float] | None:
    """(min x, max x, min y, max y), None before the area and the view are laid out."""
    area = area_of(node) or node.parent
    if area is None or area.box is None or node.box is None:
        return None
    border = getattr(area.box, "border", None) or (0.0, 0.0, 0.0, 0.0)
    width = area.box.width - border[1] - border[3]
    height = area.box.height - border[0] - border[2]
    scale = scale_of(node)
    return (*_axis_range(width, node.box.width, scale), *_axis_range(height, node.box.height, scale))


def clamp(node: ViewNode, x: float, y: float) -> tuple[float, float]:
    limits = bounds(node)
    if limits is None:
        return x, y
    return max(limits[0], min(x, limits[1])), max(limits[2], min(y, limits[3]))


def _spring_ms(node: ViewNode) -> float:
    damping = number_attr(node, "damping", DEFAULT_DAMPING)
    return max(50.0, min(SPRING_MS / (damping if damping > 0 else DEFAULT_DAMPING), 2000.0))


def _place(node: ViewNode, x: float, y: float, animate_ms: float = 0.0) -> bool:
    """Put the view at (x, y) as a built-in style segment; True when that segment changed."""
    node.state["x"], node.state["y"] = x, y
    parts = [f"left: {x:.4f}px", f"top: {y:.4f}px"]
    scale = scale_of(node)
    if scale != 1.0:
        parts.append(f"transform: scale({scale:.4f})")
    if animate_ms > 0:
        parts.append(f"transition-property: left, top, transform; transition-duration: {animate_ms:.0f}ms;"
                     " transition-timing-function: ease-out")
    style = "; ".join(parts)
    if node.state.get("builtinStyle") == style:
        return False
    node.state["builtinStyle"] = style
    node.style_dirty = True
    mark_changed(node)
    return True


def _fire_change(view: PageView, node: ViewNode, source: str) -> None:
    x, y = position(node)
    view._send_calls(propagate(node, "change", {"x": round(x, 2), "y": round(y, 2), "source": source},
                               bubbles=False))


def sync(view: PageView, node: ViewNode) -> bool:
    """After layout: first placement, `x`/`y`/scale attribute changes, re-clamping after a resize.

    Returns True when the view's style changed (the page lays out again)."""
    if node.box is None or node.state.get("dragging"):
        return False
    rpx = view.services.viewport.rpx
    wanted = {name: node.attrs.get(name) for name in ("x", "y", "scale", "scale-value", "scale-min", "scale-max")}
    memo = node.state.get("_attrs")
    node.state["_attrs"] = wanted
    x, y = position(node)
    if memo is None:  # first layout: placed where x/y say, no animation, no event
        x, y = length(wanted["x"], rpx) or 0.0, length(wanted["y"], rpx) or 0.0
        return _place(node, *clamp(node, x, y))
    moved = [n for n in ("x", "y") if wanted[n] != memo.get(n) and length(wanted[n], rpx) is not None]
    if "x" in moved:
        x = length(wanted["x"], rpx) or 0.0
    if "y" in moved:
        y = length(wanted["y"], rpx) or 0.0
    scaled = any(wanted[n] != memo.get(n) for n in ("scale", "scale-value", "scale-min", "scale-max"))
    if not moved and not scaled and clamp(node, x, y) == (x, y):
        return False  # nothing asked for; still inside after any resize
    before = position(node)
    x, y = clamp(node, x, y)
    animate = _spring_ms(node) if truthy(node.attrs.get("animation", True)) and (moved or scaled) else 0.0
    changed = _place(node, x, y, animate)
    if moved and (x, y) != before:
        _fire_change(view, node, "")
    return changed


def sync_tree(view: PageView, root: ViewNode, since: int) -> bool:
    """Sync every movable-view in subtrees changed after generation `since`; True if any moved."""
    changed = False
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag == TEXT or node.changed_at <= since:
            continue
        stack.extend(node.children)
        if node.tag == "movable-area":  # a resized area re-clamps views that did not change themselves
            for child in node.children:
                if child.tag == "movable-view" and child.changed_at <= since:
                    changed = sync(view, child) or changed
        elif node.tag == "movable-view":
            changed = sync(view, node) or changed
    return changed


def closest(node: ViewNode | None) -> ViewNode | None:
    """The movable-view a finger on `node` drags, if any (in a movable-area, enabled, with a direction)."""
    while node is not None:
        if node.tag == "movable-view":
            if area_of(node) is None or truthy(node.attrs.get("disabled")) or direction(node) == "none":
                return None
            return node
        node = node.parent
    return None


def _now(view: PageView) -> float:
    return float(view.services.animator.clock())


def _shown(node: ViewNode) -> tuple[float, float]:
    """Where the view shows now: its computed left/top (an animated move's current frame)."""
    style = node.style
    left = style.get("left") if style is not None else None
    top = style.get("top") if style is not None else None
    if isinstance(left, (int, float)) and isinstance(top, (int, float)):
        return float(left), float(top)
    return position(node)


def drag(view: PageView, node: ViewNode, dx: float, dy: float) -> None:
    """The finger moved (dx, dy) since it went down: follow it along `direction`."""
    state = node.state
    if not state.get("dragging"):
        state["dragging"] = True
        state["x"], state["y"] = _shown(node)  # a move still animating stops where it is
        state["_origin"] = position(node)
        state["_last"] = (*position(node), _now(view))
        state["_velocity"] = (0.0, 0.0)
        view.services.animator.clear(node, view, {"left", "top"})  # a running move stops under the finger
        kind = "htouchmove" if abs(dx) >= abs(dy) else "vtouchmove"
        view._send_calls(propagate(node, kind, {}, bubbles=False))
    way = direction(node)
    ox, oy = state["_origin"]
    x = ox + dx if way in ("all", "horizontal") else ox
    y = oy + dy if way in ("all", "vertical") else oy
    inside = clamp(node, x, y)
    if not truthy(node.attrs.get("out-of-bounds")):
        x, y = inside
    if (x, y) == position(node):
        return
    lx, ly, lt = state["_last"]
    now = _now(view)
    dt = max(now - lt, FRAME_MS)
    state["_velocity"] = ((x - lx) / dt, (y - ly) / dt)
    state["_last"] = (x, y, now)
    _place(node, x, y)
    view.layout_dirty = True
    _fire_change(view, node, "touch" if (x, y) == inside else "touch-out-of-bounds")
    view._changed()


def release(view: PageView, node: ViewNode) -> None:
    """The finger lifted: spring back into range, or glide on with `inertia`."""
    state = node.state
    if not state.pop("dragging", None):
        return
    vx, vy = state.pop("_velocity", (0.0, 0.0))
    state.pop("_origin", None)
    state.pop("_last", None)
    x, y = position(node)
    inside = clamp(node, x, y)
    if inside != (x, y):
        _place(node, *inside, _spring_ms(node))
        _fire_change(view, node, "out-of-bounds")
    elif truthy(node.attrs.get("inertia")) and (vx or vy):
        _glide(view, node, vx, vy)
    view.layout_dirty = True
    view._changed()


def _glide(view: PageView, node: ViewNode, vx: float, vy: float) -> None:
    """Inertia: decelerate uniformly by `friction` from the release velocity (px/ms)."""
    friction = number_attr(node, "friction", DEFAULT_FRICTION)
    rate = (friction if friction > 0 else DEFAULT_FRICTION) * DECELERATION
    x, y = position(node)
    target = clamp(node, x + vx * abs(vx) / (2 * rate), y + vy * abs(vy) / (2 * rate))
    if target == (x, y):
        return
    duration = max(abs(vx), abs(vy)) / rate
    _place(node, *target, max(50.0, min(duration, 2000.0)))
    _fire_change(view, node, "friction")
