"""The page stack and WeChat's routing rules.

navigateTo pushes (at most 10 pages), redirectTo replaces the top, navigateBack pops,
switchTab shows a tabBar page and closes every non-tab page, reLaunch closes everything.
The page left behind gets onHide (push) or onUnload (pop/replace). Tab pages stay alive
while the user switches between tabs. Source: WeChat docs 页面路由 and wx.navigateTo etc.
"""

from __future__ import annotations

import itertools
import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote

from renderer.view import media_element, page_container
from renderer.view.page import PageView
from simulator.project import normalize_route

if TYPE_CHECKING:
    from simulator.runtime import Simulator

MAX_STACK = 10


@dataclass
class PageEntry:
    page_id: str
    route: str
    query: dict
    view: PageView
    shown: bool = field(default=False)


class PageStack:
    """Implements the `Router` protocol of the host APIs on top of the simulator."""

    def __init__(self, sim: Simulator):
        self.sim = sim
        self.stack: list[PageEntry] = []
        self.tab_pages: dict[str, PageEntry] = {}
        self._ids = itertools.count(1)

    # helpers --------------------------------------------------------------------
    def parse(self, url: str) -> tuple[str, dict]:
        """Route and query of a URL; without a leading '/' it is relative to the current page."""
        top = self.top()
        if top is not None and not url.startswith("/"):
            url = "/" + posixpath.normpath(posixpath.join(posixpath.dirname(top.route), url))
        route, query_text = normalize_route(url)
        query = {k: v for k, v in parse_qsl(query_text, keep_blank_values=True)}
        return route, query

    def top(self) -> PageEntry | None:
        return self.stack[-1] if self.stack else None

    def all_views(self) -> list[PageView]:
        entries = {id(e): e for e in self.stack}
        entries.update({id(e): e for e in self.tab_pages.values()})
        return [e.view for e in entries.values()]

    def _lifecycle(self, event: str, entry: PageEntry, **extra: object) -> None:
        payload = {"event": event, "pageId": entry.page_id, **extra}
        if event == "pageUnload":
            entry.view.release_opening()
        elif entry.view.hold_opening(payload):
            return
        self.sim._post("lifecycle", "host→logic", entry.page_id, payload)

    def _open(self, route: str, query: dict) -> PageEntry:
        """Create the page instance now; onLoad and onShow wait for the first render, so the
        page's components are attached before them, as in WeChat."""
        page_id = f"p{next(self._ids)}"
        view = PageView(self.sim.view, page_id, route, query)
        entry = PageEntry(page_id, route, query, view)
        self._lifecycle("pageLoad", entry, route=route, query=query, deferOnLoad=True)
        view.opening = [{"event": "pageOnLoad", "pageId": page_id, "query": query}]
        if route in self.sim.project.tab_pages:
            self.tab_pages[route] = entry
        return entry

    def _show(self, entry: PageEntry) -> None:
        if not entry.shown:
            entry.shown = True
            self._lifecycle("pageShow", entry)

    def _hide(self, entry: PageEntry) -> None:
        if entry.shown:
            entry.shown = False
            media_element.page_hidden(entry.view)
            self._lifecycle("pageHide", entry)

    def _unload(self, entry: PageEntry) -> None:
        entry.view.unload()
        self._lifecycle("pageUnload", entry)
        if self.tab_pages.get(entry.route) is entry:
            del self.tab_pages[entry.route]

    def _check(self, route: str) -> str | None:
        if route not in self.sim.project.pages or _missing_files(self.sim.project, route):
            return f'page "{route}" is not found'
        return None

    def _report_missing_pages(self) -> None:
        """Each app.json page without its .js or .wxml is an error at its app.json entry (WeChat's
        compiler refuses such a project); the other pages still open."""
        from bridge.diagnostics import Diagnostic

        project = self.sim.project
        try:
            app_text = project.read_text("app.json")
        except Exception:  # noqa: BLE001 - the project loaded, so this only guards odd layouts
            app_text = ""
        for route in project.pages:
            missing = _missing_files(project, route)
            if missing:
                line, column = _position_of(app_text, f'"{route}"')
                self.sim.report(Diagnostic("error", f'page "{route}" listed in app.json has no '
                                           + " or ".join(missing) + " file", "app.json", line, column))

    def _changed(self) -> None:
        self.sim.notify()

    # Router protocol -------------------------------------------------------------
    def open_first(self, route: str, query: dict) -> None:
        self._report_missing_pages()
        reason = self._check(route)
        if reason:
            from bridge.diagnostics import Diagnostic

            self.sim.report(Diagnostic("error", f"start page not found: {route}", "app.json"))
            route, query = self.sim.project.entry_page, {}
        entry = self._open(route, query)
        self.stack.append(entry)
        self._show(entry)
        self._changed()

    def navigate_to(self, url: str) -> str | None:
        route, query = self.parse(url)
        reason = self._check(route)
        if reason:
            return reason
        if route in self.sim.project.tab_pages:
            return "can not navigateTo a tabbar page"
        if len(self.stack) >= MAX_STACK:
            return "webview count limit exceed"
        if self.stack:
            self._hide(self.stack[-1])
        entry = self._open(route, query)
        self.stack.append(entry)
        self._show(entry)
        self._changed()
        return None

    def redirect_to(self, url: str) -> str | None:
        route, query = self.parse(url)
        reason = self._check(route)
        if reason:
            return reason
        if route in self.sim.project.tab_pages:
            return "can not redirectTo a tabbar page"
        if self.stack:
            self._unload(self.stack.pop())
        entry = self._open(route, query)
        self.stack.append(entry)
        self._show(entry)
        self._changed()
        return None

    def navigate_back(self, delta: int = 1) -> str | None:
        if len(self.stack) <= 1:
            return "cannot navigate back at first page."
        if page_container.close_for_back(self.stack[-1].view):  # an open page-container closes instead
            self._changed()
            return None
        delta = max(1, min(int(delta or 1), len(self.stack) - 1))
        for _ in range(delta):
            entry = self.stack.pop()
            if entry.route in self.tab_pages and self.tab_pages[entry.route] is entry:
                self._hide(entry)
            else:
                self._unload(entry)
        self._show(self.stack[-1])
        self._changed()
        return None

    def switch_tab(self, url: str) -> str | None:
        route, _ = self.parse(url)
        reason = self._check(route)
        if reason:
            return reason
        if route not in self.sim.project.tab_pages:
            return "can not switch to no-tabBar page"
        top = self.top()
        if top is not None and top.route == route and len(self.stack) == 1:
            return None
        for entry in reversed(self.stack):
            if self.tab_pages.get(entry.route) is entry:
                self._hide(entry)
            else:
                self._unload(entry)
        entry = self.tab_pages.get(route) or self._open(route, {})
        self.stack = [entry]
        self._show(entry)
        self._changed()
        return None

    def relaunch(self, url: str) -> str | None:
        route, query = self.parse(url)
        reason = self._check(route)
        if reason:
            return reason
        self.close_all()
        entry = self._open(route, query)
        self.stack = [entry]
        self._show(entry)
        self._changed()
        return None

    def close_all(self) -> None:
        """Unload every page: the stack top first, then the tab pages kept alive."""
        for entry in reversed(self.stack):
            self._unload(entry)
        for entry in list(self.tab_pages.values()):
            self._unload(entry)
        self.stack = []
        self.tab_pages = {}

    def navigate_from_view(self, payload: dict) -> None:
        """A `<navigator>` was tapped (WeChat docs: navigator open-type)."""
        open_type, url = payload.get("openType", "navigate"), unquote(str(payload.get("url", "")))
        actions = {
            "navigate": lambda: self.navigate_to(url),
            "redirect": lambda: self.redirect_to(url),
            "switchTab": lambda: self.switch_tab(url),
            "reLaunch": lambda: self.relaunch(url),
            "navigateBack": lambda: self.navigate_back(int(payload.get("delta") or 1)),
        }
        action = actions.get(open_type)
        if action is None:
            from bridge.diagnostics import Diagnostic

            self.sim.report(Diagnostic("warning", f"navigator open-type '{open_type}' is not supported yet"))
            return
        reason = action()
        if reason:
            from bridge.diagnostics import Diagnostic

            self.sim.report(Diagnostic("warning", f"navigator to '{url}' failed: {reason}"))


def _missing_files(project: object, route: str) -> list[str]:
    """The required page files (`.js`, `.wxml`) that do not exist."""
    return [ext for ext in (".js", ".wxml") if not project.exists(route + ext)]  # type: ignore[attr-defined]


def _position_of(text: str, needle: str) -> tuple[int | None, int | None]:
    """1-based line and column of the first `needle` in `text`, or (None, None)."""
    index = text.find(needle)
    if index < 0:
        return None, None
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
