"""What wxsim assumes about a media `src` it cannot decode (no audio or video codecs here).

A local source must exist: a file of the mini program (`/audio/a.mp3` from the root, or
relative to the page's folder) or one the program holds (`wxfile://usr/...`, temp paths);
otherwise it fails with WeChat's errCode 10003 (file error), and a file that is not audio or
video fails with 10004 (format error). Remote sources (`https://`, `cloud://`) are assumed to load.
Duration and picture size come from `"$simulate": {"media": ...}` in wxsim.mock.json:

    "media": {"duration": 60, "width": 1280, "height": 720,
              "files": {"*.mp3": 180, "https://cdn.example.com/bad*": {"error": 10002}}}

`files` maps a glob on the src (`*` any text) to seconds or to `{duration, width, height, error}`;
the first match wins. A page's `duration` attribute wins over both.
"""

from __future__ import annotations

import fnmatch
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any

from renderer.view.media_player import DEFAULT_DURATION, DEFAULT_SIZE, MediaSource

# InnerAudioContext.onError errCode values (WeChat docs).
ERRORS = {10001: "system error", 10002: "network error", 10003: "file error", 10004: "format error",
          -1: "unknown error"}
AUDIO_SUFFIXES = frozenset({".mp3", ".m4a", ".aac", ".wav", ".ogg", ".flac", ".amr", ".mp4", ".m4r", ".opus",
                            ".silk", ".wma", ".ape", ".caf"})
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".3gp", ".avi", ".m3u8", ".flv", ".webm", ".mkv", ".ts",
                            ".mpd", ".wmv"})
REMOTE = ("http://", "https://", "//", "cloud://", "rtmp://", "data:")


def describe(src: str, kind: str, *, root: Path, base_dir: str = "", settings: dict | None = None,
             local_file: Callable[[str], Path | None] | None = None) -> MediaSource:
    """The MediaSource for `src` (`kind` "audio" or "video") of a page in folder `base_dir`."""
    src = str(src or "").strip()
    facts = _configured(src, settings or {})
    error = facts.get("error")
    if error is None:
        error = _local_error(src, kind, root, base_dir, local_file)
    elif isinstance(error, (int, float)) and not isinstance(error, bool):
        error = (int(error), ERRORS.get(int(error), "simulated error") + f": {src}")
    else:
        error = (-1, f"{error}: {src}")
    return MediaSource(src, _number(facts.get("duration"), DEFAULT_DURATION), int(_number(facts.get("width"),
                       DEFAULT_SIZE[0])), int(_number(facts.get("height"), DEFAULT_SIZE[1])), error)


def _configured(src: str, settings: dict) -> dict:
    facts: dict[str, Any] = {k: settings[k] for k in ("duration", "width", "height") if k in settings}
    files = settings.get("files")
    for pattern, value in (files.items() if isinstance(files, dict) else ()):
        if fnmatch.fnmatchcase(src, str(pattern)):
            facts.update(value if isinstance(value, dict) else {"duration": value})
            break
    return facts


def _local_error(src: str, kind: str, root: Path, base_dir: str,
                 local_file: Callable[[str], Path | None] | None) -> tuple[int, str] | None:
    if not src:
        return 10003, "src is empty"
    held = local_file(src) if local_file is not None else None
    if held is not None:
        return None if held.is_file() else (10003, f"file not found: {src}")
    low = src.lower()
    if low.startswith(REMOTE):
        return None
    if low.startswith("wxfile://"):
        return 10003, f"file not found: {src}"
    rel = src[1:] if src.startswith("/") else posixpath.join(base_dir.strip("/"), src)
    rel = posixpath.normpath(rel)
    if rel.startswith(".."):
        return 10003, f"file outside the mini program: {src}"
    path = Path(root) / rel
    if not path.is_file():
        return 10003, f"file not found: {src}"
    suffixes = AUDIO_SUFFIXES if kind == "audio" else VIDEO_SUFFIXES
    if path.suffix and path.suffix.lower() not in suffixes:
        return 10004, f"not a {kind} file: {src}"
    return None


def _number(value: Any, default: float) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return float(value)
    return default
