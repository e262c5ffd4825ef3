"""`wxsim open`: the simulator window around a running mini program."""

from __future__ import annotations

import sys

from renderer.qt.app import ensure_app
from simulator.runtime import Simulator
from simulator.ui.window import SimulatorWindow


def run_window(project: str, device: str | None = None, page: str | None = None, scene: int = 1001) -> int:
    app = ensure_app()
    sim = Simulator(project, device=device)
    sim.on_diagnostic(lambda d: print(d, file=sys.stderr))
    sim.start(page, scene=scene)
    sim.pump()
    window = SimulatorWindow(sim)
    window.show()
    return int(app.exec())
