"""Turning rendered vnodes into view nodes, reusing the nodes of the previous render.

A setData re-renders the instance's template; reconciling the new vnodes against the old
nodes keeps every unchanged node (and its style, layout box and view state such as an
input's value), so only what changed is restyled. Keyed lists (`wx:key`) match by key, so
reordering moves existing nodes and their component instances.
"""

from __future__ import annotations

from typing import Any, Callable, Protocol

from renderer.view import page_container, rich_text
from renderer.view.nodes import TEXT, ViewInstance, ViewNode, mark_changed

# Attributes of a custom component's host node that are not properties.
HOST_ONLY_ATTRS = ("id", "class", "style", "slot", "hidden")


class ComponentHooks(Protocol):
    def component_created(self, host: ViewNode, tag_base: str) -> None: ...
    def component_removed(self, instance: ViewInstance) -> None: ...
    def props_changed(self, instance: ViewInstance, props: dict) -> None: ...


def component_props(attrs: dict) -> dict:
    """The attributes passed to a component as properties (`b-c` → `bC`)."""
    props = {}
    for name, value in attrs.items():
        if name in HOST_ONLY_ATTRS or name.startswith(("data-", "bind", "catch", "capture-", "mut-bind", "generic:", "change:")):
            continue
        if name.startswith("model:"):
            if name.endswith(".path"):
                continue
            name = name[len("model:"):]
        props[_camel(name)] = value
    return props


def _camel(name: str) -> str:
    parts = name.split("-")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


class Reconciler:
    """Builds and updates view nodes for one instance's template output."""

    def __init__(self, hooks: ComponentHooks):
        self.hooks = hooks
        self.touched: list[ViewNode] = []  # parents whose children list changed
        self.observed: list[ViewNode] = []  # built or updated nodes with WXS `change:` observers

    def reconcile(self, old: list[ViewNode], vnodes: list, owner: ViewInstance, parent: ViewNode | None) -> list[ViewNode]:
        keyed: dict[tuple, ViewNode] = {}
        unkeyed: dict[str, list[ViewNode]] = {}
        for node in old:
            if node.key is not None:
                keyed[(node.tag, _key(node.key))] = node
            else:
                unkeyed.setdefault(node.tag, []).append(node)
        cursor: dict[str, int] = {}
        result: list[ViewNode] = []
        used: set[int] = set()
        for vnode in vnodes:
            node = self._match(vnode, keyed, unkeyed, cursor)
            if node is not None and id(node) not in used:
                used.add(id(node))
                self._update(node, vnode, owner)
            else:
                node = self._build(vnode, owner)
            result.append(node)
        for node in old:
            if id(node) not in used:
                self._removed(node)
        if parent is not None and [id(n) for n in result] != [id(n) for n in old]:
            self.touched.append(parent)
        return result

    def _match(self, vnode: Any, keyed: dict, unkeyed: dict, cursor: dict) -> ViewNode | None:
        if isinstance(vnode, str):
            tag, key = TEXT, None
        else:
            tag, key = vnode[0], vnode[3] if len(vnode) > 3 else None
        if key is not None:
            return keyed.pop((tag, _key(key)), None)
        pool = unkeyed.get(tag)
        index = cursor.get(tag, 0)
        if pool and index < len(pool):
            cursor[tag] = index + 1
            return pool[index]
        return None

    def _build(self, vnode: Any, owner: ViewInstance) -> ViewNode:
        if isinstance(vnode, str):
            return ViewNode(TEXT, owner, text=vnode)
        tag, attrs, children = vnode[0], vnode[1], _children(vnode)
        node = ViewNode(tag, owner, attrs, key=vnode[3] if len(vnode) > 3 else None)
        node.vnode = vnode
        if _has_observer(attrs):
            self.observed.append(node)
        built = [self._build(child, owner) for child in children]
        component_base = owner.using.get(tag)
        if component_base is not None:
            node.light = built
            for child in built:
                child.parent = node
            self.hooks.component_created(node, component_base)
        else:
            node.set_children(built)
        return node

    def _update(self, node: ViewNode, vnode: Any, owner: ViewInstance) -> None:
        if node.tag == TEXT:
            if node.text != vnode:
                node.text = vnode
                mark_changed(node)
                if node.parent is not None:
                    self.touched.append(node.parent)
            return
        if vnode == node.vnode:
            return  # the same attributes and the same subtree as last time (a C-level compare)
        node.vnode = vnode
        attrs, children = vnode[1], _children(vnode)
        if attrs != node.attrs:
            old_attrs = node.attrs
            node.attrs = attrs
            node.style_dirty = True
            mark_changed(node)
            for name in ("value", "model:value"):
                if name in attrs and attrs.get(name) != old_attrs.get(name):
                    node.state.pop("value", None)
            if attrs.get("class") != old_attrs.get("class"):
                node.state.pop("wxsClasses", None)  # the template set the class list anew
            if _has_observer(attrs):
                self.observed.append(node)
            if node.component is not None:
                props = component_props(attrs)
                if props != component_props(old_attrs):
                    changed = {k: v for k, v in props.items() if component_props(old_attrs).get(k, _MISSING) != v}
                    self.hooks.props_changed(node.component, changed)
        if node.component is not None or owner.using.get(node.tag) is not None:
            node.light = self.reconcile(node.light, children, owner, node)
            for child in node.light:
                child.parent = node
            if node.component is not None:
                self.touched.append(node)
            return
        new_children = self.reconcile(node.children, children, owner, node)
        node.set_children(new_children)

    def _removed(self, node: ViewNode) -> None:
        """Detach components in a removed subtree, innermost first."""
        for child in list(node.children) + list(node.light):
            self._removed(child)
        if node.component is not None:
            self.hooks.component_removed(node.component)


class _Missing:
    pass


def _children(vnode: list) -> list:
    """A vnode's children; a `rich-text` shows the nodes of its `nodes` attribute instead, a
    `page-container` holds them in its own overlay and panel."""
    if vnode[0] == "rich-text":
        return rich_text.vnodes(vnode[1].get("nodes"))
    if vnode[0] == "page-container":
        return page_container.shadow_vnodes(vnode[2])
    return vnode[2]


def _has_observer(attrs: dict) -> bool:
    for name in attrs:  # (a plain loop: this runs for every element built or updated)
        if name.startswith("change:"):
            return True
    return False


_MISSING = _Missing()


def _key(key: Any) -> Any:
    if isinstance(key, (dict, list)):
        return repr(key)
    return key


def assign_slots(host: ViewNode, instance: ViewInstance, multiple: bool) -> None:
    """Put the owner's slot content into the component template's `<slot>` nodes."""
    slots: list[ViewNode] = []

    def find(nodes: list[ViewNode]) -> None:
        for node in nodes:
            if node.owner is not instance:
                continue
            if node.tag == "slot":
                slots.append(node)
            elif node.component is None:
                find(node.children)
            else:
                find(node.light)

    find(instance.nodes)
    taken: set[int] = set()
    for slot in slots:
        name = str(slot.attrs.get("name") or "") if multiple else ""
        if not multiple and any(id(s) != id(slot) for s in slots[: slots.index(slot)]):
            slot.set_children([])  # a single-slot component fills only its first slot
            continue
        content = [n for n in host.light if id(n) not in taken and (not multiple or _slot_name(n) == name)]
        taken.update(id(n) for n in content)
        slot.set_children(content)


def _slot_name(node: ViewNode) -> str:
    if node.is_text:
        return ""
    return str(node.attrs.get("slot") or "")


CreatedCallback = Callable[[ViewNode, str], None]
