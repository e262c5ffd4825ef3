"""Output of `wxsim test`: a progress display while flows run and a JUnit XML report."""

from __future__ import annotations

import statistics
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TextIO

from simulator.flows.runner import FlowResult, StepResult

MARKS = {"passed": "ok", "failed": "FAIL", "skipped": "skip"}


class ProgressPrinter:
    """One line per step with its time; a summary line per flow."""

    def __init__(self, out: TextIO | None = None, verbose: bool = True):
        self.out = out or sys.stdout
        self.verbose = verbose

    def __call__(self, event: str, result: FlowResult, step: StepResult | None) -> None:
        if event == "start":
            self._line(f"▶ {result.flow.name} ({len(result.flow.steps)} steps)  {result.flow.path or ''}")
        elif event == "step" and step is not None and (self.verbose or step.status == "failed"):
            self._line(f"  [{step.number:>3}/{len(result.steps)}] {MARKS[step.status]:<4} {step.ms:7.1f} ms  "
                       f"{step.step.label()}" + (f"\n        {step.message}" if step.message else ""))
        elif event == "end":
            self._line(f"{'✔' if result.passed else '✘'} {result.flow.name}: {result.status} in {result.ms:.0f} ms"
                       + (f" — {result.message}" if result.message else "")
                       + (f"\n  screenshot: {result.screenshot}" if result.screenshot else ""))

    def _line(self, text: str) -> None:
        print(text, file=self.out, flush=True)


def summary(results: list[FlowResult]) -> str:
    passed = sum(r.passed for r in results)
    taps = [ms for r in results for ms in r.step_ms("tap")]
    text = f"{passed}/{len(results)} flows passed"
    if taps:
        text += (f"; tap steps: median {statistics.median(taps):.1f} ms, max {max(taps):.1f} ms "
                 f"over {len(taps)}")
    return text


def write_junit(results: list[FlowResult], path: str | Path) -> Path:
    """One <testsuite> per flow, one <testcase> per step (time in seconds, failures with their message)."""
    root = ET.Element("testsuites", name="wxsim flows", tests=str(sum(len(r.steps) for r in results)),
                      failures=str(sum(r.status == "failed" for r in results)),
                      errors=str(sum(r.status == "error" for r in results)),
                      time=f"{sum(r.ms for r in results) / 1000:.3f}")
    for result in results:
        suite = ET.SubElement(root, "testsuite", name=result.flow.name, tests=str(len(result.steps)),
                              failures=str(sum(s.status == "failed" for s in result.steps)),
                              errors="1" if result.status == "error" else "0",
                              skipped=str(sum(s.status == "skipped" for s in result.steps)),
                              time=f"{result.ms / 1000:.3f}", file=str(result.flow.path or ""))
        if result.status == "error":
            case = ET.SubElement(suite, "testcase", classname=result.flow.name, name="launch", time="0")
            ET.SubElement(case, "error", message=result.message).text = result.message
        for step in result.steps:
            _testcase(suite, result, step)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path


def _testcase(suite: ET.Element, result: FlowResult, step: StepResult) -> None:
    case = ET.SubElement(suite, "testcase", classname=result.flow.name,
                         name=f"{step.number:03d} {step.step.label()}", time=f"{step.ms / 1000:.4f}")
    if step.status == "failed":
        failure = ET.SubElement(case, "failure", message=step.message)
        failure.text = step.message + (f"\nscreenshot: {result.screenshot}" if result.screenshot else "")
    elif step.status == "skipped":
        ET.SubElement(case, "skipped", message="an earlier step failed")
