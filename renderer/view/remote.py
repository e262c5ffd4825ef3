"""Remote resources the view layer loads itself: `<image src="https://…">` and @font-face urls.

A url is fetched on a worker thread, once per process however many pages or simulators name
it (`shared()`). Fonts are versioned CDN files, so they are kept on disk under
`$XDG_CACHE_HOME/wxsim/fonts/` (default `~/.cache/wxsim/fonts/`), named by the url's SHA-256,
and later runs use them without any network. Images change on their servers, so they are kept
in memory for the life of the process only (an edit on the server shows on the next run).
The worker never touches the view: when it ends it hands each waiter's `arrived` to that
waiter's `post` (a simulator's thread-safe queue), which runs it on the thread that owns the
pages.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Callable

FETCH_TIMEOUT_S = 10.0
SETTLE_WAIT_S = 3.0  # how long "settled" waits for a fetch in flight (a headless shot wants it)
MEMORY_LIMIT = 256 * 1024 * 1024  # bytes of images kept in memory; the oldest go first

Post = Callable[[Callable[[], None]], None]


def remote_url(url: str) -> str | None:
    """The http(s) url a source names (`//host/x` is taken as https), or None if it is local.

    `http://tmp/…` and `http://usr/…` are the program's own temp and user files, not remote.
    """
    if url.startswith("//"):
        return "https:" + url
    if url.startswith(("http://tmp/", "http://usr/")):
        return None
    if url.startswith(("http://", "https://")):
        return url
    return None


def cache_dir() -> Path:
    """The per-user font cache folder (XDG Base Directory: `$XDG_CACHE_HOME`, else `~/.cache`)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wxsim" / "fonts"


def cache_path(url: str) -> Path:
    return cache_dir() / hashlib.sha256(url.encode("utf-8")).hexdigest()


class RemoteFetcher:
    """Fetches remote files once each; `get` answers from a cache or starts a fetch."""

    def __init__(self, timeout_s: float = FETCH_TIMEOUT_S):
        self.timeout_s = timeout_s
        self.failures: dict[str, str] = {}  # url → why it could not be fetched
        self._memory: OrderedDict[str, bytes] = OrderedDict()
        self._memory_bytes = 0
        self._inflight: dict[str, float] = {}  # url → monotonic start time
        self._waiters: dict[str, list[tuple[Post | None, Callable[[], None]]]] = {}
        self._lock = threading.Lock()

    def get(self, url: str, arrived: Callable[[], None], post: Post | None = None,
            persist: bool = True) -> bytes | None:
        """The bytes if cached; else None, with a fetch started (or joined) that calls
        `arrived()` through `post` (directly without one) when it ends, successfully or not
        (then `failures` says why). `persist`: keep the file on disk (fonts), not in memory."""
        return self.request(url, arrived, post, persist)[0]

    def request(self, url: str, arrived: Callable[[], None], post: Post | None = None,
                persist: bool = True) -> tuple[bytes | None, str | None]:
        """(bytes, None) when here; (None, why) when it failed before (`arrived` is not called);
        (None, None) while fetching: `arrived` will be called once, when the fetch ends."""
        with self._lock:
            if url in self.failures:
                return None, self.failures[url]
            if url not in self._inflight:
                cached = self._cached_locked(url)
                if cached is not None:
                    return cached, None
            self._waiters.setdefault(url, []).append((post, arrived))
            if url in self._inflight:
                return None, None
            self._inflight[url] = time.monotonic()
        path = cache_path(url) if persist else None
        threading.Thread(target=self._fetch, args=(url, path), name="wxsim-fetch", daemon=True).start()
        return None, None

    def cached(self, url: str) -> bytes | None:
        """The bytes of a url fetched earlier (memory or the disk cache), without fetching."""
        with self._lock:
            return self._cached_locked(url)

    def _cached_locked(self, url: str) -> bytes | None:
        data = self._memory.get(url)
        if data is not None:
            self._memory.move_to_end(url)
            return data
        try:
            data = cache_path(url).read_bytes()
        except OSError:
            return None
        return data or None

    def pending(self, url: str) -> bool:
        with self._lock:
            return url in self._inflight

    def busy(self) -> bool:
        """A fetch is in flight that started less than SETTLE_WAIT_S ago."""
        now = time.monotonic()
        with self._lock:
            return any(now - started < SETTLE_WAIT_S for started in self._inflight.values())

    def _fetch(self, url: str, path: Path | None) -> None:
        error = ""
        try:
            import requests  # noqa: PLC0415 - costly import, only when something is remote

            resp = requests.get(url, timeout=self.timeout_s)
            if resp.status_code != 200:
                error = f"HTTP {resp.status_code}"
            elif not resp.content:
                error = "empty response"
            elif path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(path.name + f".{os.getpid()}.{threading.get_ident()}.part")
                tmp.write_bytes(resp.content)
                os.replace(tmp, path)
            else:
                self._remember(url, resp.content)
        except Exception as exc:  # network errors, an unwritable cache: reported as the fetch failing
            error = f"{type(exc).__name__}: {exc}"
        self._done(url, error)

    def _remember(self, url: str, data: bytes) -> None:
        with self._lock:
            self._memory[url] = data
            self._memory_bytes += len(data)
            while self._memory_bytes > MEMORY_LIMIT and len(self._memory) > 1:
                _, old = self._memory.popitem(last=False)
                self._memory_bytes -= len(old)

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


_shared: RemoteFetcher | None = None


def shared() -> RemoteFetcher:
    """The process-wide fetcher."""
    global _shared
    if _shared is None:
        _shared = RemoteFetcher()
    return _shared
