"""WXSS selectors: parsing from tinycss2 tokens, specificity and matching.

WeChat documents a small selector set (tag, .class, #id, grouping, descendant,
::before/::after); real programs also use `>`, `page`, :first-child and :last-child,
which we support. Anything else is reported by the caller and the selector is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

SUPPORTED_PSEUDO = ("first-child", "last-child")


class SelectorError(Exception):
    """An unsupported or malformed construct; `construct` names it for the warning."""

    def __init__(self, construct: str, line: int | None, column: int | None):
        super().__init__(construct)
        self.construct = construct
        self.line = line
        self.column = column


@dataclass(frozen=True)
class Compound:
    """One compound selector such as `view.a.b:first-child`."""

    tag: str | None = None  # None or "*" for any
    id: str | None = None
    classes: tuple[str, ...] = ()
    pseudos: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str | None], ...] = ()  # (name, required value or None)

    def matches(self, node: Any) -> bool:
        if self.tag is not None and self.tag != "*" and node.tag != self.tag:
            return False
        if self.id is not None and node.id != self.id:
            return False
        if self.classes:
            have = node.classes
            for c in self.classes:
                if c not in have:
                    return False
        for p in self.pseudos:
            if p == "first-child" and node.index != 0:
                return False
            if p == "last-child" and node.index != node.sibling_count - 1:
                return False
        for name, value in self.attrs:
            attrs = node.attrs or {}
            if attrs.get(name) in (None, False, ""):
                return False
            if value is not None and str(_attr_text(attrs[name])) != value:
                return False
        return True


def _attr_text(v: Any) -> str:
    if v is True:
        return "true"
    if v is False:
        return "false"
    return "" if v is None else str(v)


@dataclass(frozen=True)
class Selector:
    """A complex selector stored right-to-left: compounds[0] is the subject.

    combinators[i] joins compounds[i] to compounds[i+1] (" " descendant or ">" child).
    """

    compounds: tuple[Compound, ...]
    combinators: tuple[str, ...]
    specificity: tuple[int, int, int]
    text: str

    @property
    def subject(self) -> Compound:
        return self.compounds[0]

    def matches(self, node: Any) -> bool:
        if not self.compounds[0].matches(node):
            return False
        return _match_rest(self, 1, node)


def _match_rest(sel: Selector, i: int, node: Any) -> bool:
    """Match compounds[i:] against the ancestors of `node` (backtracking for descendants)."""
    if i >= len(sel.compounds):
        return True
    comb = sel.combinators[i - 1]
    compound = sel.compounds[i]
    parent = node.parent
    if comb == ">":
        return parent is not None and compound.matches(parent) and _match_rest(sel, i + 1, parent)
    while parent is not None:
        if compound.matches(parent) and _match_rest(sel, i + 1, parent):
            return True
        parent = parent.parent
    return False


def _specificity(compounds: Iterable[Compound]) -> tuple[int, int, int]:
    """CSS Selectors 4 §17: (ids, classes + attributes + pseudo-classes, types)."""
    a = b = c = 0
    for comp in compounds:
        a += comp.id is not None
        b += len(comp.classes) + len(comp.pseudos) + len(comp.attrs)
        c += comp.tag is not None and comp.tag != "*"
    return (a, b, c)


def split_groups(tokens: list) -> list[list]:
    """Split a rule prelude at top-level commas (selector grouping)."""
    groups: list[list] = [[]]
    for tok in tokens:
        if tok.type == "literal" and tok.value == ",":
            groups.append([])
        else:
            groups[-1].append(tok)
    return groups


def parse_selector(tokens: list, allow_attrs: bool = False) -> Selector:
    """Parse one complex selector; raise SelectorError naming the first unsupported construct."""
    toks = _strip(tokens)
    if not toks:
        raise SelectorError("empty selector", None, None)
    compounds: list[Compound] = []
    combinators: list[str] = []
    i = 0
    pending: str | None = None
    while i < len(toks):
        tok = toks[i]
        if tok.type == "whitespace":
            pending = pending or " "
            i += 1
            continue
        if tok.type == "literal" and tok.value in (">", "+", "~"):
            if tok.value != ">":
                raise SelectorError(f"combinator '{tok.value}'", tok.source_line, tok.source_column)
            pending = ">"
            i += 1
            continue
        if compounds and pending is None:
            raise SelectorError(f"token '{tok.serialize()}'", tok.source_line, tok.source_column)
        if compounds:
            combinators.append(pending)
        compound, i = _parse_compound(toks, i, allow_attrs)
        compounds.append(compound)
        pending = None
    if pending == ">" or not compounds:
        t = toks[-1]
        raise SelectorError("dangling combinator", t.source_line, t.source_column)
    text = "".join(t.serialize() for t in toks)
    return Selector(tuple(reversed(compounds)), tuple(reversed(combinators)), _specificity(compounds), text)


def _strip(tokens: list) -> list:
    toks = [t for t in tokens if t.type != "comment"]
    while toks and toks[0].type == "whitespace":
        toks.pop(0)
    while toks and toks[-1].type == "whitespace":
        toks.pop()
    return toks


def _parse_compound(toks: list, i: int, allow_attrs: bool) -> tuple[Compound, int]:
    tag = None
    ident = None
    classes: list[str] = []
    pseudos: list[str] = []
    attrs: list[tuple[str, str | None]] = []
    start = i
    while i < len(toks):
        tok = toks[i]
        if tok.type == "ident" and i == start:
            tag = tok.lower_value
        elif tok.type == "literal" and tok.value == "*" and i == start:
            tag = "*"
        elif tok.type == "literal" and tok.value == ".":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is None or nxt.type != "ident":
                raise SelectorError("malformed class selector", tok.source_line, tok.source_column)
            classes.append(nxt.value)
            i += 1
        elif tok.type == "hash":
            if not tok.is_identifier:
                raise SelectorError(f"malformed id selector '#{tok.value}'", tok.source_line, tok.source_column)
            ident = tok.value
        elif tok.type == "literal" and tok.value == ":":
            pseudo, i = _parse_pseudo(toks, i)
            pseudos.append(pseudo)
            continue
        elif tok.type == "[] block":
            if not allow_attrs:
                raise SelectorError("attribute selector", tok.source_line, tok.source_column)
            attrs.append(_parse_attr(tok))
        else:
            break
        i += 1
    return Compound(tag, ident, tuple(classes), tuple(pseudos), tuple(attrs)), i


def _parse_pseudo(toks: list, i: int) -> tuple[str, int]:
    colon = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.type == "literal" and nxt.value == ":":
        name = toks[i + 2].serialize() if i + 2 < len(toks) else ""
        raise SelectorError(f"pseudo-element '::{name}'", colon.source_line, colon.source_column)
    if nxt is not None and nxt.type == "function":
        raise SelectorError(f"pseudo-class ':{nxt.lower_name}()'", colon.source_line, colon.source_column)
    if nxt is None or nxt.type != "ident":
        raise SelectorError("malformed pseudo-class", colon.source_line, colon.source_column)
    name = nxt.lower_value
    if name in ("before", "after"):
        raise SelectorError(f"pseudo-element '::{name}'", colon.source_line, colon.source_column)
    if name not in SUPPORTED_PSEUDO:
        raise SelectorError(f"pseudo-class ':{name}'", colon.source_line, colon.source_column)
    return name, i + 2


def _parse_attr(block: Any) -> tuple[str, str | None]:
    """`[name]` or `[name=value]` (used by the built-in component stylesheet)."""
    parts = [t for t in block.content if t.type != "whitespace"]
    if len(parts) == 1 and parts[0].type == "ident":
        return (parts[0].value, None)
    if len(parts) == 3 and parts[0].type == "ident" and parts[1].type == "literal" and parts[1].value == "=":
        return (parts[0].value, str(parts[2].value))
    raise SelectorError("attribute selector", block.source_line, block.source_column)
