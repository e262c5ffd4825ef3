"""The built-in component stylesheet (default.wxss), parsed once and shared."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bridge.diagnostics import DiagnosticLog, error

from .stylesheet import StyleSheet, parse_stylesheet

DEFAULT_PATH = Path(__file__).with_name("default.wxss")


@lru_cache(maxsize=1)
def default_stylesheet() -> StyleSheet:
    """Parse default.wxss; any diagnostic in our own sheet is a bug, so it raises."""
    log = DiagnosticLog()

    def no_imports(rel: str) -> str:
        raise error(f"default.wxss cannot import '{rel}'")

    sheet = parse_stylesheet(DEFAULT_PATH.read_text(encoding="utf-8"), "default.wxss", no_imports, log, allow_attrs=True)
    if log.items:
        raise RuntimeError("default.wxss: " + "; ".join(map(str, log.items)))
    sheet.user_agent = True
    return sheet
