"""SimulatorWindow: the desktop window around a running mini program.

It shows the device screen (CSS px, zoomed 50–200 % by a `ZoomView`), drives the simulator's event loop from a Qt timer
(every ~8 ms, so JS timers and setData land within a frame) and repaints when the page
stack, a page or the UI state (toast, modal, navigation bar) changes. It owns a
`ReloadSession`: saved files are applied on the same timer (restyle, re-render or relaunch),
and errors — the mini program's and wxsim's own — are listed on the red error panel instead
of closing the window.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from bridge.diagnostics import Diagnostic
from simulator.reload import ReloadSession
from simulator.settings import Settings
from simulator.ui.blank import BlankScreen
from simulator.ui.pane import SimulatorPane
from simulator.ui.panels.docks import PANEL_WIDTH, Devtools
from simulator.ui.record_bar import RecordBar
from simulator.ui.screen import ScreenWidget
from simulator.ui.zoom import ZoomView

TICK_MS = 8


class SimulatorWindow(QMainWindow):
    """Give it a running `Simulator` or a `ReloadSession` (whose `sim` may be None: load failed)."""

    def __init__(self, sim_or_session: Any, parent: Any = None, devtools: bool = True,
                 settings: Settings | None = None) -> None:
        super().__init__(parent)
        if isinstance(sim_or_session, ReloadSession):
            self.session = sim_or_session
        else:
            self.session = ReloadSession.around(sim_or_session)
        self.sim: Any = None
        self._unsubscribe: list[Any] = []
        self._pending_refresh = False
        self._errors_changed = False
        self._internal_seen: set[str] = set()
        self.screen_widget = ScreenWidget(self._shown(self.session.sim), errors=self.session.errors)
        self.screen_widget.internal_errors = self.report_internal
        self.session.errors.subscribe(self._on_errors)
        self.zoom_view = ZoomView(self.screen_widget, self)
        self.setCentralWidget(self.zoom_view)
        self.settings = settings
        if settings is not None:
            self.zoom_view.set_zoom(float(settings.get("zoom", 1.0) or 1.0))
        self.devtools = Devtools(self, self.screen_widget) if devtools else None
        self._attach(self.session.sim)
        self.pane = SimulatorPane(self, settings)
        self.record_bar = RecordBar(self)  # Record / Assert / Save flow (simulator/flows)
        w, h = self.zoom_view.preferred_size()
        extra = PANEL_WIDTH + 12 if self.devtools is not None else 0
        bars = self.menuBar().sizeHint().height() + self.pane.toolbar.sizeHint().height()
        self.resize(w + extra, min(h + bars, 960))
        if settings is not None:
            self.pane.restore_geometry()
            if self.session.project_dir is not None:
                settings.add_recent(self.session.project_dir)
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.timer.start(TICK_MS)

    def _shown(self, sim: Any) -> Any:
        return sim if sim is not None else BlankScreen(self.session.device)

    # attaching to a simulator ----------------------------------------------------
    def _attach(self, sim: Any) -> None:
        """Watch `sim` (a new one after each relaunch) and show it."""
        self._detach()
        self.sim = sim
        shown = self._shown(sim)
        name = str(shown.device.get("name") or shown.device.get("model") or "")
        self.setWindowTitle(f"wxsim — {name}" if name else "wxsim")
        if sim is not None:
            self._unsubscribe.append(sim.subscribe(self._changed))
            ui = getattr(sim, "ui", None)
            if ui is not None and hasattr(ui, "subscribe"):
                self._unsubscribe.append(ui.subscribe(lambda *_: self._changed()))
            focus = getattr(sim, "focus_listeners", None)
            if isinstance(focus, list):
                focus.append(self._focus)
                self._unsubscribe.append(lambda: focus.remove(self._focus))
        if self.screen_widget.sim is not shown:
            self.screen_widget.set_sim(shown)
        else:
            self.screen_widget.refresh()
        if getattr(self, "devtools", None) is not None:
            self.devtools.attach(sim)

    def reattach(self) -> None:
        """Show the session's current program (after a recompile or a device switch)."""
        self._attach(self.session.sim)
        if hasattr(self, "pane"):
            self.pane.sync()

    def open_project(self, project_dir: str | Path) -> None:
        """Replace the running project with another (File ▸ Open, Recent Projects)."""
        old = self.session
        watching = getattr(old, "_watcher", None) is not None
        session = ReloadSession(project_dir, device=old.device)
        old.stop()
        self._detach()
        if old.sim is not None:
            try:
                old.sim.close()
            except Exception:  # the old program is going away regardless
                pass
        self.session = session
        self.screen_widget.error_panel.log = session.errors
        session.errors.subscribe(self._on_errors)
        self._errors_changed = True
        if watching:
            session.start_watching()
        if self.settings is not None:
            self.settings.add_recent(project_dir)
        self.reattach()

    def _detach(self) -> None:
        for unsub in self._unsubscribe:
            try:
                unsub()
            except (ValueError, TypeError):
                pass
        self._unsubscribe = []

    # the loop ----------------------------------------------------------------------
    def _tick(self) -> None:
        try:
            if self.session.poll():
                self._attach(self.session.sim)
        except Exception as exc:  # a reload bug must not end the session
            self.report_internal("applying a file change", exc)
        if self.sim is not None:
            try:
                self.sim.tick()
            except Exception as exc:  # the loop must survive anything a mini program does
                self.report_internal("running the event loop", exc)
        if self._pending_refresh:
            self._pending_refresh = False
            try:
                self.screen_widget.refresh()
            except Exception as exc:
                self.report_internal("refreshing the screen", exc)
        if self._errors_changed:
            self._errors_changed = False
            self.screen_widget.error_panel.sync()

    def report_internal(self, where: str, exc: BaseException) -> None:
        """A bug inside wxsim: on the error panel (once per message) and with its traceback on stderr."""
        message = f"internal error {where}: {exc!r}"
        if message not in self._internal_seen:
            self._internal_seen.add(message)
            print(f"wxsim: {message}", file=sys.stderr)
            traceback.print_exception(exc, file=sys.stderr)
        self._add_quietly(message)

    def _add_quietly(self, message: str) -> None:
        echo, self.session.errors.echo = self.session.errors.echo, False
        try:
            self.session.errors.add(Diagnostic("error", message))
        finally:
            self.session.errors.echo = echo

    def _changed(self, *_: Any) -> None:
        # coalesce: many notifications in one tick → one refresh
        self._pending_refresh = True

    def _on_errors(self) -> None:
        self._errors_changed = True

    def _focus(self, view: Any, node: Any) -> None:
        self.screen_widget.refresh()
        if view is self.screen_widget.page.view:
            self.screen_widget.page.open_editor(node)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.timer.stop()
        self.pane.save_geometry()
        self.session.stop()
        self._detach()
        if self.devtools is not None:
            self.devtools.detach()
        super().closeEvent(event)
