"""::before / ::after boxes (CSS Pseudo-Elements 4 §4) for the view's node tree.

A generated box is not a child in the page's node tree (queries, events and dumps do not see
it); it is kept in its element's view state (`state["::before"]` / `state["::after"]`) and
`renderer.layout.engine.kids` puts it first / last among the element's children for layout
and painting. Its content (strings and attr() values, CSS Generated Content 3 §1) becomes one
text child styled like the pseudo-element.
"""

from __future__ import annotations

from typing import Any, Callable

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


def update_pseudos(node: Any, resolver: Any, parent_style: Any = None,
                   overlay: Callable[[Any, Any], Any] | None = None) -> None:
    """Create, update or drop `node`'s ::before/::after after its style was computed.

    `parent_style` is what they inherit from (the node's style unless animated); `overlay(pn,
    style)` lays a pseudo-element's animated values over its cascaded style. A box whose text
    stays is updated in place, so an animation keeps its node from frame to frame.
    """
    for which in KINDS:
        key = "::" + which
        inherit = parent_style if parent_style is not None else node.style
        base = resolver.compute_pseudo(node, which, inherit)
        old = node.state.get(key)
        if base is None:
            if old is not None:
                del node.state[key]
                mark_changed(node)
            continue
        text = content_text(base.get("content"), node.attrs)
        pn = old if old is not None and _text_of(old) == text else PseudoNode(key, node, base)
        style = overlay(pn, base) if overlay is not None else base
        if pn is old and old.style is style:
            continue
        pn.style = style
        if pn.children:  # same text (or `pn` would be new): restyle the run in place
            pn.children[0].style = style
        elif text:
            pn.children = [PseudoNode(TEXT, pn, style, text)]
        node.state[key] = pn
        mark_changed(pn.children[0] if pn.children else pn)


def _text_of(pn: PseudoNode) -> str:
    return pn.children[0].text if pn.children else ""
