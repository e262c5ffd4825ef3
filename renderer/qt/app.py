"""One QApplication for the whole process, created on demand.

Offscreen rendering (`wxsim shot`, `mp.screenshot()`) needs a QGuiApplication but no screen;
when no display is available we pick Qt's `offscreen` platform so headless use just works.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QApplication


def ensure_app() -> QApplication:
    """Return the running QApplication, creating one (offscreen when there is no display)."""
    app = QApplication.instance()
    if app is None:
        if not os.environ.get("QT_QPA_PLATFORM") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication([])
    from renderer.qt.fonts import ensure_fonts

    ensure_fonts()
    return app  # type: ignore[return-value]
