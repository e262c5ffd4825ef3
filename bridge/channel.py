"""The one message channel between the logic layer, the view layer and the host.

Every setData, event, lifecycle notice and wx.* call is a JSON-serialisable message posted
here. The channel numbers and records each one, then delivers them strictly in order to
the handler of the side it is addressed to. Delivery is explicit (`deliver_next`), so the
simulator's event loop decides when work happens and a headless run can wait until idle.
"""

from __future__ import annotations

import json
import time
from collections import deque
from typing import Any, Callable

DIRECTIONS = ("logic→view", "view→logic", "logic→host", "host→logic", "view→host", "host→view")

Handler = Callable[[dict], None]


def destination(direction: str) -> str:
    return direction.split("→", 1)[1]


class TrafficRecorder:
    """Keeps a record of every message: what crossed, when, how big, and when it applied."""

    def __init__(self, limit: int = 50_000):
        self.records: deque[dict] = deque(maxlen=limit)
        self._listeners: list[Callable[[dict], None]] = []
        self._by_seq: dict[int, dict] = {}

    def add(self, record: dict) -> None:
        if len(self.records) == self.records.maxlen:
            self._by_seq.pop(self.records[0]["seq"], None)
        self.records.append(record)
        self._by_seq[record["seq"]] = record
        for listener in self._listeners:
            listener(record)

    def find(self, seq: int) -> dict | None:
        return self._by_seq.get(seq)

    def mark_applied(self, seq: int, when: float) -> None:
        """Note the moment the view applied a setData (the 'time until applied')."""
        record = self._by_seq.get(seq)
        if record is not None and record.get("applied_ms") is None:
            record["applied_ms"] = round((when - record["_t"]) * 1000, 3)

    def subscribe(self, listener: Callable[[dict], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def export(self) -> list[dict]:
        """The records as plain dicts, each payload as it was when it crossed."""
        return [public_record(r) for r in self.records]

    def clear(self) -> None:
        self.records.clear()
        self._by_seq.clear()


class Bridge:
    """Ordered, recorded delivery of messages to the 'logic', 'view' and 'host' sides."""

    def __init__(self, recorder: TrafficRecorder | None = None):
        self.recorder = recorder or TrafficRecorder()
        self._queue: deque[dict] = deque()
        self._handlers: dict[str, Handler] = {}
        self._seq = 0
        self._t0 = time.perf_counter()

    def connect(self, side: str, handler: Handler) -> None:
        self._handlers[side] = handler

    def post(self, kind: str, direction: str, target: str | None, payload: Any, *, deliver: bool = True,
             **extra: Any) -> dict:
        """Record a message and queue it for delivery; returns the message.

        `deliver=False` only records it: a synchronous call already answered in place.
        """
        if direction not in DIRECTIONS:
            raise ValueError(f"unknown direction {direction!r}")
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=_json_default)
        self._seq += 1
        now = time.perf_counter()
        message = {
            "seq": self._seq,
            "time": round((now - self._t0) * 1000, 3),
            "direction": direction,
            "kind": kind,
            "target": target,
            "payload": payload,
            "bytes": len(text.encode("utf-8")),
            **extra,
        }
        # The record keeps the payload's JSON text: receivers may mutate what they are given.
        record = {k: v for k, v in message.items() if k != "payload"}
        record["_t"] = now
        record["_payload"] = text
        if kind == "setData" and isinstance(payload, dict):
            record["paths"] = [path_text(change[0]) for change in payload.get("changes", [])]
            record["applied_ms"] = None
        self.recorder.add(record)
        if deliver:
            self._queue.append(message)
        return message

    def pending(self) -> int:
        return len(self._queue)

    def deliver_next(self) -> bool:
        """Deliver the oldest queued message; False when the queue is empty."""
        if not self._queue:
            return False
        message = self._queue.popleft()
        handler = self._handlers.get(destination(message["direction"]))
        if handler is not None:
            handler(message)
        return True

    def mark_applied(self, seq: int) -> None:
        self.recorder.mark_applied(seq, time.perf_counter())


def public_record(record: dict) -> dict:
    out = {k: v for k, v in record.items() if not k.startswith("_")}
    out["payload"] = json.loads(record["_payload"])
    return out


def path_text(path: Any) -> str:
    """`["list", 3, "x"]` → `list[3].x`: a data path as setData writes it."""
    if isinstance(path, str):
        return path
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _json_default(value: Any) -> Any:
    return repr(value)
