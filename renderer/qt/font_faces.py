"""@font-face: load the fonts a stylesheet declares into Qt and map their CSS family names.

The stylesheet keeps its `FontFace` rules (renderer/wxss/stylesheet.py); this module reads
each source (a `data:` URI, or a file in the mini program: `/abs` from its root, otherwise
relative to the declaring sheet, or a remote `http(s)://` / `//host` url through `fetch`),
registers the first one Qt can load with QFontDatabase, and tells `fonts.resolve_families`
which Qt family the CSS name stands for. A remote source still being fetched leaves the face
pending (not reported, not remembered): the caller registers the faces again when it arrives.
A face none of whose sources loads is reported once with the rule's position, and text in
that family falls back to the UI fonts.
"""

from __future__ import annotations

import posixpath
from typing import Any, Callable

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFontDatabase

from bridge.diagnostics import Diagnostic
from renderer.qt import fonts
from renderer.view.remote import remote_url
from renderer.view.resources import data_uri_bytes

ReadBytes = Callable[[str], bytes]
# url → the font bytes, None while a fetch is in flight; raises OSError(why) when it failed
Fetch = Callable[[str], "bytes | None"]
# CSS Fonts 4 §4.3.1: format() hints of containers Qt cannot read are skipped without a fetch
_SKIP_FORMATS = ("embedded-opentype", "svg")
_KNOWN_FORMATS = ("truetype", "opentype", "woff", "woff2", "collection")
_SKIP_EXTENSIONS = (".eot", ".svg", ".svgz")
_loaded: dict[tuple, str | None] = {}  # (family, source) → the Qt family it registered


def source_path(url: str, sheet: str) -> str | None:
    """The mini-program path a local url names, or None for remote or escaping urls."""
    if url.startswith(("//", "http://", "https://", "wxfile://", "cloud://")):
        return None
    clean = url.split("?", 1)[0].split("#", 1)[0]
    rel = clean.lstrip("/") if clean.startswith("/") else posixpath.join(posixpath.dirname(sheet), clean)
    rel = posixpath.normpath(rel)
    return None if rel.startswith("..") else rel


def register_faces(faces: list[Any], read_bytes: ReadBytes, report: Callable[[Diagnostic], None],
                   fetch: Fetch | None = None) -> bool:
    """Register every face whose font can be loaded; report the ones that cannot, once each.

    True when some face waits for a remote source (register again once it arrived)."""
    waiting = False
    for face in faces:
        key = (face.family, face.sources)
        if key in _loaded:
            if _loaded[key]:
                fonts.add_face_family(face.family, _loaded[key])
            continue
        family, problem = _load(face, read_bytes, fetch)
        if problem is None:
            waiting = True
            continue
        _loaded[key] = family
        if family:
            fonts.add_face_family(face.family, family)
        else:
            report(Diagnostic("warning", f"@font-face '{face.family}' not loaded: {problem}",
                              face.file, face.line, face.column))
    return waiting


def skipped_format(url: str, fmt: str | None) -> bool:
    """A source whose format() hint (or, without one, file extension) Qt cannot load."""
    if fmt:
        low = fmt.lower().removesuffix("-variations")
        return low in _SKIP_FORMATS or low not in _KNOWN_FORMATS
    path = url.split("?", 1)[0].split("#", 1)[0].lower()
    return path.endswith(_SKIP_EXTENSIONS)


def _load(face: Any, read_bytes: ReadBytes, fetch: Fetch | None) -> tuple[str | None, str | None]:
    """(Qt family, "") when loaded, (None, why) when no source loads, (None, None) while waiting."""
    problem = "no source"
    for url, fmt in face.sources:
        if url.startswith("local:"):
            problem = f"local font '{url[6:]}' is not installed"
            continue
        if not url.startswith("data:") and skipped_format(url, fmt):
            problem = f"source '{url}' has a format the simulator cannot load"
            continue
        remote = remote_url(url)
        if url.startswith("data:"):
            data = data_uri_bytes(url)
        elif remote is not None:
            if fetch is None:
                problem = f"remote source '{url}' is not fetched here"
                continue
            try:
                data = fetch(remote)
            except OSError as exc:
                problem = f"remote source '{url}' could not be fetched ({exc})"
                continue
            if data is None:
                return None, None
        else:
            rel = source_path(url, face.file)
            if rel is None:
                problem = f"source '{url}' is outside the mini program"
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
