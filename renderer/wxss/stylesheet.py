"""Parsing WXSS text into rules with selectors, specificity, source order and declarations."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any, Callable

import tinycss2

from bridge.diagnostics import Diagnostic, Report, WxsimError

from .properties import VALIDATORS
from .selectors import Selector, SelectorError, parse_selector, split_groups
from .variables import uses_var

Read = Callable[[str], str]
UNSUPPORTED_FUNCTIONS = ("var", "calc", "env", "constant", "linear-gradient", "radial-gradient", "url")


@dataclass(frozen=True)
class Declaration:
    """One declaration expanded to its longhands, e.g. margin → margin-top..margin-left."""

    name: str
    longhands: tuple[tuple[str, Any], ...]
    important: bool
    file: str | None
    line: int | None
    column: int | None
    # A custom property (`--x`), or a value using var(): the value's text, substituted and
    # parsed when the cascade knows the element's custom properties (renderer/wxss/variables.py).
    raw: str | None = None
    custom: bool = False


@dataclass(frozen=True)
class Rule:
    selector: Selector
    declarations: tuple[Declaration, ...]
    order: int  # source order within its StyleSheet (imports included, in place)
    file: str


@dataclass
class StyleSheet:
    path: str
    rules: list[Rule] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)
    user_agent: bool = False  # the built-in component sheet: lowest cascade origin


class _Context:
    """State shared by one parse_stylesheet call and the files it imports."""

    def __init__(self, read: Read, report: Report, allow_attrs: bool):
        self.read = read
        self.report = report
        self.allow_attrs = allow_attrs
        self.warned: set[tuple] = set()
        self.stack: list[str] = []

    def warn_once(self, key: tuple, message: str, file: str | None, line: int | None, col: int | None) -> None:
        if key in self.warned:
            return
        self.warned.add(key)
        self.report(Diagnostic("warning", message, file, line, col))


def parse_stylesheet(text: str, rel_path: str, read: Read, report: Report, *, allow_attrs: bool = False) -> StyleSheet:
    """Parse WXSS, following `@import` through `read(rel)`; problems go to `report`.

    `allow_attrs` enables `[attr=value]` selectors; only the built-in component sheet uses it.
    """
    sheet = StyleSheet(rel_path)
    ctx = _Context(read, report, allow_attrs)
    _parse_into(sheet, text, rel_path, ctx)
    return sheet


def _parse_into(sheet: StyleSheet, text: str, path: str, ctx: _Context) -> None:
    ctx.stack.append(path)
    try:
        nodes = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
        for node in nodes:
            if node.type == "qualified-rule":
                _add_rule(sheet, node, path, ctx)
            elif node.type == "at-rule":
                _at_rule(sheet, node, path, ctx)
            elif node.type == "error":
                ctx.report(Diagnostic("warning", f"syntax error: {node.message}", path, node.source_line, node.source_column))
    finally:
        ctx.stack.pop()


def _at_rule(sheet: StyleSheet, node: Any, path: str, ctx: _Context) -> None:
    if node.lower_at_keyword != "import":
        ctx.report(Diagnostic("warning", f"@{node.lower_at_keyword} is not supported; rule skipped",
                              path, node.source_line, node.source_column))
        return
    target = _import_target(node.prelude)
    if target is None:
        ctx.report(Diagnostic("warning", "malformed @import", path, node.source_line, node.source_column))
        return
    rel = _resolve(path, target)
    if rel in ctx.stack:
        ctx.report(Diagnostic("warning", f"@import cycle: '{rel}' is already being imported", path,
                              node.source_line, node.source_column))
        return
    try:
        text = ctx.read(rel)
    except (WxsimError, OSError) as exc:
        ctx.report(Diagnostic("error", f"cannot @import '{rel}': {exc}", path, node.source_line, node.source_column))
        return
    sheet.imports.append(rel)
    _parse_into(sheet, text, rel, ctx)


def _import_target(prelude: list) -> str | None:
    toks = [t for t in prelude if t.type not in ("whitespace", "comment")]
    if len(toks) != 1:
        return None
    tok = toks[0]
    if tok.type in ("string", "url"):
        return tok.value
    if tok.type == "function" and tok.lower_name == "url":
        args = [a for a in tok.arguments if a.type == "string"]
        return args[0].value if args else None
    return None


def _resolve(importer: str, target: str) -> str:
    """Resolve an @import path: "/x" from the root, otherwise relative to the importing file."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(importer), target))


