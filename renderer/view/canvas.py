"""Display lists of `<canvas>` nodes, kept Qt-free in the view (`node.state["canvas"]`).

A legacy `<canvas canvas-id="c">` receives the actions of `CanvasContext.draw(reserve)`
(https://developers.weixin.qq.com/miniprogram/dev/api/canvas/CanvasContext.draw.html): without
`reserve` the canvas is cleared first. A `<canvas type="2d">` (the Canvas object a SelectorQuery
`fields({node: true})` answers, https://developers.weixin.qq.com/miniprogram/dev/api/canvas/Canvas.html)
draws immediately, so its actions always add up; setting `canvas.width`/`height` records `reset`.
Coordinates of a legacy canvas are CSS px; those of a 2D canvas are bitmap pixels of
`size` (width, height), scaled onto the node's box when painted.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from renderer.layout.text import FontSpec
from renderer.view.nodes import ViewNode

MAX_ACTIONS = 20000  # a canvas redrawn every frame without clearing keeps only its recent history
_refs = itertools.count(1)


@dataclass
class CanvasState:
    """What a canvas node shows: its actions, and for a 2D canvas the bitmap size."""

    actions: list[list[Any]] = field(default_factory=list)
    size: tuple[float, float] | None = None
    version: int = 0


def state_of(node: ViewNode) -> CanvasState | None:
    state = node.state.get("canvas")
    return state if isinstance(state, CanvasState) else None


def record(node: ViewNode, actions: list, reserve: bool, size: tuple[float, float] | None = None) -> CanvasState:
    """Add a draw's actions to the node's display list (cleared first unless `reserve`)."""
    state = state_of(node) or CanvasState()
    if not reserve:
        state.actions = []
    clean = [list(a) for a in actions if isinstance(a, (list, tuple)) and a and isinstance(a[0], str)]
    for i in range(len(clean) - 1, -1, -1):  # a resize clears the bitmap: older actions are gone
        if clean[i][0] == "reset":
            state.actions, clean = [], clean[i + 1:]
            break
    state.actions.extend(clean)
    if len(state.actions) > MAX_ACTIONS:
        state.actions = state.actions[-MAX_ACTIONS:]
    if size is not None:
        state.size = size
    state.version += 1
    node.state["canvas"] = state
    return state


def legacy_canvas(view: Any, scope_id: str | None, canvas_id: str) -> ViewNode | None:
    """The `<canvas canvas-id>` of the page's (or a component's) own template."""
    scope = view.instances.get(scope_id or view.page_id) or view.instance
    for node in view.root.walk():
        if node.tag == "canvas" and node.owner is scope and str(node.attrs.get("canvas-id", "")) == canvas_id:
            return node
    return None


def node_ref(node: ViewNode) -> int:
    """A number naming the node to the logic layer (stable for the node's lifetime)."""
    ref = node.state.get("canvasRef")
    if not isinstance(ref, int):
        ref = node.state["canvasRef"] = next(_refs)
    return ref


def by_ref(view: Any, ref: Any) -> ViewNode | None:
    for node in view.root.walk():
        if node.tag == "canvas" and node.state.get("canvasRef") == ref:
            return node
    return None


def node_answer(view: Any, node: ViewNode) -> Any:
    """The `node` field of a SelectorQuery answer: a Canvas marker for `<canvas type="2d">`."""
    if node.tag != "canvas" or str(node.attrs.get("type", "")) not in ("2d", "webgl"):
        return None
    if str(node.attrs.get("type")) != "2d":
        return None
    box = node.box
    width = float(box.width) if box is not None else 300.0
    height = float(box.height) if box is not None else 150.0
    return {"$canvas": {"pageId": view.page_id, "nodeRef": node_ref(node), "width": width, "height": height}}


def font_spec(font: str) -> FontSpec:
    """A CSS `font` shorthand as canvases take it ("bold 20px sans-serif") → FontSpec.

    Style and weight keywords come first, then the size in px and the family list.
    """
    size, weight, italic, family = 10.0, 400, False, ("sans-serif",)
    parts = font.replace(",", " , ").split()
    for i, part in enumerate(parts):
        low = part.lower()
        if low in ("italic", "oblique"):
            italic = True
        elif low == "bold":
            weight = 700
        elif low.isdigit() and len(low) == 3:
            weight = int(low)
        elif low.endswith("px"):
            try:
                size = float(low[:-2].split("/")[0])
            except ValueError:
                continue
            names = " ".join(parts[i + 1:]).split(",")
            family = tuple(n.strip().strip("'\"") for n in names if n.strip()) or family
            break
    return FontSpec(family, size, weight, italic, size * 1.2)
