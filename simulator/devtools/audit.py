"""Audit rules checked live against the bridge traffic and the rendered pages.

Thresholds are WeChat DevTools' Audits (体验评分) rules and the setData hard limit:
https://developers.weixin.qq.com/miniprogram/dev/framework/audits/performance.html
- setData payload: over 256 KB after JSON.stringify is a warning; 1024 KB is the hard limit
  (WeChat refuses larger data), reported as an error.
- setData frequency: more than 20 calls per second on one page.
- WXML nodes: 1000 or more nodes in a page, or a tree deeper than 30 levels.
- A setData whose every change writes the value already there (nothing to render).
Each finding names the message (`seq`) and the page/component it concerns.
"""

from __future__ import annotations

from collections import deque
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

KB = 1024
SETDATA_WARN_BYTES = 256 * KB
SETDATA_LIMIT_BYTES = 1024 * KB
SETDATA_PER_SECOND = 20
MAX_NODES = 1000
MAX_DEPTH = 30
DOC = "https://developers.weixin.qq.com/miniprogram/dev/framework/audits/performance.html"


@dataclass(frozen=True)
class Finding:
    """One audit result: severity ("error" | "warning" | "info"), rule id and a readable message."""

    severity: str
    rule: str
    message: str
    time: float = 0.0           # ms since the bridge started
    seq: int | None = None       # the bridge message concerned, if any
    target: str | None = None    # instance id (page or component)
    page: str | None = None      # route of the page concerned

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class _PageRate:
    times: deque = field(default_factory=deque)
    quiet_until: float = -1.0


class Auditor:
    """Stateful rules: feed it setData records and rendered pages; it returns new findings."""

    def __init__(self) -> None:
        self._rates: dict[str, _PageRate] = {}
        self._page_flags: set[tuple[str, str]] = set()

    def check_set_data(self, record: dict, page_id: str | None, route: str | None, change_count: int,
                       changed_paths: list[str] | None) -> list[Finding]:
        """Size, rate and no-op rules for one setData record. `changed_paths` is the paths whose
        value differs from the previous data (None when the previous data is unknown); a
        callback-only setData (no changes) is not a no-op finding."""
        out: list[Finding] = []
        size = int(record.get("bytes") or 0)
        seq, t, target = record.get("seq"), float(record.get("time") or 0.0), record.get("target")
        common: dict[str, Any] = {"time": t, "seq": seq, "target": target, "page": route}
        if size > SETDATA_LIMIT_BYTES:
            out.append(Finding("error", "setdata-limit",
                               f"setData of {_kb(size)} exceeds WeChat's 1024 KB limit; the real client rejects it",
                               **common))
        elif size > SETDATA_WARN_BYTES:
            out.append(Finding("warning", "setdata-size",
                               f"setData of {_kb(size)} is over 256 KB; send only the changed paths", **common))
        if page_id is not None:
            rate = self._rates.setdefault(page_id, _PageRate())
            rate.times.append(t)
            while rate.times and rate.times[0] <= t - 1000.0:
                rate.times.popleft()
            if len(rate.times) > SETDATA_PER_SECOND and t >= rate.quiet_until:
                rate.quiet_until = t + 1000.0
                out.append(Finding("warning", "setdata-rate",
                                   f"{len(rate.times)} setData calls within one second on this page "
                                   f"(limit {SETDATA_PER_SECOND}/s); merge them", **common))
        if change_count and changed_paths is not None and not changed_paths:
            out.append(Finding("warning", "setdata-noop",
                               f"setData writes {change_count} value(s) identical to the current data; "
                               "nothing to re-render", **common))
        return out

    def check_page(self, page_id: str, route: str, root: Any, time: float = 0.0) -> list[Finding]:
        """Node count and depth of a rendered page (each reported once per page)."""
        count, depth = tree_size(root)
        out: list[Finding] = []
        if count >= MAX_NODES and (page_id, "wxml-nodes") not in self._page_flags:
            self._page_flags.add((page_id, "wxml-nodes"))
            out.append(Finding("warning", "wxml-nodes", f"page has {count} WXML nodes (keep it under {MAX_NODES})",
                               time=time, target=page_id, page=route))
        if depth > MAX_DEPTH and (page_id, "wxml-depth") not in self._page_flags:
            self._page_flags.add((page_id, "wxml-depth"))
            out.append(Finding("warning", "wxml-depth", f"page tree is {depth} levels deep (keep it under {MAX_DEPTH})",
                               time=time, target=page_id, page=route))
        return out


def tree_size(root: Any) -> tuple[int, int]:
    """(element count, depth) of a ViewNode tree; text nodes are not WXML nodes."""
    if root is None:
        return 0, 0
    count, deepest = 0, 0
    stack: list[tuple[Any, int]] = [(root, 1)]
    while stack:
        node, level = stack.pop()
        if getattr(node, "text", None) is not None:
            continue
        count += 1
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in node.children)
    return count, deepest


def summarize(findings: Iterable[Finding]) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        out[f.severity] = out.get(f.severity, 0) + 1
    return out


def _kb(size: int) -> str:
    return f"{size / KB:,.1f} KB"
