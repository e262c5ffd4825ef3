"""Qt painting, fonts, text measuring and page widgets (the only renderer code that imports PySide6)."""

from renderer.qt.none_guard import protect_none

protect_none()
