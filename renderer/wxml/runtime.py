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
from renderer.wxml.data_mirror import reads_only
from renderer.wxml.vnode_pieces import Pieces

Report = Callable[[Diagnostic], None]
_PRELUDE = (Path(__file__).with_name("prelude.js")).read_text(encoding="utf-8")
_WXS_HOST = (Path(__file__).with_name("wxs_host.js")).read_text(encoding="utf-8")
WXS_TIME_LIMIT_MS = 1000.0
_RESYNC = '"resync"'  # prelude.js: the kept data could not take the changes; send all of it


class TemplateRuntime:
    """Owns one QuickJS context; `load` compiled files once, then `render` them with data."""

    def __init__(self, report: Report | None = None, time_limit_s: float = 5.0) -> None:
        self.report: Report = report or DiagnosticLog()
        self.ctx = quickjs.Context()
        self.time_limit_s = time_limit_s
        self.ctx.set_time_limit(time_limit_s)
        self.ctx.eval(_PRELUDE)
        self.ctx.eval(_WXS_HOST)
        self.host: Callable[[str, str], str | None] | None = None
        self._render = self.ctx.eval("$W.render")
        self._loaded: dict[str, str] = {}  # rel path → digest of the unit loaded
        self._reads_only: dict[str, bool] = {}  # rel path → its render cannot change its data
        self._mirrored: set[str] = set()  # instances whose data the JS context keeps (data_mirror.py)
        self._pieces = Pieces()  # loop items' parsed vnodes per instance (vnode_pieces.py)

    def load(self, compiled: CompiledTemplate) -> None:
        """Evaluate each unit not yet loaded (or changed since); idempotent per file."""
        pure = reads_only(compiled.units.values())
        self._reads_only[compiled.rel_path] = pure and self._reads_only.get(compiled.rel_path, True)
        for rel, js in compiled.units.items():
            digest = hashlib.sha1(js.encode("utf-8")).hexdigest()
            if self._loaded.get(rel) == digest:
                continue
            try:
                self.ctx.eval(js)
            except quickjs.JSException as exc:
                raise error(f"internal: compiled template failed to load: {exc}", rel) from exc
            if rel in self._loaded:  # changed code: what was kept for the old code is no longer valid
                self.ctx.eval("$W.forgetMemos")(None)
                self._mirrored.clear()
                self._pieces.forget()
                self._reads_only = {compiled.rel_path: pure}
            self._loaded[rel] = digest

    def set_host(self, host: Callable[[str, str], "str | None"]) -> None:
        """What WXS ComponentDescriptors call: `host(op, args_json) -> result JSON or None`."""
        self.host = host
        self.ctx.add_callable("__wxsHost", host)

    def call_wxs(self, entry: str, *args: Any) -> Any:
        """Call `$X[entry]` (wxs_host.js) for a WXS handler, observer or animation frame.

        The engine's time limit forbids calls back into Python, so it is lifted for the call;
        WXS loops check the armed deadline instead (`__wxtick`). JS errors propagate as
        `quickjs.JSException`.
        """
        self.ctx.set_time_limit(-1)
        try:
            self.ctx.eval("$W.arm")(WXS_TIME_LIMIT_MS)
            return self.ctx.eval("$X." + entry)(*args)
        finally:
            self.ctx.eval("$W.arm")(0)
            self.ctx.set_time_limit(self.time_limit_s)

    def forget_instance(self, instance: str) -> None:
        """Drop what loops and the data mirror kept for `instance` (it was removed)."""
        self.ctx.eval("$W.forgetMemos")(instance)
        self._mirrored.discard(instance)
        self._pieces.forget(instance)

    def forget_wxs(self, rel: str) -> None:
        """Drop a cached .wxs module so the next load re-evaluates it (hot reload)."""
        self.ctx.eval("$W.forgetWxs")(rel)

    def render(self, rel_path: str, data: dict[str, Any], instance: str | None = None,
               changes: list | None = None) -> list:
        """Render a loaded file with `data`; returns the VNode JSON list.

        With `instance` (an id naming who renders, e.g. a page or component instance), loops may
        reuse what each item rendered last time for that instance (renderer/wxml/loop_memo.py)
        and the context may keep the instance's data (renderer/wxml/data_mirror.py); `changes`
        then lists the setData changes (`[path, value]`, in order) since its last render, and
        None (unknown) reuses nothing. The result is the same either way.
        """
        if rel_path not in self._loaded:
            raise error("template not loaded", rel_path)
        if instance is not None and changes is not None and instance in self._mirrored:
            changes_json = json.dumps(changes, ensure_ascii=False)
            out = self._call(rel_path, None, instance, changes_json)
            if out is None:
                return []  # the render failed (reported); the whole data would fail the same way
            if out != _RESYNC:
                return self._result(out, instance)
            self._mirrored.discard(instance)
        return self.render_json(rel_path, json.dumps(data, ensure_ascii=False), instance, changes)

    def render_json(self, rel_path: str, data_json: str, instance: str | None = None,
                    changes: list | None = None) -> list:
        """As `render`, with data already encoded as JSON (as it arrives over the bridge)."""
        if rel_path not in self._loaded:
            raise error("template not loaded", rel_path)
        changes_json = None if changes is None else json.dumps(changes, ensure_ascii=False)
        keep = instance is not None and self._reads_only.get(rel_path, False)
        out = self._call(rel_path, data_json, instance, changes_json, keep)
        if out is None:
            return []
        if keep:
            self._mirrored.add(instance)
        elif instance is not None:
            self._mirrored.discard(instance)
        return self._result(out, instance)

    def _call(self, rel_path: str, data_json: str | None, instance: str | None, changes_json: str | None,
              keep: bool = False) -> str | None:
        try:
            return self._render(rel_path, data_json, instance, changes_json, keep)
        except quickjs.JSException as exc:
            if instance is not None:  # (the context dropped what it kept for the instance)
                self._mirrored.discard(instance)
                self._pieces.forget(instance)
            self.report(Diagnostic("error", f"render failed: {exc}", rel_path))
            return None

    def _result(self, out: str, instance: str | None) -> list:
        tree, errs, marks = json.loads(out)
        for message, file, line, col in errs:
            self.report(Diagnostic("error", message, file, line, col))
        if marks:
            try:
                return self._pieces.expand(tree, marks, instance)
            except (KeyError, IndexError, ValueError):
                if instance is not None:  # out of step with the context: start both afresh
                    self.forget_instance(instance)
                raise
        if instance is not None:
            self._pieces.forget(instance)
        return tree
