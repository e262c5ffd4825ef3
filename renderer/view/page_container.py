"""`<page-container>` (WeChat docs 组件/page-container): the popup "fake page" of a page.

Structure: like WeChat's own component, the element has a structure of its own: the
reconciler puts two nodes in place of its children (`shadow_vnodes`), an overlay and a panel
that holds the children. Both are fixed-position boxes on top of the page (top_layer.py), so
no ancestor clips them; touches on them target the page-container element itself, as a
shadow tree's nodes are retargeted to their host.

Attributes: `show` (default false) opens and closes it; `position` bottom (default), top,
right or center places the panel (it slides in from that edge; center fades in); `round`
rounds its inner corners (16px); `z-index` (100), `overlay` (true), `overlay-style` and
`custom-style` (appended to the overlay's and the panel's style, so they win), `duration`
(300 ms) of the transitions. Those run as CSS transitions on the simulator's clock
(renderer/anim/), so `wait_idle` returns at rest and a screenshot is deterministic.

Events (not bubbling, detail {}): opening fires `beforeenter` and `enter`, then `afterenter`
once the transition is over; closing `beforeleave`, `leave`, then `afterleave`; a tap on the
overlay fires `clickoverlay` (the container stays open: the page decides). As documented, a
back navigation (the back button or swipe, `wx.navigateBack`) while it is open closes it
instead of leaving the page (`close_for_back`, called by the page stack); so does a drag
down on it with `close-on-slide-down`. Closed that way it stays closed while `show` stays
true; setting `show` again to true after it went false reopens it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from renderer.view import top_layer
from renderer.view.events import propagate
from renderer.view.nodes import ViewNode, mark_changed
from renderer.view.scroll import number_attr, truthy

OVERLAY = "wx-page-container-overlay"
PANEL = "wx-page-container-panel"
KEY = "pageContainer"
HIDDEN, ENTERING, SHOWN, LEAVING = "hidden", "entering", "shown", "leaving"
OPEN = (ENTERING, SHOWN)
DEFAULT_DURATION = 300.0
DEFAULT_Z_INDEX = 100
OVERLAY_COLOR = "rgba(0, 0, 0, 0.7)"
SLIDE_CLOSE_MIN = 40.0  # px a drag down must cover (at least a quarter of the panel's height)

# position → (where the panel sits, its transform when out, when in, radius of its inner corners)
# (in percentages both ways, so the slide interpolates argument by argument)
PLACES = {
    "bottom": ("left: 0; right: 0; bottom: 0", "translateY(100%)", "translateY(0%)", "16px 16px 0 0"),
    "top": ("left: 0; right: 0; top: 0", "translateY(-100%)", "translateY(0%)", "0 0 16px 16px"),
    "right": ("top: 50%; right: 0", "translate(100%, -50%)", "translate(0%, -50%)", "16px 0 0 16px"),
    "center": ("top: 50%; left: 50%", "translate(-50%, -50%)", "translate(-50%, -50%)", "16px"),
}


def shadow_vnodes(children: list) -> list:
    """The element's own structure around the children the template gave it."""
    return [[OVERLAY, {}, [], "wx:overlay"], [PANEL, {}, list(children), "wx:panel"]]


def parts(node: ViewNode) -> tuple[ViewNode | None, ViewNode | None]:
    """(overlay, panel) of a page-container element."""
    overlay = next((c for c in node.children if c.tag == OVERLAY), None)
    panel = next((c for c in node.children if c.tag == PANEL), None)
    return overlay, panel


def _state(node: ViewNode) -> dict:
    return node.state.setdefault(KEY, {"phase": HIDDEN, "show": False, "token": 0})


def phase(node: ViewNode) -> str:
    return _state(node)["phase"]


def sync(view: Any, node: ViewNode) -> None:
    """A changed `show` opens or closes the container; the other attributes restyle it."""
    st = _state(node)
    want = truthy(node.attrs.get("show", False))
    if want != st["show"]:
        st["show"] = want
        if want and st["phase"] not in OPEN:
            if node.style is None:  # first render: nothing shown yet to slide from
                _later(view, node, 0.0, st["token"], lambda: _enter(view, node) if st["show"] else None)
            else:
                _enter(view, node)
        elif not want and st["phase"] in OPEN:
            _leave(view, node)
    _apply(view, node)


def _enter(view: Any, node: ViewNode) -> None:
    st = _state(node)
    st["phase"], st["token"] = ENTERING, st["token"] + 1
    _fire(view, node, "beforeenter")
    _apply(view, node)
    _fire(view, node, "enter")

    def done() -> None:
        st["phase"] = SHOWN
        _fire(view, node, "afterenter")

    _later(view, node, _duration(node), st["token"], done)


