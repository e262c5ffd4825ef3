"""One page of the view layer: its instances, composed node tree, styles, layout and input.

The page view only talks to the logic layer through messages (`services.post`): it renders
what `instanceInit`/`setData` tell it, and answers user input with `event` messages.
Updates are batched: messages mark instances dirty and `flush()` re-renders, restyles and
lays out once, then tells the logic layer which setData calls are applied.
"""

from __future__ import annotations

from typing import Any, Callable

from bridge.diagnostics import Diagnostic, WxsimError
from renderer.view import builtins, image_loads, movable, page_meta, picker_view, scroll, swiper
from renderer.view import builtin_sync, map_view, media_element, page_container, top_layer
from renderer.view.events import HandlerCall, has_handler, propagate, touch_point
from renderer.view.hover import PressState
from renderer.view.lifetimes import component_tree, new_subtrees
from renderer.view.nodes import TEXT, ViewInstance, ViewNode, mark_changed, next_generation, to_tree, to_wxml
from renderer.view.paths import apply_change
from renderer.view.reconcile import Reconciler, assign_slots, component_props

LONGPRESS_MS = 350


class PageView:
    """The rendered page `route` with page id `page_id` (the logic layer's webview id)."""

    def __init__(self, services: Any, page_id: str, route: str, query: dict | None = None):
        self.services = services
        self.page_id = page_id
        self.route = route
        self.query = query or {}
        self.instance = ViewInstance(page_id, route, services.using_components(route))
        self.instances: dict[str, ViewInstance] = {page_id: self.instance}
        self.root = ViewNode("page", self.instance)
        self.instance.host = None
        self._root_box: Any = None
        self._scroll_top = 0.0
        self.visible_height: float | None = None  # the page area's height, set by the host
        self._bottom = scroll.EdgeLatch()
        self._listeners: list[Callable[[], None]] = []
        self.press = PressState(self._pressed_changed, getattr(services, "schedule", None))
        self._reconciler = Reconciler(self)
        self._touch: dict | None = None
        self.ready_posted = False
        # Page lifecycle notices held back until the first render has attached the page's
        # components (WeChat: attached → onLoad → pageLifetimes.show → onShow → ready → onReady).
        self.opening: list[dict] | None = None
        self._tree_sent: list[dict] = []
        self.layout_dirty = True
        self._synced_generation = -1  # styles and layout reflect every change stamped up to this
        self.diagnostics: list[Diagnostic] = []
        self.closed = False

    # messages from the logic layer ---------------------------------------
    def deliver(self, message: dict) -> None:
        payload = message["payload"]
        instance = self.instances.get(payload.get("instanceId"))
        if instance is None:
            return
        kind = message["kind"]
        if kind == "instanceInit":
            instance.data = payload.get("data") or {}
            instance.options = payload.get("options") or {}
            instance.dirty = True
            instance.pending_changes = None  # all new data
        elif kind == "setData":
            if instance.data is None:
                instance.data = {}
            for path, value in payload.get("changes", []):
                apply_change(instance.data, path, value)
                if instance.pending_changes is not None:
                    instance.pending_changes.append([path, value])
            instance.dirty = True
            instance.set_data_seqs.append(message["seq"])
            if payload.get("callback") is not None:
                instance.callbacks.append(payload["callback"])
        elif kind == "triggerEvent":
            self._trigger_event(instance, payload)

    def _trigger_event(self, instance: ViewInstance, payload: dict) -> None:
        host = instance.host
        if host is None:
            return
        options = payload.get("options") or {}
        calls = propagate(
            host,
            payload["name"],
            payload.get("detail"),
            bubbles=bool(options.get("bubbles")),
            composed=bool(options.get("composed")),
            capture=bool(options.get("capturePhase")),
        )
        self._send_calls(calls)

    # rendering ------------------------------------------------------------
    def needs_flush(self) -> bool:
        return any(inst.dirty for inst in self.instances.values()) or self.layout_dirty

    def flush(self) -> None:
        """Re-render dirty instances (outermost first), restyle, lay out, notify."""
        rendered: list[ViewInstance] = []
        while True:
            dirty = [inst for inst in self.instances.values() if inst.dirty and inst.data is not None]
            if not dirty:
                break
            for inst in dirty:
                self._render_instance(inst)
                rendered.append(inst)
        laid_out = bool(rendered) or self.layout_dirty
        since = self._synced_generation
        if laid_out:
            page_meta.before_style(self)
            builtin_sync.sync_tree(self, self.root, since)
            self.services.animator.scan(self, self.root, since)
            self.services.style_tree(self.root, since, self)
            image_loads.sync_backgrounds(self, self.root, since)
            self._root_box = self.services.layout(self.root, since, self.visible_height)
            if movable.sync_tree(self, self.root, since):  # placed from the boxes just laid out
                self.services.style_tree(self.root, since, self)
                self._root_box = self.services.layout(self.root, since, self.visible_height)
            self.layout_dirty = False
            self._synced_generation = next_generation() - 1  # later changes get a newer stamp
        for inst in rendered:
            self._post_applied(inst)
        if rendered:
            self._post_component_lifetimes()
        self._maybe_ready()
        if laid_out:
            self._apply_scroll_attrs(since)
            page_meta.after_layout(self)
            self._changed()

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    def _render_instance(self, inst: ViewInstance) -> None:
        inst.dirty = False
        # setData changes since the last render; none recorded means something else asked for
        # the render, so nothing is known unchanged.
        changes, inst.pending_changes = inst.pending_changes or None, []
        vnodes = self.services.render(inst.base, inst.data, self._report, inst.id, changes)
        parent = self.root if inst.host is None else inst.host
        inst.nodes = self._reconciler.reconcile(inst.nodes, vnodes, inst, parent)
        parent.set_children(inst.nodes)
        if inst.host is not None:
            assign_slots(inst.host, inst, bool(inst.options.get("multipleSlots", False)))
        self._reassign_touched()
        self.layout_dirty = True
        self.services.wxs.attach(self)
        observed, self._reconciler.observed = self._reconciler.observed, []
        if observed:  # WXS `change:` observers see the values just rendered
            self.services.wxs.observe(self, observed)

    def _reassign_touched(self) -> None:
        for parent in self._reconciler.touched:
            if parent.component is not None and parent.component.data is not None:
                assign_slots(parent, parent.component, bool(parent.component.options.get("multipleSlots", False)))
            if not self.services.position_sensitive(parent):
                continue
            for child in parent.children:
                if not child.style_dirty:
                    child.style_dirty = True  # sibling positions (:first-child …) may have moved
                    mark_changed(child)
        self._reconciler.touched.clear()

    def _post_component_lifetimes(self) -> None:
        """The component mirror (if it changed), then created/attached for finished subtrees."""
        if len(self.instances) == 1 and not self._tree_sent:
            return  # a page without components: nothing to mirror, no whole-tree walks
        tree = component_tree(self.root, self.page_id)
        if tree != self._tree_sent:
            self._tree_sent = tree
            self.services.post("lifecycle", "view→logic", self.page_id,
                               {"event": "componentTree", "pageId": self.page_id, "nodes": tree})
        created, attached = new_subtrees(self.root)
        if created:
            self.services.post("lifecycle", "view→logic", self.page_id,
                               {"event": "componentsCreated", "created": created, "attached": attached})

    def _post_applied(self, inst: ViewInstance) -> None:
        for seq in inst.set_data_seqs:
            self.services.mark_applied(seq)
        if inst.callbacks:
            self.services.post("setDataApplied", "view→logic", inst.id,
                               {"instanceId": inst.id, "callbacks": inst.callbacks})
        inst.callbacks = []
        inst.set_data_seqs = []

    def _maybe_ready(self) -> None:
        """Components' ready (innermost first), then the page's onReady, once all rendered."""
        if any(inst.data is None for inst in self.instances.values()) or self.instance.data is None:
            return
        self.release_opening()
        if not all(inst.ready_sent for inst in self.instances.values() if inst is not self.instance):
            self._post_component_ready()
        if not self.ready_posted:
            self.ready_posted = True
            self.services.post("lifecycle", "view→logic", self.page_id,
                               {"event": "pageReady", "pageId": self.page_id})

    def _post_component_ready(self) -> None:
        for node in reversed(list(self.root.walk())):
            inst = node.component
            if inst is not None and inst.created_sent and not inst.ready_sent:
                inst.ready_sent = True
                self.services.post("lifecycle", "view→logic", inst.id, {"event": "componentReady", "id": inst.id})

    def hold_opening(self, payload: dict) -> bool:
        """Queue a page lifecycle notice while the first render is pending; False once rendered."""
        if self.opening is None:
            return False
        self.opening.append(payload)
        return True

    def release_opening(self) -> None:
        """Post the held notices (after the first render, or before an early unload)."""
        held, self.opening = self.opening, None
        for payload in held or ():
            self.services.post("lifecycle", "host→logic", self.page_id, payload)

    def _report(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)
        self.services.report(diagnostic)

    # component hooks (called by the reconciler) ---------------------------
    def component_created(self, host: ViewNode, base: str) -> None:
        try:
            using = self.services.using_components(base)
        except WxsimError as exc:
            self._report(exc.diagnostic)
            using = {}
        inst = ViewInstance(self.services.new_component_id(), base, using, host)
        host.component = inst
        self.instances[inst.id] = inst
        self.services.post("lifecycle", "view→logic", inst.id, {
            "event": "componentAttach", "id": inst.id, "path": base, "pageId": self.page_id,
            "ownerId": host.owner.id, "props": component_props(host.attrs),
            "nodeId": host.id, "dataset": host.dataset(), "classes": list(host.classes),
        })

    def component_removed(self, inst: ViewInstance) -> None:
        self.instances.pop(inst.id, None)
        self.services.templates.forget_instance(inst.id)
        self.services.post("lifecycle", "view→logic", inst.id, {"event": "componentDetach", "id": inst.id})

    def props_changed(self, inst: ViewInstance, props: dict) -> None:
        self.services.post("props", "view→logic", inst.id, {"id": inst.id, "props": props})

    def unload(self) -> None:
        """Detach every component, innermost first (the page itself is unloaded by the host)."""
        for node in reversed(list(self.root.walk())):
            if node.component is not None:
                self.component_removed(node.component)
        self.closed = True
        self.services.templates.forget_instance(self.page_id)
        self.services.animator.forget(self.root)
        self.services.release_layout(self.root)

    # scrolling --------------------------------------------------------------
    @property
    def scroll_top(self) -> float:
        return self._scroll_top

    @scroll_top.setter
    def scroll_top(self, value: float) -> None:
        self.scroll_to(value)

    def max_scroll_top(self) -> float | None:
        if self.visible_height is None:
            return None
        return max(0.0, self.content_height() - self.visible_height)

    def scroll_to(self, top: float) -> None:
        """Scroll the page; posts onPageScroll and, arriving near the bottom, onReachBottom."""
        limit = self.max_scroll_top()
        top = max(0.0, float(top) if limit is None else min(float(top), limit))
        old = self._scroll_top
        if top == old:
            return
        self._scroll_top = top
        self._observe("scroll", node=None, top=top)
        self._page_event({"event": "pageScroll", "pageId": self.page_id, "scrollTop": top})
        page_meta.scrolled(self, top)
        if self.visible_height is not None:
            distance = self._reach_bottom_distance()
            near = top + self.visible_height >= self.content_height() - distance
            if self._bottom.update(near) and top > old:
                self._page_event({"event": "reachBottom", "pageId": self.page_id})
        self._changed()

    def _reach_bottom_distance(self) -> float:
        try:
            value = self.services.project.page_window(self.route).get("onReachBottomDistance", 50)
            return float(value)
        except (WxsimError, TypeError, ValueError, AttributeError):
            return scroll.DEFAULT_THRESHOLD

    def _page_event(self, payload: dict) -> None:
        self.services.post("lifecycle", "view→logic", self.page_id, payload)

    def scroll_view_to(self, node: ViewNode, top: float | None = None, left: float | None = None) -> None:
        """Scroll a scroll-view's content (clamped); fires scroll, scrolltoupper and scrolltolower."""
        sx, sy = scroll.axes(node)
        old = scroll.offsets(node)
        max_x, max_y = scroll.max_offsets(node)
        new_left = max(0.0, min(float(left), max_x)) if left is not None and sx else old[0]
        new_top = max(0.0, min(float(top), max_y)) if top is not None and sy else old[1]
        if (new_left, new_top) == old:
            return
        node.state["scrollLeft"], node.state["scrollTop"] = new_left, new_top
        self._observe("scroll", node=node, top=new_top, left=new_left)
        width, height = scroll.content_size(node)
        detail = {"scrollLeft": new_left, "scrollTop": new_top, "scrollHeight": height, "scrollWidth": width,
                  "deltaX": old[0] - new_left, "deltaY": old[1] - new_top}
        self._send_calls(propagate(node, "scroll", detail, bubbles=False))
        for name, edge in scroll.edge_events(node, old, (new_left, new_top)):
            self._send_calls(propagate(node, name, edge, bubbles=False))
        self._changed()

    def scroll_view_by(self, node: ViewNode, dx: float, dy: float) -> None:
        left, top = scroll.offsets(node)
        self.scroll_view_to(node, top + dy, left + dx)

    def _apply_scroll_attrs(self, since: int = -1) -> None:
        """Honour changed `scroll-top` / `scroll-left` / `scroll-into-view` attributes (into-view wins).

        Only subtrees changed after generation `since` can hold a changed scroll-view.
        """
        stack = [self.root]
        while stack:
            node = stack.pop()
            if node.changed_at <= since:
                continue
            stack.extend(node.children)
            if node.tag not in ("scroll-view", "cover-view") or node.box is None:
                continue
            applied = node.state.setdefault("_attrs", {})
            wanted = {name: node.attrs.get(name) for name in ("scroll-top", "scroll-left", "scroll-into-view")}
            if wanted == applied:
                continue
            changed = {k: v for k, v in wanted.items() if applied.get(k) != v and v not in (None, "")}
            node.state["_attrs"] = wanted
            top = scroll.number_attr(node, "scroll-top", 0.0) if "scroll-top" in changed else None
            left = scroll.number_attr(node, "scroll-left", 0.0) if "scroll-left" in changed else None
            target_id = changed.get("scroll-into-view")
            target = scroll.find_by_id(node, str(target_id)) if target_id else None
            if target is not None and target.box is not None:
                top = target.box.y - node.box.y
                left = target.box.x - node.box.x
            if top is not None or left is not None:
                self.scroll_view_to(node, top, left)

    # geometry ---------------------------------------------------------------
    def root_box(self) -> Any:
        return self._root_box

    def content_height(self) -> float:
        return self._root_box.height if self._root_box is not None else 0.0

    def hit_test(self, x: float, y: float) -> ViewNode | None:
        """The innermost visible element whose box contains the page point (x, y); the layers
        on top of the page (root-portal, page-container) first."""
        return top_layer.hit_test(self, x, y) or builtins.hit_test(self.root, x, y)

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # input ------------------------------------------------------------------
    def touch_start(self, x: float, y: float, now_ms: float | None = None) -> None:
        target = self.hit_test(x, y)
        if target is None:
            self._touch = None
            return
        point = touch_point(x, y, self.scroll_top)
        self._touch = {"target": target, "start": point, "moved": False, "t": now_ms, "longpressed": False,
                       "swiper": swiper.closest(target), "column": picker_view.closest_column(target),
                       "movable": movable.closest(target), "map": map_view.closest(target),
                       "container": page_container.slide_target(target)}
        self.press.press(target)
        self._send_calls(propagate(target, "touchstart", {}, touches=[point], changed_touches=[point]))

    def touch_move(self, x: float, y: float) -> None:
        if self._touch is None:
            return
        point = touch_point(x, y, self.scroll_top)
        start = self._touch["start"]
        if abs(point["pageX"] - start["pageX"]) > 10 or abs(point["pageY"] - start["pageY"]) > 10:
            if not self._touch["moved"]:
                self.press.release(cancelled=True)
            self._touch["moved"] = True
        self._send_calls(propagate(self._touch["target"], "touchmove", {}, touches=[point], changed_touches=[point]))
        dx, dy = point["pageX"] - start["pageX"], point["pageY"] - start["pageY"]
        if self._touch["swiper"] is not None and self._touch["moved"]:
            swiper.drag(self, self._touch["swiper"], dx, dy)
        if self._touch["column"] is not None and self._touch["moved"]:
            picker_view.drag(self, self._touch["column"], dy)
        if self._touch["movable"] is not None and self._touch["moved"]:
            movable.drag(self, self._touch["movable"], dx, dy)
        if self._touch["map"] is not None and self._touch["moved"]:
            map_view.drag(self, self._touch["map"], dx, dy)

    def captures_touch(self) -> bool:
        """The touch in progress drags a built-in (a movable-view, a map, an open page-container),
        so the page must not scroll."""
        return self._touch is not None and any(self._touch.get(k) is not None for k in ("movable", "map", "container"))

    def long_press(self) -> bool:
        """Fire `longpress` for the touch in progress; True when a handler took it."""
        if self._touch is None or self._touch["moved"]:
            return False
        target, point = self._touch["target"], self._touch["start"]
        taken = has_handler(target, "longpress")
        self._send_calls(propagate(target, "longpress", {"x": point["pageX"], "y": point["pageY"]},
                                   touches=[point], changed_touches=[point]))
        self._touch["longpressed"] = taken
        self._observe("longpress", node=target)
        return taken

    def touch_end(self, x: float, y: float) -> None:
        touch = self._touch
        self._touch = None
        if touch is None:
            return
        point = touch_point(x, y, self.scroll_top)
        target = touch["target"]
        if not touch["moved"]:
            self.press.release()
        self._send_calls(propagate(target, "touchend", {}, touches=[], changed_touches=[point]))
        if touch.get("swiper") is not None and touch["moved"]:
            swiper.release(self, touch["swiper"])
        if touch.get("column") is not None and touch["moved"]:
            picker_view.release(self, touch["column"])
        if touch.get("movable") is not None and touch["moved"]:
            movable.release(self, touch["movable"])
        if touch.get("map") is not None and touch["moved"]:
            map_view.release(self, touch["map"])
        if touch.get("container") is not None and touch["moved"]:
            page_container.release(self, touch["container"], point["pageY"] - touch["start"]["pageY"])
        if touch["moved"] or touch["longpressed"]:
            return
        start = touch["start"]
        detail = {"x": start["pageX"], "y": start["pageY"]}
        self._observe("tap", node=target)
        if target.tag == "map":  # markers, callouts, or a tap {latitude, longitude}
            map_view.tap(self, target, start["pageX"], start["pageY"], start)
            return
        self._send_calls(propagate(target, "tap", detail, touches=[start], changed_touches=[start]))
        builtins.after_tap(self, target)
        media_element.after_tap(self, target, start["pageX"], start["pageY"])
        page_container.after_tap(self, target, start["pageX"], start["pageY"])

    def _pressed_changed(self) -> None:
        """A pressed state (:active, hover-class) changed: restyle at the next flush."""
        self.layout_dirty = True

    def tap(self, x: float, y: float) -> None:
        self.touch_start(x, y)
        self.touch_end(x, y)

    def input_text(self, node: ViewNode, value: str) -> None:
        """Typing into an input/textarea: the value is cut at `maxlength` (default 140, -1 = none)."""
        value = builtins.clip_to_maxlength(node, value)
        self._observe("input", node=node, value=value)
        node.state["value"] = value
        self.layout_dirty = True
        detail = {"value": value, "cursor": len(value), "keyCode": 0}
        self._send_calls(propagate(node, "input", detail, bubbles=False))
        model_path = node.attrs.get("model:value.path")
        if isinstance(model_path, str) and model_path:
            self.services.post("modelUpdate", "view→logic", node.owner.id,
                               {"instanceId": node.owner.id, "path": model_path, "value": value})

    def input_confirm(self, node: ViewNode) -> None:
        self._send_calls(propagate(node, "confirm", {"value": builtins.value_of(node)}, bubbles=False))

    def input_blur(self, node: ViewNode) -> None:
        node.state["focus"] = False
        self._send_calls(propagate(node, "blur", {"value": builtins.value_of(node), "cursor": 0}, bubbles=False))

    def fire(self, node: ViewNode, event_type: str, detail: Any = None, bubbles: bool = True) -> None:
        """Dispatch an event of `event_type` at `node` (automation's `trigger`, built-ins' events)."""
        self._send_calls(propagate(node, event_type, detail if detail is not None else {}, bubbles=bubbles))

    def _observe(self, kind: str, **info: Any) -> None:
        """Tell input observers (the flow recorder) what the user did, before it takes effect."""
        for observer in list(getattr(self.services, "input_observers", ())):
            observer(self, kind, info)

    def _send_calls(self, calls: list[HandlerCall]) -> None:
        for call in calls:
            self.services.post("event", "view→logic", call.instance.id,
                               {"instanceId": call.instance.id, "handler": call.handler, "event": call.event})

    # dumps -----------------------------------------------------------------------
    def wxml(self) -> str:
        return "\n".join(to_wxml(child) for child in self.root.children)

    def tree(self) -> dict:
        return to_tree(self.root)

    def elements(self) -> list[ViewNode]:
        return [n for n in self.root.walk() if n.tag != TEXT]
