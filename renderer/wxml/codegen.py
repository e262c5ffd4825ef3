"""WXML syntax tree → JavaScript render functions (one `$W.def` unit per file).

The generated functions write VNode JSON *text* (`"text"` or `[tag, attrs, children, key]`)
straight into a list of string pieces joined once at the end: static markup becomes constant
pieces, so only dynamic values are serialised per render (building arrays and calling
JSON.stringify on them was twice as slow on the 6,000-node benchmark). Every child is written
with a leading comma except where the compiler knows it comes first; containers whose first
child is conditional strip the first comma at run time (`$z`). Expressions that can throw
(calls, array spread) are hoisted into try/catch statements reporting file:line:col.
"""

from __future__ import annotations

import json
import re
from typing import Callable

from bridge.diagnostics import Diagnostic
from renderer.wxml.ast import Attr, Element, Node, Text
from renderer.wxml.expressions import Mustache, Scope, Where, parse_expression, path_of, split_mustache, to_js
from renderer.wxml.loop_memo import Reads, TrackingScope, loop_field, mark_impure

Report = Callable[[Diagnostic], None]
Resolve = Callable[[str, Attr], "str | None"]

_EVENT = re.compile(r"^(capture-bind|capture-catch|mut-bind|bind|catch)(:?)([A-Za-z_][\w\-]*)$")
# Attributes WeChat always treats as text (class="{{true}}" gives the class "true").
_STRING_ATTRS = frozenset({"class", "style", "id"})
_CONTROL = frozenset(
    {"wx:if", "wx:elif", "wx:else", "wx:for", "wx:for-items", "wx:for-item", "wx:for-index", "wx:key"}
)


def normalize_event(name: str) -> str | None:
    """`bindtap` / `bind:tap` → `bind:tap`; `capture-bindtap` (no colon) is not an event in WXML."""
    m = _EVENT.match(name)
    if m is None or (m.group(1).startswith(("capture-", "mut-")) and not m.group(2)):
        return None
    return f"{m.group(1)}:{m.group(3)}"


def is_blank(node: Node) -> bool:
    return isinstance(node, Text) and not node.text.strip()


def emits_nothing(node: Node) -> bool:
    """Nodes that never produce output where they stand."""
    if is_blank(node):
        return True
    return isinstance(node, Element) and (
        node.tag in ("import", "wxs") or (node.tag == "template" and node.has("name"))
    )


def emits_one(node: Node) -> bool:
    """True when a node always produces exactly one vnode (so commas can be placed statically)."""
    if isinstance(node, Text):
        return True
    if node.tag in ("block", "template", "include", "import", "wxs"):
        return False
    return not any(node.has(a) for a in ("wx:if", "wx:elif", "wx:else", "wx:for", "wx:for-items"))


