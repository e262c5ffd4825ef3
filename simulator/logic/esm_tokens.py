"""A small JavaScript tokenizer, just enough to find import/export statements safely.

It knows strings, template literals (with nested `${}`), comments and regex literals, so
keywords inside them are never mistaken for statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# After these tokens a `/` starts a regex literal, not a division.
_REGEX_AFTER_WORDS = {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw",
                      "case", "do", "else", "yield", "await"}
_IDENT = re.compile(r"[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*")
_NUMBER = re.compile(r"\.?\d[\w.]*")
_PUNCT = re.compile(r"\?\?=|\.\.\.|=>|\?\.|[=!]==|\*\*=?|<<=|>>>?=?|&&=?|\|\|=?|[-+*%&|^!=<>]=?|[{}()\[\];,.:?~@#]")


@dataclass(frozen=True)
class Token:
    kind: str  # "ident" | "punct" | "string" | "template" | "regex" | "number"
    text: str
    start: int
    end: int


class Tokenizer:
    def __init__(self, src: str):
        self.src = src
        self.pos = 0
        self.tokens: list[Token] = []
        self.braces: list[str] = []  # "{" for a block/object, "`" for a template `${`

    def run(self) -> list[Token]:
        src = self.src
        while self.pos < len(src):
            c = src[self.pos]
            if c.isspace():
                self.pos += 1
            elif src.startswith("//", self.pos):
                end = src.find("\n", self.pos)
                self.pos = len(src) if end < 0 else end
            elif src.startswith("/*", self.pos):
                end = src.find("*/", self.pos + 2)
                self.pos = len(src) if end < 0 else end + 2
            elif c in "'\"":
                self._string(c)
            elif c == "`":
                self._template(self.pos, self.pos + 1)
            elif c == "/" and self._regex_allowed():
                self._regex()
            elif c == "}" and self.braces and self.braces[-1] == "`":
                self.braces.pop()
                self._template(self.pos, self.pos + 1)
            else:
                self._other(c)
        return self.tokens

    def _add(self, kind: str, start: int, end: int) -> None:
        self.tokens.append(Token(kind, self.src[start:end], start, end))
        self.pos = end

    def _string(self, quote: str) -> None:
        i = self.pos + 1
        src = self.src
        while i < len(src) and src[i] != quote and src[i] != "\n":
            i += 2 if src[i] == "\\" else 1
        self._add("string", self.pos, min(i + 1, len(src)))

    def _template(self, start: int, i: int) -> None:
        src = self.src
        while i < len(src):
            if src[i] == "\\":
                i += 2
            elif src[i] == "`":
                self._add("template", start, i + 1)
                return
            elif src.startswith("${", i):
                self.braces.append("`")
                self._add("template", start, i + 2)
                return
            else:
                i += 1
        self._add("template", start, len(src))

    def _regex_allowed(self) -> bool:
        if not self.tokens:
            return True
        last = self.tokens[-1]
        if last.kind == "ident":
            return last.text in _REGEX_AFTER_WORDS
        if last.kind == "punct":
            return last.text not in (")", "]", "}")
        return last.kind == "template" and last.text.endswith("${")

    def _regex(self) -> None:
        src = self.src
        i = self.pos + 1
        in_class = False
        while i < len(src) and src[i] != "\n":
            ch = src[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "[":
                in_class = True
            elif ch == "]":
                in_class = False
            elif ch == "/" and not in_class:
                break
            i += 1
        i += 1
        while i < len(src) and (src[i].isalnum() or src[i] == "_"):
            i += 1
        self._add("regex", self.pos, min(i, len(src)))

    def _other(self, c: str) -> None:
        for kind, pattern in (("number", _NUMBER), ("ident", _IDENT), ("punct", _PUNCT)):
            m = pattern.match(self.src, self.pos)
            if m and (kind != "number" or c.isdigit() or c == "."):
                if kind == "punct" and m.group() in ("{", "}"):
                    self._brace(m.group())
                self._add(kind, m.start(), m.end())
                return
        self._add("punct", self.pos, self.pos + 1)

    def _brace(self, text: str) -> None:
        if text == "{":
            self.braces.append("{")
        elif self.braces:
            self.braces.pop()


def tokenize(src: str) -> list[Token]:
    return Tokenizer(src).run()
