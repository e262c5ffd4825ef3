"""ES modules → CommonJS, in place, keeping every line where it was.

WeChat's own tooling compiles `import`/`export` to CommonJS before the code runs; we do the
same at load time. Statements are found on tokens (strings, templates, comments and regexes
are skipped), each is replaced by text with the same number of newlines, and the export
getters go in a one-line prelude, so stack line numbers still match the user's file.
"""

from __future__ import annotations

import json
import re

from bridge.diagnostics import error
from simulator.logic.esm_tokens import Token, tokenize

_MAYBE_ESM = re.compile(r"(?:^|[^.\w$])(?:import|export)\b")
_STATEMENT_WORDS = {"export", "import", "const", "let", "var", "function", "class", "if", "for", "while",
                    "return", "do", "switch", "try", "throw"}


def is_esm(src: str) -> bool:
    """Cheap pre-check; `to_commonjs` returns the source unchanged when nothing is found."""
    return bool(_MAYBE_ESM.search(src))


class _Translator:
    def __init__(self, src: str, rel: str):
        self.src = src
        self.rel = rel
        self.toks = tokenize(src)
        self.edits: list[tuple[int, int, str]] = []
        self.prelude: list[str] = []
        self.counter = 0
        self.found = False

    def fail(self, tok: Token, message: str) -> Exception:
        line = self.src.count("\n", 0, tok.start) + 1
        col = tok.start - (self.src.rfind("\n", 0, tok.start) + 1) + 1
        return error(message, self.rel, line, col)

    def tok(self, i: int) -> Token | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def is_(self, i: int, text: str) -> bool:
        t = self.tok(i)
        return t is not None and t.text == text and t.kind in ("ident", "punct")

    def temp(self) -> str:
        self.counter += 1
        return f"__wxm{self.counter}"

    def edit(self, start: int, end: int, text: str) -> None:
        newlines = self.src.count("\n", start, end)
        self.edits.append((start, end, text + "\n" * newlines))

    def getter(self, name: str, expr: str) -> None:
        self.prelude.append(f"__wxesm.def(exports,{json.dumps(name)},function(){{return {expr}}});")

    def run(self) -> str:
        depth = 0
        i = 0
        while i < len(self.toks):
            t = self.toks[i]
            if t.kind == "punct" and t.text in "{([":
                depth += 1
            elif t.kind == "punct" and t.text in "})]":
                depth -= 1
            elif t.kind == "template":
                depth += t.text.endswith("${") - t.text.startswith("}")
            elif t.kind == "ident" and t.text in ("import", "export") and not self.is_(i - 1, "."):
                i = self.statement(i, depth)
                continue
            i += 1
        return self.apply()

    def statement(self, i: int, depth: int) -> int:
        t = self.toks[i]
        if t.text == "import":
            if self.is_(i + 1, "("):
                self.edit(t.start, self.toks[i + 1].end, "__wxesm.dyn(require, ")
                return i + 2
            if self.is_(i + 1, "."):
                raise self.fail(t, "import.meta is not supported")
            if depth == 0:
                self.found = True
                return self.import_(i)
        elif depth == 0:
            self.found = True
            return self.export_(i)
        return i + 1

    def apply(self) -> str:
        if not self.edits:
            return self.src
        out = []
        pos = 0
        for start, end, text in sorted(self.edits):
            out.append(self.src[pos:start])
            out.append(text)
            pos = end
        out.append(self.src[pos:])
        if not self.found:
            return "".join(out)
        head = '"use strict";__wxesm.mark(exports);' + "".join(self.prelude)
        return head + "".join(out)

    def end_of(self, i: int) -> tuple[int, int]:
        """Index after token i, swallowing one `;`; and the char offset of that end."""
        if self.is_(i + 1, ";"):
            i += 1
        return i + 1, self.toks[i].end

    def spec_after_from(self, i: int) -> int:
        if not self.is_(i, "from") or not self.tok(i + 1) or self.toks[i + 1].kind != "string":
            raise self.fail(self.toks[min(i, len(self.toks) - 1)], "expected `from \"module\"`")
        return i + 1

    # --- import ---------------------------------------------------------------------------
    def import_(self, i: int) -> int:
        start = self.toks[i].start
        j = i + 1
        t = self.tok(j)
        if t is None:
            raise self.fail(self.toks[i], "incomplete import")
        if t.kind == "string":
            nxt, end = self.end_of(j)
            self.edit(start, end, f"require({t.text});")
            return nxt
        mod = self.temp()
        binds: list[str] = []
        if t.kind == "ident" and t.text != "from":
            binds.append(f"{t.text} = __wxesm.dflt({mod})")
            j += 1
            if self.is_(j, ","):
                j += 1
        if self.is_(j, "*"):
            binds.append(f"{self.toks[j + 2].text} = __wxesm.ns({mod})")
            j += 3
        elif self.is_(j, "{"):
            specs, j = self.specifiers(j)
            binds += [f"{local} = {mod}[{json.dumps(imported)}]" for imported, local in specs]
        s = self.spec_after_from(j)
        nxt, end = self.end_of(s)
        decl = f"var {mod} = require({self.toks[s].text})" + "".join(", " + b for b in binds) + ";"
        self.edit(start, end, decl)
        return nxt

    def specifiers(self, j: int) -> tuple[list[tuple[str, str]], int]:
        """`{a, b as c, default as d}` → [(a, a), (b, c), (default, d)]; index after `}`."""
        out = []
        j += 1
        while not self.is_(j, "}"):
            t = self.tok(j)
            if t is None:
                raise self.fail(self.toks[-1], "unterminated `{` in import/export")
            name = t.text if t.kind != "string" else json.loads(t.text.replace("'", '"'))
            if self.is_(j + 1, "as"):
                out.append((name, self.toks[j + 2].text))
                j += 3
            else:
                out.append((name, name))
                j += 1
            if self.is_(j, ","):
                j += 1
        return out, j + 1

    # --- export ---------------------------------------------------------------------------
    def export_(self, i: int) -> int:
        t = self.toks[i]
        j = i + 1
        nxt = self.tok(j)
        if nxt is None:
            raise self.fail(t, "incomplete export")
        if nxt.text == "default":
            return self.export_default(i)
        if nxt.text in ("const", "let", "var"):
            self.edit(t.start, nxt.start, "")
            for name in self.declared_names(j + 1):
                self.getter(name, name)
            return j + 1
        if nxt.text in ("function", "async", "class"):
            k = j + (2 if nxt.text == "async" else 1)
            if self.is_(k, "*"):
                k += 1
            self.edit(t.start, nxt.start, "")
            self.getter(self.toks[k].text, self.toks[k].text)
            return k + 1
        if nxt.text == "{":
            return self.export_list(i)
        if nxt.text == "*":
            return self.export_star(i)
        raise self.fail(nxt, f"unsupported export form `export {nxt.text}`")

    def export_default(self, i: int) -> int:
        t, d = self.toks[i], self.toks[i + 1]
        k = i + 2
        if self.is_(k, "async") and self.is_(k + 1, "function"):
            k += 1
        if self.is_(k, "function") or self.is_(k, "class"):
            n = k + 1 + (1 if self.is_(k + 1, "*") else 0)
            name = self.tok(n)
            if name is not None and name.kind == "ident" and name.text not in ("extends",):
                self.edit(t.start, d.end, "")
                self.getter("default", name.text)
                return n + 1
        self.edit(t.start, d.end, "exports.default =")
        return i + 2

    def export_list(self, i: int) -> int:
        specs, j = self.specifiers(i + 1)
        if self.is_(j, "from"):
            s = self.spec_after_from(j)
            mod = self.temp()
            nxt, end = self.end_of(s)
            self.edit(self.toks[i].start, end, f"var {mod} = require({self.toks[s].text});")
            for imported, exported in specs:
                self.getter(exported, f"{mod}[{json.dumps(imported)}]")
            return nxt
        nxt, end = self.end_of(j - 1)
        self.edit(self.toks[i].start, end, "")
        for local, exported in specs:
            self.getter(exported, local)
        return nxt

    def export_star(self, i: int) -> int:
        j = i + 2
        if self.is_(j, "as"):
            ns = self.toks[j + 1].text
            s = self.spec_after_from(j + 2)
            mod = self.temp()
            nxt, end = self.end_of(s)
            self.edit(self.toks[i].start, end, f"var {mod} = require({self.toks[s].text});")
            self.getter(ns, f"__wxesm.ns({mod})")
            return nxt
        s = self.spec_after_from(j)
        nxt, end = self.end_of(s)
        self.edit(self.toks[i].start, end, f"__wxesm.star(require({self.toks[s].text}), exports);")
        return nxt

    def declared_names(self, j: int) -> list[str]:
        """Binding names of `a = 1, {b, c: d} = o, [e] = x` up to the end of the declaration."""
        names: list[str] = []
        expect_binding = True
        depth = 0
        while j < len(self.toks):
            t = self.toks[j]
            if depth == 0 and expect_binding:
                j = self.binding(j, names)
                expect_binding = False
                continue
            if t.kind == "punct" and t.text in "{([":
                depth += 1
            elif t.kind == "punct" and t.text in "})]":
                depth -= 1
            elif t.kind == "template":
                depth += t.text.endswith("${") - t.text.startswith("}")
            elif depth == 0 and t.text == ";":
                break
            elif depth == 0 and t.text == ",":
                expect_binding = True
            elif depth == 0 and t.kind == "ident" and t.text in _STATEMENT_WORDS and self.newline_before(j):
                break
            j += 1
        return names

    def newline_before(self, j: int) -> bool:
        return j > 0 and "\n" in self.src[self.toks[j - 1].end:self.toks[j].start]

    def binding(self, j: int, names: list[str]) -> int:
        """Collect names of one binding (identifier or destructuring pattern); index after it."""
        t = self.toks[j]
        if t.kind == "ident":
            names.append(t.text)
            return j + 1
        close = "}" if t.text == "{" else "]"
        j += 1
        while j < len(self.toks) and not self.is_(j, close):
            if self.is_(j, "...") or self.is_(j, ","):
                j += 1
                continue
            if t.text == "{" and self.is_(j + 1, ":"):
                j += 2
            if self.is_(j, "{") or self.is_(j, "["):
                j = self.binding(j, names)
            elif self.toks[j].kind == "ident":
                names.append(self.toks[j].text)
                j += 1
            j = self.skip_default(j, close)
        return j + 1

    def skip_default(self, j: int, close: str) -> int:
        """Skip `= expr` inside a pattern, up to the next `,` or the closing bracket."""
        if not self.is_(j, "="):
            return j
        depth = 0
        while j < len(self.toks):
            t = self.toks[j]
            if depth == 0 and (self.is_(j, ",") or self.is_(j, close)):
                return j
            if t.kind == "punct" and t.text in "{([":
                depth += 1
            elif t.kind == "punct" and t.text in "})]":
                depth -= 1
            j += 1
        return j


def to_commonjs(src: str, rel: str = "<module>") -> str:
    """Translate `src`; raises WxsimError (file:line:column) for forms we do not support."""
    return _Translator(src, rel).run()
