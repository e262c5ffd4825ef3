"""The host services a wx.* API may use, implemented by the simulator.

The APIs never reach into the window, the page stack or the event loop directly: they go
through this protocol so that they run (and are tested) headless with a fake context.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from bridge.diagnostics import Diagnostic

if TYPE_CHECKING:  # pragma: no cover
    from bridge.api.mocks import MockRules
    from bridge.api.storage import Storage
    from bridge.api.ui import UiState


class Router(Protocol):
    """The page stack. Each call returns None on success or a fail reason
    (the text after `"<api>:fail "`, e.g. `'page "pages/x/x" is not found'`)."""

    def navigate_to(self, url: str) -> str | None: ...
    def redirect_to(self, url: str) -> str | None: ...
    def navigate_back(self, delta: int) -> str | None: ...
    def switch_tab(self, url: str) -> str | None: ...
    def relaunch(self, url: str) -> str | None: ...


class ApiContext(Protocol):
    """What the simulator gives `HostApis`."""

    device: dict  # the active device profile (assets/devices.json entry)
    storage: Storage
    ui: UiState
    router: Router
    mocks: MockRules
    project_root: Path

    def resolve(self, call_id: int, result: dict, source: str) -> None:
        """Answer an async call: post a `callback` message to the logic layer and record `source`."""

    def schedule(self, delay_ms: float, fn: Callable[[], Any]) -> Any:
        """Run `fn` on the main loop after `delay_ms`."""

    def call_soon_threadsafe(self, fn: Callable[[], Any]) -> None:
        """Run `fn` on the main loop soon; callable from any thread."""

    def report(self, diagnostic: Diagnostic) -> None: ...

    def current_page_config(self) -> dict:
        """The current page's merged window config: navigationBarTitleText,
        navigationBarBackgroundColor, navigationBarTextStyle, navigationStyle,
        enablePullDownRefresh, hasTabBar (bool). Empty dict before the first page."""

    def current_page_id(self) -> str | None:
        """The id of the page on top of the stack ("p1"), None before the first page."""

    # Optional members (APIs use them when present, so test contexts may leave them out):
    # launch_options: dict  — App.onLaunch's options {path, query, scene, referrerInfo}
    # emit(name, data)      — fire the logic layer's wx.<name> listeners (a `wxEvent` message)
    # scroll_page(top) -> str | None — scroll the current page (pageScrollTo); a fail reason
    # tab_bar() -> dict | None — app.json's tabBar (setTabBarItem checks the index against it)
