"""The traffic log behind the Bridge panel: rows, filters, setData diffs and live audits.

`TrafficLog.feed(record)` takes TrafficRecorder records (as given to its listeners) in order.
It keeps a mirror of every instance's data built from the traffic itself — `instanceInit`
gives the full data, each `setData` applies its changes — which is exactly what the view
layer receives, so a diff or a "changes nothing" finding compares against the data the view
really had before that message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable

from simulator.devtools.audit import Auditor, Finding
from simulator.devtools.datapath import MISSING, get_path, path_text, set_path


@dataclass(frozen=True)
class Change:
    """One setData path: the value before (MISSING if absent) and after."""

    path: str
    old: Any
    new: Any

    @property
    def changed(self) -> bool:
        return self.old is MISSING or not strict_equal(self.old, self.new)

    def to_dict(self) -> dict:
        out: dict = {"path": self.path, "new": self.new, "changed": self.changed}
        if self.old is not MISSING:
            out["old"] = self.old
        return out


@dataclass
class TrafficRow:
    """A recorded message plus what the devtools derived from it."""

    record: dict                      # the recorder's record (applied_ms is filled in later)
    payload: Any
    target_label: str
    page_id: str | None
    changes: list[Change] | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def seq(self) -> int:
        return int(self.record["seq"])

    @property
    def kind(self) -> str:
        return str(self.record.get("kind"))

    @property
    def changed_paths(self) -> list[str]:
        if self.changes is None:
            return list(self.record.get("paths") or [])
        return [c.path for c in self.changes if c.changed]

    @property
    def applied_ms(self) -> float | None:
        return self.record.get("applied_ms")

    def to_dict(self) -> dict:
        rec = {k: v for k, v in self.record.items() if not k.startswith("_")}
        rec["payload"] = self.payload
        rec["targetLabel"] = self.target_label
        if self.changes is not None:
            rec["changedPaths"] = self.changed_paths
        if self.findings:
            rec["findings"] = [f.rule for f in self.findings]
        return rec


class TrafficLog:
    """Every message of one run, with instance names, data diffs and audit findings."""

    def __init__(self, limit: int = 20_000) -> None:
        self.rows: list[TrafficRow] = []
        self.findings: list[Finding] = []
        self.limit = limit
        self.auditor = Auditor()
        self.data: dict[str, dict] = {}            # instance id → data as the view has it
        self.pages: dict[str, str] = {}            # page id → route
        self.components: dict[str, tuple[str, str]] = {}  # component id → (base, page id)
        self._listeners: list[Callable[[TrafficRow, list[Finding]], None]] = []
        self._calls: dict[Any, str] = {}

    def subscribe(self, listener: Callable[[TrafficRow, list[Finding]], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # feeding ---------------------------------------------------------------------
    def feed(self, record: dict) -> TrafficRow:
        payload = _payload_of(record)
        kind = record.get("kind")
        body = payload if isinstance(payload, dict) else {}
        if kind == "lifecycle":
            self._note_lifecycle(body)
        target = record.get("target") or body.get("instanceId") or body.get("pageId") or body.get("id")
        label = self.label(target) or self._api_label(kind, body)
        row = TrafficRow(record, payload, label, self.page_of(target))
        if kind == "instanceInit" and body.get("instanceId"):
            self.data[str(body["instanceId"])] = body.get("data") if isinstance(body.get("data"), dict) else {}
        elif kind == "setData":
            row.changes = self._apply(body)
            page_id = row.page_id
            route = self.pages.get(page_id) if page_id else None
            known = str(body.get("instanceId")) in self.data
            row.findings = self.auditor.check_set_data(record, page_id, route, len(body.get("changes") or []),
                                                       row.changed_paths if known else None)
        self._keep(row, row.findings)
        return row

    def check_page(self, page_id: str, route: str, root: Any, time: float = 0.0) -> list[Finding]:
        """Run the page rules on a rendered page; new findings are recorded and announced."""
        found = self.auditor.check_page(page_id, route, root, time)
        if found:
            self.findings.extend(found)
            for listener in list(self._listeners):
                listener(None, found)  # type: ignore[arg-type]
        return found

    def _keep(self, row: TrafficRow, found: list[Finding]) -> None:
        self.rows.append(row)
        if len(self.rows) > self.limit:
            del self.rows[: len(self.rows) - self.limit]
        self.findings.extend(found)
        for listener in list(self._listeners):
            listener(row, found)

    def _api_label(self, kind: Any, body: dict) -> str:
        """`wx.getStorage` for an invoke and the callback that answers it."""
        name = body.get("name")
        if kind == "invoke" and body.get("callId") is not None and name:
            self._calls[body["callId"]] = str(name)
        elif kind == "callback" and not name:
            name = self._calls.pop(body.get("callId"), None)
        return f"wx.{name}" if name and kind in ("invoke", "callback") else ""

    def _note_lifecycle(self, body: dict) -> None:
        event = body.get("event")
        if event == "pageLoad" and body.get("pageId"):
            self.pages[str(body["pageId"])] = str(body.get("route") or "")
        elif event == "componentAttach" and body.get("id"):
            self.components[str(body["id"])] = (str(body.get("path") or ""), str(body.get("pageId") or ""))

    def _apply(self, body: dict) -> list[Change]:
        inst = str(body.get("instanceId"))
        data = self.data.get(inst)
        out: list[Change] = []
        for change in body.get("changes") or []:
            if not isinstance(change, (list, tuple)) or len(change) != 2:
                continue
            path, value = change
            segs = list(path) if isinstance(path, (list, tuple)) else [path]
            old = get_path(data, segs) if data is not None else MISSING
            out.append(Change(path_text(segs), old, value))
            if data is not None:
                set_path(data, segs, json.loads(json.dumps(value)))
        return out

    # reading -----------------------------------------------------------------------
    def label(self, target: Any) -> str:
        """`p1 pages/index/index` or `c3 components/card/card` (or the raw target)."""
        if target is None:
            return ""
        t = str(target)
        if t in self.pages:
            return f"{t} {self.pages[t]}"
        if t in self.components:
            return f"{t} {self.components[t][0]}"
        return t

    def page_of(self, target: Any) -> str | None:
        if target is None:
            return None
        t = str(target)
        if t in self.pages:
            return t
        if t in self.components:
            return self.components[t][1] or None
        return None

    def kinds(self) -> list[str]:
        return sorted({r.kind for r in self.rows})

    def targets(self) -> list[str]:
        return sorted({r.target_label for r in self.rows if r.target_label})

    def filtered(self, kinds: set[str] | None = None, target: str | None = None,
                 text: str | None = None) -> list[TrafficRow]:
        """Rows of the given kinds whose target (label or owning page) matches `target`."""
        out = []
        needle = (text or "").lower()
        for row in self.rows:
            if kinds is not None and row.kind not in kinds:
                continue
            if target and not (row.target_label == target or self.label(row.page_id) == target):
                continue
            if needle and needle not in json.dumps(row.payload, ensure_ascii=False).lower():
                continue
            out.append(row)
        return out

    def row(self, seq: int) -> TrafficRow | None:
        for row in reversed(self.rows):
            if row.seq == seq:
                return row
        return None


def strict_equal(a: Any, b: Any) -> bool:
    """JSON value equality as JavaScript sees it: `true` is not `1`, but 1 and 1.0 are one number."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(strict_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(strict_equal(x, y) for x, y in zip(a, b))
    return a == b


def _payload_of(record: dict) -> Any:
    if "_payload" in record:
        try:
            return json.loads(record["_payload"])
        except ValueError:
            return record["_payload"]
    return record.get("payload")


def format_bytes(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.2f} MB"
