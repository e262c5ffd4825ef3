"""A headless ApiContext for the host API tests: a manual clock, a recording router."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bridge.api import HostApis, MockRules, Storage, UiState, default_device
from bridge.diagnostics import Diagnostic


class FakeRouter:
    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.fail_with: str | None = None

    def _do(self, method: str, arg: Any) -> str | None:
        self.calls.append((method, arg))
        return self.fail_with

    def navigate_to(self, url: str) -> str | None:
        return self._do("navigate_to", url)

    def redirect_to(self, url: str) -> str | None:
        return self._do("redirect_to", url)

    def navigate_back(self, delta: int) -> str | None:
        return self._do("navigate_back", delta)

    def switch_tab(self, url: str) -> str | None:
        return self._do("switch_tab", url)

    def relaunch(self, url: str) -> str | None:
        return self._do("relaunch", url)


class FakeContext:
    def __init__(self, root: Path, device: dict | None = None) -> None:
        self.now = 0.0
        self.timers: list[tuple[float, Callable[[], Any]]] = []
        self.results: dict[int, tuple[dict, str]] = {}
        self.reports: list[Diagnostic] = []
        self.device = device or default_device()
        self.storage = Storage(root / "storage")
        self.ui = UiState(self.schedule)
        self.router = FakeRouter()
        self.mocks = MockRules.load(root, self.report)
        self.project_root = root
        self.page_config: dict = {}
        self.page_id: str | None = "p1"
        self._main: list[Callable[[], Any]] = []
        self._lock = threading.Lock()
        self.answered = threading.Event()

    def resolve(self, call_id: int, result: dict, source: str) -> None:
        self.results[call_id] = (result, source)

    def schedule(self, delay_ms: float, fn: Callable[[], Any]) -> None:
        self.timers.append((self.now + delay_ms, fn))

    def advance(self, ms: float) -> None:
        self.now += ms
        due = [t for t in self.timers if t[0] <= self.now]
        self.timers = [t for t in self.timers if t[0] > self.now]
        for _, fn in sorted(due, key=lambda t: t[0]):
            fn()

    def call_soon_threadsafe(self, fn: Callable[[], Any]) -> None:
        with self._lock:
            self._main.append(fn)
        self.answered.set()

    def run_main(self, timeout: float = 10.0) -> None:
        """Wait for a worker thread's answer and run it on "the main loop" (this thread)."""
        assert self.answered.wait(timeout), "no answer from the worker thread"
        self.answered.clear()
        with self._lock:
            fns, self._main = self._main, []
        for fn in fns:
            fn()

    def report(self, diagnostic: Diagnostic) -> None:
        self.reports.append(diagnostic)

    def current_page_config(self) -> dict:
        return self.page_config

    def current_page_id(self) -> str | None:
        return self.page_id


def make(tmp_path: Path, device: dict | None = None) -> tuple[FakeContext, HostApis]:
    ctx = FakeContext(tmp_path, device)
    return ctx, HostApis(ctx)
