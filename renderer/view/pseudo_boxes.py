"""::before / ::after boxes (CSS Pseudo-Elements 4 §4) for the view's node tree.

A generated box is not a child in the page's node tree (queries, events and dumps do not see
it); it is kept in its element's view state (`state["::before"]` / `state["::after"]`) and
`renderer.layout.engine.kids` puts it first / last among the element's children for layout
and painting. Its content (strings and attr() values, CSS Generated Content 3 §1) becomes one
text child styled like the pseudo-element.
"""

from __future__ import annotations

from typing import Any

from renderer.view.nodes import TEXT, current_generation, mark_changed

KINDS = ("before", "after")


class PseudoNode:
    """A generated ::before/::after element, or (tag `#text`) its text."""

    __slots__ = ("tag", "attrs", "children", "text", "parent", "owner", "style", "box", "state",
                 "changed_at", "component", "__weakref__")

    def __init__(self, tag: str, parent: Any, style: Any, text: str | None = None):
        self.tag = tag
        self.attrs: dict = {}
        self.children: list[PseudoNode] = []
        self.text = text
        self.parent = parent
        self.owner = getattr(parent, "owner", None)
        self.style = style
        self.box: Any = None
        self.state: dict = {}
        self.changed_at = current_generation()
        self.component = None

    def __repr__(self) -> str:
        return f"<PseudoNode {self.tag} {self.text!r}>" if self.text is not None else f"<PseudoNode {self.tag}>"


def content_text(content: Any, attrs: dict) -> str:
    """The text of a computed `content` value: strings, and attr(name) as the attribute's text."""
    out = []
    for kind, value in content:
        if kind == "attr":
            have = attrs.get(value)
            out.append("" if have is None or have is False else ("true" if have is True else str(have)))
        else:
            out.append(value)
    return "".join(out)


def update_pseudos(node: Any, resolver: Any) -> None:
    """Create, update or drop `node`'s ::before/::after after its style was computed."""
    for which in KINDS:
        key = "::" + which
        style = resolver.compute_pseudo(node, which, node.style)
        old = node.state.get(key)
        if style is None:
            if old is not None:
                del node.state[key]
                mark_changed(node)
            continue
        text = content_text(style.get("content"), node.attrs)
        if old is not None and old.style is style and _text_of(old) == text:
            continue
        pn = PseudoNode(key, node, style)
        if text:
            pn.children = [PseudoNode(TEXT, pn, style, text)]
        node.state[key] = pn
        mark_changed(node)


def _text_of(pn: PseudoNode) -> str:
    return pn.children[0].text if pn.children else ""
