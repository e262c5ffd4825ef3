"""Intersection observers of one page view (`createIntersectionObserver().observe`).

Follows https://developers.weixin.qq.com/miniprogram/dev/api/wxml/IntersectionObserver.html:
the target's visible share of the reference area (the viewport, or a node given with
`relativeTo`, each grown by its margins) is measured after every layout or scroll; the callback
runs when the ratio crosses one of `thresholds` (default [0]), starting from `initialRatio`.
"""

from __future__ import annotations

import time
from typing import Any, Callable

from renderer.view import selectorquery as sq
from renderer.view.nodes import ViewNode


def _grow(rect: dict, margins: dict | None) -> dict:
    m = margins or {}
    left = rect["left"] - float(m.get("left", 0) or 0)
    top = rect["top"] - float(m.get("top", 0) or 0)
    right = rect["right"] + float(m.get("right", 0) or 0)
    bottom = rect["bottom"] + float(m.get("bottom", 0) or 0)
    return {"left": left, "top": top, "right": right, "bottom": bottom,
            "width": right - left, "height": bottom - top}


def _intersect(a: dict, b: dict) -> dict:
    left, top = max(a["left"], b["left"]), max(a["top"], b["top"])
    right, bottom = min(a["right"], b["right"]), min(a["bottom"], b["bottom"])
    if right < left or bottom < top:
        left = top = right = bottom = 0.0
    return {"left": left, "top": top, "right": right, "bottom": bottom,
            "width": right - left, "height": bottom - top}


def bucket(ratio: float, thresholds: list[float]) -> int:
    """How many thresholds the ratio has passed (0 counts only when the target shows)."""
    return sum(1 for t in thresholds if (ratio > t if t == 0 else ratio >= t))


class IntersectionWatch:
    """One `observe(targetSelector, callback)`: measures its targets on every view change."""

    def __init__(self, view: Any, scope_id: str | None, options: dict, emit: Callable[[dict], None]):
        self.view = view
        self.scope_id = scope_id
        self.selector = str(options.get("targetSelector") or "")
        self.observe_all = bool(options.get("observeAll"))
        thresholds = options.get("thresholds") or [0]
        self.thresholds = sorted(float(t) for t in thresholds if isinstance(t, (int, float)))
        self.initial = float(options.get("initialRatio") or 0)
        self.relative: list[dict] = list(options.get("relatives") or [{"viewport": True}])
        self.emit = emit
        self.last: dict[int, int] = {}
        self.unsubscribe = view.subscribe(self.check)

    def _reference(self) -> dict | None:
        for rel in self.relative:
            if rel.get("viewport"):
                width, height = sq.viewport_size(self.view)
                base = {"left": 0.0, "top": 0.0, "right": width, "bottom": height}
            else:
                node = sq.find(self.view, self.scope_id, str(rel.get("selector") or ""))
                if node is None or node.box is None:
                    continue
                base = sq.client_rect(self.view, node)
            return _grow(base, rel.get("margins"))
        return None

    def _targets(self) -> list[ViewNode]:
        if self.observe_all:
            return sq.find_all(self.view, self.scope_id, self.selector)
        node = sq.find(self.view, self.scope_id, self.selector)
        return [node] if node is not None else []

    def check(self) -> None:
        reference = self._reference()
        if reference is None:
            return
        for node in self._targets():
            if node.box is None:
                continue
            rect = sq.client_rect(self.view, node)
            inter = _intersect(rect, reference)
            area = rect["width"] * rect["height"]
            ratio = (inter["width"] * inter["height"]) / area if area > 0 else 0.0
            level = bucket(ratio, self.thresholds)
            before = self.last.get(id(node), bucket(self.initial, self.thresholds))
            self.last[id(node)] = level
            if level == before:
                continue
            self.emit({"id": node.id, "dataset": node.dataset(), "time": int(time.time() * 1000),
                       "intersectionRatio": round(ratio, 6), "intersectionRect": inter,
                       "boundingClientRect": rect, "relativeRect": reference})

    def disconnect(self) -> None:
        self.unsubscribe()
