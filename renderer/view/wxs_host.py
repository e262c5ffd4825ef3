"""WXS in the view layer: functions bound as event handlers and `change:` property observers.

WeChat (docs: WXS 响应事件) lets a built-in component's event run a WXS function in the view,
`bindtouchmove="{{m.move}}"`, called with the event (plus `event.instance`, the node that bound
it) and `ownerInstance` (the page or component whose template holds the node); returning false
stops the event. `change:prop="{{m.fn}}"` next to `prop="{{value}}"` calls fn(newValue, oldValue,
ownerInstance, instance) when the value is set, the first render included. Both receive
ComponentDescriptors (renderer/wxml/wxs_host.js) whose operations land here, by node reference.

What a descriptor sets is view-only node state: `setStyle` is a style segment after the
template's own (it survives re-renders), `addClass`/`removeClass` edit the class list until the
template sets a different `class`; both restyle the node at the next flush.
"""

from __future__ import annotations

import itertools
import json
import weakref
from typing import Any

import quickjs

from bridge.diagnostics import Diagnostic, WxsimError
from renderer.view.events import is_wxs, propagate
from renderer.view.nodes import ViewInstance, ViewNode, mark_changed
from renderer.view.query import select_all

REF = "wxsRef"
STYLE = "wxsStyle"
CLASSES = "wxsClasses"  # {"add": [...], "remove": [...]}
PROPS = "wxsProps"  # prop name → the value the observer last saw


