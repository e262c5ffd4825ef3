"""Hot reload: watch the project folder and bring the running mini program up to date.

What a change needs depends on the file, as in WeChat DevTools' compile-on-save:
- `.wxss` → stylesheets are re-read and every live page is restyled in place (data kept);
- `.wxml` / `.wxs` → templates are recompiled and live pages re-rendered (data kept);
- `.js` / `.json` / anything else the logic layer reads → the app is relaunched on a new
  `Simulator` with the same device and storage, reopening the same page stack (routes and
  queries).
Saves arrive in bursts (editors write temp files, rename, touch), so changes are debounced
(~100 ms of quiet). A load that fails keeps its error on screen (`ErrorLog`) until a later
save fixes it. No Qt here: the window polls `ReloadSession.poll()` from its timer.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlencode

from bridge.diagnostics import Diagnostic, WxsimError

DEBOUNCE_MS = 100.0
STYLE_EXT = (".wxss",)
TEMPLATE_EXT = (".wxml", ".wxs")
IGNORED_PARTS = (".git", "node_modules", "__pycache__", ".idea", ".vscode")


def classify(rel: str) -> str | None:
    """'style', 'template' or 'script' for a changed file; None for files that need nothing."""
    name = rel.rsplit("/", 1)[-1]
    if any(part in IGNORED_PARTS for part in rel.split("/")) or name.startswith(".") or name.endswith("~"):
        return None
    if name.endswith(STYLE_EXT):
        return "style"
    if name.endswith(TEMPLATE_EXT):
        return "template"
    if name.endswith((".js", ".json", ".ts", ".mjs", ".cjs")):
        return "script"
    return None


def strongest(kinds: set[str]) -> str | None:
    """One batch gets one treatment: a relaunch covers a re-render, which covers a restyle."""
    for kind in ("script", "template", "style"):
        if kind in kinds:
            return kind
    return None


class Debouncer:
    """Collects changed paths from the watcher thread; hands them out after a quiet spell."""

    def __init__(self, quiet_ms: float = DEBOUNCE_MS, clock: Callable[[], float] | None = None):
        self.quiet_ms = quiet_ms
        self.clock = clock or (lambda: time.monotonic() * 1000)
        self._lock = threading.Lock()
        self._paths: set[str] = set()
        self._last = 0.0
        self.first_ms: float | None = None  # when the pending batch began (for latency figures)

    def add(self, rel: str) -> None:
        with self._lock:
            now = self.clock()
            if not self._paths:
                self.first_ms = now
            self._paths.add(rel)
            self._last = now

    def take(self) -> set[str] | None:
        with self._lock:
            if not self._paths or self.clock() - self._last < self.quiet_ms:
                return None
            paths, self._paths = self._paths, set()
            return paths


class ErrorLog:
    """The errors the window shows over the device screen; warnings only go to stderr."""

    def __init__(self, echo: bool = True) -> None:
        self.errors: list[Diagnostic] = []
        self.dismissed = False
        self.echo = echo
        self._listeners: list[Callable[[], None]] = []

    def add(self, diagnostic: Diagnostic) -> None:
        if self.echo:
            print(diagnostic, file=sys.stderr)
        if diagnostic.severity != "error":
            return
        if diagnostic not in self.errors:
            self.errors.append(diagnostic)
        self.dismissed = False
        self._notify()

    def clear(self) -> None:
        if self.errors:
            self.errors = []
            self._notify()

    def dismiss(self) -> None:
        self.dismissed = True
        self._notify()

    def visible(self) -> list[Diagnostic]:
        return [] if self.dismissed else list(self.errors)

    def subscribe(self, fn: Callable[[], None]) -> Callable[[], None]:
        self._listeners.append(fn)
        return lambda: self._listeners.remove(fn)

    def _notify(self) -> None:
        for fn in list(self._listeners):
            fn()


class ProjectWatcher:
    """watchdog observer on the project folder feeding a Debouncer with root-relative paths."""

    def __init__(self, folder: Path, sink: Callable[[str], None]):
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        root = folder.resolve()

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                    return
                for raw in (event.src_path, getattr(event, "dest_path", "")):
                    if not raw:
                        continue
                    try:
                        rel = Path(raw if isinstance(raw, str) else raw.decode()).resolve().relative_to(root)
                    except (ValueError, OSError):
                        continue
                    sink(rel.as_posix())

        self.observer = Observer()
        self.observer.schedule(Handler(), str(root), recursive=True)

    def start(self) -> None:
        self.observer.daemon = True
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=2)


class ReloadSession:
    """The mini program the window shows, rebuilt or refreshed as its files change.

    `sim` is None while the project cannot be loaded at all; `errors` holds what went wrong.
    `generation` counts relaunches so the window knows when to re-attach to a new `sim`.
    """

    def __init__(self, project_dir: str | Path, device: str | None = None, page: str | None = None,
                 storage_dir: str | Path | None = None, scene: int = 1001, measurer: Any = None,
                 echo: bool = True, factory: Callable[..., Any] | None = None):
        self.project_dir = Path(project_dir)
        self.device = device
        self.page = page
        self.storage_dir = storage_dir
        self.scene = scene
        self.measurer = measurer
        self.errors = ErrorLog(echo)
        self.debouncer = Debouncer()
        self.sim: Any = None
        self.generation = 0
        self.last_reload_ms: float | None = None  # first change seen → screen data updated
        self._watcher: ProjectWatcher | None = None
        self._factory = factory
        self._relaunch([(page, None)] if page else [])

    @classmethod
    def around(cls, sim: Any, echo: bool = False) -> ReloadSession:
        """A session for an already running simulator (its project, device and storage)."""
        session = cls.__new__(cls)
        project = getattr(sim, "project", None)
        storage = getattr(sim, "storage", None)
        session.project_dir = Path(project.project_dir) if project is not None else None
        session.device = str(sim.device.get("name") or "") or None
        session.page = None
        session.storage_dir = storage.folder if storage is not None else None
        session.scene = int((getattr(sim, "launch_options", None) or {}).get("scene", 1001))
        session.measurer = getattr(sim, "measurer", None)
        session.errors = ErrorLog(echo)
        session.debouncer = Debouncer()
        session.sim = sim
        session.generation = 0
        session.last_reload_ms = None
        session._watcher = None
        session._factory = None
        for diagnostic in getattr(sim, "diagnostics", ()):
            session.errors.add(diagnostic)
        if hasattr(sim, "on_diagnostic"):
            sim.on_diagnostic(session.errors.add)
        return session

    # watching ---------------------------------------------------------------------
    def start_watching(self) -> None:
        if self.project_dir is None:
            raise ValueError("this simulator has no project folder to watch")
        if self._watcher is None:
            self._watcher = ProjectWatcher(self.project_dir, self.changed)
            self._watcher.start()

    def stop(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None

    def changed(self, rel: str) -> None:
        """A file under the project folder changed (any thread)."""
        if classify(rel) is not None:
            self.debouncer.add(rel)

    def poll(self) -> bool:
        """Apply a settled batch of changes; True if `sim` was replaced (re-attach to it)."""
        paths = self.debouncer.take()
        if not paths:
            return False
        started = self.debouncer.first_ms
        replaced = self.apply(paths)
        if started is not None:
            self.last_reload_ms = time.monotonic() * 1000 - started
        return replaced

    def apply(self, paths: set[str]) -> bool:
        kind = strongest({k for k in map(classify, paths) if k is not None})
        if kind is None:
            return False
        if kind == "script" or self.sim is None:
            return self._relaunch(self._stack())
        self.errors.clear()
        try:
            self.sim.reload_views(styles=True, templates=(kind == "template"))
        except WxsimError as exc:
            self.errors.add(exc.diagnostic)
        return False

    # relaunch -----------------------------------------------------------------------
    def recompile(self, page: str | None = None, scene: int | None = None) -> bool:
        """DevTools' compile: a fresh launch at `page` (a URL with query; None: the app's entry page)."""
        self.page = page
        if scene is not None:
            self.scene = scene
        return self._relaunch([(page, None)] if page else [])

    def switch_device(self, device: str) -> bool:
        """Rebuild on another device profile, reopening the same page stack (like a script change)."""
        previous, self.device = self.device, device
        stack = self._stack()
        if not self._relaunch(stack):
            self.device = previous
            return False
        return True

    def _stack(self) -> list[tuple[str, dict | None]]:
        """The page stack to reopen: (route, query) bottom to top; the start page if none is open."""
        if self.sim is None:
            return [(self.page, None)] if self.page else []
        return [(entry.route, dict(entry.query)) for entry in self.sim.router.stack]

    def _relaunch(self, stack: list[tuple[str | None, dict | None]]) -> bool:
        """Build a fresh simulator and reopen `stack`; on failure keep the old one and show the error."""
        self.errors.clear()
        try:
            sim = self._build()
        except WxsimError as exc:
            self.errors.add(exc.diagnostic)
            return False
        except Exception as exc:  # an internal failure must not take the window down
            self.errors.add(Diagnostic("error", f"internal error while loading the project: {exc!r}"))
            return False
        old, self.sim = self.sim, sim
        self.generation += 1
        if old is not None:
            try:
                old.close()
            except Exception:  # the old program is going away regardless
                pass
        self._reopen(sim, stack)
        return True

    def _build(self) -> Any:
        from simulator.runtime import Simulator

        factory = self._factory or Simulator
        sim = factory(self.project_dir, device=self.device, storage_dir=self.storage_dir, measurer=self.measurer)
        if self.storage_dir is None:
            self.storage_dir = sim.storage.folder
        if self.measurer is None:
            self.measurer = sim.measurer
        for diagnostic in sim.diagnostics:
            self.errors.add(diagnostic)
        sim.on_diagnostic(self.errors.add)
        return sim

    def _reopen(self, sim: Any, stack: list[tuple[str | None, dict | None]]) -> None:
        first, rest = (stack[0], stack[1:]) if stack else ((None, None), [])
        try:
            sim.start(_url(*first), scene=self.scene)
            sim.pump()
            for route, query in rest:
                reason = sim.router.navigate_to(_url(route, query))
                if reason:
                    self.errors.add(Diagnostic("warning", f"hot reload could not reopen {route}: {reason}"))
                    break
                sim.pump()
            sim.notify()
        except WxsimError as exc:
            self.errors.add(exc.diagnostic)
        except Exception as exc:  # keep the window alive; the diagnostic says what broke
            self.errors.add(Diagnostic("error", f"internal error while starting the mini program: {exc!r}"))


def _url(route: str | None, query: dict | None) -> str | None:
    """A start URL as given (query None), or an absolute URL rebuilt from a live page's route and query."""
    if route is None or query is None:
        return route
    return "/" + route.lstrip("/") + ("?" + urlencode(query) if query else "")
