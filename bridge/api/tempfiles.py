"""Temporary files handed to the mini program (chooseImage, chooseMedia, compressImage…): copies of
picked files or produced images in a per-project sandbox folder, named `http://tmp/<name>` as the
developer tools name them.
`resolve(path)` maps such a name back to the file on disk.
"""

from __future__ import annotations

import hashlib
import secrets
import shutil
import tempfile
from pathlib import Path

from bridge.api.image_header import read_header

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

    def add_bytes(self, data: bytes, suffix: str) -> str:
        """A new temp file holding `data` (an image produced by the host); returns its temp path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        name = secrets.token_hex(16) + suffix.lower()
        (self.folder / name).write_bytes(data)
        self.files[PREFIX + name] = self.folder / name
        return PREFIX + name

    def resolve(self, path: str) -> Path | None:
        return self.files.get(path)


def image_size(path: Path) -> tuple[int, int]:
    """(width, height) from the file's header (bridge/api/image_header.py); (0, 0) when unknown."""
    try:
        header = read_header(path.read_bytes())
    except OSError:
        return 0, 0
    return header.width, header.height
