"""Qt painting, fonts, text measuring and page widgets (the only renderer code that imports PySide6)."""
