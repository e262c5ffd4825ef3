"""@keyframes rules (CSS Animations 1 §3): a name and the declarations at points of an iteration.

A rule becomes a `Keyframes` value kept on its sheet (`StyleSheet.keyframes`): keyframes at
offsets 0..1 in source order, each with its validated declarations and the
`animation-timing-function` it names for the interval that starts at it. The animator
(renderer/anim/) computes the values against the animated element when an animation starts.
Per §3: `!important` declarations and the other `animation-*` properties are ignored inside a
keyframe; a keyframe whose selector list is invalid is dropped; of two rules with the same name
the later one wins (the resolver keeps the last).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import tinycss2

from bridge.diagnostics import Diagnostic, Report

from .stylesheet import Declaration, parse_declarations

WarnOnce = Callable[[tuple, str, "str | None", "int | None", "int | None"], None]
_RESERVED = ("none", "initial", "inherit", "unset", "default")


@dataclass(frozen=True)
class Keyframe:
    """The declarations at `offset` (0..1) of an iteration."""

    offset: float
    declarations: tuple[Declaration, ...]
    easing: str | None  # the keyframe's animation-timing-function, for the interval after it


@dataclass(frozen=True)
class Keyframes:
    name: str
    frames: tuple[Keyframe, ...]  # source order (several may share an offset)
    file: str
    line: int | None
    column: int | None


def keyframes_name(prelude: list) -> str | None:
    """§3: <keyframes-name> is an identifier (not a CSS-wide keyword or none) or a string."""
    toks = [t for t in prelude if t.type not in ("whitespace", "comment")]
    if len(toks) != 1:
        return None
    tok = toks[0]
    if tok.type == "ident" and tok.lower_value not in _RESERVED:
        return tok.value
    if tok.type == "string" and tok.value:
        return tok.value
    return None


def keyframe_offsets(prelude: list) -> list[float] | None:
    """§3.1 <keyframe-selector>#: from (0%), to (100%) or percentages 0%-100%; None if invalid."""
    out: list[float] = []
    expect_item = True
    for tok in prelude:
        if tok.type in ("whitespace", "comment"):
            continue
        if tok.type == "literal" and tok.value == ",":
            if expect_item:
                return None
            expect_item = True
            continue
        if not expect_item:
            return None
        if tok.type == "ident" and tok.lower_value in ("from", "to"):
            out.append(0.0 if tok.lower_value == "from" else 1.0)
        elif tok.type == "percentage" and 0 <= tok.value <= 100:
            out.append(float(tok.value) / 100.0)
        else:
            return None
        expect_item = False
    return out if out and not expect_item else None


def parse_keyframes(node: Any, path: str, report: Report, warn_once: WarnOnce) -> Keyframes | None:
    """The `@keyframes name { ... }` at-rule `node`; problems are reported with file:line:col."""
    name = keyframes_name(node.prelude)
    where = (path, node.source_line, node.source_column)
    if name is None:
        report(Diagnostic("warning", f"@{node.lower_at_keyword} without a valid name; rule skipped", *where))
        return None
    frames: list[Keyframe] = []
    for item in tinycss2.parse_rule_list(node.content or [], skip_comments=True, skip_whitespace=True):
        if item.type == "error":
            report(Diagnostic("warning", f"syntax error: {item.message}", path, item.source_line,
                              item.source_column))
            continue
        if item.type != "qualified-rule":
            report(Diagnostic("warning", f"@{getattr(item, 'lower_at_keyword', '?')} inside @keyframes "
                              f"'{name}' is not allowed; skipped", path, item.source_line,
                              item.source_column))
            continue
        offsets = keyframe_offsets(item.prelude)
        if offsets is None:
            text = tinycss2.serialize(item.prelude).strip()
            report(Diagnostic("warning", f"invalid keyframe selector '{text}' in @keyframes '{name}'; "
                              "keyframe skipped", path, item.source_line, item.source_column))
            continue
        decls, easing = _keyframe_declarations(parse_declarations(item.content, path, report, warn_once))
        frames.extend(Keyframe(offset, decls, easing) for offset in offsets)
    return Keyframes(name, tuple(frames), path, node.source_line, node.source_column)


def _keyframe_declarations(decls: tuple[Declaration, ...]) -> tuple[tuple[Declaration, ...], str | None]:
    """The declarations that animate, and the keyframe's own timing function."""
    kept: list[Declaration] = []
    easing = None
    for d in decls:
        if d.important:
            continue  # §3: ignored in a keyframe
        if d.name in ("animation-timing-function", "-webkit-animation-timing-function") and d.raw is None:
            values = dict(d.longhands).get("animation-timing-function")
            easing = values[0] if isinstance(values, tuple) and values else easing
            continue
        if d.name.startswith(("animation", "-webkit-animation")):
            continue
        kept.append(d)
    return tuple(kept), easing
