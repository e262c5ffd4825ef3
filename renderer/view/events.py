"""Event propagation over the composed node tree, as WeChat's view layer does it.

Capture handlers (`capture-bind`, `capture-catch`) run from the root down to the target,
then bubble handlers (`bind`, `catch`, `mut-bind`) from the target up. A `catch` stops the
event; `mut-bind` handlers exclude each other along the path but not `bind` handlers.
Each handler runs in the instance whose template bound it, and `e.target` is retargeted
into that instance's own tree. Sources: WeChat docs 事件系统 (event propagation, capture,
mut-bind, mark) and 组件间通信与事件 (triggerEvent options).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable

from renderer.view.nodes import ViewInstance, ViewNode

BUBBLING_NATIVE = {"touchstart", "touchmove", "touchcancel", "touchend", "tap", "longpress", "longtap"}


# Runs a WXS function bound as a handler: (node, {"$wxs": id}, event) → True to stop the event.
WxsRunner = Callable[[ViewNode, dict, dict], bool]


def is_wxs(handler: Any) -> bool:
    """A handler given as a WXS function (`bindtap="{{m.fn}}"`), not a method name."""
    return isinstance(handler, dict) and isinstance(handler.get("$wxs"), int)


def _runner(target: ViewNode) -> WxsRunner | None:
    """The page view's WXS runner, kept in the tree root's state."""
    node = target
    while node.parent is not None:
        node = node.parent
    return node.state.get("wxsRunner")


@dataclass
class HandlerCall:
    instance: ViewInstance
    handler: str
    event: dict


def node_info(node: ViewNode) -> dict:
    box = node.box
    return {
        "id": node.id,
        "offsetLeft": round(box.x, 2) if box is not None else 0,
        "offsetTop": round(box.y, 2) if box is not None else 0,
        "dataset": node.dataset(),
    }


def _retarget(target: ViewNode, current: ViewNode) -> ViewNode:
    """The target as seen from the tree that `current` belongs to."""
    node: ViewNode | None = target
    while node is not None and node.owner is not current.owner:
        host = node.owner.host
        if host is None:
            return target
        node = host
    return node or target


def _marks(path: list[ViewNode], upto: int) -> dict:
    marks: dict = {}
    for node in reversed(path[: upto + 1]):
        for name, value in node.attrs.items():
            if name.startswith("mark:"):
                marks[name[5:]] = value
    return marks


def event_path(target: ViewNode, bubbles: bool, composed: bool) -> list[ViewNode]:
    """Nodes the event visits, target first; bounded by the target's tree unless composed."""
    path = [target]
    if not bubbles:
        return path
    for node in target.ancestors():
        if node.tag == "slot":
            continue
        if not composed and node.owner is not target.owner:
            if node.component is not None and node is target.owner.host:
                break
            continue
        path.append(node)
    return path


def propagate(
    target: ViewNode,
    event_type: str,
    detail: Any,
    *,
    bubbles: bool = True,
    composed: bool = True,
    capture: bool = True,
    touches: list | None = None,
    changed_touches: list | None = None,
    wxs: WxsRunner | None = None,
) -> list[HandlerCall]:
    """The handler calls an event produces, in the order WeChat runs them.

    WXS handlers run here, in the view, as the event reaches them (`wxs`, by default the
    page's runner); one returning false stops the event like a catch.
    """
    path = event_path(target, bubbles, composed)
    wxs = wxs or _runner(target)
    calls: list[HandlerCall] = []
    stamp = int(time.monotonic() * 1000)

    def make(node: ViewNode, index: int) -> dict:
        event = {
            "type": event_type,
            "timeStamp": stamp,
            "target": node_info(_retarget(target, node)),
            "currentTarget": node_info(node),
            "detail": detail,
            "mark": _marks(path, index),
        }
        if touches is not None:
            event["touches"] = touches
            event["changedTouches"] = changed_touches if changed_touches is not None else touches
        return event

    if capture:
        for index in range(len(path) - 1, -1, -1):
            node = path[index]
            for prefix in ("capture-bind:", "capture-catch:"):
                handler = node.attrs.get(prefix + event_type)
                if isinstance(handler, str) and handler:
                    calls.append(HandlerCall(node.owner, handler, make(node, index)))
                elif is_wxs(handler) and wxs is not None and wxs(node, handler, make(node, index)):
                    return calls
                if prefix == "capture-catch:" and (prefix + event_type) in node.attrs:
                    return calls
    mut_done = False
    for index, node in enumerate(path):
        stop = False
        for prefix in ("bind:", "catch:", "mut-bind:"):
            name = prefix + event_type
            if name not in node.attrs:
                continue
            handler = node.attrs[name]
            if prefix == "mut-bind:":
                if mut_done:
                    continue
                mut_done = True
            if isinstance(handler, str) and handler:
                calls.append(HandlerCall(node.owner, handler, make(node, index)))
            elif is_wxs(handler) and wxs is not None and wxs(node, handler, make(node, index)):
                stop = True
            if prefix == "catch:":
                stop = True
        if stop:
            break
    return calls


def has_handler(target: ViewNode, event_type: str) -> bool:
    """Whether any node on the bubbling path listens to `event_type`."""
    for node in [target, *target.ancestors()]:
        for prefix in ("bind:", "catch:", "mut-bind:", "capture-bind:", "capture-catch:"):
            if prefix + event_type in node.attrs:
                return True
    return False


def touch_point(x: float, y: float, scroll_y: float, identifier: int = 0) -> dict:
    return {"identifier": identifier, "pageX": x, "pageY": y, "clientX": x, "clientY": y - scroll_y, "force": 1}