class WxsHost:
    """One per ViewServices: runs WXS handlers/observers and answers their descriptors."""

    def __init__(self, services: Any) -> None:
        self.services = services
        self._nodes: weakref.WeakValueDictionary[int, ViewNode] = weakref.WeakValueDictionary()
        self._refs = itertools.count(1)
        self._runtime: Any = None
        self._view: Any = None  # the page view of the call in progress (for diagnostics)
        self._frame_requested = False

    # entry points ------------------------------------------------------------------
    def attach(self, view: Any) -> None:
        """Let events on `view` reach WXS handlers (propagate finds the runner at the root)."""
        if "wxsRunner" not in view.root.state:
            view.root.state["wxsRunner"] = lambda node, marker, event: self.handle(view, node, marker, event)
            view.root.state["wxsView"] = weakref.ref(view)

    def handle(self, view: Any, node: ViewNode, marker: dict, event: dict) -> bool:
        """Run the WXS handler `marker` for `event` at `node`; True when it returned false."""
        owner = self._owner_node(view, node)
        stop = self._call(view, "event", marker["$wxs"], json.dumps(event, ensure_ascii=False),
                          self.ref(node), self.ref(owner))
        return stop is True

    def observe(self, view: Any, nodes: list[ViewNode]) -> None:
        """Call the `change:` observers of freshly rendered nodes whose value changed."""
        for node in nodes:
            seen = node.state.setdefault(PROPS, {})
            for name, fn in list(node.attrs.items()):
                if not name.startswith("change:") or not is_wxs(fn):
                    continue
                prop = name[len("change:"):]
                value = node.attrs.get(prop)
                first = prop not in seen
                if (first and value is None) or (not first and seen[prop] == value):
                    continue
                old = seen.get(prop)
                seen[prop] = value
                self._call(view, "observe", fn["$wxs"], json.dumps(value, ensure_ascii=False),
                           None if first else json.dumps(old, ensure_ascii=False),
                           self.ref(self._owner_node(view, node)), self.ref(node))

    # node references -----------------------------------------------------------------
    def ref(self, node: ViewNode) -> int:
        ref = node.state.get(REF)
        if ref is None:
            ref = node.state[REF] = next(self._refs)
            self._nodes[ref] = node
        return ref

    def _view_of(self, node: ViewNode) -> Any:
        while node.parent is not None:
            node = node.parent
        ref = node.state.get("wxsView")
        return ref() if ref is not None else None

    def _owner_node(self, view: Any, node: ViewNode) -> ViewNode:
        host = node.owner.host
        return host if host is not None else view.root

    def _instance_of(self, node: ViewNode) -> ViewInstance:
        """The page or component a descriptor stands for (a host or the page root: its own)."""
        if node.component is not None:
            return node.component
        return node.owner

    # calling into JS -----------------------------------------------------------------
    def _call(self, view: Any, entry: str, *args: Any) -> Any:
        runtime = self.services.templates
        if runtime is not self._runtime:
            runtime.set_host(self._op)
            self._runtime = runtime
        outer, self._view = self._view, view
        try:
            return runtime.call_wxs(entry, *args)
        except quickjs.JSException as exc:
            self._report(view, f"WXS {entry} failed: {exc}")
            return None
        finally:
            self._view = outer

    def _report(self, view: Any, message: str) -> None:
        diagnostic = Diagnostic("error", message, view.route + ".wxml" if view is not None else None)
        if view is not None and hasattr(view, "diagnostics"):
            view.diagnostics.append(diagnostic)
        self.services.report(diagnostic)

    def _op(self, op: str, args_json: str) -> str | None:
        """A descriptor operation from JS: `op` with JSON arguments; returns JSON or None."""
        args = json.loads(args_json)
        handler = getattr(self, "_op_" + op, None)
        if handler is None:
            return None
        if op == "frame":
            return handler()
        node = self._nodes.get(args[0])
        if node is None:
            return None
        result = handler(node, *args[1:])
        return None if result is None else json.dumps(result, ensure_ascii=False)

    # descriptor operations ------------------------------------------------------------
    def _op_select(self, node: ViewNode, selector: str, many: bool) -> Any:
        try:
            if node.component is not None or node.parent is None:
                inst = self._instance_of(node)
                found = [n for start in inst.nodes for n in select_all(start, selector, inst, include_start=True)]
            else:
                found = select_all(node, selector, node.owner)
        except WxsimError as exc:
            self._report(self._view, exc.diagnostic.message)
            found = []
        if many:
            return [self.ref(n) for n in found]
        return self.ref(found[0]) if found else None

    def _restyle(self, node: ViewNode) -> None:
        node.style_dirty = True
        mark_changed(node)
        view = self._view_of(node)
        if view is not None:
            view.layout_dirty = True

    def _op_setStyle(self, node: ViewNode, text: str) -> None:  # noqa: N802 - the WXS name
        if node.state.get(STYLE, "") != text:
            node.state[STYLE] = text
            self._restyle(node)

    def _op_class(self, node: ViewNode, action: str, name: str) -> Any:
        names = [n for n in name.split() if n]
        if action == "has":
            return bool(names) and all(n in node.classes for n in names)
        extra = node.state.setdefault(CLASSES, {"add": [], "remove": []})
        keep, drop = ("add", "remove") if action == "add" else ("remove", "add")
        for n in names:
            if n in extra[drop]:
                extra[drop].remove(n)
            if n not in extra[keep]:
                extra[keep].append(n)
        self._restyle(node)
        return None

    def _op_dataset(self, node: ViewNode) -> Any:
        return node.dataset()

    def _op_computedStyle(self, node: ViewNode, names: list) -> Any:  # noqa: N802 - the WXS name
        from renderer.view.selectorquery import css_text  # noqa: PLC0415 - selectorquery imports layout

        style = node.style
        out = {}
        for name in names if isinstance(names, list) else []:
            value = style.get(str(name)) if style is not None else None
            out[str(name)] = css_text(value, str(name)) if value is not None else ""
        return out

    def _op_callMethod(self, node: ViewNode, name: str, args: Any) -> None:  # noqa: N802 - the WXS name
        """`ownerInstance.callMethod(name, args)`: the logic layer runs the method with `args`."""
        inst = self._instance_of(node) if node.component is not None or node.parent is None else node.owner
        self.services.post("event", "view→logic", inst.id,
                           {"instanceId": inst.id, "handler": name, "event": args, "wxs": True})

    def _op_triggerEvent(self, node: ViewNode, name: str, detail: Any) -> None:  # noqa: N802 - the WXS name
        """`instance.triggerEvent(name, detail)`: an event from the node, as a component's
        triggerEvent without options (no bubbling)."""
        view = self._view_of(node)
        if view is None:
            return
        view._send_calls(propagate(node, name, detail, bubbles=False, composed=False, capture=False))

    def _op_frame(self) -> None:
        """`requestAnimationFrame`: the animator calls back at its next frame."""
        if not self._frame_requested:
            self._frame_requested = True
            self.services.animator.request_frame(self._frame)
        return None

    def _frame(self, now: float) -> None:
        self._frame_requested = False
        self._call(None, "frame", now)
