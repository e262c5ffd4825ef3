"""`page-meta` and its `navigation-bar` (WeChat docs 组件/page-meta, 组件/navigation-bar), Qt-free.

page-meta configures the page it is the first node of, like wx.setBackgroundColor /
setNavigationBarTitle do, but from data:
- `page-style` is the page root's own style and `page-font-size` its font size (a segment
  written after the root's style, as an inline style would be); `root-font-size` is the
  font size of the document element above the page, which is what `rem` counts in
  (`htmlStyle`, the root's parent style in `ViewServices.style_tree`); "system" means the
  user's WeChat font size, the standard 16px here.
- `background-text-style` and `background-color(-top/-bottom)` override the page's window
  config (`window_overrides`), which the window's pull-down area paints.
- a changed `scroll-top` (px or rpx) scrolls the page, then `scrolldone` fires; `bindscroll`
  gets {scrollTop} whenever the page scrolls. The scroll is immediate, as wx.pageScrollTo's
  is here: `scroll-duration` is accepted but not animated.
- its first child `navigation-bar` sets the bar's title, loading, front and background colour
  (through `services.set_navbar`, the same state wx.setNavigationBarTitle/Color change);
  `color-animation-duration` / `-timing-func` fade the background colour on the simulator's
  clock (a CSS transition of the navigation-bar node, whose computed colour is sent each frame).
`resize` is not fired: the simulated window never changes size under a running page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from renderer.view.events import propagate
from renderer.view.movable import length
from renderer.view.nodes import TEXT, ViewNode, mark_changed
from renderer.view.scroll import truthy
from renderer.wxss.computed import compute_style

if TYPE_CHECKING:
    from renderer.view.page import PageView

SYSTEM_FONT_PX = 16.0  # the user's WeChat font size ("system"): the standard setting
WINDOW_KEYS = {"background-text-style": "backgroundTextStyle", "background-color": "backgroundColor",
               "background-color-top": "backgroundColorTop", "background-color-bottom": "backgroundColorBottom"}
EASINGS = {"linear": "linear", "easeIn": "ease-in", "easeOut": "ease-out", "easeInOut": "ease-in-out"}
FRONT_COLORS = ("#ffffff", "#000000")


def _first_element(node: ViewNode) -> ViewNode | None:
    return next((c for c in node.children if c.tag != TEXT), None)


def find(view: PageView) -> ViewNode | None:
    """The page's page-meta: only as the page's first node (docs), anywhere else it is ignored."""
    first = _first_element(view.root)
    return first if first is not None and first.tag == "page-meta" else None


def navigation_bar(meta: ViewNode | None) -> ViewNode | None:
    first = _first_element(meta) if meta is not None else None
    return first if first is not None and first.tag == "navigation-bar" else None


def window_overrides(view: PageView) -> dict:
    """The page window config keys page-meta sets (backgroundColor, backgroundTextStyle …)."""
    return dict(view.root.state.get("windowOverrides") or {})


def _font_px(value: Any, rpx: float) -> float | None:
    if isinstance(value, str) and value.strip() == "system":
        return SYSTEM_FONT_PX
    size = length(value, rpx)
    return size if size is not None and size > 0 else None


def before_style(view: PageView) -> None:
    """Apply page-meta's page attributes before the page is styled (a no-op when unchanged)."""
    meta = find(view)
    root = view.root
    names = ("page-style", "page-font-size", "root-font-size", *WINDOW_KEYS)
    wanted = {n: meta.attrs.get(n) for n in names} if meta is not None else {}
    if wanted != root.state.get("_pageMeta", {}):
        root.state["_pageMeta"] = wanted
        _style_root(view, wanted)
        overrides = {key: str(wanted[name]) for name, key in WINDOW_KEYS.items() if wanted.get(name)}
        if overrides.get("backgroundTextStyle") not in (None, "dark", "light"):
            del overrides["backgroundTextStyle"]  # docs: only dark and light
        root.state["windowOverrides"] = overrides
    _bar_style(navigation_bar(meta))


