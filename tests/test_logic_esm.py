from __future__ import annotations

import pytest

from bridge.diagnostics import WxsimError
from simulator.logic.esm import is_esm, to_commonjs
from simulator.logic.loopguard import guard_loops


def test_imports_translate_in_place():
    out = to_commonjs("import a from './a'\nimport {b as c, d} from \"./b\";\nimport * as ns from './n'\nimport './s'\n")
    assert out.count("\n") == 4
    lines = out.split("\n")
    assert "var __wxm1 = require('./a'), a = __wxesm.dflt(__wxm1);" in lines[0]
    assert lines[1] == 'var __wxm2 = require("./b"), c = __wxm2["b"], d = __wxm2["d"];'
    assert lines[2] == "var __wxm3 = require('./n'), ns = __wxesm.ns(__wxm3);"
    assert lines[3] == "require('./s');"


def test_exports_become_getters_in_one_line_prelude():
    src = "export const x = 1, {y, z: w} = o\nexport function f() {}\nexport class K {}\nexport {x as q}\n"
    out = to_commonjs(src)
    head, rest = out.split("\n", 1)
    for name, expr in (("x", "x"), ("y", "y"), ("w", "w"), ("f", "f"), ("K", "K"), ("q", "x")):
        assert f'__wxesm.def(exports,"{name}",function(){{return {expr}}});' in head
    assert head.endswith("const x = 1, {y, z: w} = o")
    assert rest == "function f() {}\nclass K {}\n\n"


def test_export_default_forms():
    assert to_commonjs("export default {a: 1}").endswith("exports.default = {a: 1}")
    named = to_commonjs("export default function foo() {}")
    assert '__wxesm.def(exports,"default",function(){return foo});' in named and named.endswith("function foo() {}")
    assert to_commonjs("export default class {}").endswith("exports.default = class {}")


def test_reexports():
    out = to_commonjs("export {default} from './a'\nexport * from './b'\nexport * as n from './c'")
    assert '__wxesm.def(exports,"default",function(){return __wxm1["default"]});' in out
    assert "__wxesm.star(require('./b'), exports);" in out
    assert '__wxesm.def(exports,"n",function(){return __wxesm.ns(__wxm2)});' in out
    assert out.count("\n") == 2


def test_minified_tdesign_style():
    src = 'import{a as b}from"./x";import c from"../c";const d=b(c);export{d as default};'
    out = to_commonjs(src)
    assert 'var __wxm1 = require("./x"), b = __wxm1["a"];' in out
    assert '__wxesm.def(exports,"default",function(){return d});' in out
    assert "export" not in out.replace("exports", "")


def test_keywords_in_strings_comments_templates_and_regex_are_left_alone():
    src = ("const s = 'import x from \"y\"'\n// export default 1\n/* import a from 'b' */\n"
           "const t = `export ${ {a: 'import'}.a } x`\nconst r = /export {a}/g\nexport const k = 1\n")
    out = to_commonjs(src)
    assert out.count("\n") == src.count("\n")
    assert "'import x from \"y\"'" in out and "// export default 1" in out and "/export {a}/g" in out
    assert "`export ${ {a: 'import'}.a } x`" in out
    assert "\nconst k = 1\n" in out


def test_plain_commonjs_is_unchanged_and_dynamic_import():
    src = "const exportValue = require('./x'); obj.import(1)"
    assert to_commonjs(src) == src
    assert to_commonjs("import('./m').then(f)") == "__wxesm.dyn(require, './m').then(f)"
    assert is_esm("x;export default 1") and not is_esm("module.exports = 1")


def test_import_meta_fails_with_location():
    with pytest.raises(WxsimError) as e:
        to_commonjs("const a = 1\n  const u = import.meta.url", "pages/a/a.js")
    d = e.value.diagnostic
    assert (d.file, d.line, d.column) == ("pages/a/a.js", 2, 13)


def test_loop_guard_keeps_lines():
    src = "while (a)\n{}\nfor (let i = 0; i < n; i++) {}\nfor (;;) {}\nfor (const k in o) {}\ndo {} while (b)"
    out = guard_loops(src)
    assert out.count("\n") == src.count("\n")
    assert "while (__wxtick() && (a))" in out and "for (let i = 0;__wxtick() && ( i < n); i++)" in out
    assert "for (;__wxtick();)" in out and "for (const k in o) {__wxtick();}" in out
    assert "while (__wxtick() && (b))" in out
