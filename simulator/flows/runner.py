"""Replaying a flow headless: launch as the flow says, run each step, time it, stop at the
first failure with a screenshot.

A replay is deterministic: the simulator runs on a virtual clock (timers, mock delays and
`Date.now()` advance only as the flow lets them), `Math.random` is seeded, each flow gets a
fresh storage folder seeded from its fixture, and wx.* network calls should be answered by
mocks (wxsim.mock.json or `call_wx_mock` steps).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bridge.api.storage import Storage
from bridge.diagnostics import WxsimError
from simulator.automation import AutomationError, MiniProgram
from simulator.clock import DEFAULT_EPOCH_MS, DEFAULT_SEED, VirtualClock
from simulator.flows.model import Flow, Step
from simulator.flows.steps import StepFailed, run_step
from simulator.runtime import Simulator


@dataclass
class StepResult:
    number: int  # 1-based
    step: Step
    status: str = "skipped"  # passed | failed | skipped
    ms: float = 0.0
    message: str = ""


@dataclass
class FlowResult:
    flow: Flow
    steps: list[StepResult] = field(default_factory=list)
    status: str = "passed"  # passed | failed | error (could not launch)
    ms: float = 0.0
    message: str = ""
    screenshot: Path | None = None

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def step_ms(self, action: str | None = None) -> list[float]:
        return [r.ms for r in self.steps if r.status != "skipped" and (action is None or r.step.action == action)]


Progress = Callable[[str, FlowResult, "StepResult | None"], None]


class FlowRunner:
    """Runs flows one after another; `device` overrides the flows' own, `screenshots` is the
    folder for failure screenshots, `storage_root` where per-flow storage folders are made."""

    def __init__(self, device: str | None = None, screenshots: str | Path | None = None,
                 storage_root: str | Path | None = None, progress: Progress | None = None):
        self.device = device
        self.screenshots = Path(screenshots) if screenshots else None
        self.storage_root = Path(storage_root) if storage_root else None
        self.progress = progress or (lambda *_: None)

    def run(self, flow: Flow) -> FlowResult:
        result = FlowResult(flow, [StepResult(i + 1, s) for i, s in enumerate(flow.steps)])
        self.progress("start", result, None)
        started = time.perf_counter()
        if self.storage_root is not None:
            self.storage_root.mkdir(parents=True, exist_ok=True)
        storage = Path(tempfile.mkdtemp(prefix=f"wxsim-flow-{_slug(flow.name)}-", dir=self.storage_root))
        mp: MiniProgram | None = None
        try:
            mp = self._launch(flow, storage)
            self._run_steps(mp, result)
        except (WxsimError, AutomationError, TimeoutError, OSError) as exc:
            result.status, result.message = "error", f"could not launch: {_describe(exc)}"
        finally:
            if mp is not None:
                mp.close()
            shutil.rmtree(storage, ignore_errors=True)
        result.ms = (time.perf_counter() - started) * 1000
        self.progress("end", result, None)
        return result

    def _launch(self, flow: Flow, storage: Path) -> MiniProgram:
        seeded = Storage(storage)
        for key, value in flow.storage_fixture().items():
            seeded.set(key, value)
        launch = flow.launch
        deterministic = {"epoch_ms": launch.epoch_ms if launch.epoch_ms is not None else DEFAULT_EPOCH_MS,
                         "seed": launch.seed if launch.seed is not None else DEFAULT_SEED}
        sim = Simulator(flow.project_dir(), device=self.device or launch.device, storage_dir=storage,
                        clock=VirtualClock(), deterministic=deterministic)
        mp = MiniProgram(sim)
        try:
            sim.start(launch.page)
            mp.wait_idle()
        except BaseException:
            mp.close()
            raise
        if sim.errors:
            error = sim.errors[0]
            mp.close()
            raise AutomationError(f"the mini program failed: {error.get('message')} "
                                  f"({error.get('file')}:{error.get('line')})")
        return mp

    def _run_steps(self, mp: MiniProgram, result: FlowResult) -> None:
        for step_result in result.steps:
            errors_before = len(mp.sim.errors)
            t0 = time.perf_counter()
            try:
                run_step(mp, step_result.step)
                if len(mp.sim.errors) > errors_before:
                    error = mp.sim.errors[errors_before]
                    raise StepFailed(f"uncaught error in the mini program: {error.get('message')} "
                                     f"({error.get('file')}:{error.get('line')})")
                step_result.status = "passed"
            except (StepFailed, AutomationError, TimeoutError, WxsimError) as exc:
                step_result.status, step_result.message = "failed", _describe(exc)
            step_result.ms = (time.perf_counter() - t0) * 1000
            self.progress("step", result, step_result)
            if step_result.status == "failed":
                result.status = "failed"
                result.message = f"step {step_result.number} ({step_result.step.label()}): {step_result.message}"
                result.screenshot = self._screenshot(mp, result, step_result)
                return

    def _screenshot(self, mp: MiniProgram, result: FlowResult, step: StepResult) -> Path | None:
        if self.screenshots is None:
            return None
        self.screenshots.mkdir(parents=True, exist_ok=True)
        path = self.screenshots / f"{_slug(result.flow.name)}-step{step.number}.png"
        try:
            mp.screenshot(path)
        except Exception as exc:  # a screenshot must not hide the failure it illustrates
            result.message += f" (no screenshot: {exc})"
            return None
        return path


def _describe(exc: BaseException) -> str:
    diagnostic = getattr(exc, "diagnostic", None)
    return str(diagnostic) if diagnostic is not None else str(exc)


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name) or "flow"
