"""`DevtoolsSession`: the devtools' view of one running Simulator (Qt-free).

Attaching replays what the bridge recorded so far (boot traffic, onLaunch logs), then follows
new messages live; after each render it runs the page rules on the pages that changed.
"""

from __future__ import annotations

from typing import Any, Callable

from simulator.devtools.console import ConsoleLog
from simulator.devtools.traffic import TrafficLog


class DevtoolsSession:
    """Traffic (with audits) and console of one Simulator; `detach()` stops following it."""

    def __init__(self, sim: Any) -> None:
        self.sim = sim
        self.traffic = TrafficLog()
        self.console = ConsoleLog()
        self._undo: list[Callable[[], Any]] = []
        recorder = sim.bridge.recorder
        for record in list(recorder.records):
            self._record(record)
        for diagnostic in list(getattr(sim, "diagnostics", [])):
            self.console.add_diagnostic(diagnostic)
        self._undo.append(recorder.subscribe(self._record))
        self._undo.append(sim.subscribe(self.check_pages))
        listeners = getattr(sim, "_diag_listeners", None)
        sim.on_diagnostic(self.console.add_diagnostic)
        if isinstance(listeners, list):
            self._undo.append(lambda: listeners.remove(self.console.add_diagnostic))
        self.check_pages()

    def _record(self, record: dict) -> None:
        row = self.traffic.feed(record)
        if row.kind in ("console", "error"):
            self.console.add_message(row.kind, row.payload, row.record.get("time"))
        for finding in row.findings:
            self.console.add_finding(finding)

    def check_pages(self) -> None:
        """Page rules (node count, depth) on the page shown (the one that renders)."""
        view = self.sim.current_view() if hasattr(self.sim, "current_view") else None
        if view is None:
            return
        for finding in self.traffic.check_page(view.page_id, view.route, view.root):
            self.console.add_finding(finding)

    def detach(self) -> None:
        for undo in self._undo:
            try:
                undo()
            except ValueError:
                pass
        self._undo = []
