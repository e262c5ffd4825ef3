"""SimulatorWindow: the desktop window around a running `Simulator`.

It shows the device screen at 1:1 CSS px, drives the simulator's event loop from a Qt timer
(every ~8 ms, so JS timers and setData land within a frame) and repaints when the page
stack, a page or the UI state (toast, modal, navigation bar) changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QScrollArea

from simulator.ui.screen import ScreenWidget

TICK_MS = 8


class SimulatorWindow(QMainWindow):
    def __init__(self, sim: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.sim = sim
        self.screen_widget = ScreenWidget(sim)
        area = QScrollArea(self)
        area.setWidget(self.screen_widget)
        area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        area.setStyleSheet("QScrollArea { background: #2b2b2b; border: none; }")
        self.setCentralWidget(area)
        name = str(sim.device.get("name") or sim.device.get("model") or "")
        self.setWindowTitle(f"wxsim — {name}" if name else "wxsim")
        geo = self.screen_widget.geo
        self.resize(round(geo.width) + 40, min(round(geo.height) + 40, 960))
        self._unsubscribe: list[Any] = []
        self._pending_refresh = False
        self._unsubscribe.append(sim.subscribe(self._changed))
        ui = getattr(sim, "ui", None)
        if ui is not None and hasattr(ui, "subscribe"):
            self._unsubscribe.append(ui.subscribe(lambda *_: self._changed()))
        focus = getattr(sim, "focus_listeners", None)
        if isinstance(focus, list):
            focus.append(self._focus)
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.timer.start(TICK_MS)

    def _tick(self) -> None:
        try:
            self.sim.tick()
        except Exception as exc:  # the loop must survive anything a mini program does
            report = getattr(self.sim, "report", None)
            if callable(report):
                from bridge.diagnostics import Diagnostic

                report(Diagnostic("error", f"event loop: {exc}"))
        if self._pending_refresh:
            self._pending_refresh = False
            self.screen_widget.refresh()

    def _changed(self, *_: Any) -> None:
        # coalesce: many notifications in one tick → one refresh
        self._pending_refresh = True

    def _focus(self, view: Any, node: Any) -> None:
        self.screen_widget.refresh()
        if view is self.screen_widget.page.view:
            self.screen_widget.page.open_editor(node)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.timer.stop()
        for unsub in self._unsubscribe:
            try:
                unsub()
            except (ValueError, TypeError):
                pass
        focus = getattr(self.sim, "focus_listeners", None)
        if isinstance(focus, list) and self._focus in focus:
            focus.remove(self._focus)
        super().closeEvent(event)
