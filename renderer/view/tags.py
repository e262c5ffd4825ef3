"""Which tags the view layer renders, and a one-time warning for every other tag.

WeChat renders its own built-in components and custom components; anything else (HTML-like
`p`, `span`, `br`…) becomes a generic container. wxsim does the same, and says so once per
tag with the file and line, so a page that looks wrong is never a silent mystery.
Sources: WeChat docs 组件 (the built-in component list).
"""

from __future__ import annotations

from typing import Callable, Iterable

from bridge.diagnostics import Diagnostic
from renderer.wxml.ast import Element
from renderer.wxml.parser import parse_wxml

# Built-ins the renderer draws and drives.
RENDERED = frozenset({
    "page", "view", "text", "image", "button", "input", "textarea", "navigator", "scroll-view", "icon",
    "switch", "checkbox", "checkbox-group", "radio", "radio-group", "label", "form", "progress", "slider",
    "block", "slot", "canvas", "swiper", "swiper-item", "picker", "picker-view", "picker-view-column", "rich-text",
    "movable-area", "movable-view", "cover-view", "cover-image", "page-meta", "navigation-bar",
    "video", "audio", "match-media", "root-portal", "page-container", "map",
})
# Template-level tags that never render a node themselves.
STRUCTURAL = frozenset({"template", "import", "include", "wxs"})
# WeChat built-ins that wxsim does not draw yet.
NOT_YET = frozenset({
    "camera", "live-player", "live-pusher",
    "open-data", "web-view", "ad", "official-account",
    "editor", "functional-page-navigator", "share-element",
    "keyboard-accessory", "grid-view", "list-view", "sticky-header", "sticky-section", "channel-video",
})


def check_tags(text: str, rel: str, using: Iterable[str], warned: set[tuple[str, str]],
               report: Callable[[Diagnostic], None]) -> None:
    """Warn once per (file, tag) about tags rendered as plain containers."""
    known = RENDERED | STRUCTURAL | set(using)
    document = parse_wxml(text, rel, lambda d: None)  # syntax problems are the compiler's to report
    stack = list(reversed(document.children))
    while stack:
        node = stack.pop()
        if not isinstance(node, Element):
            continue
        stack.extend(reversed(node.children))
        if node.tag in known or (rel, node.tag) in warned:
            continue
        warned.add((rel, node.tag))
        if node.tag in NOT_YET:
            message = f"<{node.tag}> is not supported yet; it renders as an empty container"
        else:
            message = f"unknown tag <{node.tag}> renders as a generic container"
        report(Diagnostic("warning", message, rel, node.line, node.column))
