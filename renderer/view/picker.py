"""`<picker>`: the bottom sheet a tap opens, and what it answers (WeChat docs 组件/picker), Qt-free.

A tap on an enabled picker opens a `PickerSession` through `services.open_picker` (the
simulator's UiState, painted by the window). The session lists the columns of rows for the
mode and the selected row of each; `select` moves a column (multiSelector fires
`columnchange` {column, value}; date and region columns depend on the columns before them),
`confirm` fires `change` and `cancel` fires `cancel`. `change` details: selector {value: index},
multiSelector {value: [indices]}, time {value: "HH:mm"}, date {value: "YYYY-MM-DD" cut to
`fields`}, region {value: [names], code: [codes], postcode} (regions from `regions.py`).
"""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING, Any

from renderer.view.events import propagate
from renderer.view.nodes import ViewNode
from renderer.view.regions import REGIONS

if TYPE_CHECKING:
    from renderer.view.page import PageView

MODES = ("selector", "multiSelector", "time", "date", "region")
DATE_START, DATE_END = (1900, 1, 1), (2100, 12, 31)


def _label(item: Any, key: Any) -> str:
    if isinstance(item, dict) and key:
        item = item.get(str(key), "")
    return "" if item is None else str(item)


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _date(text: Any, default: tuple[int, int, int]) -> tuple[int, int, int]:
    parts = [_int(p, -1) for p in str(text or "").split("-")]
    if not parts or parts[0] < 0:
        return default
    parts += [1] * (3 - len(parts))
    return parts[0], max(1, min(12, parts[1])), max(1, min(31, parts[2]))


def _time(text: Any, default: tuple[int, int]) -> tuple[int, int]:
    parts = str(text or "").split(":")
    if len(parts) != 2 or _int(parts[0], -1) < 0:
        return default
    return max(0, min(23, _int(parts[0]))), max(0, min(59, _int(parts[1])))


