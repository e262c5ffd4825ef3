"""Temporary files handed to the mini program (chooseImage, chooseMedia): copies of the picked
files in a per-project sandbox folder, named `http://tmp/<name>` as the developer tools name them.
`resolve(path)` maps such a name back to the file on disk.
"""

from __future__ import annotations

import hashlib
import secrets
import shutil
import struct
import tempfile
from pathlib import Path

PREFIX = "http://tmp/"


class TempFiles:
    def __init__(self, project_root: Path, folder: Path | None = None):
        digest = hashlib.sha1(str(Path(project_root).resolve()).encode()).hexdigest()[:16]
        self.folder = folder or Path(tempfile.gettempdir()) / "wxsim-tmp" / digest
        self.files: dict[str, Path] = {}

    def add(self, source: Path) -> str:
        """Copy `source` into the sandbox; returns its temp path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        name = secrets.token_hex(16) + source.suffix.lower()
        target = self.folder / name
        shutil.copyfile(source, target)
        self.files[PREFIX + name] = target
        return PREFIX + name

    def resolve(self, path: str) -> Path | None:
        return self.files.get(path)


def image_size(path: Path) -> tuple[int, int]:
    """(width, height) from a PNG, GIF or JPEG header; (0, 0) when unknown."""
    try:
        data = path.read_bytes()[:65536]
    except OSError:
        return 0, 0
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", data[6:10])
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker, size = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h, w = struct.unpack(">HH", data[i + 5:i + 9])
                return w, h
            i += 2 + size
    return 0, 0
