"""The output of layout: a tree of boxes in page coordinates (CSS px)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

Edges = tuple[float, float, float, float]  # top, right, bottom, left
ZERO: Edges = (0.0, 0.0, 0.0, 0.0)


class TextPiece(NamedTuple):
    """A run of text on one line, in page coordinates, with the style to paint it in."""

    text: str
    x: float
    y: float
    width: float
    height: float  # the run's line height; the glyphs are centred in it
    style: Any


@dataclass(eq=False, slots=True)
class Box:
    """One element or text node. (x, y, width, height) is the border box.

    For a text node `lines` lists (text, x, y, width) per wrapped line and `pieces` carries
    the same with styles; `fixed` marks boxes positioned against the viewport (they do not
    scroll with the page).
    """

    node: Any
    x: float
    y: float
    width: float
    height: float
    children: list["Box"] = field(default_factory=list)
    # Only text boxes have lines and pieces; the others share one empty tuple (a page has
    # thousands of boxes, and every container object is one more for the cyclic collector).
    lines: list[tuple[str, float, float, float]] | tuple = ()
    pieces: list[TextPiece] | tuple = ()
    margin: Edges = ZERO
    border: Edges = ZERO
    padding: Edges = ZERO
    fixed: bool = False
    # The union of this box and its descendants (x0, y0, x1, y1), filled in by the painter
    # on first use; a Box whose subtree changes is a new Box, a moved one shifts it.
    bounds: tuple[float, float, float, float] | None = field(default=None, repr=False)

    @property
    def style(self) -> Any:
        return getattr(self.node, "style", None)

    def padding_box(self) -> tuple[float, float, float, float]:
        t, r, b, l = self.border
        return (self.x + l, self.y + t, self.width - l - r, self.height - t - b)

    def content_box(self) -> tuple[float, float, float, float]:
        x, y, w, h = self.padding_box()
        t, r, b, l = self.padding
        return (x + l, y + t, w - l - r, h - t - b)

    def walk(self):
        """This box and its descendants, depth first in tree order."""
        yield self
        for c in self.children:
            yield from c.walk()

    def dump(self, nd: int = 1) -> tuple:
        """(tag, x, y, w, h, children...) with rounded numbers: handy for tests and logs."""
        tag = "#text" if getattr(self.node, "text", None) is not None else getattr(self.node, "tag", "?")
        return (tag, round(self.x, nd), round(self.y, nd), round(self.width, nd), round(self.height, nd),
                *(c.dump(nd) for c in self.children))
