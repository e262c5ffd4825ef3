"""TemplateRuntime: the view-layer QuickJS context that runs compiled WXML render functions.

Data goes in as one JSON string and the tree comes out as one JSON string: crossing the
Python/JS boundary once each way is far cheaper than converting objects.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Callable

import quickjs

from bridge.diagnostics import Diagnostic, DiagnosticLog, error
from renderer.wxml.compiler import CompiledTemplate

Report = Callable[[Diagnostic], None]
_PRELUDE = (Path(__file__).with_name("prelude.js")).read_text(encoding="utf-8")


class TemplateRuntime:
    """Owns one QuickJS context; `load` compiled files once, then `render` them with data."""

    def __init__(self, report: Report | None = None, time_limit_s: float = 5.0) -> None:
        self.report: Report = report or DiagnosticLog()
        self.ctx = quickjs.Context()
        self.ctx.set_time_limit(time_limit_s)
        self.ctx.eval(_PRELUDE)
        self._render = self.ctx.eval("$W.render")
        self._loaded: dict[str, str] = {}  # rel path → digest of the unit loaded

    def load(self, compiled: CompiledTemplate) -> None:
        """Evaluate each unit not yet loaded (or changed since); idempotent per file."""
        for rel, js in compiled.units.items():
            digest = hashlib.sha1(js.encode("utf-8")).hexdigest()
            if self._loaded.get(rel) == digest:
                continue
            try:
                self.ctx.eval(js)
            except quickjs.JSException as exc:
                raise error(f"internal: compiled template failed to load: {exc}", rel) from exc
            self._loaded[rel] = digest

    def forget_wxs(self, rel: str) -> None:
        """Drop a cached .wxs module so the next load re-evaluates it (hot reload)."""
        self.ctx.eval("$W.forgetWxs")(rel)

    def render(self, rel_path: str, data: dict[str, Any]) -> list:
        """Render a loaded file with `data`; returns the VNode JSON list."""
        return self.render_json(rel_path, json.dumps(data, ensure_ascii=False))

    def render_json(self, rel_path: str, data_json: str) -> list:
        """As `render`, with data already encoded as JSON (as it arrives over the bridge)."""
        if rel_path not in self._loaded:
            raise error("template not loaded", rel_path)
        try:
            out = self._render(rel_path, data_json)
        except quickjs.JSException as exc:
            self.report(Diagnostic("error", f"render failed: {exc}", rel_path))
            return []
        tree, errs = json.loads(out)
        for message, file, line, col in errs:
            self.report(Diagnostic("error", message, file, line, col))
        return tree
