"""The device with nothing running, shown while a project cannot be loaded at all.

It answers the questions the screen widgets ask a `Simulator` (device, page config, page
stack) so the window can open, show the load error over an empty screen, and switch to the
real program as soon as a save fixes the project. Qt-free.
"""

from __future__ import annotations

from typing import Any, Callable

from bridge.api.devices import default_device, find_device


class BlankScreen:
    """An empty device screen: no pages, no tabBar, a plain navigation bar."""

    ui = None
    project = None

    def __init__(self, device: str | None = None) -> None:
        self.device = find_device(device) or default_device()

    def page_config(self) -> dict:
        return {"navigationBarTitleText": ""}

    def tab_bar(self) -> dict | None:
        return None

    def current_route(self) -> str | None:
        return None

    def current_view(self) -> Any:
        return None

    def current_page_id(self) -> str | None:
        return None

    def page_stack_depth(self) -> int:
        return 0

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        return lambda: None

    def tick(self) -> None:
        """Nothing runs until the project loads."""

    def navigate_back(self) -> None:
        """No page stack to go back in."""

    def switch_tab(self, route: str) -> None:
        """No tabBar to switch."""
