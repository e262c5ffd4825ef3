"""ImageStore: loads the `<image src>` files of one page, once, and draws them by `mode`.

Sources are files inside the mini program (absolute `/images/a.png` from the mini-program
root, or relative to the page's folder), `data:` URIs, and the program's own local files
(`wxfile://usr/...`, temp paths from chooseImage / downloadFile) through `local_files`, and
remote urls through `remote` (the bytes renderer/view/resources.py fetched, or mocked, for the
page's image loads; None until they arrive). A source that cannot be loaded draws nothing and
is reported once, so a broken path shows up in the diagnostics instead of crashing or spamming.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QImage, QImageReader

from bridge.diagnostics import Diagnostic
from renderer.view.resources import data_uri_bytes

Report = Callable[[Diagnostic], None]


class ImageStore:
    """Resolves and caches images for a page (`base_dir` is the page's folder, e.g. `pages/index`)."""

    def __init__(self, root: str | Path | None, base_dir: str = "", report: Report | None = None,
                 file: str | None = None, local_files: Callable[[str], Path | None] | None = None,
                 remote: Callable[[str], bytes | None] | None = None) -> None:
        self.root = Path(root).resolve() if root is not None else None
        self.base_dir = base_dir.strip("/")
        self.report = report
        self.file = file  # the page's WXML, for diagnostics
        self.local_files = local_files  # `wxfile://usr/...` and temp paths (`http://tmp/...`) → file
        self.remote = remote  # a remote url → its bytes once loaded (the view reports failures)
        self._cache: dict[str, tuple[float, QImage | None]] = {}
        self._reported: set[str] = set()

    def resolve(self, src: str) -> Path | None:
        """The file a local `src` names, or None when it is outside the mini program."""
        if self.root is None:
            return None
        rel = src[1:] if src.startswith("/") else posixpath.join(self.base_dir, src)
        rel = posixpath.normpath(rel)
        if rel.startswith("..") or rel.startswith("/"):
            return None
        return self.root / rel

    def get(self, src: object) -> QImage | None:
        """The decoded image, or None (reported once) when it cannot be loaded."""
        if not isinstance(src, str) or not src.strip():
            return None
        src = src.strip()
        if src.startswith("data:"):
            return self._cached(src, 0.0, lambda: _decode_data_uri(src))
        local = self.local_files(src) if self.local_files is not None else None
        if local is not None and local.is_file():
            return self._cached(src, local.stat().st_mtime, lambda: _read(local))
        low = src.lower()
        if low.startswith(("http://", "https://", "//")) and self.remote is not None:
            hit = self._cache.get(src)
            if hit is not None and hit[1] is not None:
                return hit[1]  # decoded once; painting does not ask the loader again
            data = self.remote(src)
            return None if data is None else self._cached(src, 0.0, lambda: decode_bytes(data))
        if low.startswith(("http://", "https://", "//", "wxfile://", "cloud://")):
            self._warn(src, f"image not loaded: {src!r} is not available to the simulator")
            return None
        path = self.resolve(src)
        if path is None:
            self._warn(src, f"image not loaded: {src!r} is outside the mini program")
            return None
        try:
            mtime = path.stat().st_mtime
        except OSError:
            self._warn(src, f"image not found: {src!r}")
            return None
        return self._cached(src, mtime, lambda: _read(path))

    def natural_size(self, src: object) -> tuple[int, int] | None:
        img = self.get(src)
        return None if img is None else (img.width(), img.height())

    def _cached(self, src: str, stamp: float, load: Callable[[], QImage | None]) -> QImage | None:
        hit = self._cache.get(src)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        img = load()
        if img is None or img.isNull():
            img = None
            self._warn(src, f"image could not be decoded: {src[:80]!r}")
        self._cache[src] = (stamp, img)
        return img

    def _warn(self, key: str, message: str) -> None:
        if key in self._reported:
            return
        self._reported.add(key)
        if self.report is not None:
            self.report(Diagnostic("warning", message, self.file))


def _read(path: Path) -> QImage | None:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    img = reader.read()
    return None if img.isNull() else img


def _decode_data_uri(uri: str) -> QImage | None:
    raw = data_uri_bytes(uri)
    return None if raw is None else decode_bytes(raw)


def decode_bytes(raw: bytes) -> QImage | None:
    buf = QBuffer()
    buf.setData(QByteArray(raw))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buf)
    reader.setAutoTransform(True)
    img = reader.read()
    return None if img.isNull() else img


def image_rects(mode: str, box: QRectF, iw: float, ih: float) -> tuple[QRectF, QRectF]:
    """(target rect, source rect) for an `<image mode>`; WeChat's modes, default scaleToFill.

    widthFix/heightFix get a box of the image's ratio from layout, so they fill it like scaleToFill.
    The cropping modes (top, bottom left, …) draw at natural size, clipped to the box.
    """
    src = QRectF(0, 0, iw, ih)
    if iw <= 0 or ih <= 0 or box.width() <= 0 or box.height() <= 0:
        return box, src
    mode = (mode or "scaleToFill").strip()
    if mode == "aspectFit":
        s = min(box.width() / iw, box.height() / ih)
        w, h = iw * s, ih * s
        return QRectF(box.x() + (box.width() - w) / 2, box.y() + (box.height() - h) / 2, w, h), src
    if mode == "aspectFill":
        s = max(box.width() / iw, box.height() / ih)
        sw, sh = box.width() / s, box.height() / s
        return box, QRectF((iw - sw) / 2, (ih - sh) / 2, sw, sh)
    if mode in ("scaleToFill", "widthFix", "heightFix", ""):
        return box, src
    parts = mode.split()
    hpos = "left" if "left" in parts else "right" if "right" in parts else "center"
    vpos = "top" if "top" in parts else "bottom" if "bottom" in parts else "center"
    if mode in ("top", "bottom"):
        hpos = "center"
    if mode in ("left", "right"):
        vpos = "center"
    # the visible part of the natural-size image inside the box
    bw, bh = box.width(), box.height()
    sx = 0.0 if hpos == "left" else (iw - bw) if hpos == "right" else (iw - bw) / 2
    sy = 0.0 if vpos == "top" else (ih - bh) if vpos == "bottom" else (ih - bh) / 2
    source = QRectF(sx, sy, bw, bh).intersected(src)
    target = QRectF(box.x() + (source.x() - sx), box.y() + (source.y() - sy), source.width(), source.height())
    return target, source


def image_size(data: bytes) -> tuple[int, int] | None:
    """The natural (width, height) of encoded image bytes, from the header where the format
    allows, honouring an EXIF orientation that swaps the sides; None when Qt cannot read it."""
    buf = QBuffer()
    buf.setData(QByteArray(data))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buf)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid():
        img = reader.read()
        if img.isNull():
            return None
        return img.width(), img.height()
    w, h = size.width(), size.height()
    if reader.transformation().value & 4:  # QImageIOHandler.TransformationRotate90
        w, h = h, w
    return w, h
