"""Where the view layer's files come from: image sources and @font-face urls, in one place.

A source is read from, in order: a `data:` URI; the program's own files (`wxfile://usr/…`
and temp paths) through `local_files`; for a remote url, the `"$resources"` rules of the
project's wxsim.mock.json (url glob → a file, or a failure: offline previews, CI, a CDN not
reachable), else the network through the process-wide `RemoteFetcher`; otherwise a file in the
mini-program package (`/abs` from its root, or relative to the page's folder). Every remote
load is recorded in the traffic log as a `resource` message naming where the bytes came from,
so a mocked, cached or failed image is never a mystery. No Qt here: decoding is the painter's.
"""

from __future__ import annotations

import base64
import binascii
import fnmatch
import json
import posixpath
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from bridge.diagnostics import Diagnostic
from renderer.view import remote

MOCK_FILE = "wxsim.mock.json"
SECTION = "$resources"


@dataclass(frozen=True)
class Loaded:
    """A finished load: `data` (None when it failed, then `error` says why, WeChat-style)."""

    data: bytes | None
    error: str = ""
    source: str = ""  # data, local, package, network, cache, mock:wxsim.mock.json#$resources[i]


@dataclass(frozen=True)
class ResourceRule:
    """One `"$resources"` entry: a url glob answered by a file (or a failure status)."""

    pattern: str
    file: Path | None
    status: int
    index: int

    @property
    def source(self) -> str:
        return f"mock:{MOCK_FILE}#{SECTION}[{self.index}]"


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


