"""Subtrees shown on top of the page: enabled `<root-portal>`s and open `<page-container>`s.

Both are fixed-position boxes (their modules write the style), so layout places them against
the page's window and the painter draws them after the page, outside every ancestor's clip,
transform and opacity. The rest of being "at the page root" is here: the painter draws their
fixed boxes after the page's other fixed boxes (`rank`), and touches test them before the
rest of the page (`hit_test`), since they cover it. Their nodes keep their place in the
tree, so events still travel through the component that owns them (WeChat docs root-portal:
the subtree leaves the page's layout, not its component tree).
"""

from __future__ import annotations

import weakref
from typing import Any

from renderer.view import builtins
from renderer.view.nodes import ViewNode

FLAG = "topLayer"  # node.state: this fixed box paints after the page's other fixed boxes
HOST = "shadowHost"  # node.state: a node of a built-in's own structure; touches target this host

_roots: weakref.WeakKeyDictionary[Any, list[weakref.ref]] = weakref.WeakKeyDictionary()


def mark(view: Any, root: ViewNode, painted: list[ViewNode], on: bool) -> None:
    """`root` (whose subtree is tested first for touches) is on top of the page while `on`;
    `painted` are its fixed boxes, which paint last."""
    for node in painted:
        node.state[FLAG] = on
    refs = _roots.setdefault(view, [])
    known = any(ref() is root for ref in refs)
    if on and not known:
        refs.append(weakref.ref(root))
    elif not on and known:
        refs[:] = [ref for ref in refs if ref() is not None and ref() is not root]


def rank(node: Any) -> int:
    """1 for a fixed box on top of the page (painted after the others), else 0."""
    state = getattr(node, "state", None)
    return 1 if state and state.get(FLAG) else 0


def roots(view: Any) -> list[ViewNode]:
    """The top-layer roots still in the page, in tree order (a later one is on top)."""
    live = [ref() for ref in _roots.get(view, ())]
    nodes = [n for n in live if n is not None and _attached(view, n)]
    return sorted(nodes, key=_tree_position)


def hit_test(view: Any, x: float, y: float) -> ViewNode | None:
    """The node a touch at (x, y) reaches in a top layer, the topmost layer first; None when
    the point is on none of them."""
    for root in reversed(roots(view)):
        if root.box is None:
            continue
        found = builtins.hit_test(_Holder([root]), x, y)
        if found is not None:
            return (found.state or {}).get(HOST, found)
    return None


class _Holder:
    """A stand-in parent, so hit testing starts at the layer without its ancestors' clips."""

    def __init__(self, children: list[ViewNode]):
        self.children = children


def _attached(view: Any, node: ViewNode) -> bool:
    top = node
    while top.parent is not None:
        top = top.parent
    return top is view.root


def _tree_position(node: ViewNode) -> tuple[int, ...]:
    path: list[int] = []
    while node.parent is not None:
        siblings = node.parent.children
        path.append(next((i for i, s in enumerate(siblings) if s is node), 0))
        node = node.parent
    return tuple(reversed(path))
