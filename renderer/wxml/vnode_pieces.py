"""Reusing loops' items come back from a render as markers; unchanged ones as a reference.

A reusing loop (renderer/wxml/loop_memo.py) writes each item wrapped in a marker, numbered in
document order: `{"$n": [0, vnodes...]}` for an item it wrote now and `{"$r": k}` for an item that
is exactly what marker k of the instance's last render held. The host splices the vnodes in
place of the markers and keeps this render's list for the next one, so an unchanged item is
neither parsed nor serialised again and comes back as the very same vnode objects, which the
reconciler recognises by identity instead of comparing.

Kept vnodes are shared between renders, so they are never changed in place (the reconciler
and the page view only read them).
"""

from __future__ import annotations

from typing import Any


class Pieces:
    """The marked items of each instance's last render, in marker order."""

    def __init__(self) -> None:
        self._last: dict[str, list[list]] = {}

    def forget(self, instance: str | None = None) -> None:
        if instance is None:
            self._last.clear()
        else:
            self._last.pop(instance, None)

    def expand(self, tree: list, marks: int, instance: str | None) -> list:
        """`tree` with its `marks` markers replaced by their items' vnodes."""
        last = self._last.get(instance, []) if instance is not None else []
        now: list[list] = []
        tree = _splice(tree, last, now)
        if len(now) != marks:
            raise ValueError(f"render produced {marks} markers, {len(now)} found")
        if instance is not None:
            self._last[instance] = now
        return tree


def _splice(items: list, last: list[list], now: list[list]) -> list:
    """`items` (a list of the tree's vnodes outside reusing loops) with markers expanded;
    element vnodes there get their children spliced too (items hold no markers)."""
    out: list[Any] | None = None
    for i, v in enumerate(items):
        if type(v) is dict:  # a marker: the only dict a list of vnodes can hold
            vnodes = v["$n"][1:] if "$n" in v else last[v["$r"]]  # ($n starts with a 0 placeholder)
            now.append(vnodes)
            if out is None:
                out = items[:i]
            out.extend(vnodes)
            continue
        if type(v) is list and len(v) > 2 and type(v[2]) is list:
            v[2] = _splice(v[2], last, now)
        if out is not None:
            out.append(v)
    return items if out is None else out
