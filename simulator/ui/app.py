"""`wxsim open`: the simulator window around a running mini program, following its files."""

from __future__ import annotations

from renderer.qt.app import ensure_app
from simulator.reload import ReloadSession
from simulator.ui.window import SimulatorWindow


def run_window(project: str, device: str | None = None, page: str | None = None, scene: int = 1001) -> int:
    """Open the window; a project that fails to load still opens, showing its error until fixed."""
    app = ensure_app()
    session = ReloadSession(project, device=device, page=page, scene=scene)
    window = SimulatorWindow(session)
    session.start_watching()
    window.show()
    return int(app.exec())
