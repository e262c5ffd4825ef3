"""Remote @font-face sources: fetched once on a worker thread into a per-user cache folder.

Icon libraries (Vant, TDesign) serve their icon fonts from a CDN. A source url is fetched
the first time a sheet names it and kept under `$XDG_CACHE_HOME/wxsim/fonts/` (default
`~/.cache/wxsim/fonts/`), named by the url's SHA-256, so later runs use the file without any
network. One fetcher serves the process (`shared()`), so a url is fetched once however many
simulators name it. The worker never touches the view: when it ends it hands each waiter's
`arrived` to that waiter's `post` (a simulator's thread-safe queue), which runs it on the
thread that owns the pages.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from pathlib import Path
from typing import Callable

FETCH_TIMEOUT_S = 10.0
SETTLE_WAIT_S = 3.0  # how long "settled" waits for a fetch in flight (a headless shot wants the icons)

Post = Callable[[Callable[[], None]], None]


def remote_url(url: str) -> str | None:
    """The http(s) url a font source names (`//host/x` is taken as https), or None if it is local."""
    if url.startswith("//"):
        return "https:" + url
    if url.startswith(("http://", "https://")):
        return url
    return None


def cache_dir() -> Path:
    """The per-user font cache folder (XDG Base Directory: `$XDG_CACHE_HOME`, else `~/.cache`)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wxsim" / "fonts"


def cache_path(url: str) -> Path:
    return cache_dir() / hashlib.sha256(url.encode("utf-8")).hexdigest()


class FontFetcher:
    """Fetches remote font files once each; `get` answers from the cache or starts a fetch."""

    def __init__(self, timeout_s: float = FETCH_TIMEOUT_S):
        self.timeout_s = timeout_s
        self.failures: dict[str, str] = {}  # url → why it could not be fetched
        self._inflight: dict[str, float] = {}  # url → monotonic start time
        self._waiters: dict[str, list[tuple[Post | None, Callable[[], None]]]] = {}
        self._lock = threading.Lock()

    def get(self, url: str, arrived: Callable[[], None], post: Post | None = None) -> bytes | None:
        """The font bytes if cached; else None, with a fetch started (or joined) that calls
        `arrived()` through `post` (directly without one) when it ends, successfully or not
        (then `failures` says why)."""
        if url in self.failures:
            return None
        path = cache_path(url)
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        if data:
            return data
        with self._lock:
            if url in self.failures:
                return None
            if url not in self._inflight and path.is_file() and path.stat().st_size:
                return path.read_bytes()  # another fetch finished meanwhile
            self._waiters.setdefault(url, []).append((post, arrived))
            if url in self._inflight:
                return None
            self._inflight[url] = time.monotonic()
        threading.Thread(target=self._fetch, args=(url, path), name="wxsim-font-fetch", daemon=True).start()
        return None

    def pending(self, url: str) -> bool:
        with self._lock:
            return url in self._inflight

    def busy(self) -> bool:
        """A fetch is in flight that started less than SETTLE_WAIT_S ago."""
        now = time.monotonic()
        with self._lock:
            return any(now - started < SETTLE_WAIT_S for started in self._inflight.values())

    def _fetch(self, url: str, path: Path) -> None:
        error = ""
        try:
            import requests  # noqa: PLC0415 - costly import, only when a font is remote

            resp = requests.get(url, timeout=self.timeout_s)
            if resp.status_code != 200:
                error = f"HTTP {resp.status_code}"
            elif not resp.content:
                error = "empty response"
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(path.name + f".{os.getpid()}.{threading.get_ident()}.part")
                tmp.write_bytes(resp.content)
                os.replace(tmp, path)
        except Exception as exc:  # network errors, an unwritable cache: reported as the fetch failing
            error = f"{type(exc).__name__}: {exc}"
        self._done(url, error)

    def _done(self, url: str, error: str) -> None:
        with self._lock:
            if error:
                self.failures[url] = error
            self._inflight.pop(url, None)
            waiters = self._waiters.pop(url, [])
        for post, fn in waiters:
            if post is not None:
                post(fn)
            else:
                fn()


_shared: FontFetcher | None = None


def shared() -> FontFetcher:
    """The process-wide fetcher."""
    global _shared
    if _shared is None:
        _shared = FontFetcher()
    return _shared