def _add_rule(sheet: StyleSheet, node: Any, path: str, ctx: _Context) -> None:
    selectors = []
    for group in split_groups(node.prelude):
        try:
            selectors.append(parse_selector(group, ctx.allow_attrs))
        except SelectorError as exc:
            text = tinycss2.serialize(group).strip()
            ctx.warn_once(("selector", exc.construct), f"unsupported selector {exc.construct} in '{text}'; selector skipped",
                          path, exc.line or node.source_line, exc.column or node.source_column)
    if not selectors:
        return
    decls = parse_declarations(node.content, path, ctx.report, ctx.warn_once)
    for sel in selectors:
        sheet.rules.append(Rule(sel, decls, len(sheet.rules), path))


WarnOnce = Callable[[tuple, str, "str | None", "int | None", "int | None"], None]


def parse_declarations(content: list | str, path: str | None, report: Report, warn_once: WarnOnce) -> tuple[Declaration, ...]:
    """Parse a declaration block (rule body or inline `style`) into validated declarations."""
    items = tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True)
    out: list[Declaration] = []
    for item in items:
        if item.type == "error":
            report(Diagnostic("warning", f"syntax error: {item.message}", path, item.source_line, item.source_column))
            continue
        if item.type != "declaration":
            continue
        decl = _declaration(item, path, report, warn_once)
        if decl is not None:
            out.append(decl)
    return tuple(out)


def _declaration(item: Any, path: str | None, report: Report, warn_once: WarnOnce) -> Declaration | None:
    name = item.lower_name
    # Positions inside an inline `style` string are not positions in any file.
    where = (path, item.source_line, item.source_column) if path is not None else (None, None, None)
    if name.startswith("--"):
        name = item.name  # custom property names are case-sensitive
        return Declaration(name, (), bool(item.important), *where, raw=tinycss2.serialize(item.value).strip(),
                           custom=True)
    validator = VALIDATORS.get(name)
    if validator is None:
        warn_once(("property", name), f"unsupported property '{name}'", *where)
        return None
    tokens = [t for t in item.value if t.type not in ("whitespace", "comment")]
    if uses_var(tokens):
        return Declaration(name, (), bool(item.important), *where, raw=tinycss2.serialize(item.value).strip())
    for tok in tokens:
        if tok.type == "function" and tok.lower_name in UNSUPPORTED_FUNCTIONS and not name.startswith("background"):
            warn_once(("function", tok.lower_name, name), f"unsupported value {tok.lower_name}() in '{name}'; declaration ignored", *where)
            return None
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value in ("inherit", "initial", "unset"):
        parsed: dict[str, Any] | None = {"-wxsim-keyword": tokens[0].lower_value}
    else:
        parsed = validator(tokens)
    if parsed is None:
        report(Diagnostic("warning", f"invalid value for '{name}': {tinycss2.serialize(item.value).strip()}", *where))
        return None
    if parsed.pop("-wxsim-background-rest", False):
        warn_once(("background-rest",), "only the colour part of 'background' is supported; other parts ignored", *where)
    return Declaration(name, _expand_keyword(name, parsed), bool(item.important), *where)


def _expand_keyword(name: str, parsed: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """`margin: inherit` applies the keyword to every longhand of the shorthand."""
    if "-wxsim-keyword" not in parsed:
        return tuple(parsed.items())
    from .computed import LONGHANDS_OF
    kw = parsed["-wxsim-keyword"]
    return tuple((lh, kw) for lh in LONGHANDS_OF.get(name, (name,)))
