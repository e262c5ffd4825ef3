"""`<root-portal>` (WeChat docs 组件/root-portal): its subtree leaves the page, as if fixed.

While `enable` (default true) holds, the element is a fixed-position box spanning the page's
window from its top-left corner: layout places its content against the window whatever the
ancestors are, the painter draws it after the page, so no ancestor's `overflow` clips it and
no ancestor's transform or opacity applies, and it is a top layer (renderer/view/top_layer.py):
it paints over the page's other fixed boxes and takes touches first. The nodes keep their
place in the component tree, so event handlers, `e.target` and bubbling are those of the
template that wrote them. With `enable` false it is a plain block where it stands.
"""

from __future__ import annotations

from typing import Any

from renderer.view import top_layer
from renderer.view.nodes import ViewNode, mark_changed
from renderer.view.scroll import truthy

PORTAL_STYLE = "position: fixed; left: 0; top: 0; right: 0"


def enabled(node: ViewNode) -> bool:
    value = node.attrs.get("enable", True)
    return True if value is None else truthy(value)


def sync(view: Any, node: ViewNode) -> None:
    on = enabled(node)
    style = PORTAL_STYLE if on else ""
    if node.state.get("builtinStyle", "") != style:
        node.state["builtinStyle"] = style
        node.style_dirty = True
        mark_changed(node)
    top_layer.mark(view, node, [node], on)
