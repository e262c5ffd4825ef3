"""Render every component page of a library headless and judge it; drive the interactions."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.libs.project import page_route
from tests.libs.spec import Interaction, Library, Usage


@dataclass
class PageResult:
    """What rendering one component page gave."""

    name: str
    errors: list = field(default_factory=list)      # uncaught errors, load failures
    warnings: list = field(default_factory=list)    # unexplained warnings (unsupported ...)
    explained: list = field(default_factory=list)   # warnings with a recorded reason
    problems: list = field(default_factory=list)    # empty tree, insane boxes

    @property
    def ok(self) -> bool:
        return not (self.errors or self.warnings or self.problems)


def _explain(lib: Library, message: str) -> str | None:
    for needle, reason in lib.known_warnings:
        if needle in message:
            return reason
    return None


def check_tree(tree: dict, viewport_width: float) -> list[str]:
    """Problems with a rendered page tree: no element with a visible box, NaN or negative sizes."""
    problems: list[str] = []
    visible = 0

    def walk(node: dict) -> None:
        nonlocal visible
        box = node.get("box")
        if box:
            values = [box.get(k, 0.0) for k in ("x", "y", "width", "height")]
            if any(not isinstance(v, (int, float)) or math.isnan(v) or math.isinf(v) for v in values):
                problems.append(f"<{node.get('tag')}> has a non-finite box {box}")
            elif box["width"] < 0 or box["height"] < 0:
                problems.append(f"<{node.get('tag')}> has a negative size {box}")
            elif box["width"] > 0 and box["height"] > 0 and box["x"] < viewport_width:
                visible += 1
        for child in node.get("children") or ():
            if isinstance(child, dict):
                walk(child)

    walk(tree)
    if visible == 0:
        problems.append("nothing visible was rendered")
    return problems


def render_page(mp: Any, lib: Library, usage: Usage) -> PageResult:
    """Open the component's page (reLaunch) and judge what it rendered."""
    result = PageResult(usage.name)
    seen = getattr(mp, "libs_seen", 0)  # launch diagnostics belong to the first page
    try:
        page = mp.relaunch("/" + page_route(usage))
        mp.wait_idle()
    except Exception as exc:  # noqa: BLE001 - any failure is this page's result
        result.errors.append(f"{type(exc).__name__}: {exc}")
        return result
    mp.libs_seen = len(mp.diagnostics())
    logged = getattr(mp, "libs_logged", 0)  # console.error from library code (a caught exception)
    mp.libs_logged = len(mp.console())
    for entry in mp.console()[logged:]:
        if entry.get("level") == "error":
            result.errors.append(f"console.error: {entry.get('args')}"[:500])
    for diag in mp.diagnostics()[seen:]:
        text = str(diag)
        if diag.severity == "error":
            result.errors.append(text)
        elif (reason := _explain(lib, text)) is not None:
            result.explained.append(f"{text} ({reason})")
        else:
            result.warnings.append(text)
    if page.path != page_route(usage):
        result.errors.append(f"expected page {page_route(usage)}, got {page.path}")
        return result
    result.problems.extend(check_tree(page.tree(), mp.sim.viewport.width))
    return result


def interact(mp: Any, usage: Usage) -> tuple[bool, str]:
    """Do the usage's interaction on a freshly opened page; (passed, what happened)."""
    act: Interaction = usage.interaction
    page = mp.relaunch("/" + page_route(usage))
    element = find(page, act.selector)
    if element is None:
        return False, f"no element matches {act.selector!r}"
    try:
        if act.action == "input":
            element.input(act.text)
        else:
            element.tap()
        mp.wait_idle()
    except Exception as exc:  # noqa: BLE001 - a failed action is this interaction's result
        return False, f"{type(exc).__name__}: {exc}"
    events = [e for e in (page.data("events") or []) if e.get("type") == act.event]
    if not events:
        return False, f"no {act.event!r} event (events: {page.data('events')})"
    detail = events[-1].get("detail")
    if act.check is not None and not act.check(detail):
        return False, f"{act.event!r} fired with unexpected detail {detail!r}"
    for path, want in act.expect_data.items():
        got = page.data(path)
        if got != want:
            return False, f"page data {path} = {got!r}, expected {want!r}"
    return True, f"{act.event} detail={detail!r}"


def find(page: Any, chain: str) -> Any:
    """The element a `" >>> "` selector chain names (see `Interaction`), or None."""
    scope = page
    for step in chain.split(" >>> "):
        selector, _, index = step.partition("@")
        found = scope.query_all(selector.strip())
        n = int(index) if index else 0
        if len(found) <= n:
            return None
        scope = found[n]
    return scope


def open_library(root: Path, storage: Path) -> Any:
    """Launch the generated project on its first page."""
    from simulator import launch

    return launch(root, storage=storage)
