"""Validators for generated content, the font shorthand and painting-only properties.

Registered into `properties.VALIDATORS` like the layout properties; each cites its section.
"""

from __future__ import annotations

from typing import Any

from . import values as v
from .properties import _font_weight, _line_height, font_family, prop


@prop("content")
def content(tokens: list) -> dict[str, Any] | None:
    """CSS Generated Content 3 §1: normal | none | [<string> | attr(<ident>)]+ (quotes as empty)."""
    if len(tokens) == 1 and v.keyword(tokens[0]) in ("normal", "none"):
        return {"content": v.keyword(tokens[0])}
    items: list[tuple[str, str]] = []
    for tok in tokens:
        if tok.type == "string":
            items.append(("s", tok.value))
        elif tok.type == "function" and tok.lower_name == "attr":
            names = [a for a in tok.arguments if a.type == "ident"]
            if len(names) != 1:
                return None
            items.append(("attr", names[0].value))
        elif v.keyword(tok) in ("open-quote", "close-quote", "no-open-quote", "no-close-quote"):
            items.append(("s", ""))
        else:
            return None
    return {"content": tuple(items)} if items else None


_STYLE = ("normal", "italic", "oblique")
_SIZES = ("xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "smaller", "larger")


@prop("font")
def font(tokens: list) -> dict[str, Any] | None:
    """CSS Fonts 4 §2.8: [<style> || <variant> || <weight> || <stretch>]? <size>[/<line-height>]? <family>.

    Values not given reset to their initial values; system-font keywords are not accepted.
    """
    out: dict[str, Any] = {"font-style": "normal", "font-weight": "normal", "line-height": "normal"}
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kw = v.keyword(tok)
        if kw == "normal" or kw == "small-caps":
            pass
        elif kw in _STYLE:
            out["font-style"] = kw
        elif kw not in _SIZES and _font_weight(tok) is not None and not (tok.type == "number" and tok.value == 0):
            out["font-weight"] = _font_weight(tok)
        else:
            break
        i += 1
    if i >= len(tokens):
        return None
    size = v.length_or(tokens[i], *_SIZES, negative=False)
    if size is None:
        return None
    out["font-size"] = size
    i += 1
    if i + 1 < len(tokens) and tokens[i].type == "literal" and tokens[i].value == "/":
        lh = _line_height(tokens[i + 1])
        if lh is None:
            return None
        out["line-height"] = lh
        i += 2
    family = font_family(tokens[i:]) if i < len(tokens) else None
    if family is None:
        return None
    out.update(family)
    return out


def _shadow(tokens: list) -> tuple | None:
    """One <shadow>: inset? && <length>{2,4} && <color>?."""
    inset = False
    lengths: list[Any] = []
    color: Any = None
    for tok in tokens:
        if v.keyword(tok) == "inset" and not inset:
            inset = True
        elif v.length(tok, percent=False) is not None and color is None or (
                v.length(tok, percent=False) is not None and not lengths):
            lengths.append(v.length(tok, percent=False))
        elif color is None and v.color(tok) is not None:
            color = v.color(tok)
        else:
            return None
    if not 2 <= len(lengths) <= 4 or (len(lengths) > 2 and lengths[2][1] < 0):
        return None
    while len(lengths) < 4:
        lengths.append(("px", 0.0))
    return (inset, *lengths, color or "currentcolor")


@prop("box-shadow")
def box_shadow(tokens: list) -> dict[str, Any] | None:
    """CSS Backgrounds 3 §7.1: none | <shadow>#."""
    if len(tokens) == 1 and v.keyword(tokens[0]) == "none":
        return {"box-shadow": "none"}
    groups: list[list] = [[]]
    for tok in tokens:
        if tok.type == "literal" and tok.value == ",":
            groups.append([])
        else:
            groups[-1].append(tok)
    shadows = tuple(_shadow(g) for g in groups)
    return None if None in shadows else {"box-shadow": shadows}
