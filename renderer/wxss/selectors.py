"""WXSS selectors: parsing from tinycss2 tokens, specificity and matching.

WeChat documents a small selector set (tag, .class, #id, grouping, descendant,
::before/::after); real programs and component libraries also use `>`, `+`, `~`, attribute
selectors, structural pseudo-classes, :not(), :active and :host (Selectors Level 4), which
are supported here (pseudo-classes in renderer/wxss/pseudo.py). Anything else is reported by
the caller and the selector is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from tinycss2.nth import parse_nth

from .pseudo import NTH, SIMPLE, attr_matches, pseudo_matches

PSEUDO_ELEMENTS = ("before", "after")
COMBINATORS = (">", "+", "~")


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
    pseudos: tuple[tuple, ...] = ()  # parsed pseudo-classes (renderer/wxss/pseudo.py)
    attrs: tuple[tuple, ...] = ()  # (name, operator or None, value, case-insensitive)

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
        for spec in self.attrs:
            if not attr_matches(spec, node):
                return False
        for p in self.pseudos:
            if not pseudo_matches(p, node):
                return False
        return True


@dataclass(frozen=True)
class Selector:
    """A complex selector stored right-to-left: compounds[0] is the subject.

    combinators[i] joins compounds[i] to compounds[i+1]: " " descendant, ">" child,
    "+" next sibling, "~" subsequent sibling. `pseudo_element` is "before"/"after" or None.
    """

    compounds: tuple[Compound, ...]
    combinators: tuple[str, ...]
    specificity: tuple[int, int, int]
    text: str
    pseudo_element: str | None = None

    @property
    def subject(self) -> Compound:
        return self.compounds[0]

    def matches(self, node: Any) -> bool:
        if not self.compounds[0].matches(node):
            return False
        return _match_rest(self, 1, node)


def _previous_siblings(node: Any) -> list:
    """Element siblings before `node`, nearest first."""
    parent = getattr(node, "parent", None)
    if parent is None:
        return []
    out = []
    for c in parent.children:
        if c is node:
            break
        if getattr(c, "tag", "#text") != "#text":
            out.append(c)
    out.reverse()
    return out


def _match_rest(sel: Selector, i: int, node: Any) -> bool:
    """Match compounds[i:] against the ancestors/siblings of `node` (backtracking)."""
    if i >= len(sel.compounds):
        return True
    comb = sel.combinators[i - 1]
    compound = sel.compounds[i]
    if comb in ("+", "~"):
        before = _previous_siblings(node)
        if comb == "+":
            before = before[:1]
        return any(compound.matches(s) and _match_rest(sel, i + 1, s) for s in before)
    parent = node.parent
    if comb == ">":
        return parent is not None and compound.matches(parent) and _match_rest(sel, i + 1, parent)
    while parent is not None:
        if compound.matches(parent) and _match_rest(sel, i + 1, parent):
            return True
        parent = parent.parent
    return False


def _pseudo_specificity(p: tuple) -> tuple[int, int, int]:
    """Selectors 4 §17: :not()/:is() count as their most specific argument; :host as a class."""
    if p[0] in ("not", "is"):
        return max(s.specificity for s in p[1])
    if p[0] == "host" and p[1] is not None:
        a, b, c = _specificity([p[1]])
        return (a, b + 1, c)
    return (0, 1, 0)


def _specificity(compounds: Iterable[Compound]) -> tuple[int, int, int]:
    """CSS Selectors 4 §17: (ids, classes + attributes + pseudo-classes, types)."""
    a = b = c = 0
    for comp in compounds:
        a += comp.id is not None
        b += len(comp.classes) + len(comp.attrs)
        c += comp.tag is not None and comp.tag != "*"
        for p in comp.pseudos:
            pa, pb, pc = _pseudo_specificity(p)
            a, b, c = a + pa, b + pb, c + pc
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


def parse_selector(tokens: list, allow_attrs: bool = True) -> Selector:
    """Parse one complex selector; raise SelectorError naming the first unsupported construct.

    Selectors 4 §16 combinators; §3.6 pseudo-elements (::before/::after, last in the selector).
    `allow_attrs` is kept for callers; attribute selectors are always accepted.
    """
    toks = _strip(tokens)
    if not toks:
        raise SelectorError("empty selector", None, None)
    compounds: list[Compound] = []
    combinators: list[str] = []
    i = 0
    pending: str | None = None
    element: str | None = None
    while i < len(toks):
        tok = toks[i]
        if element is not None:
            raise SelectorError(f"selector after '::{element}'", tok.source_line, tok.source_column)
        if tok.type == "whitespace":
            pending = pending or " "
            i += 1
            continue
        if tok.type == "literal" and tok.value in COMBINATORS:
            pending = tok.value
            i += 1
            continue
        if compounds and pending is None:
            raise SelectorError(f"token '{tok.serialize()}'", tok.source_line, tok.source_column)
        if compounds:
            combinators.append(pending)
        compound, i, element = _parse_compound(toks, i)
        compounds.append(compound)
        pending = None
    if (pending is not None and pending != " ") or not compounds:
        t = toks[-1]
        raise SelectorError("dangling combinator", t.source_line, t.source_column)
    text = "".join(t.serialize() for t in toks)
    return Selector(tuple(reversed(compounds)), tuple(reversed(combinators)), _element_specificity(compounds, element),
                    text, element)


def _element_specificity(compounds: list[Compound], element: str | None) -> tuple[int, int, int]:
    a, b, c = _specificity(compounds)
    return (a, b, c + (element is not None))


def _strip(tokens: list) -> list:
    toks = [t for t in tokens if t.type != "comment"]
    while toks and toks[0].type == "whitespace":
        toks.pop(0)
    while toks and toks[-1].type == "whitespace":
        toks.pop()
    return toks


def _parse_compound(toks: list, i: int) -> tuple[Compound, int, str | None]:
    tag = None
    ident = None
    classes: list[str] = []
    pseudos: list[tuple] = []
    attrs: list[tuple] = []
    element: str | None = None
    start = i
    while i < len(toks):
        tok = toks[i]
        if element is not None and not (tok.type == "whitespace" or tok.type == "literal"):
            raise SelectorError(f"selector after '::{element}'", tok.source_line, tok.source_column)
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
            pseudo, i, is_element = _parse_pseudo(toks, i)
            if is_element:
                element = pseudo[0]
            else:
                pseudos.append(pseudo)
            continue
        elif tok.type == "[] block":
            attrs.append(_parse_attr(tok))
        else:
            break
        i += 1
    return Compound(tag, ident, tuple(classes), tuple(pseudos), tuple(attrs)), i, element


def _parse_pseudo(toks: list, i: int) -> tuple[tuple, int, bool]:
    """A pseudo-class or pseudo-element at toks[i] (the colon); returns (parsed, next index, is_element)."""
    colon = toks[i]
    where = (colon.source_line, colon.source_column)
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    double = nxt is not None and nxt.type == "literal" and nxt.value == ":"
    if double:
        nxt = toks[i + 2] if i + 2 < len(toks) else None
        name = nxt.serialize() if nxt is not None else ""
        if nxt is None or nxt.type != "ident" or nxt.lower_value not in PSEUDO_ELEMENTS:
            raise SelectorError(f"pseudo-element '::{name}'", *where)
        return (nxt.lower_value,), i + 3, True
    if nxt is not None and nxt.type == "function":
        return _pseudo_function(nxt, where), i + 2, False
    if nxt is None or nxt.type != "ident":
        raise SelectorError("malformed pseudo-class", *where)
    name = nxt.lower_value
    if name in PSEUDO_ELEMENTS:  # CSS 2 single-colon form of ::before / ::after
        return (name,), i + 2, True
    if name == "host":
        return ("host", None), i + 2, False
    if name not in SIMPLE:
        raise SelectorError(f"pseudo-class ':{name}'", *where)
    return (name,), i + 2, False


def _pseudo_function(fn: Any, where: tuple) -> tuple:
    """:nth-*(An+B), :not(<selector-list>), :is()/:where() and :host(<compound>)."""
    name = fn.lower_name
    if name in NTH:
        nth = parse_nth(fn.arguments)
        if nth is None:
            raise SelectorError(f"malformed ':{name}()'", *where)
        return (name, nth[0], nth[1])
    if name in ("not", "is", "host"):
        try:
            sels = tuple(parse_selector(g) for g in split_groups(fn.arguments))
        except SelectorError as exc:
            raise SelectorError(f"{exc.construct} inside ':{name}()'", *where) from None
        if any(s.pseudo_element for s in sels):
            raise SelectorError(f"pseudo-element inside ':{name}()'", *where)
        if name == "host":
            if len(sels) != 1 or sels[0].combinators:
                raise SelectorError("':host()' needs one compound selector", *where)
            return ("host", sels[0].subject)
        return (name, sels)
    raise SelectorError(f"pseudo-class ':{name}()'", *where)


_ATTR_OPS = ("=", "~=", "|=", "^=", "$=", "*=")


def _parse_attr(block: Any) -> tuple:
    """Selectors 4 §6: `[name]` or `[name op value]` with an optional `i` flag."""
    parts = [t for t in block.content if t.type not in ("whitespace", "comment")]
    if len(parts) == 1 and parts[0].type == "ident":
        return (parts[0].value, None, None, False)
    if len(parts) >= 3 and parts[0].type == "ident":
        op, k = None, 0
        if parts[1].type == "literal" and parts[1].value in _ATTR_OPS:
            op, k = parts[1].value, 2
        elif len(parts) >= 4 and parts[1].type == "literal" and parts[2].type == "literal" \
                and parts[1].value + parts[2].value in _ATTR_OPS:
            op, k = parts[1].value + parts[2].value, 3
        rest = parts[k:] if op else []
        if rest and rest[0].type in ("ident", "string", "number") and len(rest) <= 2:
            flag = rest[1].lower_value if len(rest) == 2 and rest[1].type == "ident" else None
            if len(rest) == 1 or flag in ("i", "s"):
                value = rest[0].representation if rest[0].type == "number" else rest[0].value
                return (parts[0].value, op, str(value), flag == "i")
    raise SelectorError("malformed attribute selector", block.source_line, block.source_column)
