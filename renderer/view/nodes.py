"""The view layer's node tree: elements and text composed across component instances.

A page is one tree. Each node remembers the instance whose template produced it (its
`owner`: styles and event handlers are looked up there); a custom component's host node
also points at the component instance it hosts, whose rendered template becomes the host's
children with the owner's slot content put in place.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterator

TEXT = "#text"
# Class names in a `class` value: separated by white space, commas or dots (so an array value
# rendered as "a,b" gives a and b), as glass-easel's class list reads it.
_CLASS_TOKEN = re.compile(r"[^\s.,]+")

# Change generations: every flush of a page view starts a new generation, and every node
# that changes (or gains a changed descendant) is stamped with it. A consumer that remembers
# the generation it last processed skips whole subtrees stamped no later than that, so a
# small setData costs work in proportion to what changed, not to the page's size.
_generation = [0]


def next_generation() -> int:
    _generation[0] += 1
    return _generation[0]


def current_generation() -> int:
    return _generation[0]


def mark_changed(node: ViewNode | None) -> None:
    """Stamp `node` and its ancestors with the current generation."""
    now = _generation[0]
    while node is not None and node.changed_at != now:
        node.changed_at = now
        node = node.parent


_class_tokens: dict[str, tuple[str, ...]] = {}


def class_tokens(value: str) -> tuple[str, ...]:
    """The class names in a `class` value, remembered per value: selector matching asks every
    node for its classes several times, and a page repeats a few class strings many times."""
    tokens = _class_tokens.get(value)
    if tokens is None:
        if len(_class_tokens) >= 20_000:
            _class_tokens.clear()
        tokens = _class_tokens[value] = tuple(_CLASS_TOKEN.findall(value))
    return tokens


class ViewInstance:
    """The view side of a page or component instance: its data and its rendered nodes."""

    def __init__(self, instance_id: str, base: str, using: dict[str, str], host: ViewNode | None = None):
        self.id = instance_id
        self.base = base  # "pages/index/index" or "components/card/card"
        self.using = using  # tag name → component base
        self.host = host
        self.data: dict | None = None  # None until the logic layer's instanceInit arrives
        self.nodes: list[ViewNode] = []  # the rendered template (before slot composition)
        self.dirty = False
        # setData changes ([path, value]) since the last render, None when unknown: loops reuse
        # the items no path touched and the template runtime may apply them to the data it kept
        # (renderer/wxml/loop_memo.py, data_mirror.py)
        self.pending_changes: list | None = None
        self.callbacks: list[int] = []
        self.set_data_seqs: list[int] = []
        self.style_resolver: tuple | None = None  # (generation, options, resolver): ViewServices' pick
        self.ready_sent = False
        self.created_sent = False  # componentsCreated posted (renderer/view/lifetimes.py)
        self.options: dict = {}

    def __repr__(self) -> str:
        return f"<ViewInstance {self.id} {self.base}>"


class ViewNode:
    """One element or text node of the composed tree."""

    __slots__ = (
        "tag", "attrs", "children", "text", "key", "parent", "owner", "component",
        "light", "style", "style_dirty", "box", "state", "vnode", "changed_at", "__weakref__",
    )

    def __init__(self, tag: str, owner: ViewInstance, attrs: dict | None = None, text: str | None = None,
                 key: Any = None):
        self.tag = tag
        self.attrs: dict = attrs or {}
        # a text node never has children: they all share an empty tuple
        self.children: list[ViewNode] | tuple = [] if text is None else ()
        self.text = text
        self.key = key
        self.parent: ViewNode | None = None
        self.owner = owner
        self.component: ViewInstance | None = None  # set on a custom component's host node
        # slot content given by the owner (host nodes only; others share an empty tuple, as the
        # list is only ever replaced, never changed in place)
        self.light: list[ViewNode] | tuple = ()
        self.style: Any = None
        self.style_dirty = True
        self.box: Any = None
        self.state: dict = {}  # view-only state: input value, checked, focus
        self.vnode: Any = None  # the rendered vnode this element last matched (equal vnode ⇒ same subtree)
        self.changed_at = _generation[0]  # see mark_changed

    # StyleTarget protocol ------------------------------------------------
    @property
    def id(self) -> str:
        value = self.attrs.get("id")
        return "" if value is None else str(value)

    @property
    def classes(self) -> tuple[str, ...]:
        value = self.attrs.get("class")
        tokens = () if value is None or value is False else class_tokens(str(value))
        if self.owner.options.get("externalClasses"):
            from renderer.view.scopes import external_map  # noqa: PLC0415 - scopes imports nodes

            mapped = external_map(self.owner)
            tokens = tuple(t2 for t in tokens for t2 in mapped.get(t, (t,)))
        wxs = self.state.get("wxsClasses") if self.state else None
        if wxs:  # addClass / removeClass from a WXS ComponentDescriptor (renderer/view/wxs_host.py)
            tokens = tuple(t for t in tokens if t not in wxs["remove"]) + tuple(
                t for t in wxs["add"] if t not in tokens)
        hover = self.state.get("hover") if self.state else None
        return tokens + hover if hover else tokens

    @property
    def inline_style(self) -> str:
        value = self.attrs.get("style")
        text = "" if value is None else str(value)
        wxs = self.state.get("wxsStyle") if self.state else None  # WXS setStyle: a later segment
        text = f"{text};{wxs}" if wxs else text
        own = self.state.get("builtinStyle") if self.state else None  # set by a built-in (swiper item size)
        return f"{text};{own}" if own else text

    @property
    def index(self) -> int:
        siblings = self.element_siblings()
        return siblings.index(self) if self in siblings else 0

    @property
    def sibling_count(self) -> int:
        return len(self.element_siblings())

    def element_siblings(self) -> list[ViewNode]:
        if self.parent is None:
            return [self]
        return [c for c in self.parent.children if c.tag != TEXT]

    # tree helpers --------------------------------------------------------
    @property
    def is_text(self) -> bool:
        return self.tag == TEXT

    def set_children(self, children: list[ViewNode]) -> None:
        old = self.children
        if children is not old and (len(children) != len(old) or any(a is not b for a, b in zip(children, old))):
            mark_changed(self)
        self.children = children
        for child in children:
            child.parent = self

    def walk(self) -> Iterator[ViewNode]:
        """This node and its descendants in tree order (each node's children as they are when
        the walk reaches it). Iterative: nested generators cost a frame per level per node."""
        stack = [self]
        pop, extend = stack.pop, stack.extend
        while stack:
            node = pop()
            yield node
            kids = node.children
            if kids:
                extend(reversed(kids))

    def dataset(self) -> dict:
        return {_camel(name[5:]): value for name, value in self.attrs.items() if name.startswith("data-")}

    def text_content(self) -> str:
        if self.is_text:
            return self.text or ""
        return "".join(child.text_content() for child in self.children)

    def ancestors(self) -> Iterator[ViewNode]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def __repr__(self) -> str:
        return f"<ViewNode {self.tag} {self.text!r}>" if self.is_text else f"<ViewNode {self.tag}>"


def _camel(name: str) -> str:
    """`data-item-id` → `itemId`, as WeChat builds `dataset`."""
    return re.sub(r"-([a-z])", lambda m: m.group(1).upper(), name.lower())


# dumps -----------------------------------------------------------------
_HIDDEN_ATTRS = re.compile(r"^(bind|catch|capture-bind|capture-catch|mut-bind|change):|^model:.*\.path$")


def visible_attrs(node: ViewNode) -> dict:
    return {k: v for k, v in node.attrs.items() if not _HIDDEN_ATTRS.match(k)}


def attr_text(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _escape(text: str, quote: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quote else text


def to_wxml(node: ViewNode, indent: str = "", step: str = "  ") -> str:
    """The rendered node as WXML text, one element per line."""
    if node.is_text:
        return indent + _escape(node.text or "")
    attrs = "".join(f' {k}="{_escape(attr_text(v), True)}"' for k, v in visible_attrs(node).items())
    if not node.children:
        return f"{indent}<{node.tag}{attrs}></{node.tag}>"
    if len(node.children) == 1 and node.children[0].is_text:
        return f"{indent}<{node.tag}{attrs}>{_escape(node.children[0].text or '')}</{node.tag}>"
    inner = "\n".join(to_wxml(child, indent + step, step) for child in node.children)
    return f"{indent}<{node.tag}{attrs}>\n{inner}\n{indent}</{node.tag}>"


def inner_wxml(node: ViewNode) -> str:
    return "".join(to_wxml(child, "", "") for child in node.children)


def box_dict(node: ViewNode) -> dict | None:
    box = node.box
    if box is None:
        return None
    return {"x": round(box.x, 2), "y": round(box.y, 2), "width": round(box.width, 2), "height": round(box.height, 2)}


def is_virtual_host(node: ViewNode) -> bool:
    """A host node of a component with `options.virtualHost`: it renders no element of its own
    (WeChat docs 组件模板和样式, 虚拟化组件节点); its children stand in its place."""
    return node.component is not None and bool(node.component.options.get("virtualHost"))


def rendered_children(node: ViewNode) -> list[ViewNode]:
    """Children as rendered: virtual hosts replaced by their own children."""
    out: list[ViewNode] = []
    for child in node.children:
        if is_virtual_host(child):
            out.extend(rendered_children(child))
        else:
            out.append(child)
    return out


def to_tree(node: ViewNode) -> dict:
    """The rendered node as nested JSON: tag, attrs, text, box (CSS px), children."""
    if node.is_text:
        return {"tag": TEXT, "attrs": {}, "text": node.text or "", "box": box_dict(node), "children": []}
    return {
        "tag": node.tag,
        "attrs": {k: v for k, v in visible_attrs(node).items()},
        "text": node.text_content(),
        "box": box_dict(node),
        "children": [to_tree(child) for child in rendered_children(node)],
    }
