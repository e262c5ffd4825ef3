"""Where the parts of the device screen go (CSS px), from the device profile and the page's config.

One place computes the status bar, navigation bar, page area and tabBar rects, so the live
window, the offscreen screenshot and click handling always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

NAV_BAR_HEIGHT = 44.0
TAB_BAR_HEIGHT = 48.0

Rect = tuple[float, float, float, float]  # x, y, width, height


@dataclass(frozen=True)
class ScreenGeometry:
    width: float
    height: float
    dpr: float
    status_bar: Rect
    nav_bar: Rect | None  # None with navigationStyle: custom
    capsule: Rect
    page: Rect
    tab_bar: Rect | None  # the bar including the bottom safe-area inset
    bottom_inset: float


def is_tab_page(tab_bar: dict | None, route: str | None) -> bool:
    if not tab_bar or not route:
        return False
    route = route.lstrip("/")
    return any(str(item.get("pagePath", "")).lstrip("/").split("?")[0] == route for item in tab_bar.get("list") or ())


def tab_bar_shown(sim: Any) -> dict | None:
    """The tabBar config when the current page is a tab page and the bar is native (not `custom`)
    and not hidden by wx.hideTabBar; setTabBarStyle / setTabBarItem changes applied."""
    tab = sim.tab_bar() if hasattr(sim, "tab_bar") else None
    state = getattr(getattr(sim, "ui", None), "tab_bar", None)
    if state is not None:
        if state.hidden:
            return None
        tab = state.merged(tab)
    if not tab or tab.get("custom") or str(tab.get("position", "bottom")) == "top":
        return None
    return tab if is_tab_page(tab, sim.current_route()) else None


def screen_geometry(sim: Any) -> ScreenGeometry:
    d = sim.device
    w, h = float(d.get("screenWidth", 375)), float(d.get("screenHeight", 667))
    sb = float(d.get("statusBarHeight", 20))
    nav_h = float(d.get("navigationBarHeight", NAV_BAR_HEIGHT))
    safe = d.get("safeArea") or {}
    bottom_inset = max(0.0, h - float(safe.get("bottom", h)))
    mb = d.get("menuButton") or {}
    cap_w, cap_h = float(mb.get("width", 87)), float(mb.get("height", 32))
    capsule = (float(mb.get("left", w - 7 - cap_w)), float(mb.get("top", sb + 4)), cap_w, cap_h)
    config = sim.page_config() or {}
    custom = str(config.get("navigationStyle", "default")) == "custom"
    top = 0.0 if custom else sb + nav_h
    nav = None if custom else (0.0, sb, w, nav_h)
    tab = tab_bar_shown(sim)
    tab_rect = None
    bottom = h
    if tab is not None:
        tab_rect = (0.0, h - TAB_BAR_HEIGHT - bottom_inset, w, TAB_BAR_HEIGHT + bottom_inset)
        bottom = tab_rect[1]
    return ScreenGeometry(w, h, float(d.get("pixelRatio", 2)), (0.0, 0.0, w, sb), nav, capsule,
                          (0.0, top, w, max(0.0, bottom - top)), tab_rect, bottom_inset)
