"""The console model: app logs, uncaught errors, wxsim diagnostics, audit findings, REPL results."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable

from bridge.diagnostics import Diagnostic, WxsimError

LEVELS = ("log", "info", "debug", "warn", "error", "result", "input")
_LEVEL_ALIASES = {"warning": "warn", "trace": "log", "dir": "log", "table": "log", "group": "log",
                  "groupEnd": "log"}


@dataclass(frozen=True)
class ConsoleEntry:
    level: str                 # one of LEVELS
    text: str
    source: str = "app"        # "app" | "wxsim" | "audit" | "repl"
    file: str | None = None
    line: int | None = None
    stack: str | None = None
    time: float | None = None

    @property
    def location(self) -> str | None:
        """`file:line`, as a double-click copies it."""
        if not self.file:
            return None
        return f"{self.file}:{self.line}" if self.line else self.file


class ConsoleLog:
    """Entries in arrival order; listeners hear each new one."""

    def __init__(self, limit: int = 5000) -> None:
        self.entries: list[ConsoleEntry] = []
        self.limit = limit
        self._listeners: list[Callable[[ConsoleEntry], None]] = []

    def subscribe(self, listener: Callable[[ConsoleEntry], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def add(self, entry: ConsoleEntry) -> None:
        self.entries.append(entry)
        if len(self.entries) > self.limit:
            del self.entries[: len(self.entries) - self.limit]
        for listener in list(self._listeners):
            listener(entry)

    def add_message(self, kind: str, payload: Any, time: float | None = None) -> None:
        """A `console` or `error` bridge message from the logic layer."""
        body = payload if isinstance(payload, dict) else {}
        if kind == "console":
            level = str(body.get("level") or "log")
            level = _LEVEL_ALIASES.get(level, level)
            self.add(ConsoleEntry(level if level in LEVELS else "log", format_args(body.get("args") or []),
                                  time=time))
        else:
            self._drop_echo(body.get("file"), body.get("line"))
            self.add(ConsoleEntry("error", str(body.get("message") or "error"), "app", body.get("file"),
                                  body.get("line"), body.get("stack") or None, time))

    def add_diagnostic(self, diagnostic: Diagnostic) -> None:
        """A wxsim diagnostic (WXML/WXSS/JSON problems, warnings from the base library)."""
        level = "error" if diagnostic.severity == "error" else "warn"
        self.add(ConsoleEntry(level, diagnostic.message, "wxsim", diagnostic.file, diagnostic.line))

    def add_finding(self, finding: Any) -> None:
        level = {"error": "error", "warning": "warn"}.get(finding.severity, "info")
        where = f" (seq {finding.seq})" if finding.seq is not None else ""
        self.add(ConsoleEntry(level, f"[Audit] {finding.message}{where}", "audit", time=finding.time))

    def _drop_echo(self, file: Any, line: Any) -> None:
        """An uncaught error is reported as a diagnostic and then posted as a message; keep the
        message (it has the stack) instead of showing the error twice."""
        for i in range(len(self.entries) - 1, max(-1, len(self.entries) - 4), -1):
            e = self.entries[i]
            if e.source == "wxsim" and e.level == "error" and e.file == file and e.line == line:
                del self.entries[i]
                return

    def clear(self) -> None:
        self.entries.clear()


def format_args(args: list) -> str:
    """console.log's arguments joined by spaces: strings as they are, other values as JSON."""
    parts = []
    for arg in args:
        if isinstance(arg, str):
            parts.append(arg)
        else:
            parts.append(json.dumps(arg, ensure_ascii=False))
    return " ".join(parts)


def evaluate(sim: Any, source: str) -> ConsoleEntry:
    """Run a REPL line in the logic layer; the JSON result or the error as a console entry."""
    try:
        try:
            value = sim.logic.evaluate(source, pump=sim.pump, timeout=5.0)
        except WxsimError as exc:
            if "SyntaxError" not in exc.diagnostic.message:
                raise
            # statements (`var a = 1; a++`) are not an expression: run them as a function body
            value = sim.logic.evaluate(f"function () {{\n{source}\n}}", pump=sim.pump, timeout=5.0)
    except WxsimError as exc:
        return ConsoleEntry("error", exc.diagnostic.message, "repl")
    except TimeoutError as exc:
        return ConsoleEntry("error", str(exc), "repl")
    finally:
        try:
            sim.pump()
        except Exception:  # noqa: BLE001 - the loop reports its own problems
            pass
    text = "undefined" if value is None else json.dumps(value, ensure_ascii=False, indent=None)
    return ConsoleEntry("result", text, "repl")
