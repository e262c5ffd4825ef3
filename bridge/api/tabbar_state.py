"""The native tabBar as the program changed it: hidden or shown, its style, its items.

WeChat keeps one native tabBar for the whole app, so wx.hideTabBar on one tab page hides it on
every tab page until wx.showTabBar, and setTabBarStyle / setTabBarItem last until the app
restarts. `merged(config)` lays these changes over app.json's `tabBar`: what the window paints
and what a tap on an item switches to. Qt-free; kept in `UiState.tab_bar`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TabBarState:
    hidden: bool = False
    style: dict = field(default_factory=dict)  # color, selectedColor, backgroundColor, borderStyle
    items: dict[int, dict] = field(default_factory=dict)  # index → text, iconPath, selectedIconPath

    def merged(self, config: dict | None) -> dict | None:
        """app.json's tabBar with the style and item changes applied (None stays None)."""
        if not config:
            return config
        out = {**config, **self.style}
        items = [dict(item) if isinstance(item, dict) else {} for item in config.get("list") or []]
        for index, changes in self.items.items():
            if 0 <= index < len(items):
                items[index].update(changes)
        out["list"] = items
        return out
