"""Module loading for the logic context: resolve, read, translate ES modules, wrap, evaluate.

Each module is evaluated as its own chunk, wrapped on its first line and shifted by a line
offset, so line numbers in QuickJS stacks map back to the module's file through `LineMap`.
"""

from __future__ import annotations

import json
from typing import Any, Callable

import quickjs

from bridge.diagnostics import Diagnostic, WxsimError
from simulator.logic import esm
from simulator.logic.linemap import LineMap
from simulator.logic.loopguard import guard_loops

SYNTAX_LINE = "<input>:"


class ModuleLoader:
    """Answers `__wxsim_load(fromRel, spec)` calls from the base library's `require`."""

    def __init__(self, ctx: quickjs.Context, project: Any, lines: LineMap, report: Callable[[Diagnostic], None]):
        self.ctx = ctx
        self.project = project
        self.lines = lines
        self.report = report
        self.defined: dict[str, str] = {}  # rel path -> "js" | "json"
        self._json: dict[str, Any] = {}

    def eval_chunk(self, file: str, source: str) -> Any:
        """Evaluate `source` so that its line 1 is the first line of a fresh range named `file`."""
        start = self.lines.allocate(file, source.count("\n") + 2)
        return self.ctx.eval("\n" * (start - 1) + source)

    def load(self, from_rel: str, spec: str) -> dict:
        try:
            rel = self.project.resolve_module(from_rel, spec)
        except WxsimError as exc:
            return {"error": f'module "{spec}" is not defined (required from {from_rel or "/"}): '
                             f"{exc.diagnostic.message}"}
        except Exception as exc:  # a resolution bug must not crash the JS caller
            return {"error": f'module "{spec}" is not defined: {exc}'}
        if rel not in self.defined:
            failure = self._define(rel)
            if failure:
                return failure
        if self.defined[rel] == "json":
            return {"path": rel, "kind": "json", "value": self._json[rel]}
        return {"path": rel, "kind": "js"}

    def _define(self, rel: str) -> dict | None:
        try:
            text = self.project.read_text(rel)
        except WxsimError as exc:
            self.report(exc.diagnostic)
            return {"error": exc.diagnostic.message, "reported": True}
        if rel.endswith(".json"):
            return self._define_json(rel, text)
        try:
            if esm.is_esm(text):
                text = esm.to_commonjs(text, rel)
            text = guard_loops(text)
        except WxsimError as exc:
            self.report(exc.diagnostic)
            return {"error": str(exc.diagnostic), "reported": True}
        wrapped = (f"__wxsim.define({json.dumps(rel)}, function (module, exports, require, __wxesm) {{"
                   f"{text}\n}});")
        try:
            self.eval_chunk(rel, wrapped)
        except quickjs.JSException as exc:
            return self._syntax_error(rel, str(exc))
        self.defined[rel] = "js"
        return None

    def _define_json(self, rel: str, text: str) -> dict | None:
        try:
            self._json[rel] = json.loads(text)
        except json.JSONDecodeError as exc:
            diag = Diagnostic("error", f"invalid JSON: {exc.msg}", rel, exc.lineno, exc.colno)
            self.report(diag)
            return {"error": str(diag), "reported": True}
        self.defined[rel] = "json"
        return None

    def _syntax_error(self, rel: str, text: str) -> dict:
        first = text.split("\n", 1)[0].strip()
        loc = self.lines.first_user_frame(text)
        diag = Diagnostic("error", first, loc.file if loc else rel, loc.line if loc else None)
        self.report(diag)
        return {"error": str(diag), "reported": True, "file": diag.file, "line": diag.line}
