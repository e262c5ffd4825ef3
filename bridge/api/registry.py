"""The table of host wx.* APIs and the dispatcher the bridge calls.

APIs register themselves with `@api(...)` in modules by area; `HostApis` looks a call up,
lets a mock rule answer first, and otherwise runs the built-in function. Every answer carries
WeChat's `errMsg` and a `source` ("builtin", "simulated", "mock:<file>#<n>") for the traffic log.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bridge.api.context import ApiContext
from bridge.diagnostics import Diagnostic

ApiFn = Callable[["Call"], "dict | None"]

# How a sync API's result dict becomes the JS return value (see `HostApis.sync_value`).
RETURNS_OBJECT = "object"  # the whole dict
RETURNS_NOTHING = "none"  # undefined


@dataclass(frozen=True)
class ApiSpec:
    name: str
    fn: ApiFn
    sync: bool
    returns: str  # RETURNS_OBJECT, RETURNS_NOTHING, or the key of the value to return ("data")
    source: str  # "builtin" or "simulated": who answers when no mock matches
    doc: str  # the WeChat documentation page the function follows
    label: str = ""  # the name errMsg uses when it differs ("readFile" for "FileSystemManager.readFile")
    member: bool = False  # a method of an object wx.* returns (SocketTask.send…): not a `wx.<name>`


_REGISTRY: dict[str, ApiSpec] = {}
_AREAS = ("storage", "ui", "navbar", "route", "system", "network", "auth", "permissions", "user",
          "location", "payment", "device", "media", "tabbar", "events", "selector", "canvas", "transfer", "socket",
          "filesystem", "animation", "video", "audio", "map",
          "background", "share", "update", "fonts", "image_files", "brightness", "subscribe", "ext_config",
          "analytics", "miniprogram")


def api(name: str, *, sync: bool = False, returns: str = RETURNS_OBJECT, source: str = "builtin",
        doc: str = "", label: str = "", member: bool = False) -> Callable[[ApiFn], ApiFn]:
    """Register `fn` as the host implementation of `wx.<name>` (or, with `member`, of a method
    of an object a wx.* API returns, named `Class.method`)."""

    def register(fn: ApiFn) -> ApiFn:
        _REGISTRY[name] = ApiSpec(name, fn, sync, returns, source, doc, label, member)
        return fn

    return register


def registry() -> dict[str, ApiSpec]:
    for area in _AREAS:
        importlib.import_module(f"bridge.api.{area}")
    return _REGISTRY


class SyncApiError(Exception):
    """A sync API failed: the logic layer throws `new Error(errMsg)`, as WeChat does."""

    def __init__(self, err_msg: str):
        super().__init__(err_msg)
        self.err_msg = err_msg


class Call:
    """One wx.* call in flight: its arguments and the way to answer it."""

    def __init__(self, apis: HostApis, spec: ApiSpec | None, name: str, args: dict, call_id: int | None):
        self.apis = apis
        self.ctx: ApiContext = apis.ctx
        self.spec = spec
        self.api_name = name  # the registry name (mock rules match on it)
        self.name = spec.label if spec is not None and spec.label else name  # the errMsg name
        self.args = args
        self.call_id = call_id
        self.answered = False

    @property
    def sync(self) -> bool:
        return self.call_id is None

    def ok(self, **fields: Any) -> dict:
        return {**fields, "errMsg": f"{self.name}:ok"}

    def fail(self, reason: str) -> dict:
        return {"errMsg": f"{self.name}:fail {reason}" if reason else f"{self.name}:fail"}

    def answer(self, result: dict, source: str | None = None) -> None:
        """Answer an async call (now or later); a second answer is ignored."""
        if self.answered or self.call_id is None:
            return
        self.answered = True
        self.ctx.resolve(self.call_id, result, source or (self.spec.source if self.spec else "builtin"))


def type_name(value: Any) -> str:
    """The JS type name WeChat prints in parameter errors."""
    if value is None:
        return "Undefined"
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, (int, float)):
        return "Number"
    if isinstance(value, str):
        return "String"
    if isinstance(value, list):
        return "Array"
    return "Object"


def param_error(call: Call, field: str, expected: str) -> dict | None:
    """WeChat's parameter check: `<api>:fail parameter error: parameter.url should be String
    instead of Undefined;` — None when the argument has the expected type."""
    actual = type_name(call.args.get(field))
    if actual == expected:
        return None
    return call.fail(f"parameter error: parameter.{field} should be {expected} instead of {actual};")


class HostApis:
    """Dispatches the logic layer's `invoke` messages to the host implementations."""

    def __init__(self, ctx: ApiContext):
        from bridge.api.events import emit
        from bridge.api.unsupported import UNSUPPORTED
        from bridge.api.world import SimulatedWorld

        self.ctx = ctx
        self.world = SimulatedWorld.load(ctx.project_root, ctx.report)
        self.world.emit = lambda name, data: emit(ctx, name, data)
        self._specs = registry()
        self._unsupported = [n for n in UNSUPPORTED if n not in self._specs]
        self.tasks: dict[int, object] = {}  # live task objects (requests, transfers, sockets) by task id
        self._warned: set[str] = set()

    def names(self) -> list[str]:
        """Every name that exists as `wx.<name>`: implemented ones and known-unsupported ones."""
        return sorted({n for n, s in self._specs.items() if not s.member} | set(self._unsupported))

    def implemented(self) -> list[str]:
        return sorted(n for n, s in self._specs.items() if not s.member)

    def busy(self) -> bool:
        """A task is still connecting or transferring (automation waits for it)."""
        return any(getattr(task, "busy", False) for task in list(self.tasks.values()))

    def is_sync(self, name: str) -> bool:
        spec = self._specs.get(name)
        return spec.sync if spec else name.endswith("Sync")

    def can_i_use(self, schema: str) -> bool:
        """`wx.canIUse`: answered from the registry. `getStorage`, `request.object.timeout`,
        `getSystemInfoSync.return.safeArea` → True when the API is implemented here."""
        head = str(schema).strip().split(".")[0]
        return head == "canIUse" or head in self._specs

    # --- dispatch ---------------------------------------------------------------------------
    def invoke(self, name: str, args: dict, call_id: int) -> None:
        """An async call: answers now or later through `ctx.resolve(call_id, result, source)`."""
        spec = self._specs.get(name)
        call = Call(self, spec, name, args if isinstance(args, dict) else {}, call_id)
        if self._answer_with_mock(call):
            return
        if spec is None:
            call.answer(self._unsupported_result(name), "builtin")
            return
        result = self._run(call, spec)
        if result is not None:
            call.answer(result)

    def invoke_sync(self, name: str, args: dict) -> dict:
        """A sync call (`*Sync`, getWindowInfo, canIUse…): the result dict, errMsg included."""
        spec = self._specs.get(name)
        call = Call(self, spec, name, args if isinstance(args, dict) else {}, None)
        match = self.ctx.mocks.match(name, call.args)
        if match is not None:
            return match.result(call.name)
        if spec is None:
            return self._unsupported_result(name)
        result = self._run(call, spec)
        if result is None:
            return call.fail("no synchronous answer")
        result.setdefault("errMsg", f"{call.name}:ok")
        return result

    def sync_value(self, name: str, result: dict) -> Any:
        """The JS return value of a sync call's result; raises SyncApiError on `:fail`."""
        err = str(result.get("errMsg", ""))
        if ":fail" in err:
            raise SyncApiError(err)
        spec = self._specs.get(name)
        returns = spec.returns if spec else RETURNS_OBJECT
        if returns == RETURNS_NOTHING:
            return None
        if returns == RETURNS_OBJECT:
            return {k: v for k, v in result.items() if k != "errMsg"}
        return result.get(returns)

    # --- helpers ----------------------------------------------------------------------------
    def _run(self, call: Call, spec: ApiSpec) -> dict | None:
        try:
            return spec.fn(call)
        except Exception as exc:  # noqa: BLE001 - a bug of ours or a bizarre argument: report, fail the call
            self.ctx.report(Diagnostic("error", f"wx.{call.name} failed inside wxsim: {exc!r}"))
            return call.fail(str(exc))

    def _answer_with_mock(self, call: Call) -> bool:
        match = self.ctx.mocks.match(call.api_name, call.args)
        if match is None:
            return False
        result = match.result(call.name)
        if match.delay_ms > 0:
            self.ctx.schedule(match.delay_ms, lambda: call.answer(result, match.source))
        else:
            call.answer(result, match.source)
        return True

    def _unsupported_result(self, name: str) -> dict:
        if name not in self._warned:
            self._warned.add(name)
            self.ctx.report(Diagnostic("warning", f"wx.{name} is not supported in wxsim; it answers "
                                                  f"'{name}:fail not supported in wxsim' (mock it in wxsim.mock.json)"))
        return {"errMsg": f"{name}:fail not supported in wxsim"}