class PickerSession:
    """One open picker sheet for `node` on `view`."""

    def __init__(self, view: PageView, node: ViewNode):
        self.view, self.node = view, node
        self.mode = str(node.attrs.get("mode") or "selector")
        if self.mode not in MODES:
            self.mode = "selector"
        self.title = str(node.attrs.get("header-text") or "")
        self.selected: list[int] = []
        self.set_value(node.state.get("value", node.attrs.get("value")), clamp_only=True)

    # --- columns -------------------------------------------------------------------------------
    def columns(self) -> list[list[str]]:
        a = self.node.attrs
        if self.mode == "selector":
            return [[_label(i, a.get("range-key")) for i in (a.get("range") or [])]]
        if self.mode == "multiSelector":
            return [[_label(i, a.get("range-key")) for i in (col if isinstance(col, list) else [])]
                    for col in (a.get("range") or [])]
        if self.mode == "time":
            (h0, _), (h1, _) = self._time_bounds()
            return [[f"{h:02d}" for h in range(h0, h1 + 1)], [f"{m:02d}" for m in range(60)]]
        if self.mode == "date":
            (y0, _, _), (y1, _, _) = self._date_bounds()
            cols = [[f"{y}年" for y in range(y0, y1 + 1)], [f"{m}月" for m in range(1, 13)]]
            year, month = y0 + self._sel(0), 1 + self._sel(1)
            cols.append([f"{d}日" for d in range(1, calendar.monthrange(year, month)[1] + 1)])
            return cols[:{"year": 1, "month": 2}.get(str(a.get("fields") or "day"), 3)]
        return [[r[0] for r in level] for level in self._region_levels()]

    def _sel(self, i: int) -> int:
        return self.selected[i] if i < len(self.selected) else 0

    def _time_bounds(self) -> tuple[tuple[int, int], tuple[int, int]]:
        return _time(self.node.attrs.get("start"), (0, 0)), _time(self.node.attrs.get("end"), (23, 59))

    def _date_bounds(self) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        return _date(self.node.attrs.get("start"), DATE_START), _date(self.node.attrs.get("end"), DATE_END)

    def _region_levels(self) -> list[list]:
        custom = self.node.attrs.get("custom-item")
        depth = {"province": 1, "city": 2}.get(str(self.node.attrs.get("level") or "region"), 3)
        levels, rows = [], REGIONS
        for i in range(depth):
            shown = ([(str(custom), "", [])] if custom else []) + list(rows)
            levels.append(shown)
            chosen = shown[min(self._sel(i), len(shown) - 1)]
            rows = chosen[2] if isinstance(chosen[2], list) else []
        return levels

    # --- selection ---------------------------------------------------------------------------
    def _clamp(self) -> None:
        cols = self.columns()
        self.selected = [max(0, min(self._sel(i), len(c) - 1)) for i, c in enumerate(cols)]
        if len(self.columns()) != len(cols) or [len(c) for c in self.columns()] != [len(c) for c in cols]:
            self._clamp()  # a dependent column shrank (31 → 28 days)

    def select(self, column: int, index: int) -> None:
        """The user scrolled `column` to row `index`."""
        if not 0 <= column < len(self.selected) or self.selected[column] == index:
            return
        self.selected[column] = index
        if self.mode == "region":
            self.selected[column + 1:] = [0] * (len(self.selected) - column - 1)
        self._clamp()
        if self.mode == "multiSelector":
            self.view._send_calls(propagate(self.node, "columnchange", {"column": column,
                                                                      "value": self.selected[column]}, bubbles=False))

    def set_value(self, value: Any, clamp_only: bool = False) -> None:
        """Select the rows that show `value` (the attribute's or the answer's form)."""
        if self.mode == "selector":
            self.selected = [_int(value)]
        elif self.mode == "multiSelector":
            self.selected = [_int(v) for v in value] if isinstance(value, list) else []
        elif self.mode == "time":
            (h0, _), _ = self._time_bounds()
            h, m = _time(value, self._time_bounds()[0])
            self.selected = [h - h0, m]
        elif self.mode == "date":
            (y0, _, _), _ = self._date_bounds()
            y, mo, d = _date(value, self._date_bounds()[0])
            self.selected = [y - y0, mo - 1, d - 1]
        else:
            names = [str(v) for v in value] if isinstance(value, list) else []
            self.selected = []
            for i, name in enumerate(names):
                self.selected.append(0)
                level = self._region_levels()[i] if i < len(self._region_levels()) else []
                found = [r[0] for r in level]
                self.selected[i] = found.index(name) if name in found else 0
        self._clamp()

    def value(self) -> dict:
        """The `change` event's detail for the selected rows."""
        sel = self.selected
        if self.mode == "selector":
            return {"value": sel[0] if sel else 0}
        if self.mode == "multiSelector":
            return {"value": list(sel)}
        if self.mode == "time":
            (h0, _), _ = self._time_bounds()
            lo, hi = self._time_bounds()
            hm = max(lo, min(hi, (h0 + sel[0], sel[1])))
            return {"value": f"{hm[0]:02d}:{hm[1]:02d}"}
        if self.mode == "date":
            (y0, _, _), _ = self._date_bounds()
            lo, hi = self._date_bounds()
            full = (y0 + sel[0], 1 + (sel[1] if len(sel) > 1 else 0), 1 + (sel[2] if len(sel) > 2 else 0))
            y, m, d = max(lo, min(hi, full))
            return {"value": f"{y:04d}-{m:02d}-{d:02d}"[:{1: 4, 2: 7}.get(len(sel), 10)]}
        levels = self._region_levels()
        rows = [levels[i][s] for i, s in enumerate(sel)]
        detail = {"value": [r[0] for r in rows], "code": [r[1] for r in rows]}
        last = rows[-1] if rows else None
        detail["postcode"] = last[2] if last is not None and isinstance(last[2], str) else ""
        return detail

    # --- answers -----------------------------------------------------------------------------
    def confirm(self, value: Any = None) -> None:
        if value is not None:
            self.set_value(value)
        detail = self.value()
        self.node.state["value"] = detail["value"]
        self.view._send_calls(propagate(self.node, "change", detail, bubbles=False))
        self.view._changed()

    def cancel(self) -> None:
        self.view._send_calls(propagate(self.node, "cancel", {}, bubbles=False))


def open_for(view: PageView, node: ViewNode) -> PickerSession | None:
    """A tap on `node` (an enabled picker): open its sheet through the host, if it has one."""
    opener = getattr(view.services, "open_picker", None)
    if opener is None:
        return None
    session = PickerSession(view, node)
    opener(session)
    return session
