"""A minimal styled node tree built from VNode JSON.

The page view has its own node class; this one lets tools, benchmarks and tests style and
lay out rendered templates without the rest of the view layer. It satisfies both the
StyleTarget protocol (renderer.wxss) and the layout input protocol (renderer.layout).
"""

from __future__ import annotations

from typing import Any

from renderer.wxss import ComputedStyle, StyleResolver


class StyledNode:
    """An element (text is None) or a text node (tag "#text", text set)."""

    __slots__ = ("tag", "id", "classes", "attrs", "parent", "index", "sibling_count",
                 "inline_style", "children", "text", "style")

    def __init__(self, tag: str, attrs: dict | None = None, text: str | None = None):
        self.tag = tag
        self.attrs = attrs or {}
        self.id = str(self.attrs.get("id") or "") or None
        self.classes = tuple(str(self.attrs.get("class") or "").split())
        self.inline_style = str(self.attrs.get("style") or "")
        self.parent: StyledNode | None = None
        self.index = 0
        self.sibling_count = 1
        self.children: list[StyledNode] = []
        self.text = text
        self.style: ComputedStyle | None = None

    def append(self, child: "StyledNode") -> "StyledNode":
        child.parent = self
        self.children.append(child)
        return child

    def __repr__(self) -> str:
        return f"StyledNode({self.tag!r}, text={self.text!r})" if self.text is not None else f"<{self.tag}>"


def from_vnodes(vnodes: list[Any], root_tag: str = "page", root_attrs: dict | None = None) -> StyledNode:
    """Build a tree under a `page` root from VNode JSON (strings are text, lists are elements)."""
    root = StyledNode(root_tag, root_attrs)
    for v in vnodes:
        _add(root, v)
    _number(root)
    return root


def _add(parent: StyledNode, v: Any) -> None:
    if isinstance(v, str):
        parent.append(StyledNode("#text", None, v))
        return
    tag, attrs, children = v[0], v[1], v[2]
    node = parent.append(StyledNode(tag, attrs))
    for c in children:
        _add(node, c)


def _number(node: StyledNode) -> None:
    """Set index/sibling_count among element siblings (text nodes do not count, as in CSS)."""
    elements = [c for c in node.children if c.text is None]
    for i, c in enumerate(elements):
        c.index = i
        c.sibling_count = len(elements)
    for c in elements:
        _number(c)


def apply_styles(root: StyledNode, resolver: StyleResolver, parent: ComputedStyle | None = None) -> None:
    """Compute styles for the whole tree; text nodes take their parent's style."""
    stack: list[tuple[StyledNode, ComputedStyle | None]] = [(root, parent)]
    while stack:
        node, pstyle = stack.pop()
        if node.text is not None:
            node.style = pstyle
            continue
        style = resolver.compute(node, pstyle)
        node.style = style
        for c in node.children:
            stack.append((c, style))
