"""CSS custom properties and `var()` (CSS Variables 1).

Custom properties cascade like any other declaration and always inherit; a declaration
whose value uses `var()` is kept as text and parsed only once the element's custom
properties are known ("computed-value time"). A value that still fails to parse after
substitution makes the property behave as `unset` (CSS Variables 1 §3.1).
"""

from __future__ import annotations

from typing import Iterator

import tinycss2

VARS_KEY = "-wxsim-vars"


class CustomProps:
    """An immutable, hashable map of custom property name → its specified token text."""

    __slots__ = ("_map", "_hash")

    def __init__(self, values: dict[str, str]):
        self._map = values
        self._hash = hash(tuple(sorted(values.items())))

    def get(self, name: str) -> str | None:
        return self._map.get(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._map)

    def as_dict(self) -> dict[str, str]:
        return dict(self._map)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, CustomProps) and self._hash == other._hash
                                 and self._map == other._map)

    def __repr__(self) -> str:
        return f"CustomProps({len(self._map)} names)"


EMPTY = CustomProps({})


def uses_var(tokens: list) -> bool:
    """Whether a declaration value contains `var()` anywhere, nested functions included."""
    for tok in tokens:
        if tok.type == "function":
            if tok.lower_name == "var" or uses_var(tok.arguments):
                return True
        elif tok.type in ("() block", "[] block", "{} block") and uses_var(tok.content):
            return True
    return False


def substitute(text: str, props: dict[str, str]) -> str | None:
    """`text` with every `var()` replaced, or None when a reference cannot be resolved
    (an undefined property without a fallback, or a reference cycle)."""
    return _subst(tinycss2.parse_component_value_list(text), props, frozenset())


def _subst(tokens: list, props: dict[str, str], seen: frozenset) -> str | None:
    out: list[str] = []
    for tok in tokens:
        if tok.type == "function" and tok.lower_name == "var":
            part = _var(tok.arguments, props, seen)
        elif tok.type == "function":
            inner = _subst(tok.arguments, props, seen)
            part = None if inner is None else f"{tok.name}({inner})"
        elif tok.type in ("() block", "[] block"):
            inner = _subst(tok.content, props, seen)
            part = None if inner is None else tok.type[0] + inner + tok.type[1]
        else:
            part = tok.serialize()
        if part is None:
            return None
        out.append(part)
    return "".join(out)


def _var(args: list, props: dict[str, str], seen: frozenset) -> str | None:
    """CSS Variables 1 §3: var( <custom-property-name> [, <fallback>]? )."""
    significant = [t for t in args if t.type not in ("whitespace", "comment")]
    if not significant or significant[0].type != "ident" or not significant[0].value.startswith("--"):
        return None
    name = significant[0].value
    comma = next((i for i, t in enumerate(args) if t.type == "literal" and t.value == ","), None)
    value = props.get(name)
    if value is not None and name not in seen:
        resolved = _subst(tinycss2.parse_component_value_list(value), props, seen | {name})
        if resolved is not None:
            return resolved
    if comma is not None:
        return _subst(args[comma + 1:], props, seen)
    return None
