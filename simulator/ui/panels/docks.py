"""The devtool docks of the simulator window: Console, AppData, WXML, Bridge and Storage,
tabbed together on the right of the device like WeChat DevTools' debugger."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QWidget

from simulator.devtools.session import DevtoolsSession
from simulator.ui.panels.appdata_panel import AppDataPanel
from simulator.ui.panels.bridge_panel import BridgePanel
from simulator.ui.panels.console_panel import ConsolePanel
from simulator.ui.panels.storage_panel import StoragePanel
from simulator.ui.panels.wxml_panel import WxmlPanel

PANEL_WIDTH = 560


class Devtools:
    """Creates the docks on `window` and follows the window's current simulator."""

    def __init__(self, window: QMainWindow, screen: QWidget) -> None:
        self.window = window
        self.session: DevtoolsSession | None = None
        self.console = ConsolePanel()
        self.appdata = AppDataPanel()
        self.wxml = WxmlPanel(screen)
        self.bridge = BridgePanel()
        self.storage = StoragePanel()
        self.docks: dict[str, QDockWidget] = {}
        window.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        first: QDockWidget | None = None
        for name, panel in (("Console", self.console), ("AppData", self.appdata), ("WXML", self.wxml),
                            ("Bridge", self.bridge), ("Storage", self.storage)):
            dock = QDockWidget(name, window)
            dock.setObjectName(f"devtools-{name.lower()}")
            dock.setWidget(panel)
            dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if first is None:
                first = dock
            else:
                window.tabifyDockWidget(first, dock)
            self.docks[name] = dock
        first.raise_()
        window.resizeDocks([first], [PANEL_WIDTH], Qt.Orientation.Horizontal)

    def show(self, name: str) -> None:
        """Bring one panel's tab to the front."""
        dock = self.docks[name]
        dock.show()
        dock.raise_()

    def attach(self, sim: Any) -> None:
        """Follow `sim` (None while the project cannot load); called again after each relaunch."""
        if self.session is not None:
            if self.session.sim is sim:
                return
            self.session.detach()
        full = sim is not None and all(hasattr(sim, a) for a in ("bridge", "logic", "router", "storage"))
        sim = sim if full else None  # a blank screen (project failed to load) has nothing to inspect
        self.session = DevtoolsSession(sim) if sim is not None else None
        log = self.session.traffic if self.session else None
        self.console.attach(self.session.console if self.session else None, sim)
        self.bridge.attach(log, sim)
        self.appdata.attach(sim, log)
        self.wxml.attach(sim)
        self.storage.attach(sim, log)

    def detach(self) -> None:
        if self.session is not None:
            self.session.detach()
            self.session = None