def _style_root(view: PageView, wanted: dict) -> None:
    root, rpx = view.root, view.services.viewport.rpx
    parts = []
    page_font = _font_px(wanted.get("page-font-size"), rpx)
    if page_font is not None:
        parts.append(f"font-size: {page_font:.4f}px")
    if wanted.get("page-style"):
        parts.append(str(wanted["page-style"]))
    root_font = _font_px(wanted.get("root-font-size"), rpx)
    html = compute_style({"font-size": ("px", root_font)}, None, view.services.viewport) if root_font else None
    root.state["builtinStyle"] = ";".join(parts)
    root.state["htmlStyle"] = html
    root.style_dirty = True
    mark_changed(root)


def _bar_style(bar: ViewNode | None) -> None:
    """The navigation-bar node carries the bar's background colour as its own style, so that a
    colour change with `color-animation-duration` is a transition the animator runs."""
    if bar is None:
        return
    color = bar.attrs.get("background-color")
    style = ""
    if isinstance(color, str) and color.strip():
        style = f"background-color: {color.strip()}"
        duration = length(bar.attrs.get("color-animation-duration"), 1.0) or 0.0
        if duration > 0 and "builtinStyle" in bar.state:  # the first colour is set, not faded in
            ease = EASINGS.get(str(bar.attrs.get("color-animation-timing-func") or "linear"), "linear")
            style += f"; transition: background-color {duration:.0f}ms {ease}"
    if bar.state.get("builtinStyle") != style:
        bar.state["builtinStyle"] = style
        bar.style_dirty = True
        mark_changed(bar)


def after_layout(view: PageView) -> None:
    """Scroll to a changed `scroll-top` and send the navigation bar's changes to the host."""
    meta = find(view)
    if meta is None:
        return
    _scroll(view, meta)
    _send_bar(view, navigation_bar(meta))


def _scroll(view: PageView, meta: ViewNode) -> None:
    wanted = meta.attrs.get("scroll-top")
    if wanted == meta.state.get("_scrollTop") or wanted in (None, ""):
        return
    if view.visible_height is None:  # the page area is not measured yet: at the next flush
        view.layout_dirty = True
        return
    meta.state["_scrollTop"] = wanted
    top = length(wanted, view.services.viewport.rpx)
    if top is None:
        return
    view.scroll_to(top)
    view._send_calls(propagate(meta, "scrolldone", {}, bubbles=False))


def scrolled(view: PageView, top: float) -> None:
    """The page scrolled: page-meta's `bindscroll` gets {scrollTop}."""
    meta = find(view)
    if meta is not None:
        view._send_calls(propagate(meta, "scroll", {"scrollTop": top}, bubbles=False))


def _send_bar(view: PageView, bar: ViewNode | None) -> None:
    set_navbar = getattr(view.services, "set_navbar", None)
    if bar is None or set_navbar is None:
        return
    attrs, memo = bar.attrs, bar.state.setdefault("_sent", {})
    changes: dict[str, Any] = {}
    title = attrs.get("title")
    if title is not None and title != memo.get("title"):
        changes["title"] = memo["title"] = str(title)
    loading = truthy(attrs.get("loading"))
    if loading != memo.get("loading", False):
        changes["loading"] = memo["loading"] = loading
    front = str(attrs.get("front-color") or "").lower()
    if front in FRONT_COLORS and front != memo.get("front_color"):
        changes["front_color"] = memo["front_color"] = front
    if attrs.get("background-color"):
        shown = _hex(bar.style.get("background-color") if bar.style is not None else None)
        if shown is not None and shown != memo.get("background_color"):
            changes["background_color"] = memo["background_color"] = shown
    if changes:
        set_navbar(view, **changes)


def _hex(color: Any) -> str | None:
    if not isinstance(color, tuple) or len(color) != 4:
        return None
    return "#{:02x}{:02x}{:02x}".format(*(int(c) for c in color[:3]))
