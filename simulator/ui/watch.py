"""A window that shows a mini program driven by a script (`launch(..., headless=False)`).

The script keeps driving the simulator; the window only repaints after each action, so a
test can be watched step by step without changing what it does.
"""

from __future__ import annotations

from typing import Any

from renderer.qt.app import ensure_app
from simulator.ui.screen import ScreenWidget


class WatchWindow:
    def __init__(self, sim: Any):
        self.app = ensure_app()
        self.screen = ScreenWidget(sim)
        self.screen.setWindowTitle(f"wxsim — {sim.project.project_dir.name}")
        self.screen.show()
        self.refresh()

    def refresh(self) -> None:
        self.screen.refresh()
        self.app.processEvents()

    def close(self) -> None:
        self.screen.close()
        self.app.processEvents()