class Emitter:
    """Collects static pieces, dynamic pieces and statements; merges pieces into few pushes."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.pieces: list[tuple[bool, str]] = []  # (is_static, text-or-js)
        self.seps: list[str] = [","]

    def s(self, text: str) -> None:
        if self.pieces and self.pieces[-1][0]:
            self.pieces[-1] = (True, self.pieces[-1][1] + text)
        else:
            self.pieces.append((True, text))

    def e(self, js: str) -> None:
        self.pieces.append((False, js))

    def stmt(self, *code: str) -> None:
        self.flush()
        self.lines.extend(code)

    def flush(self) -> None:
        if self.pieces:
            args = [json.dumps(t) if static else t for static, t in self.pieces]
            self.lines.append(f"O.push({','.join(args)});")
            self.pieces = []

    def sep(self) -> str:
        """Separator before the next child; after one child the container is non-empty."""
        sep = self.seps[-1]
        self.seps[-1] = ","
        return sep

    def code(self) -> str:
        self.flush()
        return "\n".join(self.lines)




class FileGen:
    """Generates the JS unit for one .wxml file."""

    def __init__(self, path: str, report: Report, resolve: Resolve, modules: dict[str, str]) -> None:
        self.path = path
        self.report = report
        self.resolve = resolve
        self.modules = modules
        self.n = 0
        self.templates: list[Element] = []
        self.imports: list[str] = []
        self.memo_sites = False  # loops may reuse items (renderer/wxml/loop_memo.py): the main body only

    # -- small helpers -------------------------------------------------------------------
    def fresh(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"

    def warn(self, line: int, col: int, message: str, severity: str = "warning") -> None:
        self.report(Diagnostic(severity, message, self.path, line, col))

    def where(self, attr: Attr) -> Where:
        return Where(self.path, attr.value_line, attr.value_column, attr.value or "")

    def expr(self, m: Mustache, where: Where, scope: Scope, pre: list[str], start: str = "expr") -> str:
        """JS for one mustache; throwing expressions are hoisted into `pre` inside try/catch."""
        tree = parse_expression(m, where, self.report, start)
        if tree is None:
            return "undefined"
        js, may_throw = to_js(tree, scope)
        if not may_throw:
            return js
        mark_impure(scope)
        line, col = where.at(m.offset + len(m.text) - len(m.text.lstrip()))
        tmp = self.fresh("e")
        pre.append(f"var {tmp};try{{{tmp}={js}}}catch(x){{$W.err(x,{json.dumps(self.path)},{line},{col})}}")
        return tmp

    def value(self, text: str, where: Where, scope: Scope, pre: list[str], typed: bool = True) -> str:
        """JS for an attribute value or text: one bare `{{x}}` keeps its type when `typed`."""
        parts = split_mustache(text)
        if typed and len(parts) == 1 and isinstance(parts[0], Mustache):
            return self.expr(parts[0], where, scope, pre)
        if not any(isinstance(p, Mustache) for p in parts):
            return json.dumps(text)
        out = []
        for p in parts:
            out.append(json.dumps(p) if isinstance(p, str) else f"$s({self.expr(p, where, scope, pre)})")
        return "(" + "+".join(out) + ")"

    def attr_value(self, attr: Attr, scope: Scope, pre: list[str]) -> str:
        return "true" if attr.value is None else self.value(attr.value, self.where(attr), scope, pre)

    # -- sibling lists and conditionals --------------------------------------------------
    def container(self, nodes: list[Node], out: Emitter, scope: Scope, key: str = "null") -> None:
        """Write `[child,child,...]` for an element's children."""
        live = [n for n in nodes if not emits_nothing(n)]
        if not live:
            out.s("[]")
            return
        if emits_one(live[0]):
            out.s("[")
            out.seps.append("")
            self.children(live, out, scope, key)
            out.seps.pop()
            out.s("]")
            return
        mark = self.fresh("p")
        out.s("[")
        out.stmt(f"var {mark}=O.length;")
        out.seps.append(",")
        self.children(live, out, scope, key)
        out.seps.pop()
        out.stmt(f"$z(O,{mark});")
        out.s("]")

    def children(self, nodes: list[Node], out: Emitter, scope: Scope, key: str = "null") -> None:
        i = 0
        while i < len(nodes):
            node = nodes[i]
            i += 1
            if isinstance(node, Text):
                if not is_blank(node):
                    self.text(node, out, scope)
                continue
            if node.has("wx:if") and not (node.has("wx:for") or node.has("wx:for-items")):
                chain = [node]
                while True:
                    j = i
                    while j < len(nodes) and is_blank(nodes[j]):
                        j += 1
                    nxt = nodes[j] if j < len(nodes) else None
                    if not isinstance(nxt, Element) or not (nxt.has("wx:elif") or nxt.has("wx:else")):
                        break
                    chain.append(nxt)
                    i = j + 1
                    if nxt.has("wx:else"):
                        break
                self.if_chain(chain, out, scope, key)
                continue
            for name in ("wx:elif", "wx:else"):
                attr = node.get(name)
                if attr is not None:
                    self.warn(attr.line, attr.column, f"{name} without a preceding wx:if", "error")
                    break
            else:
                self.node(node, out, scope, key)

    def if_chain(self, chain: list[Element], out: Emitter, scope: Scope, key: str) -> None:
        """`if / else { if / else {...} }`: an elif's hoisted statements run only when reached."""
        el = chain[0]
        if el.has("wx:else"):
            self.node(el, out, scope, key)
            return
        attr = el.get("wx:if") or el.get("wx:elif")
        assert attr is not None
        pre: list[str] = []
        cond = self.attr_value(attr, scope, pre)
        out.stmt(*pre, f"if({cond}){{")
        self.node(el, out, scope, key)
        out.stmt("}")
        if len(chain) > 1:
            out.stmt("else{")
            self.if_chain(chain[1:], out, scope, key)
            out.stmt("}")

    def text(self, node: Text, out: Emitter, scope: Scope) -> None:
        pre: list[str] = []
        where = Where(self.path, node.line, node.column, node.text)
        js = self.value(node.text, where, scope, pre, typed=False)
        if pre:
            out.stmt(*pre)
        self.json(out.sep(), js, out)

    def json(self, sep: str, js: str, out: Emitter) -> None:
        """Write a JS value as JSON, folding literals into static text."""
        if js.startswith('"') and js.endswith('"') and not js.startswith('("'):
            out.s(sep + json.dumps(json.loads(js), ensure_ascii=False))
        elif js in ("true", "false", "null"):
            out.s(sep + js)
        else:
            out.s(sep)
            out.e(f"$j({js})")

    # -- one element ---------------------------------------------------------------------
    def node(self, el: Element, out: Emitter, scope: Scope, key: str = "null") -> None:
        loop = el.get("wx:for") or el.get("wx:for-items")
        if loop is None:
            self.single(el, out, scope, key)
            return
        pre: list[str] = []
        items = self.attr_value(loop, scope, pre)
        item = self.fresh("i")
        index = self.fresh("x")
        names = {self.static(el, "wx:for-item", "item"): item, self.static(el, "wx:for-index", "index"): index}
        field = loop_field(loop.value, scope) if self.memo_sites and not scope.locals and not pre else None
        reads = Reads()
        if field is not None:
            inner: Scope = TrackingScope(scope.data, {**scope.locals, **names}, scope.modules, [reads])
        else:
            inner = scope.child(**names)
        out.stmt(*pre, f"$each({items},function({item},{index}){{")
        head = len(out.lines) - 1  # the loop's opening line: made a reusing loop below if it may be
        cond = el.get("wx:if")
        if cond is not None:  # wx:if with wx:for is evaluated per item, in the item's scope
            cpre: list[str] = []
            test = self.attr_value(cond, inner, cpre)
            out.stmt(*cpre, f"if({test}){{")
        self.single(el, out, inner, self.key(el, item))
        if cond is not None:
            out.stmt("}")
        out.stmt("});")
        if field is not None and not reads.impure:
            site = json.dumps(f"{self.path}#{self.fresh('m')}")
            others = json.dumps(sorted(reads.names))
            out.lines[head] = f"$W.eachm({site},{json.dumps(field)},{others},{items},function({item},{index}){{"
            out.lines[-1] = "},O);"

    def static(self, el: Element, name: str, default: str) -> str:
        attr = el.get(name)
        if attr is None or not attr.value:
            return default
        return attr.value.strip()

    def key(self, el: Element, item: str) -> str:
        attr = el.get("wx:key")
        if attr is None or attr.value is None:
            return "null"
        name = attr.value.strip()
        if name.startswith("{{") and name.endswith("}}"):
            self.warn(attr.line, attr.column, "wx:key takes a property name or *this, not {{ }}")
            name = name[2:-2].strip()
        if name == "*this":
            return item
        return f"$g({item},{json.dumps(name)})"

    def single(self, el: Element, out: Emitter, scope: Scope, key: str) -> None:
        tag = el.tag
        if tag == "block":  # no node; a loop key goes to its direct element children
            self.children(el.children, out, scope, key)
        elif tag == "template":
            if el.has("is"):
                self.template_call(el, out, scope)
            elif not el.has("name"):
                self.warn(el.line, el.column, "<template> needs a name or an is attribute")
        elif tag == "include":
            self.include(el, out, scope)
        elif tag not in ("import", "wxs"):
            self.element(el, out, scope, key)

    def element(self, el: Element, out: Emitter, scope: Scope, key: str) -> None:
        pre: list[str] = []
        attrs = self.attrs(el, scope, pre)
        if pre:
            out.stmt(*pre)
        out.s(out.sep() + "[" + json.dumps(el.tag) + ",{")
        for k, (name, js) in enumerate(attrs):
            self.json(("," if k else "") + json.dumps(name, ensure_ascii=False) + ":", js, out)
        out.s("},")
        self.container(el.children, out, scope)
        self.json(",", key, out)
        out.s("]")

    def attrs(self, el: Element, scope: Scope, pre: list[str]) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for attr in el.attrs:
            name = attr.name
            if name in _CONTROL:
                continue
            if name.startswith("wx:"):
                self.warn(attr.line, attr.column, f"unknown directive {name}")
                continue
            if name.startswith("model:"):
                out += self.model(attr, scope, pre)
                continue
            value = self.attr_value(attr, scope, pre)
            if name in _STRING_ATTRS and attr.value is not None and not value.startswith('"'):
                value = f"$cls({value})" if name == "class" else f"$s({value})"
            out.append((normalize_event(name) or name, value))
        return out

    def model(self, attr: Attr, scope: Scope, pre: list[str]) -> list[tuple[str, str]]:
        """`model:value="{{x}}"` → the value plus `model:value.path` for two-way binding."""
        parts = split_mustache(attr.value or "")
        if len(parts) != 1 or not isinstance(parts[0], Mustache):
            self.warn(attr.line, attr.column, f"{attr.name} needs a single {{{{path}}}} value", "error")
            return []
        tree = parse_expression(parts[0], self.where(attr), self.report)
        if tree is None:
            return []
        path = path_of(tree)
        if path is None or path.split(".")[0].split("[")[0] in scope.locals:
            self.warn(attr.line, attr.column, f"{attr.name} must bind a data path such as {{{{a.b}}}}", "error")
        value = self.expr(parts[0], self.where(attr), scope, pre)
        return [(attr.name, value), (attr.name + ".path", json.dumps(path))]

    # -- templates and includes ----------------------------------------------------------
    def template_call(self, el: Element, out: Emitter, scope: Scope) -> None:
        pre: list[str] = []
        is_attr = el.get("is")
        assert is_attr is not None
        name = self.attr_value(is_attr, scope, pre)
        data = "{}"
        data_attr = el.get("data")
        if data_attr is not None and data_attr.value is not None:
            data = self.template_data(data_attr, scope, pre)
        t = self.fresh("t")
        mark_impure(scope)  # the template's body is not part of this file's analysis
        out.stmt(*pre, f"var {t}=$W.tpl($F,{name});if({t}){t}({data},O);")

    def template_data(self, attr: Attr, scope: Scope, pre: list[str]) -> str:
        parts = split_mustache(attr.value or "")
        if len(parts) != 1 or not isinstance(parts[0], Mustache):
            self.warn(attr.line, attr.column, "template data must be a single {{ }} object", "error")
            return "{}"
        quiet: list[Diagnostic] = []
        if parse_expression(parts[0], self.where(attr), quiet.append, "data_obj") is None:
            if parse_expression(parts[0], self.where(attr), lambda d: None) is not None:
                return f"$o({self.expr(parts[0], self.where(attr), scope, pre)})"
            for d in quiet:
                self.report(d)
            return "{}"
        return self.expr(parts[0], self.where(attr), scope, pre, "data_obj")

    def include(self, el: Element, out: Emitter, scope: Scope) -> None:
        mark_impure(scope)  # the included file's body is not part of this file's analysis
        src = el.get("src")
        target = self.resolve(src.value, src) if src is not None and src.value else None
        if target is None:
            if src is None:
                self.warn(el.line, el.column, "<include> needs a src attribute", "error")
            return
        data = scope.data
        if scope.locals:
            local = ",".join(f"{json.dumps(k)}:{v}" for k, v in scope.locals.items())
            data = f"Object.assign({{}},{scope.data},{{{local}}})"
        out.stmt(f"$W.inc({json.dumps(target)},{data},O);")

    # -- the file --------------------------------------------------------------------------
    def collect(self, nodes: list[Node]) -> None:
        """Find <template name> and <import src> anywhere in the file."""
        for node in nodes:
            if not isinstance(node, Element):
                continue
            if node.tag == "template" and node.has("name"):
                self.templates.append(node)
            elif node.tag == "import":
                src = node.get("src")
                target = self.resolve(src.value, src) if src is not None and src.value else None
                if target is not None and target not in self.imports:
                    self.imports.append(target)
                elif src is None:
                    self.warn(node.line, node.column, "<import> needs a src attribute", "error")
            self.collect(node.children)

    def function(self, nodes: list[Node]) -> str:
        """A `function(D,O)` writing each top-level node with a leading comma."""
        out = Emitter()
        self.children(nodes, out, Scope("D", {}, self.modules))
        return "function(D,O){\n" + out.code() + "\n}"

    def unit(self, nodes: list[Node], wxs_js: list[str]) -> str:
        """The complete `$W.def(...)` source for this file."""
        self.collect(nodes)
        self.memo_sites = True
        body = self.function(nodes)
        self.memo_sites = False
        tpls = []
        for t in self.templates:
            name_attr = t.get("name")
            assert name_attr is not None
            tpls.append(f"{json.dumps(name_attr.value or '')}:" + self.function(t.children))
        return (
            f"$W.def({json.dumps(self.path)},function($F){{\n"
            + "\n".join(wxs_js)
            + f"\nreturn {{body:{body},\ntpls:{{"
            + ",\n".join(tpls)
            + f"}},imports:{json.dumps(self.imports)}}};\n}});"
        )
