"""Stable selectors: pick one for a node when recording, find the node again when replaying.

A target is a WXSS selector run from the page (`#buy`, `view.goods[data-id="2"]`); `>>>`
steps into a custom component's own template (`stepper >>> .plus`); a step's `index` picks
among several matches. Preference when picking: a unique id, then data-* attributes, then
tag and classes, then the same anchored under the nearest ancestor with an id, plus an index.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from renderer.view.nodes import TEXT, ViewNode
from renderer.view.query import select_all
from renderer.view.scroll import visual_shift
from renderer.view.transform_hit import to_screen

PIERCE = ">>>"
INTERACTIVE = frozenset({"button", "navigator", "input", "textarea", "switch", "checkbox", "radio", "picker",
                         "slider", "label"})
ACTION_EVENTS = frozenset({"tap", "longpress", "longtap", "touchstart", "touchend"})
# classes that come and go with state; a selector built on them breaks as soon as the state changes
STATE_CLASSES = frozenset({"active", "disabled", "selected", "checked", "current", "on", "off", "hover", "focus",
                           "open", "show", "hide", "hidden", "visible", "loading"})
_IDENT = re.compile(r"^-?[A-Za-z_][\w-]*$")

Query = Callable[[str], list[ViewNode]]


# replay ---------------------------------------------------------------------------------
def resolve_all(page: Any, target: str) -> list[Any]:
    """Every `Element` (automation API) the target matches on `page`."""
    parts = [p.strip() for p in str(target).split(PIERCE)]
    found = page.query_all(_split_at(parts[0])[0])
    for before, part in zip(parts, parts[1:]):
        at = _split_at(before)[1]
        if at >= len(found):
            return []
        found = found[at].query_all(_split_at(part)[0])
    return found


def _split_at(part: str) -> tuple[str, int]:
    """`stepper@2` → ("stepper", 2): which of a level's matches to step into."""
    match = re.match(r"^(.*?)@(\d+)$", part)
    return (match.group(1).strip(), int(match.group(2))) if match else (part, 0)


def resolve(page: Any, target: str, index: int = 0) -> Any:
    found = resolve_all(page, target)
    return found[index] if 0 <= index < len(found) else None


# recording ---------------------------------------------------------------------------------
def handler_node(node: ViewNode) -> ViewNode | None:
    """The nearest ancestor-or-self a finger acts on: a tap/longpress binding or a built-in control."""
    current: ViewNode | None = node
    while current is not None and current.tag != "page":
        if current.tag in INTERACTIVE or any(_is_action_binding(k) for k in current.attrs):
            return current
        current = current.parent
    return None


def action_node(view: Any, node: ViewNode) -> ViewNode:
    """The node to name for a tap on `node`: its handler node when tapping that node's centre
    reaches the same handler (so the replay does what the recording did), else `node`."""
    actor = handler_node(node)
    if actor is None or actor is node or actor.box is None:
        return node
    dx, dy = visual_shift(actor)
    x, y = to_screen(actor, actor.box.x + actor.box.width / 2, actor.box.y + actor.box.height / 2)
    x, y = x - dx, y - dy
    hit = view.hit_test(x, y)
    return actor if hit is not None and handler_node(hit) is actor else node


def pick_selector(view: Any, node: ViewNode) -> tuple[str, int]:
    """A stable selector (and index among its matches) that finds `node` on the page again."""
    levels: list[tuple[ViewNode | None, ViewNode]] = []
    current = node
    while current.owner is not view.instance and current.owner.host is not None:
        levels.insert(0, (current.owner.host, current))
        current = current.owner.host
    levels.insert(0, (None, current))
    parts: list[str] = []
    index = 0
    for host, target in levels:
        query = _page_query(view) if host is None else _shadow_query(host)
        selector, index = local_selector(target, query)
        if index and target is not node:  # one of several hosts: name which one to step into
            selector, index = f"{selector}@{index}", 0
        parts.append(selector)
    return f" {PIERCE} ".join(parts), index


def local_selector(node: ViewNode, query: Query) -> tuple[str, int]:
    """The best selector for `node` within one template scope, and its index among the matches."""
    candidates = _candidates(node)
    for selector in candidates:
        found = query(selector)
        if len(found) == 1 and found[0] is node:
            return selector, 0
    for selector in candidates[1:] or candidates:
        found = query(selector)
        if node in found:
            return selector, found.index(node)
    return node.tag, query(node.tag).index(node)


def _candidates(node: ViewNode) -> list[str]:
    out: list[str] = []
    if node.id and _IDENT.match(node.id):
        out.append(f"#{node.id}")
    shape = node.tag + "".join(f".{c}" for c in node.classes if c not in STATE_CLASSES and _IDENT.match(c))
    data = "".join(f"[{k}={_css_string(v)}]" for k, v in sorted(node.attrs.items())
                   if k.startswith("data-") and _IDENT.match(k) and _scalar(v))
    if data:
        out.append(shape + data)
    out.append(shape)
    anchor = _id_anchor(node)
    if anchor is not None:
        out.append(f"#{anchor.id} {shape}")
    return out


def _id_anchor(node: ViewNode) -> ViewNode | None:
    current = node.parent
    while current is not None and current.owner is node.owner:
        if current.id and _IDENT.match(current.id):
            return current
        current = current.parent
    return None


def _page_query(view: Any) -> Query:
    return lambda selector: select_all(view.root, selector, view.instance)


def _shadow_query(host: ViewNode) -> Query:
    def query(selector: str) -> list[ViewNode]:
        found: list[ViewNode] = []
        for child in host.children:
            found += select_all(child, selector, host.component, include_start=True)
        return found

    return query


def _is_action_binding(key: str) -> bool:
    kind, _, event = key.rpartition(":")
    return bool(kind) and ("bind" in kind or "catch" in kind) and event in ACTION_EVENTS


def _scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool)) and len(str(value)) <= 60 and "\n" not in str(value)


def _css_string(value: Any) -> str:
    text = "true" if value is True else "false" if value is False else str(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def text_of(node: ViewNode) -> str:
    return node.text_content() if node.tag != TEXT else (node.text or "")
