"""WXML syntax tree: elements, attributes and text, each with its 1-based source position.

Positions are kept on every node so that later stages (expression parsing, compilation,
runtime errors) can point back at the exact line:column in the user's .wxml file.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Attr:
    """One attribute; `value` is None for a bare attribute (`<view hidden>`)."""

    name: str
    value: str | None
    line: int
    column: int
    value_line: int = 0  # position of the first character of the value (inside the quotes)
    value_column: int = 0


@dataclass
class Text:
    """Raw text between tags, as written (no entity decoding)."""

    text: str
    line: int
    column: int


@dataclass
class Element:
    tag: str
    attrs: list[Attr]
    children: list[Node]
    line: int
    column: int
    self_closing: bool = False
    raw: Text | None = None  # raw content of <wxs> elements
    attr_map: dict[str, Attr] = field(default_factory=dict)

    def get(self, name: str) -> Attr | None:
        """Attribute by name (the last one wins when duplicated)."""
        if not self.attr_map and self.attrs:
            self.attr_map = {a.name: a for a in self.attrs}
        return self.attr_map.get(name)

    def has(self, name: str) -> bool:
        return self.get(name) is not None


Node = Element | Text


@dataclass
class Document:
    """A parsed .wxml file."""

    path: str
    children: list[Node]
