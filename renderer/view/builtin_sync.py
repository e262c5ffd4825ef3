"""One walk, before styling, over what a render changed, for the built-ins that configure or
place themselves from their attributes: match-media, root-portal, page-container and map.

Sharing the walk keeps a setData's cost in proportion to what it changed, however many of
these modules there are. A page whose viewport object was replaced since its last pass is
walked whole, so match-media re-evaluates everywhere.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from renderer.view import map_view, match_media, page_container, root_portal
from renderer.view.nodes import TEXT, ViewNode

SYNCS: dict[str, Callable[[Any, ViewNode], None]] = {
    "match-media": match_media.sync,
    "root-portal": root_portal.sync,
    "page-container": page_container.sync,
    "map": map_view.sync,
}

_viewports: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def sync_tree(view: Any, root: ViewNode, since: int) -> None:
    """Sync every such element in subtrees changed after generation `since`."""
    viewport = view.services.viewport
    if _viewports.get(view) is not viewport:
        _viewports[view] = viewport
        since = -1
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag == TEXT or node.changed_at <= since:
            continue
        stack.extend(node.children)
        sync = SYNCS.get(node.tag)
        if sync is not None:
            sync(view, node)
