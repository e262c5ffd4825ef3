"""The logic layer: one QuickJS context running our base library and the user's JS.

`LogicHost` turns bridge messages into calls of the base library (simulator/logic/baselib/*.js)
and turns what the JS posts back into message dicts. Every entry into JS runs under a time
limit; an uncaught exception or an interrupt becomes a Diagnostic naming the user's file:line.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any, Callable

import quickjs

from bridge.diagnostics import Diagnostic, WxsimError
from simulator.logic.linemap import BASELIB_PREFIX, LineMap
from simulator.logic.loader import ModuleLoader
from simulator.logic.loopguard import guard_loops

BASELIB = Path(__file__).with_name("baselib")
BASELIB_FILES = ("builtins.js", "runtime.js", "setdata.js", "defs.js", "instances.js", "tree.js", "lifecycle.js", "wx.js",
                 "query.js", "tasks.js", "canvas.js", "animation.js", "media.js", "map.js", "update.js",
                 "entry.js")

Message = dict
Post = Callable[[Message], None]
Report = Callable[[Diagnostic], None]
InvokeSync = Callable[[str, dict], Any]


class LogicHost:
    """Hosts App/Page/Component code and speaks the logic side of the bridge protocol."""

    def __init__(self, project: Any, post: Post, report: Report, invoke_sync: InvokeSync,
                 time_limit_s: float = 5.0, clock: Callable[[], float] | None = None):
        self.project = project
        self.post = post
        self.report = report
        self.invoke_sync = invoke_sync
        self.time_limit_s = time_limit_s
        self.clock = clock or (lambda: time.monotonic() * 1000.0)
        self.lines = LineMap()
        self.ctx = quickjs.Context()
        self._where: str | None = None
        self.loader = ModuleLoader(self.ctx, project, self.lines, self._report_load_problem)
        self._add_host_functions()
        for name in BASELIB_FILES:
            self.loader.eval_chunk(BASELIB_PREFIX + name, (BASELIB / name).read_text(encoding="utf-8"))
        self._entry = self.ctx.get("__wxsim_entry")

    # --- host functions the JS calls --------------------------------------------------------
    def _add_host_functions(self) -> None:
        self.ctx.add_callable("__wxsim_post", self._safe(self._on_post))
        self.ctx.add_callable("__wxsim_sync", self._safe(self._on_sync))
        self.ctx.add_callable("__wxsim_now", lambda: float(self.clock()))
        self.ctx.add_callable("__wxsim_load", self._safe(lambda f, s: json.dumps(self.loader.load(f, s))))
        self.ctx.add_callable("__wxsim_error", self._safe(self._on_error))
        self.ctx.add_callable("__wxsim_warn", self._safe(self._on_warn))

    def _safe(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        """A Python exception inside a host function must not escape into QuickJS."""

        def call(*args: Any) -> Any:
            try:
                return fn(*args)
            except Exception as exc:  # report our own bug, keep the JS running
                self.report(Diagnostic("error", f"wxsim logic host failed: {exc!r}"))
                return json.dumps({"error": f"wxsim internal error: {exc}"})

        return call

    def _on_post(self, text: str) -> None:
        self.post(json.loads(text))

    def _on_sync(self, name: str, args_json: str) -> str:
        try:
            value = self.invoke_sync(name, json.loads(args_json))
        except Exception as exc:  # the host API failed: WeChat throws the errMsg
            return json.dumps({"error": str(getattr(exc, "err_msg", None) or exc)})
        if isinstance(value, dict) and ":fail" in str(value.get("errMsg", "")):
            return json.dumps({"error": str(value["errMsg"])})
        return json.dumps({"value": value})

    def _on_error(self, text: str) -> None:
        info = json.loads(text)
        message = info["message"]
        if info.get("interrupted"):
            message = self._interrupt_message()
        self._report_js_error(message, info.get("stack") or "", info.get("hint"))

    def _interrupt_message(self) -> str:
        what = f" ({self._where})" if self._where else ""
        return f"script ran longer than {self.time_limit_s:g} s and was interrupted{what}"

    def _on_warn(self, text: str) -> None:
        info = json.loads(text)
        self.report(Diagnostic("warning", info["message"], info.get("hint")))

    def _report_load_problem(self, diag: Diagnostic) -> None:
        """A module that cannot load (syntax error, bad JSON, missing file) is an app error too."""
        self.report(diag)
        if diag.severity == "error":
            self.post({"kind": "error", "direction": "logic→host", "target": None,
                       "payload": {"message": diag.message, "stack": "", "file": diag.file, "line": diag.line}})

    def _report_js_error(self, message: str, raw_stack: str, hint: str | None) -> None:
        loc = self.lines.first_user_frame(raw_stack)
        file, line = (loc.file, loc.line) if loc else (hint, None)
        stack = self.lines.rewrite_stack(raw_stack)
        self.report(Diagnostic("error", message, file, line))
        self.post({"kind": "error", "direction": "logic→host", "target": None,
                   "payload": {"message": message, "stack": stack, "file": file, "line": line}})

    # --- entries ----------------------------------------------------------------------------
    def _call(self, op: str, arg: Any = None, where: str | None = None, hint: str | None = None) -> Any:
        """Run one base-library operation; interrupts and engine errors are reported here."""
        self._where = where
        try:
            out = self._entry(op, json.dumps(arg) if arg is not None else "")
        except quickjs.JSException as exc:
            self._engine_error(str(exc), where, hint)
            return None
        self.run_jobs()
        return json.loads(out) if isinstance(out, str) else out

    def _engine_error(self, text: str, where: str | None, hint: str | None) -> None:
        first, _, rest = text.partition("\n")
        if "InternalError: interrupted" in first:
            self._where = where
            first = self._interrupt_message()
        self._report_js_error(first, rest, hint)
        try:
            self._entry("recover", "")
        except quickjs.JSException:
            pass

    def make_deterministic(self, epoch_ms: float, seed: int) -> None:
        """`Date.now()` / `new Date()` read `epoch_ms` plus the clock's elapsed time, and
        `Math.random` is a PRNG seeded with `seed`: a replay sees the same values every run."""
        self.loader.eval_chunk(BASELIB_PREFIX + "determinism.js",
                               (BASELIB / "determinism.js").read_text(encoding="utf-8"))
        call = f"__wxsim.deterministic({float(epoch_ms)!r}, {int(seed)})"
        self.loader.eval_chunk(BASELIB_PREFIX + "determinism-setup", call)

    def boot(self, wx_api_names: list[str]) -> None:
        """Base library + app.js: App() is registered, onLaunch waits for `appLaunch`."""
        self._call("boot", {"names": list(wx_api_names), "limitMs": self.time_limit_s * 1000})
        if self._exists("app.js"):
            self._call("requireMain", {"path": "app.js"}, where="app.js", hint="app.js")

    def _exists(self, rel: str) -> bool:
        exists = getattr(self.project, "exists", None)
        return bool(exists(rel)) if exists else (Path(self.project.root) / rel).is_file()

    def deliver(self, msg: Message) -> None:
        payload = msg.get("payload") or {}
        where = payload.get("handler") or payload.get("event") or msg.get("kind")
        self._call("deliver", {"kind": msg.get("kind"), "payload": payload}, where=where,
                   hint=payload.get("route") or payload.get("path"))

    def run_due_timers(self, now_ms: float) -> None:
        self._call("timers", {"now": now_ms}, where="timer")

    def next_timer_ms(self) -> float | None:
        return self._call("nextTimer")

    def run_jobs(self) -> None:
        """Drain promise jobs; a job chain longer than the time limit is cut and reported."""
        deadline = time.monotonic() + self.time_limit_s
        try:
            while self.ctx.execute_pending_job():
                if time.monotonic() > deadline:
                    self._engine_error("InternalError: interrupted", "promise jobs", None)
                    return
        except quickjs.JSException as exc:
            self._engine_error(str(exc), "promise job", None)

    # --- automation helpers -----------------------------------------------------------------
    def instance_data(self, instance_id: str) -> Any:
        return self._call("data", {"id": instance_id})

    def page_stack(self) -> list[dict]:
        return self._call("pageStack") or []

    def set_data(self, instance_id: str, data: dict) -> None:
        self._call("setData", {"id": instance_id, "data": data})

    def call_method(self, instance_id: str, name: str, args: list | None = None,
                    pump: Callable[[], Any] | None = None, timeout: float = 10.0) -> Any:
        """Call a page/component method; a returned promise is awaited by running `pump`."""
        self._call("callMethod", {"id": instance_id, "name": name, "args": args or []}, where=name)
        return self._settled(f"method {name}", pump, timeout)

    def mock_with_function(self, name: str, source: str) -> None:
        """Answer `wx.<name>` with the JS function `source` (called with the call's arguments)."""
        self.evaluate(f"__wxsim.mockWithFunction({json.dumps(name)}, {json.dumps(source)})")

    def restore_mock(self, name: str) -> None:
        self.evaluate(f"__wxsim.restoreMock({json.dumps(name)})")

    def evaluate(self, source: str, pump: Callable[[], Any] | None = None, timeout: float = 10.0) -> Any:
        """An expression or a function source (called with no arguments); its JSON result.

        A promise result is awaited by running `pump` (the simulator's event loop) until it
        settles; without `pump` it must settle from promise jobs alone.
        """
        src = source.strip()
        code = f"({src})()" if _is_function_source(src) else f"({src}\n)"
        try:
            value = self.loader.eval_chunk("<evaluate>", f"__wxsim.arm();__wxsim.settle({guard_loops(code)})")
        except quickjs.JSException as exc:
            text = self.lines.rewrite_stack(str(exc))
            raise WxsimError(Diagnostic("error", f"evaluate failed: {text.strip()}")) from None
        del value
        self.run_jobs()
        return self._settled("evaluate", pump, timeout)

    def _settled(self, what: str, pump: Callable[[], Any] | None = None, timeout: float = 10.0) -> Any:
        box = json.loads(self._entry("settled", ""))
        deadline = time.monotonic() + timeout
        while box and not box.get("done") and pump is not None and time.monotonic() < deadline:
            pump()
            box = json.loads(self._entry("settled", ""))
        if not box:
            return None
        if not box.get("done"):
            waited = f" within {timeout:g} s" if pump is not None else ""
            raise WxsimError(Diagnostic("error", f"{what}: the promise did not settle{waited}"))
        if "error" in box:
            raise WxsimError(Diagnostic("error", f"{what} failed: {self.lines.rewrite_stack(box['error'])}"))
        return box.get("value")


_ARROW_HEAD = re.compile(r"^(?:async\s*)?(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*=>")


def _is_function_source(src: str) -> bool:
    return src.startswith(("function", "async function")) or bool(_ARROW_HEAD.match(src))
