"""`cover-view` / `cover-image` (WeChat docs 组件/cover-view, 组件/cover-image), Qt-free.

They are views and images that show above native components (map, video, canvas, camera,
live-player, live-pusher). Everything else they do is shared with their plain counterparts:
a cover-view lays out as a view (default.wxss gives it the documented `white-space: nowrap;
line-height: 1.2`) and scrolls its content by `scroll-top` once styled `overflow-y: scroll`
(renderer/view/scroll.py); a cover-image loads `src` like an image and fires `load` /
`error` (renderer/view/image_loads.py) and paints like one. Here: the order in which
siblings paint and are hit, so a cover placed over a native sibling is on top of it
whichever comes first in the template.
"""

from __future__ import annotations

from typing import Callable, Sequence, TypeVar

COVERS = frozenset({"cover-view", "cover-image"})
NATIVE = frozenset({"map", "video", "canvas", "camera", "live-player", "live-pusher"})

T = TypeVar("T")


def paint_order(items: Sequence[T], tag_of: Callable[[T], str]) -> Sequence[T]:
    """`items` (siblings, in tree order) with covers moved after the rest when a native
    component is among them; unchanged (the same object) otherwise."""
    tags = [tag_of(item) for item in items]
    if not COVERS.intersection(tags) or not NATIVE.intersection(tags):
        return items
    return [i for i, t in zip(items, tags) if t not in COVERS] + [i for i, t in zip(items, tags) if t in COVERS]
