"""One walk, before styling, over what a render changed, for the built-ins that configure or
place themselves from their attributes: swiper, picker-view, video/audio, image/cover-image
(loads), match-media, root-portal, page-container and map.

Sharing the walk keeps a setData's cost in proportion to what it changed, however many of
these modules there are. A page whose viewport object was replaced since its last pass is
walked whole, so match-media re-evaluates everywhere.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from renderer.view import (image_loads, map_view, match_media, media_element, page_container, picker_view,
                           root_portal, swiper)
from renderer.view.nodes import TEXT, ViewNode

SYNCS: dict[str, Callable[[Any, ViewNode], None]] = {
    "swiper": swiper.sync,
    "picker-view": lambda view, node: picker_view.sync(node),
    **{tag: media_element.sync for tag in media_element.MEDIA_TAGS},
    **{tag: image_loads.sync for tag in image_loads.IMAGE_TAGS},
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