def _leave(view: Any, node: ViewNode) -> None:
    st = _state(node)
    st["phase"], st["token"] = LEAVING, st["token"] + 1
    _fire(view, node, "beforeleave")
    _apply(view, node)
    _fire(view, node, "leave")

    def done() -> None:
        st["phase"] = HIDDEN
        _apply(view, node)
        _fire(view, node, "afterleave")

    _later(view, node, _duration(node), st["token"], done)


def _later(view: Any, node: ViewNode, delay: float, token: int, fn: Callable[[], Any]) -> None:
    """Run `fn` after `delay` ms of the simulator's clock unless the container moved on since."""
    services = view.services
    schedule = getattr(services, "schedule_work", None) or services.schedule

    def run() -> None:
        if _state(node)["token"] != token or getattr(view, "closed", False):
            return
        fn()
        view.layout_dirty = True
        view._changed()

    schedule(delay, run)


def _duration(node: ViewNode) -> float:
    return max(0.0, number_attr(node, "duration", DEFAULT_DURATION))


def _fire(view: Any, node: ViewNode, name: str) -> None:
    view._send_calls(propagate(node, name, {}, bubbles=False))


def _apply(view: Any, node: ViewNode) -> None:
    """Write the host's, the overlay's and the panel's built-in styles for the current phase."""
    st = _state(node)
    overlay, panel = parts(node)
    visible = st["phase"] in OPEN
    z = int(number_attr(node, "z-index", DEFAULT_Z_INDEX))
    position = str(node.attrs.get("position") or "bottom")
    place, out, inside, corners = PLACES.get(position, PLACES["bottom"])
    motion = (f"transition-property: transform, opacity; transition-duration: {_duration(node):.0f}ms;"
              " transition-timing-function: ease")
    _set(node, "display: none" if st["phase"] == HIDDEN else "display: block")
    if overlay is not None:
        shown = truthy(node.attrs.get("overlay", True))
        style = (f"position: fixed; top: 0; right: 0; bottom: 0; left: 0; z-index: {z};"
                 f" background-color: {OVERLAY_COLOR}; opacity: {1 if visible else 0}; {motion}"
                 + ("" if shown else "; display: none") + _extra(node, "overlay-style"))
        _set(overlay, style)
        overlay.state[top_layer.HOST] = node
    if panel is not None:
        fades = position == "center"
        style = (f"position: fixed; {place}; z-index: {z}; background-color: #ffffff; max-height: 100%;"
                 f" overflow-y: auto; transform: {inside if visible else out};"
                 f" opacity: {1 if visible or not fades else 0}; {motion}"
                 + (f"; border-radius: {corners}" if truthy(node.attrs.get("round", False)) else "")
                 + _extra(node, "custom-style"))
        _set(panel, style)
        panel.state[top_layer.HOST] = node
    top_layer.mark(view, node, [n for n in (overlay, panel) if n is not None], st["phase"] != HIDDEN)


def _extra(node: ViewNode, name: str) -> str:
    value = node.attrs.get(name)
    return f"; {value}" if isinstance(value, str) and value.strip() else ""


def _set(node: ViewNode, style: str) -> None:
    if node.state.get("builtinStyle", "") != style:
        node.state["builtinStyle"] = style
        node.style_dirty = True
        mark_changed(node)


# --- input ----------------------------------------------------------------------------------
def after_tap(view: Any, target: ViewNode, x: float, y: float) -> None:
    """A tap that reached the container itself: on the overlay (outside the panel) it fires
    `clickoverlay`."""
    if target.tag != "page-container" or phase(target) not in OPEN:
        return
    _overlay, panel = parts(target)
    box = panel.box if panel is not None else None
    if box is not None and box.x <= x < box.x + box.width and box.y <= y < box.y + box.height:
        return
    _fire(view, target, "clickoverlay")


def slide_target(node: ViewNode | None) -> ViewNode | None:
    """The open page-container with `close-on-slide-down` a finger on `node` drags, if any."""
    while node is not None:
        if node.tag == "page-container":
            ok = phase(node) in OPEN and truthy(node.attrs.get("close-on-slide-down", False))
            return node if ok else None
        node = node.parent
    return None


def release(view: Any, node: ViewNode, dy: float) -> None:
    """The finger lifted after dragging `dy` px down: far enough, the container closes."""
    _overlay, panel = parts(node)
    height = panel.box.height if panel is not None and panel.box is not None else 0.0
    if phase(node) in OPEN and dy >= max(SLIDE_CLOSE_MIN, height / 4):
        _leave(view, node)
        view.layout_dirty = True


def close_for_back(view: Any) -> bool:
    """A back navigation while a container is open closes the topmost one; True if it did."""
    for root in reversed(top_layer.roots(view)):
        if root.tag == "page-container" and phase(root) in OPEN:
            _leave(view, root)
            view.layout_dirty = True
            return True
    return False
