"""What each flow step does, through the automation API (simulator/automation.py)."""

from __future__ import annotations

import json
import time
from typing import Any, Callable

from simulator.automation import MiniProgram
from simulator.flows.model import Step
from simulator.flows.recorder import data_at
from simulator.flows.targets import resolve, resolve_all

DEFAULT_WAIT_S = 5.0


class StepFailed(Exception):
    """An assertion did not hold or a target was not found."""


def run_step(mp: MiniProgram, step: Step) -> None:
    handler = HANDLERS[step.action]
    handler(mp, step)


def _element(mp: MiniProgram, step: Step) -> Any:
    page = mp.current_page()
    element = resolve(page, str(step.target), step.index)
    if element is None:
        count = len(resolve_all(page, str(step.target)))
        which = f" (index {step.index} of {count} matches)" if count else ""
        raise StepFailed(f"no element {step.target!r}{which} on page {page.path}")
    return element


def _tap(mp: MiniProgram, step: Step) -> None:
    _element(mp, step).tap()


def _longpress(mp: MiniProgram, step: Step) -> None:
    _element(mp, step).longpress()


def _input(mp: MiniProgram, step: Step) -> None:
    _element(mp, step).input(str(step.args["value"]))


def _scroll(mp: MiniProgram, step: Step) -> None:
    top = step.args.get("top")
    if step.target in (None, "page"):
        mp.current_page().scroll_to(float(top or 0.0))
        return
    element = _element(mp, step)
    left = step.args.get("left")
    mp.current_page().view.scroll_view_to(element.node, None if top is None else float(top),
                                          None if left is None else float(left))
    mp.wait_idle()


def _navigate_back(mp: MiniProgram, step: Step) -> None:
    mp.sim.navigate_back() if step.target in (None, 1) else mp.navigate_back(int(step.target))
    mp.wait_idle()


def _switch_tab(mp: MiniProgram, step: Step) -> None:
    mp.switch_tab(str(step.target))


def _wait_for(mp: MiniProgram, step: Step) -> None:
    """A number of ms (simulated time passes), or a selector to appear (timers run until it does)."""
    if isinstance(step.target, (int, float)):
        mp.sim.advance_clock(float(step.target))  # exactly that long: no settling past it
        return
    timeout = float(step.args.get("timeout", DEFAULT_WAIT_S))
    found = _poll(mp, lambda: resolve(mp.current_page(), str(step.target), step.index), timeout)
    if found is None:
        raise StepFailed(f"{step.target!r} did not appear on page {mp.current_page().path} within {timeout:g} s")


def _poll(mp: MiniProgram, probe: Callable[[], Any], timeout_s: float) -> Any:
    """Run the program until `probe()` is truthy: on a virtual clock, timer by timer up to
    `timeout_s` of simulated time; always bounded by `timeout_s` of real time as well."""
    sim = mp.sim
    start_virtual, deadline = sim.clock.now_ms(), time.monotonic() + timeout_s
    while True:
        mp.wait_idle()
        found = probe()
        if found:
            return found
        due = sim.next_due_ms()
        if sim.clock.virtual and due is not None and due - start_virtual <= timeout_s * 1000:
            sim.clock.advance_to(due)
            continue
        if sim.clock.virtual and not sim.busy():
            return None  # nothing left that could make it appear
        if time.monotonic() > deadline:
            return None
        time.sleep(0.002)


def _call_wx_mock(mp: MiniProgram, step: Step) -> None:
    mp.mock_wx_method(str(step.target), result=step.args.get("result", {}))


def _assert_text(mp: MiniProgram, step: Step) -> None:
    actual = _element(mp, step).text().strip()
    expected = str(step.args["equals"]).strip()
    if actual != expected:
        raise StepFailed(f"text of {step.target!r} is {actual!r}, expected {expected!r}")


def _assert_exists(mp: MiniProgram, step: Step) -> None:
    wanted = bool(step.args.get("exists", True))
    there = resolve(mp.current_page(), str(step.target), step.index) is not None
    if there != wanted:
        raise StepFailed(f"{step.target!r} is {'' if there else 'not '}on page {mp.current_page().path}")


def _assert_data(mp: MiniProgram, step: Step) -> None:
    owner = step.args.get("of")
    if owner:
        element = resolve(mp.current_page(), str(owner))
        if element is None:
            raise StepFailed(f"no component {owner!r} on page {mp.current_page().path}")
        actual = data_at(element.data(), str(step.target))
    else:
        actual = data_at(mp.current_page().data(), str(step.target))
    expected = step.args["equals"]
    if json.dumps(actual, sort_keys=True) != json.dumps(expected, sort_keys=True) and actual != expected:
        raise StepFailed(f"data {step.target!r} is {json.dumps(actual, ensure_ascii=False)}, "
                         f"expected {json.dumps(expected, ensure_ascii=False)}")


def _assert_page(mp: MiniProgram, step: Step) -> None:
    page = mp.current_page()
    expected = str(step.target).lstrip("/")
    if page.path != expected:
        raise StepFailed(f"page is {page.path}, expected {expected}")
    query = step.args.get("query")
    if query is not None and {k: str(v) for k, v in query.items()} != {k: str(v) for k, v in page.query.items()}:
        raise StepFailed(f"page query is {dict(page.query)}, expected {query}")


HANDLERS: dict[str, Callable[[MiniProgram, Step], None]] = {
    "tap": _tap, "longpress": _longpress, "input": _input, "scroll": _scroll,
    "navigate_back": _navigate_back, "switch_tab": _switch_tab, "wait_for": _wait_for,
    "call_wx_mock": _call_wx_mock, "assert_text": _assert_text, "assert_exists": _assert_exists,
    "assert_data": _assert_data, "assert_page": _assert_page,
}
