"""What the window remembers between runs: recent projects, window geometry, zoom, device and
per-project compile modes (DevTools' custom compile conditions: start page, query, scene).

One JSON file, `$XDG_CONFIG_HOME/wxsim/settings.json` (else `~/.config/wxsim/settings.json`),
written atomically (temp file + rename) so a crash never leaves half a file. A damaged file is
set aside as `settings.json.bad` and wxsim starts from defaults. No Qt here.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from bridge.atomic import write_json_atomically

MAX_RECENT = 10
DEFAULT_SCENE = 1001


def default_config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "wxsim"


@dataclass(frozen=True)
class CompileMode:
    """A named launch condition: start page (no leading `/`), query string and scene value."""

    name: str
    page: str
    query: str = ""
    scene: int = DEFAULT_SCENE

    def url(self) -> str:
        """The start URL as `wx.navigateTo` takes it: `pages/detail/detail?id=3`."""
        page = self.page.strip().lstrip("/")
        query = self.query.strip().lstrip("?")
        return f"{page}?{query}" if query else page

    def query_dict(self) -> dict[str, str]:
        return dict(parse_qsl(self.query.strip().lstrip("?"), keep_blank_values=True))

    @classmethod
    def from_dict(cls, data: dict) -> CompileMode:
        query = data.get("query", "")
        if isinstance(query, dict):
            query = urlencode(query)
        return cls(str(data.get("name") or data.get("page") or ""), str(data.get("page", "")).lstrip("/"),
                   str(query), int(data.get("scene", DEFAULT_SCENE)))


@dataclass
class ProjectSettings:
    """Per-project state: the saved compile modes and which one is active (None: normal compile)."""

    modes: list[CompileMode] = field(default_factory=list)
    active: str | None = None

    def active_mode(self) -> CompileMode | None:
        return next((m for m in self.modes if m.name == self.active), None)

    def put(self, mode: CompileMode) -> None:
        """Add `mode`, replacing one of the same name."""
        self.modes = [m for m in self.modes if m.name != mode.name] + [mode]

    def remove(self, name: str) -> None:
        self.modes = [m for m in self.modes if m.name != name]
        if self.active == name:
            self.active = None


def project_key(project_dir: str | Path) -> str:
    return str(Path(project_dir).expanduser().resolve())


class Settings:
    """The settings file; every setter saves at once (the file is small)."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_config_dir()
        self.path = self.folder / "settings.json"
        self.data: dict[str, Any] = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            try:
                os.replace(self.path, self.path.with_name(self.path.name + ".bad"))
            except OSError:
                pass
            return {}
        return data if isinstance(data, dict) else {}

    def save(self) -> None:
        """Write atomically (see bridge/atomic.py): a crash never leaves half a settings file."""
        write_json_atomically(self.path, self.data, indent=2)

    # recent projects ------------------------------------------------------------------------
    def recent_projects(self) -> list[str]:
        return [str(p) for p in self.data.get("recent", []) if isinstance(p, str)]

    def add_recent(self, project_dir: str | Path) -> None:
        """Most recent first, no duplicates, at most MAX_RECENT; also the last project."""
        key = project_key(project_dir)
        self.data["recent"] = [key] + [p for p in self.recent_projects() if p != key][: MAX_RECENT - 1]
        self.save()

    def last_project(self) -> str | None:
        """The most recent project that still exists on disk."""
        return next((p for p in self.recent_projects() if Path(p).is_dir()), None)

    # simple values ------------------------------------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def set(self, key: str, value: Any) -> None:
        if self.data.get(key) != value:
            self.data[key] = value
            self.save()

    # per-project compile modes ----------------------------------------------------------------
    def project(self, project_dir: str | Path) -> ProjectSettings:
        raw = (self.data.get("projects") or {}).get(project_key(project_dir)) or {}
        modes = []
        for item in raw.get("modes") or []:
            try:
                modes.append(CompileMode.from_dict(item))
            except (TypeError, ValueError):
                continue
        active = raw.get("active")
        return ProjectSettings([m for m in modes if m.page], active if isinstance(active, str) else None)

    def set_project(self, project_dir: str | Path, value: ProjectSettings) -> None:
        projects = self.data.setdefault("projects", {})
        projects[project_key(project_dir)] = {"modes": [asdict(m) for m in value.modes], "active": value.active}
        self.save()
