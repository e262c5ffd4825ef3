"""WXS modules: `<wxs module>` inline or with `src`, `require` between .wxs files.

WXS runs in the view-layer context. Each module is a CommonJS-style function evaluated once
(per file) and cached; `require` specifiers are resolved at compile time so a missing file is
a diagnostic at the `require` call's line instead of a render-time failure. Loop conditions
call `__wxtick()` so a runaway loop in an event handler (run without the engine's time limit,
which forbids calls back into Python) is still interrupted.
"""

from __future__ import annotations

import json
import re
from typing import Callable

from bridge.diagnostics import Diagnostic, WxsimError
from renderer.wxml.ast import Element, Node
from renderer.wxml.wxs_source import translate
from simulator.logic.loopguard import guard_loops

Read = Callable[[str], str]
Report = Callable[[Diagnostic], None]

_REQUIRE = re.compile(r"""\brequire\s*\(\s*(['"])([^'"]+)\1\s*\)""")
_MODULE_NAME = re.compile(r"^[A-Za-z_$][\w$]*$")


def _resolve(from_rel: str, spec: str) -> str:
    from renderer.wxml.compiler import resolve_src

    return resolve_src(from_rel, spec, ".wxs")


class WxsCollector:
    """Finds a .wxml file's `<wxs>` modules and produces the JS that defines them."""

    def __init__(self, path: str, read: Read, report: Report) -> None:
        self.path = path
        self.read = read
        self.report = report
        self.modules: dict[str, str] = {}  # module name → JS variable in the file's closure
        self.units: list[str] = []  # global definitions of external .wxs files
        self.done: set[str] = set()

    def collect(self, nodes: list[Node]) -> list[str]:
        """JS statements (inside the file's closure) binding each module variable."""
        out: list[str] = []
        for node in nodes:
            if not isinstance(node, Element):
                continue
            if node.tag == "wxs":
                out += self.module(node)
            elif node.tag != "template":
                out += self.collect(node.children)
        return out

    def module(self, el: Element) -> list[str]:
        name_attr = el.get("module")
        name = (name_attr.value or "").strip() if name_attr else ""
        if not _MODULE_NAME.match(name):
            self.report(Diagnostic("error", "<wxs> needs a module name that is an identifier", self.path, el.line, el.column))
            return []
        var = f"M_{name}"
        self.modules[name] = var
        where = json.dumps(f"{self.path}:{el.line}:{el.column}")
        src = el.get("src")
        if src is not None and src.value:
            rel = _resolve(self.path, src.value)
            if not self.define_file(rel, self.path, src.value_line, src.value_column):
                return [f"var {var}=undefined;"]
            return [f"var {var}=$W.wxsGet({json.dumps(rel)},{where});"]
        code = el.raw.text if el.raw else ""
        line = el.raw.line if el.raw else el.line
        fn = self.function(code, self.path, line)
        return [f"var {var}=$W.wxsRun({fn},{where});"]

    def function(self, code: str, rel: str, line: int) -> str:
        """Wrap module source as function(require, module, exports, getRegExp, getDate)."""
        mapping: dict[str, str] = {}
        for m in _REQUIRE.finditer(code):
            target = _resolve(rel, m.group(2))
            req_line = line + code.count("\n", 0, m.start())
            if self.define_file(target, rel, req_line, None):
                mapping[m.group(2)] = target
        req = f"$W.wxsRequire({json.dumps(mapping)},{json.dumps(rel)})"
        return (
            "(function(){var require=" + req + ";return function(module,exports,getRegExp,getDate){\n"
            + guard_loops(translate(code))
            + "\n}})()"
        )

    def define_file(self, rel: str, from_rel: str, line: int | None, col: int | None) -> bool:
        if rel in self.done:
            return True
        try:
            code = self.read(rel)
        except WxsimError:
            self.report(Diagnostic("error", f"cannot find WXS module {rel}", from_rel, line, col))
            return False
        self.done.add(rel)
        fn = self.function(code, rel, 1)
        self.units.append(f"$W.wxsDef({json.dumps(rel)},{fn});")
        return True
