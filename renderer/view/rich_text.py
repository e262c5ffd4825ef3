"""`rich-text` content: the `nodes` attribute turned into view vnodes.

WeChat docs 组件/rich-text: `nodes` is an HTML string or an array of nodes
(`{name, attrs, children}` elements and `{type: 'text', text}` texts). Only trusted tags
render; an element of any other tag is dropped with its content, and only `class` and `style`
(plus an image's `src`/`width`/`height`/`alt`) are kept, so nothing inside can carry an
event handler — events inside rich-text are blocked, as documented.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

# The common subset of the documented trusted tags.
TRUSTED = frozenset({
    "a", "abbr", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd",
    "del", "div", "dl", "dt", "em", "fieldset", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "label", "legend", "li", "ol", "p", "q", "s", "section", "small", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul",
})
VOID = frozenset({"br", "hr", "img", "col"})
KEPT_ATTRS = ("class", "style")
IMG_ATTRS = ("src", "width", "height", "alt")


def _attrs(tag: str, raw: dict[str, Any]) -> dict[str, Any]:
    keep = KEPT_ATTRS + (IMG_ATTRS if tag == "img" else ())
    attrs = {k: str(v) for k, v in raw.items() if k in keep and v is not None}
    if tag == "img":  # width/height attributes become the image's size (px)
        sizes = [f"{k}: {attrs[k]}{'px' if attrs[k].isdigit() else ''}" for k in ("width", "height") if k in attrs]
        if sizes:
            attrs["style"] = "; ".join(sizes + ([attrs["style"]] if attrs.get("style") else []))
    return attrs


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: list = []
        self.stack: list[tuple[str, list]] = []
        self.skip = 0  # depth inside an untrusted element

    def _out(self) -> list:
        return self.stack[-1][1] if self.stack else self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip or tag not in TRUSTED:
            if tag not in VOID:
                self.skip += 1
            return
        children: list = []
        self._out().append([tag, _attrs(tag, dict(attrs)), children, None])
        if tag not in VOID:
            self.stack.append((tag, children))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip and tag in TRUSTED:
            self._out().append([tag, _attrs(tag, dict(attrs)), [], None])

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.skip:
            if tag not in TRUSTED:
                self.skip -= 1
            return
        for depth in range(len(self.stack) - 1, -1, -1):  # close up to the matching open tag
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self.skip and data:
            self._out().append(data)


def _collapse(vnodes: list) -> list:
    """HTML white space: runs collapse to one space (the `space` attribute is not modelled)."""
    out = []
    for v in vnodes:
        if isinstance(v, str):
            text = " ".join(v.split())
            if v[:1].isspace() and text:
                text = " " + text
            if v[-1:].isspace() and text:
                text += " "
            if text.strip():
                out.append(text)
        else:
            out.append([v[0], v[1], _collapse(v[2]), None])
    return out


def from_html(html: str) -> list:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return _collapse(builder.root)


def from_array(nodes: list) -> list:
    out: list = []
    for item in nodes:
        if not isinstance(item, dict):
            continue
        if item.get("type") == "text":
            out.append(str(item.get("text", "")))
            continue
        tag = str(item.get("name", "")).lower()
        if tag not in TRUSTED:
            continue
        raw = item.get("attrs") if isinstance(item.get("attrs"), dict) else {}
        children = from_array(item.get("children") or []) if isinstance(item.get("children"), list) else []
        out.append([tag, _attrs(tag, raw), [] if tag in VOID else children, None])
    return out


def vnodes(nodes: Any) -> list:
    """The vnode children a rich-text with this `nodes` value shows."""
    if isinstance(nodes, str):
        return from_html(nodes)
    if isinstance(nodes, list):
        return from_array(nodes)
    if isinstance(nodes, dict):
        return from_array([nodes])
    return []
