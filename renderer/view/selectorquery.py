"""Answers for `wx.createSelectorQuery()` and `createIntersectionObserver`, read from the laid-out view.

Follows https://developers.weixin.qq.com/miniprogram/dev/api/wxml/SelectorQuery.html and
https://developers.weixin.qq.com/miniprogram/dev/api/wxml/NodesRef/NodesRef.fields.html:
rects are in viewport coordinates (the page's scroll and scrolled scroll-views subtracted,
fixed boxes stay put); a query sees its scope's own template (the page's, or a component's
with `.in(component)`), `>>>` crosses into custom components; `select` answers one node or
null, `selectAll` a list, `selectViewport` the page viewport.
"""

from __future__ import annotations

import re
from typing import Any

from bridge.diagnostics import WxsimError
from renderer.view import scroll
from renderer.view.canvas import node_answer as canvas_node
from renderer.view.nodes import ViewInstance, ViewNode, is_virtual_host
from renderer.view.query import select_all

UNITLESS = frozenset({"flex-grow", "flex-shrink", "opacity", "z-index", "font-weight", "order", "line-height"})


def kebab(name: str) -> str:
    """`backgroundColor` → `background-color` (WXSS names given in camelCase)."""
    return re.sub(r"[A-Z]", lambda m: "-" + m.group(0).lower(), name)


def css_text(value: Any, name: str) -> str:
    """A computed value as the CSS text a page's getComputedStyle would show."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}" if name in UNITLESS or isinstance(value, int) else f"{value:g}px"
    if isinstance(value, tuple):
        if len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], (int, float)):
            return f"{value[1]:g}{value[0]}"
        if len(value) == 4 and all(isinstance(v, (int, float)) for v in value):
            r, g, b, a = value
            return f"rgb({int(r)}, {int(g)}, {int(b)})" if a == 1 else f"rgba({int(r)}, {int(g)}, {int(b)}, {a:g})"
        return " ".join(css_text(v, name) for v in value)
    return "none" if value is None else str(value)


def _fixed(node: ViewNode) -> bool:
    for n in (node, *node.ancestors()):
        if n.box is not None and getattr(n.box, "fixed", False):
            return True
    return False


def client_rect(view: Any, node: ViewNode) -> dict:
    """{left, top, right, bottom, width, height} of a node as the user sees it now."""
    box = node.box
    if box is None:
        return {"left": 0, "top": 0, "right": 0, "bottom": 0, "width": 0, "height": 0}
    dx, dy = scroll.visual_shift(node)
    if not _fixed(node):
        dy += view.scroll_top
    left, top = box.x - dx, box.y - dy
    return {"left": left, "top": top, "right": left + box.width, "bottom": top + box.height,
            "width": box.width, "height": box.height}


def viewport_size(view: Any) -> tuple[float, float]:
    services = view.services
    width = float(services.viewport.width)
    height = view.visible_height if view.visible_height is not None else float(services.viewport.height)
    return width, float(height)


def _viewport_fields(view: Any, fields: dict) -> dict:
    width, height = viewport_size(view)
    out: dict = {}
    if fields.get("id"):
        out["id"] = ""
    if fields.get("dataset"):
        out["dataset"] = {}
    if fields.get("rect"):
        out.update(left=0, top=0, right=width, bottom=height)
    if fields.get("size"):
        out.update(width=width, height=max(height, 0.0))
    if fields.get("scrollOffset"):
        sw = float(view.root_box().width) if view.root_box() is not None else width
        out.update(scrollLeft=0, scrollTop=view.scroll_top, scrollWidth=sw,
                   scrollHeight=max(view.content_height(), height))
    return out


def _property(node: ViewNode, name: str) -> Any:
    if node.component is not None and node.component.data is not None and name in node.component.data:
        return node.component.data[name]
    if name == "value" and "value" in node.state:
        return node.state["value"]
    for key in (name, kebab(name)):
        if key in node.attrs:
            return node.attrs[key]
    return None


def node_fields(view: Any, node: ViewNode, fields: dict) -> dict:
    """The answer for one node and one `fields` request."""
    out: dict = {}
    if fields.get("id"):
        out["id"] = node.id
    if fields.get("dataset"):
        out["dataset"] = node.dataset()
    if fields.get("mark"):
        out["mark"] = {}
        for n in (node, *node.ancestors()):
            for key, value in n.attrs.items():
                if key.startswith("mark:"):
                    out["mark"].setdefault(key[5:], value)
    rect = client_rect(view, node)
    if fields.get("rect"):
        out.update({k: rect[k] for k in ("left", "right", "top", "bottom")})
    if fields.get("size"):
        out.update(width=rect["width"], height=rect["height"])
    if fields.get("scrollOffset") and node.tag == "scroll-view":
        left, top = scroll.offsets(node)
        sw, sh = scroll.content_size(node)
        out.update(scrollLeft=left, scrollTop=top, scrollWidth=sw, scrollHeight=sh)
    for name in fields.get("properties") or ():
        out[name] = _property(node, str(name))
    style = node.style
    for name in fields.get("computedStyle") or ():
        value = style.get(kebab(str(name))) if style is not None else None
        out[name] = css_text(value, kebab(str(name))) if style is not None else ""
    if fields.get("node"):
        out["node"] = canvas_node(view, node)
    if fields.get("context"):
        out["context"] = None
    return out


def _select_in(start: ViewNode, selector: str, scope: ViewInstance) -> list[ViewNode]:
    """Matches inside `scope`'s template: the page root's children, or a component host's own
    rendered children (not the slot content its owner gave it)."""
    if start.component is scope:
        found: list[ViewNode] = []
        for child in start.children:
            found.extend(select_all(child, selector, scope, include_start=True))
        return found
    return select_all(start, selector, scope)


def _match(view: Any, scope: ViewInstance, selector: str) -> list[ViewNode]:
    """Nodes of `scope`'s template matching `selector`; `a >>> b` continues inside components."""
    found: list[ViewNode] = []
    for group in selector.split(","):
        parts = [p.strip() for p in group.split(">>>")]
        current: list[tuple[ViewNode, ViewInstance]] = [(scope.host or view.root, scope)]
        for i, part in enumerate(parts):
            nxt: list[tuple[ViewNode, ViewInstance]] = []
            for start, inst in current:
                for node in _select_in(start, part, inst):
                    if i < len(parts) - 1:
                        if node.component is not None:
                            nxt.append((node, node.component))
                    elif not is_virtual_host(node):  # no element, so no rect or fields
                        nxt.append((node, inst))
            current = nxt
        found.extend(n for n, _ in current if n not in found)
    order = {id(n): i for i, n in enumerate(view.root.walk())}
    return sorted(found, key=lambda n: order.get(id(n), 0))


