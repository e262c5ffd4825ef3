"""Pseudo-classes and attribute matching for WXSS selectors (Selectors Level 4).

A parsed pseudo-class is a tuple: `("first-child",)`, `("nth-child", a, b)`,
`("not", (Selector, ...))`, `("host", compound or None)`, `("active",)` ...
Nodes follow the StyleTarget protocol (renderer/wxss/cascade.py); siblings are read from
`node.parent.children`, with text nodes (tag `#text`) not counting, as in CSS.
"""

from __future__ import annotations

from typing import Any

TEXT = "#text"
SIMPLE = ("first-child", "last-child", "only-child", "first-of-type", "last-of-type", "only-of-type",
          "empty", "root", "active")
NTH = ("nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type")


def element_siblings(node: Any) -> list:
    parent = getattr(node, "parent", None)
    if parent is None:
        return [node]
    return [c for c in parent.children if getattr(c, "tag", TEXT) != TEXT]


def _position(node: Any, of_type: bool, from_end: bool) -> tuple[int, int]:
    """1-based position of `node` among its (same-tag) element siblings, and their count."""
    sibs = element_siblings(node)
    if of_type:
        sibs = [s for s in sibs if s.tag == node.tag]
    try:
        i = next(k for k, s in enumerate(sibs) if s is node)
    except StopIteration:
        return 1, 1
    return (len(sibs) - i if from_end else i + 1), len(sibs)


def nth_matches(a: int, b: int, pos: int) -> bool:
    """Selectors 4 §14.1: whether some n >= 0 gives a*n + b == pos."""
    if a == 0:
        return pos == b
    n, rem = divmod(pos - b, a)
    return rem == 0 and n >= 0


def is_empty(node: Any) -> bool:
    """Selectors 4 §14.2 :empty: no element children and no text (an empty text node is nothing).

    A `<slot>` is not an element of the page: it stands for the nodes slotted into it, so an
    element holding only an unfilled slot is empty (Vant's field shows its input that way)."""
    for c in getattr(node, "children", ()):
        tag = getattr(c, "tag", None)
        if tag == "slot":
            if not is_empty(c):
                return False
        elif tag != TEXT or (c.text or ""):
            return False
    return True


def is_active(node: Any) -> bool:
    """Selectors 4 §9.2 :active: a touch is down on the node or a descendant (view state)."""
    state = getattr(node, "state", None)
    return bool(state and state.get("active"))


def pseudo_matches(p: tuple, node: Any) -> bool:
    """Whether the pseudo-class `p` holds for `node`."""
    name = p[0]
    if name in NTH:
        pos, _ = _position(node, name.endswith("of-type"), "-last-" in name)
        return nth_matches(p[1], p[2], pos)
    if name in ("first-child", "last-child", "first-of-type", "last-of-type"):
        pos, _ = _position(node, name.endswith("of-type"), name.startswith("last"))
        return pos == 1
    if name in ("only-child", "only-of-type"):
        return _position(node, name == "only-of-type", False)[1] == 1
    if name == "empty":
        return is_empty(node)
    if name == "active":
        return is_active(node)
    if name == "root":
        return getattr(node, "parent", None) is None
    if name == "not":
        return not any(sel.matches(node) for sel in p[1])
    if name == "is":
        return any(sel.matches(node) for sel in p[1])
    if name == "host":
        return getattr(node, "component", None) is not None and (p[1] is None or p[1].matches(node))
    return False


def _text(v: Any) -> str:
    if v is True:
        return "true"
    if v is False:
        return "false"
    return "" if v is None else str(v)


def attr_matches(spec: tuple, node: Any) -> bool:
    """Selectors 4 §6: [a], [a=v], [a~=v], [a|=v], [a^=v], [a$=v], [a*=v], with an `i` flag."""
    name, op, value, ci = spec
    attrs = getattr(node, "attrs", None) or {}
    have = attrs.get(name)
    if have is None or have is False or have == "":
        return False
    if op is None:
        return True
    text = _text(have)
    if ci:
        text, value = text.lower(), value.lower()
    if op == "=":
        return text == value
    if op == "~=":
        return value in text.split()
    if op == "|=":
        return text == value or text.startswith(value + "-")
    if not value:  # §6.2: an empty ^= $= *= value matches nothing
        return False
    if op == "^=":
        return text.startswith(value)
    if op == "$=":
        return text.endswith(value)
    return value in text
