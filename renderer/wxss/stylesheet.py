"""Parsing WXSS text into rules with selectors, specificity, source order and declarations."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any, Callable

import tinycss2

from bridge.diagnostics import Diagnostic, Report, WxsimError

from .properties import UNSUPPORTED_KEY, VALIDATORS
from .selectors import Selector, SelectorError, parse_selector, split_groups
from .media import MediaError, parse_media
from .variables import uses_var

Read = Callable[[str], str]
UNSUPPORTED_FUNCTIONS = ("var", "url")


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
    media: tuple | None = None  # enclosing @media query lists, outermost first (renderer/wxss/media.py)


@dataclass(frozen=True)
class FontFace:
    """CSS Fonts 4 §4 @font-face: a family name and its sources, in order of preference.

    `sources` are (url, format or None) with urls as written; `file` is the sheet that
    declared the rule (relative urls resolve against it).
    """

    family: str
    sources: tuple[tuple[str, str | None], ...]
    weight: str
    style: str
    file: str
    line: int | None
    column: int | None


@dataclass
class StyleSheet:
    path: str
    rules: list[Rule] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)
    font_faces: list[FontFace] = field(default_factory=list)
    keyframes: list[tuple[Any, tuple | None]] = field(default_factory=list)  # (Keyframes, enclosing @media)
    user_agent: bool = False  # the built-in component sheet: lowest cascade origin


class _Context:
    """State shared by one parse_stylesheet call and the files it imports."""

    def __init__(self, read: Read, report: Report, allow_attrs: bool):
        self.read = read
        self.report = report
        self.allow_attrs = allow_attrs
        self.warned: set[tuple] = set()
        self.stack: list[str] = []
        self.media: tuple | None = None

    def warn_once(self, key: tuple, message: str, file: str | None, line: int | None, col: int | None) -> None:
        if key in self.warned:
            return
        self.warned.add(key)
        self.report(Diagnostic("warning", message, file, line, col))


def parse_stylesheet(text: str, rel_path: str, read: Read, report: Report, *, allow_attrs: bool = False) -> StyleSheet:
    """Parse WXSS, following `@import` through `read(rel)`; problems go to `report`.

    `allow_attrs` is accepted for callers; attribute selectors are always parsed.
    """
    sheet = StyleSheet(rel_path)
    ctx = _Context(read, report, allow_attrs)
    _parse_into(sheet, text, rel_path, ctx)
    return sheet


def _parse_into(sheet: StyleSheet, text: str, path: str, ctx: _Context) -> None:
    ctx.stack.append(path)
    try:
        _parse_nodes(sheet, tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True), path, ctx)
    finally:
        ctx.stack.pop()


def _parse_nodes(sheet: StyleSheet, nodes: list, path: str, ctx: _Context) -> None:
    for node in nodes:
        if node.type == "qualified-rule":
            _add_rule(sheet, node, path, ctx)
        elif node.type == "at-rule":
            _at_rule(sheet, node, path, ctx)
        elif node.type == "error":
            ctx.report(Diagnostic("warning", f"syntax error: {node.message}", path, node.source_line, node.source_column))


def _at_rule(sheet: StyleSheet, node: Any, path: str, ctx: _Context) -> None:
    if node.lower_at_keyword == "media":
        _media(sheet, node, path, ctx)
        return
    if node.lower_at_keyword == "font-face":
        face = font_face(node, path, ctx)
        if face is not None:
            sheet.font_faces.append(face)
        return
    if node.lower_at_keyword in ("keyframes", "-webkit-keyframes"):
        from .keyframes import parse_keyframes  # noqa: PLC0415 - keyframes imports this module

        rule = parse_keyframes(node, path, ctx.report, ctx.warn_once)
        if rule is not None:
            sheet.keyframes.append((rule, ctx.media))
        return
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
        sheet.rules.append(Rule(sel, decls, len(sheet.rules), path, ctx.media))


def _media(sheet: StyleSheet, node: Any, path: str, ctx: _Context) -> None:
    """Media Queries 4 §2: the rules inside apply while the query list matches the viewport."""
    try:
        queries = parse_media(node.prelude)
    except MediaError as exc:
        ctx.report(Diagnostic("warning", f"@media: {exc}; rules inside skipped", path, node.source_line, node.source_column))
        return
    outer = ctx.media
    ctx.media = (outer or ()) + (queries,)  # nested @media: every level must match
    try:
        _parse_nodes(sheet, tinycss2.parse_rule_list(node.content or [], skip_comments=True, skip_whitespace=True),
                     path, ctx)
    finally:
        ctx.media = outer


def font_face(node: Any, path: str, ctx: _Context) -> FontFace | None:
    """CSS Fonts 4 §4.1-4.3: font-family and src (url()/local(), optional format()) descriptors."""
    family = None
    sources: list[tuple[str, str | None]] = []
    weight, style = "normal", "normal"
    for item in tinycss2.parse_blocks_contents(node.content or [], skip_comments=True, skip_whitespace=True):
        if item.type != "declaration":
            continue
        toks = [t for t in item.value if t.type not in ("whitespace", "comment")]
        if item.lower_name == "font-family":
            names = VALIDATORS["font-family"](toks)
            family = names["font-family"][0] if names else None
        elif item.lower_name == "src":
            sources = font_sources(toks)
        elif item.lower_name in ("font-weight", "font-style") and toks:
            text = tinycss2.serialize(toks).strip().lower()
            weight, style = (text, style) if item.lower_name == "font-weight" else (weight, text)
    if not family or not sources:
        ctx.report(Diagnostic("warning", "@font-face without a font-family or a usable src; rule skipped",
                              path, node.source_line, node.source_column))
        return None
    return FontFace(family, tuple(sources), weight, style, path, node.source_line, node.source_column)


def font_sources(toks: list) -> list[tuple[str, str | None]]:
    """`src`: comma-separated url(...) [format(...)] entries; local() names are kept as `local:`."""
    out: list[tuple[str, str | None]] = []
    for tok in toks:
        if tok.type == "url":
            out.append((tok.value, None))
        elif tok.type == "function" and tok.lower_name in ("url", "local"):
            args = [a for a in tok.arguments if a.type in ("string", "ident")]
            if args:
                prefix = "local:" if tok.lower_name == "local" else ""
                out.append((prefix + str(args[0].value), None))
        elif tok.type == "function" and tok.lower_name == "format" and out:
            args = [a for a in tok.arguments if a.type in ("string", "ident")]
            out[-1] = (out[-1][0], str(args[0].value).lower() if args else None)
    return out


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
        if tok.type == "function" and tok.lower_name in UNSUPPORTED_FUNCTIONS and not name.startswith(_IMAGE_PROPERTIES):
            warn_once(("function", tok.lower_name, name), f"unsupported value {tok.lower_name}() in '{name}'; declaration ignored", *where)
            return None
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value in ("inherit", "initial", "unset"):
        parsed: dict[str, Any] | None = {"-wxsim-keyword": tokens[0].lower_value}
    else:
        parsed = validator(tokens)
    if parsed is not None and parsed.get(UNSUPPORTED_KEY):
        warn_once(("value", name), f"unsupported value for '{name}'; declaration ignored", *where)
        return None
    if parsed is None:
        report(Diagnostic("warning", f"invalid value for '{name}': {tinycss2.serialize(item.value).strip()}", *where))
        return None
    if path is not None:
        parsed = _sheet_relative_urls(parsed, path)
    return Declaration(name, _expand_keyword(name, parsed), bool(item.important), *where)


def _sheet_relative_urls(parsed: dict[str, Any], path: str) -> dict[str, Any]:
    """CSS Values 4 §4.5.1: a relative url() in a stylesheet is relative to the sheet, so it is
    made absolute from the mini-program root and marked as coming from WXSS (a phone does not
    load package files named there). Inline styles keep theirs: relative to the page."""
    for name in ("background-image", "mask-image"):
        image = parsed.get(name)
        if type(image) is tuple and image[0] == "url":
            src = image[1]
            if not src.startswith(_ABSOLUTE_URL):
                src = "/" + posixpath.normpath(posixpath.join(posixpath.dirname(path), src))
            parsed = {**parsed, name: ("url", src, "wxss")}
    return parsed


_IMAGE_PROPERTIES = ("background", "mask", "-webkit-mask")  # where url() is an image the painter draws
_ABSOLUTE_URL = ("/", "data:", "http:", "https:", "wxfile:", "cloud:")


def _expand_keyword(name: str, parsed: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """`margin: inherit` applies the keyword to every longhand of the shorthand."""
    if "-wxsim-keyword" not in parsed:
        return tuple(parsed.items())
    from .computed import LONGHANDS_OF
    kw = parsed["-wxsim-keyword"]
    return tuple((lh, kw) for lh in LONGHANDS_OF.get(name, (name,)))
