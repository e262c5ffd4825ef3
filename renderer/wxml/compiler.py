"""Compile a .wxml file (and the files it imports or includes) into JS units for TemplateRuntime."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Callable

from bridge.diagnostics import Diagnostic, DiagnosticLog, WxsimError
from renderer.wxml.ast import Attr
from renderer.wxml.codegen import FileGen
from renderer.wxml.parser import parse_wxml
from renderer.wxml.wxs import WxsCollector

Read = Callable[[str], str]
Report = Callable[[Diagnostic], None]


@dataclass
class CompiledTemplate:
    """JS units keyed by file, dependencies first; `rel_path` is the file to render."""

    rel_path: str
    units: dict[str, str] = field(default_factory=dict)


def resolve_src(from_rel: str, src: str, ext: str = ".wxml") -> str:
    """`./a`, `../a`, `a`, `/a` (from the mini-program root) → normalised rel path with extension."""
    src = src.strip()
    if src.startswith("/"):
        rel = posixpath.normpath(src.lstrip("/"))
    else:
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(from_rel), src))
    if not rel.endswith(ext):
        rel += ext
    return rel


class _Compiler:
    def __init__(self, read: Read, report: Report) -> None:
        self.read = read
        self.report = report
        self.units: dict[str, str] = {}
        self.active: set[str] = set()

    def file(self, rel: str) -> None:
        if rel in self.units or rel in self.active:
            return
        self.active.add(rel)
        doc = parse_wxml(self.read(rel), rel, self.report)
        wxs = WxsCollector(rel, self.read, self.report)
        wxs_js = wxs.collect(doc.children)
        deps: list[str] = []
        gen = FileGen(rel, self.report, lambda src, attr: self.dep(rel, src, attr, deps), wxs.modules)
        js = "\n".join(wxs.units) + "\n" + gen.unit(doc.children, wxs_js)
        for dep in deps:
            self.file(dep)
        self.units[rel] = js
        self.active.discard(rel)

    def dep(self, rel: str, src: str, attr: Attr, deps: list[str]) -> str | None:
        if "{{" in src:
            self.report(Diagnostic("error", "src must be a static path", rel, attr.value_line, attr.value_column))
            return None
        target = resolve_src(rel, src)
        if target in deps or target in self.units:
            return target
        try:
            self.read(target)
        except WxsimError:
            self.report(
                Diagnostic("error", f"cannot find {src} ({target})", rel, attr.value_line, attr.value_column)
            )
            return None
        deps.append(target)
        return target


def compile_wxml(read: Read, rel_path: str, report: Report | None = None) -> CompiledTemplate:
    """Compile `rel_path` and everything it imports/includes; raises WxsimError if it cannot be read."""
    compiler = _Compiler(read, report or DiagnosticLog())
    compiler.file(rel_path)
    return CompiledTemplate(rel_path, compiler.units)
