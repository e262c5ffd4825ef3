"""`{{ }}` expressions: parse with lark, generate JavaScript for the view-layer QuickJS context.

Generating JS (rather than interpreting in Python) keeps coercion, `+` on strings, truthiness
and number printing exactly JavaScript's. Member access goes through `$g`, which yields
undefined on null/undefined instead of throwing, as WeChat templates do.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Callable, Union

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from bridge.diagnostics import Diagnostic

Report = Callable[[Diagnostic], None]

_PARSER = Lark.open(
    "expr.lark", rel_to=__file__, start=["expr", "data_obj"], parser="lalr", propagate_positions=True,
    cache=True,  # the built LALR tables are kept in the temp folder: start-up is ~40 ms faster
)
_LITERALS = {"true": "true", "false": "false", "null": "null", "undefined": "undefined"}


@dataclass(frozen=True)
class Mustache:
    """One `{{ }}` inside a text or attribute value; `offset` is where the inner text starts."""

    text: str
    offset: int


Part = Union[str, Mustache]


@dataclass
class Scope:
    """How identifiers resolve: local names (wx:for item/index) first, then WXS modules, then data."""

    data: str = "D"
    locals: dict[str, str] = field(default_factory=dict)
    modules: dict[str, str] = field(default_factory=dict)

    def child(self, **names: str) -> Scope:
        return Scope(self.data, {**self.locals, **names}, self.modules)

    def resolve(self, name: str) -> str:
        if name in self.locals:
            return self.locals[name]
        if name in self.modules:
            return self.modules[name]
        return f"{self.data}[{json.dumps(name)}]"


@dataclass(frozen=True)
class Where:
    """Start of a text or attribute value in the file, for mapping offsets to positions."""

    file: str
    line: int
    column: int
    source: str

    def at(self, offset: int) -> tuple[int, int]:
        before = self.source[:offset]
        nl = before.count("\n")
        if nl == 0:
            return self.line, self.column + offset
        return self.line + nl, offset - before.rfind("\n")


def split_mustache(value: str) -> list[Part]:
    """Split text into literal strings and Mustache parts; an unclosed `{{` stays literal."""
    parts: list[Part] = []
    i = 0
    while True:
        start = value.find("{{", i)
        end = value.find("}}", start + 2) if start >= 0 else -1
        if start < 0 or end < 0:
            if i < len(value):
                parts.append(value[i:])
            return parts
        inner = value[start + 2 : end]
        while inner.count("{") > inner.count("}"):  # `{{ {a: {b: 1}} }}`: object literals nest
            nxt = value.find("}}", end + 1)
            if nxt < 0:
                break
            end = nxt
            inner = value[start + 2 : end]
        if start > i:
            parts.append(value[i:start])
        parts.append(Mustache(inner, start + 2))
        i = end + 2


def parse_expression(m: Mustache, where: Where, report: Report, start: str = "expr") -> Tree | None:
    """Parse one mustache; on a syntax error report it at the offending character and return None."""
    try:
        return _PARSER.parse(m.text, start=start)
    except UnexpectedInput as exc:
        offset, message = _describe(exc, m.text)
        line, col = where.at(m.offset + offset)
        report(Diagnostic("error", message, where.file, line, col))
        return None


def _describe(exc: UnexpectedInput, text: str) -> tuple[int, str]:
    if isinstance(exc, UnexpectedCharacters):
        return exc.pos_in_stream, f"unexpected character {text[exc.pos_in_stream]!r} in expression"
    if isinstance(exc, UnexpectedToken) and exc.token.type != "$END":
        return exc.token.start_pos or 0, f"unexpected {str(exc.token)!r} in expression"
    if isinstance(exc, (UnexpectedEOF, UnexpectedToken)):
        return len(text.rstrip()), "unexpected end of expression"
    return 0, "invalid expression"  # pragma: no cover - lark raises only the kinds above


# -- code generation ----------------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_ESCAPE_RE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])")


def decode_string(token: str) -> str:
    """Decode a JS string literal (quotes included) to its value."""

    def sub(m: re.Match[str]) -> str:
        e = m.group(1)
        if e[0] == "u" and len(e) > 1:
            return chr(int(e[2:-1] if e[1] == "{" else e[1:], 16))
        if e[0] == "x" and len(e) == 3:
            return chr(int(e[1:], 16))
        if e in ("\n", "\r\n", "\r", "\u2028", "\u2029"):
            return ""
        return _ESCAPES.get(e, e)

    return _ESCAPE_RE.sub(sub, token[1:-1])


class _Gen:
    """Turns one expression tree into JS source; `may_throw` is set when evaluation can throw."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.may_throw = False

    def js(self, t: Tree | Token) -> str:
        if isinstance(t, Token):  # pragma: no cover - every token sits under a rule
            raise TypeError(t)
        return getattr(self, "g_" + str(t.data))(t)

    def g_start(self, t: Tree) -> str:
        return self.js(t.children[0])

    def g_number(self, t: Tree) -> str:
        return str(t.children[0])

    def g_string(self, t: Tree) -> str:
        return json.dumps(decode_string(str(t.children[0])))

    def g_var(self, t: Tree) -> str:
        name = str(t.children[0])
        return _LITERALS.get(name) or self.scope.resolve(name)

    def g_getattr(self, t: Tree) -> str:
        return f"$g({self.js(t.children[0])},{json.dumps(str(t.children[1]))})"

    def g_getitem(self, t: Tree) -> str:
        return f"$g({self.js(t.children[0])},{self.js(t.children[1])})"

    def g_call(self, t: Tree) -> str:
        self.may_throw = True
        callee, args = t.children
        arglist = "[" + ",".join(self.js(a) for a in args.children) + "]" if args is not None else "[]"
        if isinstance(callee, Tree) and callee.data == "getattr":
            return f"$c({self.js(callee.children[0])},{json.dumps(str(callee.children[1]))},{arglist})"
        if isinstance(callee, Tree) and callee.data == "getitem":
            return f"$c({self.js(callee.children[0])},{self.js(callee.children[1])},{arglist})"
        return f"$f({self.js(callee)},{arglist})"

    def g_unop(self, t: Tree) -> str:
        return f"({t.children[0]} {self.js(t.children[1])})"

    def g_typeof(self, t: Tree) -> str:
        return f"(typeof {self.js(t.children[1])})"

    def g_binop(self, t: Tree) -> str:
        return f"({self.js(t.children[0])}{t.children[1]}{self.js(t.children[2])})"

    def g_and_(self, t: Tree) -> str:
        return f"({self.js(t.children[0])}&&{self.js(t.children[1])})"

    def g_or_(self, t: Tree) -> str:
        return f"({self.js(t.children[0])}||{self.js(t.children[1])})"

    def g_nullish(self, t: Tree) -> str:
        return f"({self.js(t.children[0])}??{self.js(t.children[1])})"

    def g_cond(self, t: Tree) -> str:
        a, b, c = (self.js(x) for x in t.children)
        return f"({a}?{b}:{c})"

    def g_array(self, t: Tree) -> str:
        elements = t.children[0]
        if elements is None:
            return "[]"
        return "[" + ",".join(self.element(e) for e in elements.children if e is not None) + "]"

    def element(self, e: Tree) -> str:
        if e.data == "spread":
            self.may_throw = True  # spreading a non-iterable into an array throws
            return "..." + self.js(e.children[0])
        return self.js(e)

    def g_object(self, t: Tree) -> str:
        return self.props(t.children[0])

    def g_data_obj(self, t: Tree) -> str:
        return self.props(t.children[0])

    def props(self, props: Tree | None) -> str:
        if props is None:
            return "{}"
        out = []
        for p in props.children:
            if p is None:
                continue
            if p.data == "pair":
                out.append(f"{self.key(p.children[0])}:{self.js(p.children[1])}")
            elif p.data == "shorthand":
                name = str(p.children[0])
                out.append(f"{json.dumps(name)}:{self.g_var(Tree('var', [p.children[0]]))}")
            else:
                out.append("..." + self.js(p.children[0]))
        return "{" + ",".join(out) + "}"

    def key(self, k: Tree) -> str:
        tok = k.children[0]
        if tok.type == "STRING":
            return json.dumps(decode_string(str(tok)))
        if tok.type == "NUMBER":
            return f"[{tok}]"
        return json.dumps(str(tok))


def to_js(tree: Tree, scope: Scope) -> tuple[str, bool]:
    """JS source for an expression tree and whether evaluating it may throw."""
    gen = _Gen(scope)
    return gen.js(tree), gen.may_throw


def path_of(tree: Tree) -> str | None:
    """The data path an expression names (`a.b[0]`), or None if it is not a plain path."""
    if tree.data == "start":
        return path_of(tree.children[0])
    if tree.data == "var":
        name = str(tree.children[0])
        return None if name in _LITERALS else name
    if tree.data == "getattr":
        base = path_of(tree.children[0])
        return None if base is None else f"{base}.{tree.children[1]}"
    if tree.data == "getitem":
        base = path_of(tree.children[0])
        idx = tree.children[1]
        if base is None or not isinstance(idx, Tree):
            return None
        if idx.data == "number":
            return f"{base}[{idx.children[0]}]"
        if idx.data == "string":
            return f"{base}.{decode_string(str(idx.children[0]))}"
    return None
