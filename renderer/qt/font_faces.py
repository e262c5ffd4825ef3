"""@font-face: load the fonts a stylesheet declares into Qt and map their CSS family names.

The stylesheet keeps its `FontFace` rules (renderer/wxss/stylesheet.py); this module reads
each source (a `data:` URI, or a file in the mini program: `/abs` from its root, otherwise
relative to the declaring sheet), registers the first one Qt can load with QFontDatabase,
and tells `fonts.resolve_families` which Qt family the CSS name stands for. Remote sources
are not fetched (the view layer has no network): they are reported once with the rule's
position and text in that family falls back to the UI fonts.
"""

from __future__ import annotations

import base64
import binascii
import posixpath
import urllib.parse
from typing import Any, Callable

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFontDatabase

from bridge.diagnostics import Diagnostic
from renderer.qt import fonts

ReadBytes = Callable[[str], bytes]
_loaded: dict[tuple, str | None] = {}  # (family, source) → the Qt family it registered


def data_uri_bytes(uri: str) -> bytes | None:
    """RFC 2397: the payload of a `data:` URI (base64 or percent-encoded)."""
    head, sep, payload = uri.partition(",")
    if not sep:
        return None
    if head.lower().endswith(";base64"):
        try:
            return base64.b64decode(payload.strip(), validate=False)
        except (binascii.Error, ValueError):
            return None
    return urllib.parse.unquote_to_bytes(payload)


def source_path(url: str, sheet: str) -> str | None:
    """The mini-program path a local url names, or None for remote or escaping urls."""
    if url.startswith(("//", "http://", "https://", "wxfile://", "cloud://")):
        return None
    clean = url.split("?", 1)[0].split("#", 1)[0]
    rel = clean.lstrip("/") if clean.startswith("/") else posixpath.join(posixpath.dirname(sheet), clean)
    rel = posixpath.normpath(rel)
    return None if rel.startswith("..") else rel


def register_faces(faces: list[Any], read_bytes: ReadBytes, report: Callable[[Diagnostic], None]) -> None:
    """Register every face whose font can be loaded; report the ones that cannot, once each."""
    for face in faces:
        key = (face.family, face.sources)
        if key in _loaded:
            if _loaded[key]:
                fonts.add_face_family(face.family, _loaded[key])
            continue
        family, problem = _load(face, read_bytes)
        _loaded[key] = family
        if family:
            fonts.add_face_family(face.family, family)
        else:
            report(Diagnostic("warning", f"@font-face '{face.family}' not loaded: {problem}",
                              face.file, face.line, face.column))


def _load(face: Any, read_bytes: ReadBytes) -> tuple[str | None, str]:
    problem = "no source"
    for url, _fmt in face.sources:
        if url.startswith("local:"):
            problem = f"local font '{url[6:]}' is not installed"
            continue
        if url.startswith("data:"):
            data = data_uri_bytes(url)
        else:
            rel = source_path(url, face.file)
            if rel is None:
                problem = f"remote source '{url}' is not fetched by the simulator"
                continue
            try:
                data = read_bytes(rel)
            except OSError:
                problem = f"file '{rel}' not found"
                continue
        if not data:
            problem = "empty or malformed data"
            continue
        fid = QFontDatabase.addApplicationFontFromData(QByteArray(data))
        names = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        if names:
            return names[0], ""
        problem = "Qt cannot read the font data"
    return None, problem
