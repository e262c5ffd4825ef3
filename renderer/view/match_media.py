"""`<match-media>` (WeChat docs 组件/match-media): its subtree shows only while the viewport matches.

The attributes form one media query in px: `min-width`, `max-width`, `width`, `min-height`,
`max-height`, `height` and `orientation` (`landscape` / `portrait`); all that are given must
hold, and an element without any always shows. The query is evaluated by the same code and
against the same viewport as WXSS `@media` (renderer/wxss/media.py), so a page using both
agrees with itself. A device change rebuilds the program on the new viewport, and a page whose
viewport object is replaced is walked again (renderer/view/builtin_sync.py), so the element
follows the device. Not matching, it gets a built-in `display: none`: the subtree stays in
the tree and its components stay attached, WeChat only hides it.
"""

from __future__ import annotations

from typing import Any

from renderer.view.nodes import ViewNode, mark_changed
from renderer.wxss.media import media_matches

LENGTHS = ("min-width", "max-width", "width", "min-height", "max-height", "height")
HIDDEN = "display: none"


def _px(value: Any) -> float | None:
    """A number of px: 300, "300" or "300px"; None when absent or not a number."""
    if value is None or isinstance(value, bool) or value == "":
        return None
    try:
        return float(str(value).strip().removesuffix("px"))
    except ValueError:
        return None


def query_of(node: ViewNode) -> tuple:
    """The element's attributes as one media query (renderer/wxss/media.py's form)."""
    features: list[tuple[str, Any]] = []
    for name in LENGTHS:
        value = _px(node.attrs.get(name))
        if value is not None:
            features.append((name, ("px", value)))
    orientation = node.attrs.get("orientation")
    if isinstance(orientation, str) and orientation.strip().lower() in ("landscape", "portrait"):
        features.append(("orientation", orientation.strip().lower()))
    return (False, "all", tuple(features))


def matches(node: ViewNode, viewport: Any) -> bool:
    return media_matches((query_of(node),), viewport)


def sync(view: Any, node: ViewNode) -> None:
    """Show or hide the element for the current viewport."""
    style = "" if matches(node, view.services.viewport) else HIDDEN
    if node.state.get("builtinStyle", "") != style:
        node.state["builtinStyle"] = style
        node.style_dirty = True
        mark_changed(node)