def answer(view: Any, scope_id: str | None, request: dict) -> Any:
    """One request: {selector, single, viewport, fields} → dict, list of dicts, or None."""
    fields = request.get("fields") or {}
    if request.get("viewport"):
        return _viewport_fields(view, fields)
    scope = view.instances.get(scope_id or view.page_id) or view.instance
    try:
        nodes = _match(view, scope, str(request.get("selector") or ""))
    except WxsimError as exc:
        view.services.report(exc.diagnostic)
        nodes = []
    if request.get("single"):
        return node_fields(view, nodes[0], fields) if nodes else None
    return [node_fields(view, n, fields) for n in nodes]


def find(view: Any, scope_id: str | None, selector: str) -> ViewNode | None:
    """The first node a selector names (pageScrollTo, intersection observers)."""
    scope = view.instances.get(scope_id or view.page_id) or view.instance
    try:
        nodes = _match(view, scope, selector)
    except WxsimError as exc:
        view.services.report(exc.diagnostic)
        return None
    return nodes[0] if nodes else None


def find_all(view: Any, scope_id: str | None, selector: str) -> list[ViewNode]:
    scope = view.instances.get(scope_id or view.page_id) or view.instance
    try:
        return _match(view, scope, selector)
    except WxsimError as exc:
        view.services.report(exc.diagnostic)
        return []
