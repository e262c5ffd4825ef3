"""Parsing WXSS in tests: a whole sheet with its diagnostics, or declarations as longhands."""

from __future__ import annotations

from bridge.diagnostics import DiagnosticLog
from renderer.wxss import parse_declarations, parse_stylesheet


def sheet(text: str, path: str = "pages/a/a.wxss"):
    """(StyleSheet, DiagnosticLog) of `text` as the file `path` (imports resolve to nothing)."""
    log = DiagnosticLog()
    return parse_stylesheet(text, path, lambda rel: "", log), log


def declarations(text: str, path: str = "a.wxss") -> tuple[dict, list]:
    """({longhand: value}, the problems reported) of a declaration block written in `path`."""
    found: list = []
    decls = parse_declarations(text, path, found.append, lambda key, msg, *where: found.append(msg))
    return {k: v for d in decls for k, v in d.longhands}, found


def longhands(text: str) -> dict:
    return declarations(text)[0]
