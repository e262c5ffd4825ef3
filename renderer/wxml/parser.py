"""Tolerant WXML parser.

WXML is XML-like but is written by hand and often broken while being edited; the simulator
must keep going. The parser reports every problem as a Diagnostic at file:line:column and
recovers (unclosed tags are closed by their parent, stray closing tags are ignored), raising
WxsimError only for input that is not text at all.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable

from bridge.diagnostics import Diagnostic, error
from renderer.wxml.ast import Attr, Document, Element, Node, Text

Report = Callable[[Diagnostic], None]

_TAG_NAME = re.compile(r"[A-Za-z_][\w\-:.]*")
_ATTR_NAME = re.compile(r"[^\s=/>\"'<]+")
_SPACE = re.compile(r"\s*")
# A quoted value that runs over a line break into what looks like markup lost its closing quote.
_RUNAWAY = re.compile(r"\n\s*<[A-Za-z/!]")
# Elements whose content is kept verbatim instead of being parsed as markup.
_RAW_TAGS = frozenset({"wxs"})


class _Positions:
    """Maps character offsets to 1-based (line, column)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


class _Parser:
    def __init__(self, text: str, path: str, report: Report) -> None:
        self.s = text
        self.n = len(text)
        self.i = 0
        self.path = path
        self.report = report
        self.pos = _Positions(text)
        self.root: list[Node] = []
        self.stack: list[Element] = []

    # -- helpers -------------------------------------------------------------------------
    def diag(self, offset: int, message: str, severity: str = "error") -> None:
        line, col = self.pos.at(offset)
        self.report(Diagnostic(severity, message, self.path, line, col))

    def add(self, node: Node) -> None:
        (self.stack[-1].children if self.stack else self.root).append(node)

    # -- main loop -----------------------------------------------------------------------
    def parse(self) -> list[Node]:
        while self.i < self.n:
            if self.s.startswith("<!--", self.i):
                self.comment()
            elif self.s.startswith("</", self.i):
                self.close_tag()
            elif self.s.startswith("<", self.i) and _TAG_NAME.match(self.s, self.i + 1):
                self.open_tag()
            else:
                self.text()
        for el in reversed(self.stack):
            self.diag_el(el, f"<{el.tag}> is not closed")
        return self.root

    def diag_el(self, el: Element, message: str) -> None:
        self.report(Diagnostic("error", message, self.path, el.line, el.column))

    def comment(self) -> None:
        end = self.s.find("-->", self.i + 4)
        if end < 0:
            self.diag(self.i, "comment is not closed (missing '-->')")
            self.i = self.n
        else:
            self.i = end + 3

    def text(self) -> None:
        start = self.i
        j = self.i
        while j < self.n:
            if self.s.startswith("{{", j):
                close = self.s.find("}}", j + 2)
                if close >= 0:
                    j = close + 2
                    continue
                j += 2
                continue
            if self.s[j] == "<" and (
                self.s.startswith("<!--", j) or self.s.startswith("</", j) or _TAG_NAME.match(self.s, j + 1)
            ):
                break
            if self.s[j] == "<":
                self.diag(j, "'<' in text is not a tag; write &lt; instead", "warning")
            j += 1
        line, col = self.pos.at(start)
        self.add(Text(self.s[start:j], line, col))
        self.i = j

    def close_tag(self) -> None:
        start = self.i
        m = _TAG_NAME.match(self.s, self.i + 2)
        name = m.group(0) if m else ""
        j = m.end() if m else self.i + 2
        j = _SPACE.match(self.s, j).end()
        if j < self.n and self.s[j] == ">":
            self.i = j + 1
        else:
            self.diag(j, f"expected '>' to end closing tag </{name}>")
            gt = self.s.find(">", j)
            self.i = gt + 1 if gt >= 0 else self.n
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].tag == name:
                for el in reversed(self.stack[depth + 1 :]):
                    self.diag_el(el, f"<{el.tag}> is not closed (closed by </{name}>)")
                del self.stack[depth:]
                return
        self.diag(start, f"unexpected closing tag </{name}>")

    def open_tag(self) -> None:
        start = self.i
        m = _TAG_NAME.match(self.s, self.i + 1)
        assert m is not None
        line, col = self.pos.at(start)
        el = Element(m.group(0), [], [], line, col)
        self.i = m.end()
        closed = self.attributes(el)
        self.add(el)
        if closed:
            el.self_closing = True
        elif el.tag in _RAW_TAGS:
            self.raw_content(el)
        else:
            self.stack.append(el)

    def raw_content(self, el: Element) -> None:
        end_re = re.compile(rf"</{re.escape(el.tag)}\s*>")
        m = end_re.search(self.s, self.i)
        line, col = self.pos.at(self.i)
        if m is None:
            self.diag_el(el, f"<{el.tag}> is not closed")
            el.raw = Text(self.s[self.i :], line, col)
            self.i = self.n
            return
        el.raw = Text(self.s[self.i : m.start()], line, col)
        self.i = m.end()

    # -- attributes ----------------------------------------------------------------------
    def attributes(self, el: Element) -> bool:
        """Parse attributes up to '>' or '/>'; returns True when self-closing."""
        while True:
            self.i = _SPACE.match(self.s, self.i).end()
            if self.i >= self.n:
                self.diag_el(el, f"<{el.tag}> start tag is not finished (missing '>')")
                return True
            c = self.s[self.i]
            if c == ">":
                self.i += 1
                return False
            if self.s.startswith("/>", self.i):
                self.i += 2
                return True
            if c == "<":
                self.diag(self.i, f"<{el.tag}> start tag is not finished (missing '>')")
                return True
            m = _ATTR_NAME.match(self.s, self.i)
            if m is None:
                self.diag(self.i, f"unexpected character {c!r} in attributes of <{el.tag}>")
                self.i += 1
                continue
            self.attribute(el, m)

    def attribute(self, el: Element, m: re.Match[str]) -> None:
        name = m.group(0)
        line, col = self.pos.at(m.start())
        j = _SPACE.match(self.s, m.end()).end()
        if j >= self.n or self.s[j] != "=":
            self.i = m.end()
            self.push_attr(el, Attr(name, None, line, col))
            return
        j = _SPACE.match(self.s, j + 1).end()
        value, vstart, self.i = self.attr_value(name, j)
        vline, vcol = self.pos.at(vstart)
        self.push_attr(el, Attr(name, value, line, col, vline, vcol))

    def attr_value(self, name: str, j: int) -> tuple[str, int, int]:
        """Returns (value, offset of the value's first character, offset after it)."""
        if j < self.n and self.s[j] in "\"'":
            quote = self.s[j]
            end = self.s.find(quote, j + 1)
            if end >= 0 and not _RUNAWAY.search(self.s, j + 1, end):
                return self.s[j + 1 : end], j + 1, end + 1
            self.diag(j, f"attribute {name} has an unclosed {quote} quote")
            eol = self.s.find("\n", j + 1)
            eol = eol if eol >= 0 else self.n
            gt = self.s.find(">", j + 1, eol)
            stop = gt if gt >= 0 else eol
            if stop > j + 1 and self.s[stop - 1] == "/":
                stop -= 1
            return self.s[j + 1 : stop], j + 1, stop
        m = re.compile(r"[^\s>\"'<`=]+").match(self.s, j)
        if m is None or (m.group(0) == "/" and self.s.startswith("/>", j)):
            self.diag(j, f"attribute {name} has '=' but no value")
            return "", j, j
        value = m.group(0)
        stop = m.end()
        if value.endswith("/") and self.s.startswith(">", stop):
            value, stop = value[:-1], stop - 1
        return value, j, stop

    def push_attr(self, el: Element, attr: Attr) -> None:
        if any(a.name == attr.name for a in el.attrs):
            self.report(
                Diagnostic("warning", f"duplicate attribute {attr.name}", self.path, attr.line, attr.column)
            )
            el.attrs = [a for a in el.attrs if a.name != attr.name]
        el.attrs.append(attr)


def parse_wxml(text: str, path: str, report: Report) -> Document:
    """Parse WXML source into a Document, reporting problems through `report`."""
    if "\x00" in text:
        raise error("file is not text (contains NUL bytes)", path, 1, 1)
    if text.startswith("\ufeff"):
        text = text[1:]
    return Document(path, _Parser(text, path, report).parse())
