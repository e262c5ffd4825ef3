"""WXML syntax tree → JavaScript render functions (one `$W.def` unit per file).

The generated functions push VNode JSON (`"text"` or `[tag, attrs, children, key]`) into
arrays; the runtime stringifies the result once. Expressions that can throw (calls, array
spread) are hoisted into try/catch statements that report the expression's file:line:col.
"""

from __future__ import annotations

import json
import re
from typing import Callable

from bridge.diagnostics import Diagnostic
from renderer.wxml.ast import Attr, Element, Node, Text
from renderer.wxml.expressions import Mustache, Scope, Where, parse_expression, path_of, split_mustache, to_js

Report = Callable[[Diagnostic], None]
Resolve = Callable[[str, Attr], "str | None"]

_EVENT = re.compile(r"^(capture-bind|capture-catch|mut-bind|bind|catch)(:?)([A-Za-z_][\w\-]*)$")
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
    def children(self, nodes: list[Node], C: str, scope: Scope) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(nodes):
            node = nodes[i]
            i += 1
            if isinstance(node, Text):
                if not is_blank(node):
                    out += self.text(node, C, scope)
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
                out += self.if_chain(chain, C, scope)
                continue
            for name in ("wx:elif", "wx:else"):
                attr = node.get(name)
                if attr is not None:
                    self.warn(attr.line, attr.column, f"{name} without a preceding wx:if", "error")
                    break
            else:
                out += self.node(node, C, scope)
        return out

    def if_chain(self, chain: list[Element], C: str, scope: Scope) -> list[str]:
        """`if / else { if / else {...} }`: an elif's hoisted statements run only when reached."""
        el = chain[0]
        body = self.node(el, C, scope)
        if el.has("wx:else"):
            return body
        attr = el.get("wx:if") or el.get("wx:elif")
        assert attr is not None
        pre: list[str] = []
        cond = self.attr_value(attr, scope, pre)
        out = pre + [f"if({cond}){{"] + body + ["}"]
        if len(chain) > 1:
            out += ["else{"] + self.if_chain(chain[1:], C, scope) + ["}"]
        return out

    def text(self, node: Text, C: str, scope: Scope) -> list[str]:
        pre: list[str] = []
        js = self.value(node.text, Where(self.path, node.line, node.column, node.text), scope, pre, typed=False)
        return pre + [f"{C}.push({js});"]

    # -- one element ---------------------------------------------------------------------
    def node(self, el: Element, C: str, scope: Scope) -> list[str]:
        loop = el.get("wx:for") or el.get("wx:for-items")
        if loop is None:
            return self.single(el, C, scope, "null")
        pre: list[str] = []
        items = self.attr_value(loop, scope, pre)
        item = self.fresh("i")
        index = self.fresh("x")
        names = {self.static(el, "wx:for-item", "item"): item, self.static(el, "wx:for-index", "index"): index}
        inner = scope.child(**names)
        key = self.key(el, item)
        body = self.single(el, C, inner, key)
        cond = el.get("wx:if")
        if cond is not None:  # wx:if with wx:for is evaluated per item, in the item's scope
            cpre: list[str] = []
            test = self.attr_value(cond, inner, cpre)
            body = cpre + [f"if({test}){{"] + body + ["}"]
        return pre + [f"$each({items},function({item},{index}){{"] + body + ["});"]

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

    def single(self, el: Element, C: str, scope: Scope, key: str) -> list[str]:
        tag = el.tag
        if tag == "block":
            return self.block(el, C, scope, key)
        if tag == "template":
            if el.has("name"):
                return []
            if el.has("is"):
                return self.template_call(el, C, scope)
            self.warn(el.line, el.column, "<template> needs a name or an is attribute")
            return []
        if tag == "import" or tag == "wxs":
            return []
        if tag == "include":
            return self.include(el, C, scope)
        return self.element(el, C, scope, key)

    def block(self, el: Element, C: str, scope: Scope, key: str) -> list[str]:
        if key == "null":
            return self.children(el.children, C, scope)
        tmp = self.fresh("b")
        body = self.children(el.children, tmp, scope)
        return [f"var {tmp}=[];"] + body + [f"$k({tmp},{key});Array.prototype.push.apply({C},{tmp});"]

    def element(self, el: Element, C: str, scope: Scope, key: str) -> list[str]:
        pre: list[str] = []
        attrs = self.attrs(el, scope, pre)
        kids = [c for c in el.children if not is_blank(c)]
        tag = json.dumps(el.tag)
        if all(isinstance(c, Text) for c in kids):
            texts = []
            for c in kids:
                assert isinstance(c, Text)
                w = Where(self.path, c.line, c.column, c.text)
                texts.append(self.value(c.text, w, scope, pre, typed=False))
            return pre + [f"{C}.push([{tag},{attrs},[{','.join(texts)}],{key}]);"]
        sub = self.fresh("c")
        body = self.children(el.children, sub, scope)
        return pre + [f"var {sub}=[];"] + body + [f"{C}.push([{tag},{attrs},{sub},{key}]);"]

    def attrs(self, el: Element, scope: Scope, pre: list[str]) -> str:
        out: list[str] = []
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
            name = normalize_event(name) or name
            out.append(f"{json.dumps(name)}:{self.attr_value(attr, scope, pre)}")
        return "{" + ",".join(out) + "}"

    def model(self, attr: Attr, scope: Scope, pre: list[str]) -> list[str]:
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
        return [f"{json.dumps(attr.name)}:{value}", f"{json.dumps(attr.name + '.path')}:{json.dumps(path)}"]

    # -- templates and includes ----------------------------------------------------------
    def template_call(self, el: Element, C: str, scope: Scope) -> list[str]:
        pre: list[str] = []
        is_attr = el.get("is")
        assert is_attr is not None
        name = self.attr_value(is_attr, scope, pre)
        data = "{}"
        data_attr = el.get("data")
        if data_attr is not None and data_attr.value is not None:
            data = self.template_data(data_attr, scope, pre)
        t = self.fresh("t")
        return pre + [f"var {t}=$W.tpl($F,{name});if({t}){t}({data},{C});"]

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

    def include(self, el: Element, C: str, scope: Scope) -> list[str]:
        src = el.get("src")
        target = self.resolve(src.value, src) if src is not None and src.value else None
        if target is None:
            if src is None:
                self.warn(el.line, el.column, "<include> needs a src attribute", "error")
            return []
        data = scope.data
        if scope.locals:
            local = ",".join(f"{json.dumps(k)}:{v}" for k, v in scope.locals.items())
            data = f"Object.assign({{}},{scope.data},{{{local}}})"
        return [f"$W.inc({json.dumps(target)},{data},{C});"]

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

    def unit(self, nodes: list[Node], wxs_js: list[str]) -> str:
        """The complete `$W.def(...)` source for this file."""
        self.collect(nodes)
        scope = Scope("D", {}, self.modules)
        body = self.children(nodes, "C", scope)
        tpls = []
        for t in self.templates:
            name_attr = t.get("name")
            assert name_attr is not None
            tbody = self.children(t.children, "C", Scope("D", {}, self.modules))
            tpls.append(f"{json.dumps(name_attr.value or '')}:function(D,C){{\n" + "\n".join(tbody) + "\n}")
        return (
            f"$W.def({json.dumps(self.path)},function($F){{\n"
            + "\n".join(wxs_js)
            + "\nreturn {body:function(D,C){\n"
            + "\n".join(body)
            + "\n},tpls:{"
            + ",\n".join(tpls)
            + f"}},imports:{json.dumps(self.imports)}}};\n}});"
        )
