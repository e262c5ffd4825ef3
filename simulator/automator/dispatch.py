"""Route one protocol request to its handler and shape the answer (`result` or `error`)."""

from __future__ import annotations

import json
import logging
from typing import Any, Callable

from bridge.diagnostics import WxsimError
from simulator.automation import AutomationError, MiniProgram
from simulator.automator import app, element, page
from simulator.automator.handles import Handles, ProtocolError

log = logging.getLogger("wxsim.automator")

Handler = Callable[[Handles, dict], dict]
METHODS: dict[str, Handler] = {**app.METHODS, **page.METHODS, **element.METHODS}
# Answered by the connection itself (server.py), listed here so `supported()` is complete.
CONNECTION_METHODS = ("Tool.close", "App.enableLog", "App.exit")


class Dispatcher:
    """Answers requests against one running mini program; every call runs on the caller's thread."""

    def __init__(self, mp: MiniProgram):
        self.mp = mp
        self.handles = Handles(mp)

    @staticmethod
    def supported() -> list[str]:
        return sorted([*METHODS, *CONNECTION_METHODS])

    def call(self, method: str, params: dict) -> dict:
        handler = METHODS.get(method)
        if handler is None:
            raise ProtocolError(f"method {method!r} is not supported by wxsim")
        return handler(self.handles, params)

    def answer(self, request: dict) -> dict:
        """The response message for a parsed request (never raises for the request's own faults)."""
        rid, method = request.get("id"), request.get("method")
        params = request.get("params") or {}
        try:
            if not isinstance(method, str):
                raise ProtocolError("the request has no method")
            if not isinstance(params, dict):
                raise ProtocolError("params must be an object")
            return {"id": rid, "result": _plain(self.call(method, params))}
        except (ProtocolError, AutomationError, WxsimError, TimeoutError) as exc:
            return {"id": rid, "error": {"message": _message(exc)}}
        except Exception as exc:  # a bug in wxsim: answer, log, and keep serving
            log.exception("automator method %s failed", method)
            return {"id": rid, "error": {"message": f"{method}: internal error in wxsim: {exc!r}"}}


def _message(exc: Exception) -> str:
    return str(exc.diagnostic) if isinstance(exc, WxsimError) else str(exc)


def _plain(value: Any) -> Any:
    """JSON-safe (tuples from computed styles become lists)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))
