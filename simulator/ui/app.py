"""`wxsim open`: the simulator window around a running mini program, following its files."""

from __future__ import annotations

from renderer.qt.app import ensure_app
from simulator.reload import ReloadSession
from simulator.settings import Settings
from simulator.ui.window import SimulatorWindow


def launch_condition(settings: Settings, project: str, page: str | None, scene: int | None) -> tuple[str | None, int]:
    """The start page and scene: the command line's, else the project's active compile mode, else the entry page."""
    mode = settings.project(project).active_mode()
    if page is None and mode is not None:
        return mode.url(), scene if scene is not None else mode.scene
    return page, scene if scene is not None else 1001


def run_window(project: str, device: str | None = None, page: str | None = None, scene: int | None = None,
               settings: Settings | None = None) -> int:
    """Open the window; a project that fails to load still opens, showing its error until fixed."""
    app = ensure_app()
    settings = settings or Settings()
    page, scene = launch_condition(settings, project, page, scene)
    device = device or settings.get("device")
    session = ReloadSession(project, device=device, page=page, scene=scene)
    window = SimulatorWindow(session, settings=settings)
    session.start_watching()
    window.show()
    return int(app.exec())
