"""Small hand-made stand-ins for the layout's Box tree and the resolver's ComputedStyle (Qt tests only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class FakeStyle:
    """A computed style: property name → computed value, with inheritance of text properties."""

    INHERITED = ("color", "font-size", "font-weight", "font-family", "line-height", "text-align", "font-style",
                 "visibility")

    def __init__(self, parent: "FakeStyle | None" = None, **props: Any) -> None:
        self.props = {k.replace("_", "-"): v for k, v in props.items()}
        if parent is not None:
            for name in self.INHERITED:
                if name not in self.props and name in parent.props:
                    self.props[name] = parent.props[name]
        self.props.setdefault("font-size", 16.0)
        self.props.setdefault("color", (0, 0, 0, 1.0))

    def get(self, name: str) -> Any:
        return self.props.get(name)


class FakeNode:
    def __init__(self, tag: str, attrs: dict | None = None, style: FakeStyle | None = None, text: str | None = None):
        self.tag = tag
        self.attrs = attrs or {}
        self.style = style
        self.text = text
        self.parent: FakeNode | None = None
        self.children: list[FakeNode] = []
        self.state: dict = {}


@dataclass(eq=False)
class Box:
    x: float
    y: float
    width: float
    height: float
    node: Any
    children: list = field(default_factory=list)
    lines: list = field(default_factory=list)


def el(tag: str, x: float, y: float, w: float, h: float, children: list | None = None, attrs: dict | None = None,
       parent_style: FakeStyle | None = None, **style: Any) -> Box:
    node = FakeNode(tag, attrs, FakeStyle(parent_style, **style))
    box = Box(x, y, w, h, node, children or [])
    for child in box.children:
        child.node.parent = node
        node.children.append(child.node)
    return box


def text(s: str, x: float, y: float, w: float = 200.0, line_height: float = 22.0) -> Box:
    """A text box with a single line at (x, y); its style comes from the parent element."""
    node = FakeNode("#text", text=s)
    return Box(x, y, w, line_height, node, [], [(s, x, y, w)])