def load_rules(project_dir: Path, report: Callable[[Diagnostic], None]) -> list[ResourceRule]:
    """The `"$resources"` section: `{"https://cdn.example.com/*": "mock/a.png",
    "https://img.example.com/broken.png": {"status": 404}}`. Files are relative to the
    project folder. Problems are reported (the file itself is the mock loader's to report)."""
    try:
        doc = json.loads((project_dir / MOCK_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    section = doc.get(SECTION) if isinstance(doc, dict) else None
    if section is None:
        return []
    if not isinstance(section, dict):
        report(Diagnostic("error", f'"{SECTION}" must map url patterns to files', MOCK_FILE))
        return []
    rules = []
    for index, (pattern, answer) in enumerate(section.items()):
        if isinstance(answer, str):
            answer = {"file": answer}
        if not isinstance(answer, dict) or not isinstance(answer.get("file", ""), str):
            report(Diagnostic("error", f'"{SECTION}" entry {pattern!r} must be a file path or '
                                       '{"file": …} / {"status": 404}', MOCK_FILE))
            continue
        file = (project_dir / answer["file"]).resolve() if answer.get("file") else None
        status = answer.get("status", 200 if file is not None else 404)
        if not isinstance(status, int) or isinstance(status, bool):
            report(Diagnostic("error", f'"{SECTION}" entry {pattern!r}: "status" must be a number', MOCK_FILE))
            continue
        rules.append(ResourceRule(pattern, file, status, index))
    return rules


class Resources:
    """The view layer's loader for one running mini program."""

    def __init__(self, project: Any, report: Callable[[Diagnostic], None],
                 record: Callable[[dict], None] | None = None):
        self.project = project
        self.report = report
        self.record = record  # a `resource` entry for the traffic log
        self.local_files: Callable[[str], Path | None] | None = None
        self.post_threadsafe: Callable[[Callable[[], None]], None] | None = None
        self._rules: list[ResourceRule] | None = None
        self._rules_stamp: float | None = None
        self._recorded: set[str] = set()

    # rules -------------------------------------------------------------------------
    def rules(self) -> list[ResourceRule]:
        """The `"$resources"` rules, read again when wxsim.mock.json changed."""
        folder = Path(getattr(self.project, "project_dir", None) or self.project.root)
        try:
            stamp = (folder / MOCK_FILE).stat().st_mtime
        except OSError:
            stamp = None
        if self._rules is None or stamp != self._rules_stamp:
            self._rules = load_rules(folder, self.report) if stamp is not None else []
            self._rules_stamp = stamp
        return self._rules

    def rule_for(self, url: str) -> ResourceRule | None:
        return next((r for r in self.rules() if fnmatch.fnmatchcase(url, r.pattern)), None)

    # loading -------------------------------------------------------------------------
    def read(self, src: str, base_dir: str, arrived: Callable[[], None]) -> Loaded | None:
        """The bytes of an image source; None while a remote one is being fetched, and
        `arrived()` then runs on the view's thread when it ends (read again to get it)."""
        src = src.strip()
        if src.startswith("data:"):
            data = data_uri_bytes(src)
            return Loaded(data, "" if data else "malformed data URI", "data")
        local = self.local_files(src) if self.local_files is not None else None
        if local is not None:
            return _read_file(local, src, "local")
        url = remote.remote_url(src)
        if url is not None:
            return self._remote(src, url, arrived, persist=False)
        if src.startswith(("wxfile://", "cloud://", "http://tmp/", "http://usr/")):
            return Loaded(None, f"GET {src} 404 (Not Found)", "local")
        rel = posixpath.normpath(src[1:] if src.startswith("/") else posixpath.join(base_dir, src))
        if rel.startswith(("..", "/")):
            return Loaded(None, f"GET {src} failed: outside the mini program", "package")
        return _read_file(Path(self.project.root) / rel, src, "package")

    def font(self, url: str, arrived: Callable[[], None]) -> bytes | None:
        """A remote font's bytes, None while fetching; raises OSError(why) when it failed."""
        loaded = self._remote(url, url, arrived, persist=True)
        if loaded is None:
            return None
        if loaded.data is None:
            raise OSError(remote.shared().failures.get(url) or loaded.error)  # "HTTP 404": the url is said already
        return loaded.data

    def cached(self, src: str) -> bytes | None:
        """A remote source's bytes if they are here already (the painter never waits)."""
        url = remote.remote_url(src.strip())
        if url is None:
            return None
        rule = self.rule_for(url)
        if rule is not None:
            return self._mocked(rule, src).data
        return remote.shared().cached(url)

    def _remote(self, src: str, url: str, arrived: Callable[[], None], persist: bool) -> Loaded | None:
        rule = self.rule_for(url)
        if rule is not None:
            loaded = self._mocked(rule, src)
        else:
            fetcher = remote.shared()
            was_cached = fetcher.cached(url) is not None
            data, failed = fetcher.request(url, arrived, self.post_threadsafe, persist=persist)
            if data is None and failed is None:
                return None  # `arrived` runs once the fetch ends
            if data is not None:
                loaded = Loaded(data, "", "cache" if was_cached and persist else "network")
            else:
                loaded = Loaded(None, _fetch_error(src, failed), "network")
        self._note(src, loaded)
        return loaded

    def _mocked(self, rule: ResourceRule, src: str) -> Loaded:
        if rule.status != 200 or rule.file is None:
            return Loaded(None, f"GET {src} {rule.status} ({_REASONS.get(rule.status, 'Error')})", rule.source)
        loaded = _read_file(rule.file, src, rule.source)
        if loaded.data is None:
            self.report(Diagnostic("error", f'"{SECTION}" answers {rule.pattern!r} with {rule.file}, '
                                            "which cannot be read", MOCK_FILE))
        return loaded

    def _note(self, src: str, loaded: Loaded) -> None:
        """One traffic-log entry per source per run (a page reload loads it again, silently)."""
        if self.record is None or src in self._recorded:
            return
        self._recorded.add(src)
        entry: dict[str, Any] = {"url": src, "source": loaded.source}
        if loaded.data is not None:
            entry["size"] = len(loaded.data)
        else:
            entry["errMsg"] = loaded.error
        self.record(entry)


_REASONS = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error",
            502: "Bad Gateway", 503: "Service Unavailable"}


def _fetch_error(src: str, why: str) -> str:
    if why.startswith("HTTP "):
        status = int(why[5:]) if why[5:].isdigit() else 0
        return f"GET {src} {status} ({_REASONS.get(status, 'Error')})"
    return f"GET {src} failed ({why})"


def _read_file(path: Path, src: str, source: str) -> Loaded:
    try:
        data = path.read_bytes()
    except OSError:
        return Loaded(None, f"GET {src} 404 (Not Found)", source)
    return Loaded(data, "", source) if data else Loaded(None, f"GET {src} failed: empty file", source)
