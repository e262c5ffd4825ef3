"""`picker-view` / `picker-view-column` behaviour (WeChat docs 组件/picker-view), Qt-free.

Each column keeps its selected row in `node.state["index"]`; its content is shifted so that
row sits in the middle of the column (`offsets`). `value` (an array of row indices) selects
rows when it changes; a vertical drag on a column scrolls it and, when the finger lifts,
settles on the nearest row and fires `pickstart` / `change` {value: [index, …]} / `pickend`
on the picker-view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from renderer.view.events import propagate
from renderer.view.nodes import TEXT, ViewNode

if TYPE_CHECKING:
    from renderer.view.page import PageView


def columns(picker: ViewNode) -> list[ViewNode]:
    return [c for c in picker.children if c.tag == "picker-view-column"]


def rows(column: ViewNode) -> list[ViewNode]:
    return [c for c in column.children if c.tag != TEXT and c.box is not None]


def index_of(column: ViewNode) -> int:
    return int(column.state.get("index", 0))


def value(picker: ViewNode) -> list[int]:
    return [index_of(c) for c in columns(picker)]


def row_height(column: ViewNode) -> float:
    found = rows(column)
    return found[0].box.height if found else 0.0


def offsets(column: ViewNode) -> tuple[float, float]:
    """Shift that centres the selected row in the column (less the drag in progress)."""
    found, box = rows(column), column.box
    if not found or box is None:
        return 0.0, 0.0
    row = found[min(index_of(column), len(found) - 1)].box
    return 0.0, row.y + row.height / 2 - (box.y + box.height / 2) - float(column.state.get("drag", 0.0))


def _clamp(column: ViewNode, index: Any) -> int:
    try:
        index = int(index)
    except (TypeError, ValueError):
        index = 0
    count = len([c for c in column.children if c.tag != TEXT])
    return max(0, min(index, count - 1)) if count else 0


def sync(picker: ViewNode) -> None:
    """A changed `value` attribute selects rows (no change event, as in WeChat)."""
    wanted = picker.attrs.get("value")
    if picker.state.get("_value", object()) == wanted:
        return
    picker.state["_value"] = wanted
    values = wanted if isinstance(wanted, list) else []
    for i, column in enumerate(columns(picker)):
        column.state["index"] = _clamp(column, values[i] if i < len(values) else 0)




def closest_column(node: ViewNode | None) -> ViewNode | None:
    while node is not None:
        if node.tag == "picker-view-column":
            return node
        node = node.parent
    return None


def _picker(column: ViewNode) -> ViewNode | None:
    parent = column.parent
    return parent if parent is not None and parent.tag == "picker-view" else None


def drag(view: PageView, column: ViewNode, dy: float) -> None:
    picker = _picker(column)
    if picker is not None and "drag" not in column.state:
        view._send_calls(propagate(picker, "pickstart", {}, bubbles=False))
    column.state["drag"] = dy
    view._changed()


def release(view: PageView, column: ViewNode) -> None:
    moved = float(column.state.pop("drag", 0.0))
    height = row_height(column)
    picker = _picker(column)
    steps = round(-moved / height) if height > 0 else 0
    choose(view, column, index_of(column) + steps)
    if picker is not None:
        view._send_calls(propagate(picker, "pickend", {}, bubbles=False))
    view._changed()


def choose(view: PageView, column: ViewNode, index: int) -> bool:
    """Select row `index` of `column` as the user would; fires change when it moved."""
    index = _clamp(column, index)
    if index == index_of(column):
        return False
    column.state["index"] = index
    picker = _picker(column)
    if picker is not None:
        view._send_calls(propagate(picker, "change", {"value": value(picker)}, bubbles=False))
    view._changed()
    return True


def set_value(view: PageView, picker: ViewNode, values: list[int]) -> None:
    """Scroll every column to `values` (automation); one change event when anything moved."""
    moved = False
    for column, index in zip(columns(picker), values):
        index = _clamp(column, index)
        if index != index_of(column):
            column.state["index"] = index
            moved = True
    if moved:
        view._send_calls(propagate(picker, "change", {"value": value(picker)}, bubbles=False))
        view._changed()
