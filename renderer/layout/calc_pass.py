"""Resolving calc() sums that mix percentages with lengths (`width: calc(100% - 30rpx)`).

Taffy has no calc(): a percentage there is only ever a fraction of the containing block. The
first pass lays such an element out with the percentage part alone; then every such element
gets the exact value against its containing block's size as that pass found it (content box,
or padding box for absolutely positioned elements, CSS 2.1 §10.1), and the tree is laid out
again. This is exact whenever the containing block's size does not itself depend on the
element (a shrink-to-fit container around it is approximate; one warning says so).
"""

from __future__ import annotations

from typing import Any, Callable

from bridge.diagnostics import Diagnostic

from .taffy_style import element_style

MAX_PASSES = 3


class CalcPass:
    """The calc() elements of one layout session: Taffy node → (computed style, display, line item)."""

    def __init__(self) -> None:
        self.nodes: dict[int, tuple[Any, str, bool]] = {}
        self.basis: dict[int, tuple[float, float]] = {}
        self.warned = False
        self.report: Callable[[Diagnostic], None] | None = None

    def style(self, tn: int, cs: Any, display: str, line_item: bool = False) -> Any:
        """The Taffy style for a calc() element, with the basis of its last pass if any."""
        self.nodes[tn] = (cs, display, line_item)
        return element_style(cs, display, self.basis.get(tn), line_item)

    def forget(self, tn: int) -> None:
        self.nodes.pop(tn, None)
        self.basis.pop(tn, None)

    def settle(self, t: Any, compute: Callable[[], None]) -> None:
        """After `compute()` ran once: re-resolve against the sizes found, lay out again."""
        if not self.nodes:
            return
        parents = {c: p for p, kids in t.children.items() for c in kids}
        for n in range(MAX_PASSES):
            changed = False
            for tn, (cs, display, line_item) in self.nodes.items():
                parent = parents.get(tn)
                if parent is None:
                    continue
                basis = _basis(t.layout(parent), cs.get("position") in ("absolute", "fixed"))
                old = self.basis.get(tn)
                if old is None or abs(old[0] - basis[0]) > 0.01 or abs(old[1] - basis[1]) > 0.01:
                    self.basis[tn] = basis
                    t.set_style(tn, element_style(cs, display, basis, line_item))
                    t.mark_dirty(tn)
                    changed = True
            if not changed:
                return
            if n == MAX_PASSES - 1:
                self._warn()
                return
            compute()

    def _warn(self) -> None:
        if not self.warned and self.report is not None:
            self.warned = True
            self.report(Diagnostic("warning", "calc() mixing a percentage with lengths inside a container "
                                   "sized by its content is approximate (resolved against the size of the "
                                   "previous layout pass)"))


def _basis(lay: Any, padding_box: bool) -> tuple[float, float]:
    """The containing block size from a Taffy layout: its content box or padding box."""
    w = lay.width - lay.border_left - lay.border_right
    h = lay.height - lay.border_top - lay.border_bottom
    if not padding_box:
        w -= lay.padding_left + lay.padding_right
        h -= lay.padding_top + lay.padding_bottom
    return (max(0.0, w), max(0.0, h))
