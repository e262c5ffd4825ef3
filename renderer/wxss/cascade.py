"""The cascade: which declarations apply to a node, in which order, and caching of the result.

Rules are indexed by the subject compound's id, else a class, else the tag, so a node only
tests rules that could match it. The computed style is cached by (matched rules, inline
style, parent computed style), which makes long uniform lists cheap.
"""

from __future__ import annotations

from typing import Any, Protocol

from bridge.diagnostics import Diagnostic, DiagnosticLog, Report

from .computed import LONGHANDS_OF, ComputedStyle, compute_style
from .keyframes import Keyframes
from .media import media_matches
from .selectors import Selector
from .stylesheet import Declaration, FontFace, StyleSheet, parse_declarations
from .variables import VARS_KEY, CustomProps, substitute
from .viewport import Viewport

ORIGIN_UA, ORIGIN_HOST, ORIGIN_AUTHOR, ORIGIN_INLINE = 0, 0.5, 1, 2


class StyleTarget(Protocol):
    tag: str
    id: str | None
    classes: tuple[str, ...]
    attrs: dict
    parent: "StyleTarget | None"
    index: int
    sibling_count: int
    inline_style: str


class _IndexedRule:
    __slots__ = ("rid", "selector", "declarations", "key")

    def __init__(self, rid: int, selector: Selector, declarations: tuple[Declaration, ...], key: tuple):
        self.rid = rid
        self.selector = selector
        self.declarations = declarations
        self.key = key  # (origin, specificity, order): sorts normal declarations by precedence


class _Index:
    """Rules indexed by their subject compound's id, else a class, else the tag.

    The candidates for a (tag, id, classes) signature are worked out once: deduplicated, in
    order, each marked when its selector is a single compound without attribute or
    pseudo-class tests, whose match follows from the signature alone. Only the other
    candidates are tested against each node.
    """

    __slots__ = ("by_id", "by_class", "by_tag", "universal", "_plans")

    PLANS_LIMIT = 10_000  # signatures kept before the table starts afresh

    def __init__(self) -> None:
        self.by_id: dict[str, list[_IndexedRule]] = {}
        self.by_class: dict[str, list[_IndexedRule]] = {}
        self.by_tag: dict[str, list[_IndexedRule]] = {}
        self.universal: list[_IndexedRule] = []
        self._plans: dict[tuple, list[tuple[_IndexedRule, bool]]] = {}

    def add(self, ir: _IndexedRule) -> None:
        self._plans.clear()
        subj = ir.selector.subject
        if subj.id is not None:
            self.by_id.setdefault(subj.id, []).append(ir)
        elif subj.classes:
            self.by_class.setdefault(subj.classes[0], []).append(ir)
        elif subj.tag not in (None, "*"):
            self.by_tag.setdefault(subj.tag, []).append(ir)
        else:
            self.universal.append(ir)

    def matching(self, node: Any) -> list[_IndexedRule]:
        if not (self.universal or self.by_class or self.by_tag or self.by_id):
            return []  # e.g. no ::before rules: nothing to look up for any node
        node_id, classes, tag = node.id, node.classes, node.tag
        key = (tag, node_id, classes)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plan(tag, node_id, classes)
        return [r for r, known in plan if known or r.selector.matches(node)]

    def _plan(self, tag: str, node_id: str, classes: tuple[str, ...]) -> list[tuple[_IndexedRule, bool]]:
        cands: list[_IndexedRule] = list(self.universal)
        if node_id:
            cands += self.by_id.get(node_id, ())
        for c in classes:
            cands += self.by_class.get(c, ())
        cands += self.by_tag.get(tag, ())
        seen: set[int] = set()
        plan: list[tuple[_IndexedRule, bool]] = []
        for r in cands:
            if r.rid in seen:
                continue
            seen.add(r.rid)
            sel = r.selector
            subj = sel.subject
            if len(sel.compounds) == 1 and not subj.attrs and not subj.pseudos:
                if not _signature_matches(subj, tag, node_id, classes):
                    continue  # never matches this signature
                plan.append((r, True))
            else:
                plan.append((r, False))
        if len(self._plans) >= self.PLANS_LIMIT:
            self._plans.clear()
        self._plans[(tag, node_id, classes)] = plan
        return plan


def _signature_matches(compound: Any, tag: str, node_id: str, classes: tuple[str, ...]) -> bool:
    """`Compound.matches` for a compound without attribute or pseudo-class tests."""
    if compound.tag is not None and compound.tag != "*" and tag != compound.tag:
        return False
    if compound.id is not None and node_id != compound.id:
        return False
    return all(c in classes for c in compound.classes)


def _is_host_rule(selector: Selector) -> bool:
    return any(p[0] == "host" for p in selector.subject.pseudos)


class StyleResolver:
    """Computes styles for StyleTarget nodes from a list of sheets (earlier sheets lose ties).

    A sheet whose path is `default.wxss` is the user-agent origin (built-in components).
    Rules ending in ::before/::after are kept apart (`compute_pseudo`), and so are rules
    whose subject is `:host`: they style the component's host node, which lives in the
    owner's tree (`compute(host, parent, host_rules=component_resolver)`).
    """

    def __init__(self, sheets: list[StyleSheet], viewport: Viewport, report: Report | None = None):
        self.viewport = viewport
        self.report = report or DiagnosticLog()
        self._indexes: dict[str | None, _Index] = {None: _Index(), "before": _Index(), "after": _Index()}
        self._host = _Index()
        self._rules: list[_IndexedRule] = []
        self._style_cache: dict[tuple, ComputedStyle] = {}
        self._interned: dict[ComputedStyle, ComputedStyle] = {}
        self._inline_cache: dict[str, tuple[Declaration, ...]] = {}
        self._inline_warned: set[tuple] = set()
        self._var_cache: dict[tuple, tuple] = {}
        self._var_warned: set[tuple] = set()
        self.font_faces: list[FontFace] = []
        self.keyframes: dict[str, Keyframes] = {}  # @keyframes by name: the last matching rule wins
        self._index(sheets)

    def _index(self, sheets: list[StyleSheet]) -> None:
        # Whether any rule looks at a node's siblings (:first-child, nth-*, +, ~ …): only then
        # must inserting or removing a child restyle its siblings.
        self.position_sensitive = False
        order = 0
        for sheet in sheets:
            origin = ORIGIN_UA if getattr(sheet, "user_agent", False) else ORIGIN_AUTHOR
            self.font_faces.extend(getattr(sheet, "font_faces", ()))
            for rule, media in getattr(sheet, "keyframes", ()):
                if not media or all(media_matches(q, self.viewport) for q in media):
                    self.keyframes[rule.name] = rule
            for rule in sheet.rules:
                media = getattr(rule, "media", None)
                if media and not all(media_matches(q, self.viewport) for q in media):
                    continue
                sel = rule.selector
                self.position_sensitive = self.position_sensitive or depends_on_position(sel)
                host = _is_host_rule(sel)
                # Shadow DOM cascade: the outer tree's normal rules win over :host rules.
                ir = _IndexedRule(len(self._rules), sel, rule.declarations,
                                  (ORIGIN_HOST if host else origin, sel.specificity, order))
                order += 1
                self._rules.append(ir)
                if host and sel.pseudo_element is None:
                    self._host.add(ir)
                else:
                    self._indexes[sel.pseudo_element].add(ir)

    def matching_rules(self, node: Any, host_rules: "StyleResolver | None" = None) -> list[_IndexedRule]:
        """Rules whose selector matches `node`, in cascade order (lowest precedence first)."""
        out = self._indexes[None].matching(node)
        if host_rules is not None:
            out += host_rules._host.matching(node)
        out.sort(key=lambda r: r.key)
        return out

    def site_of(self, node: Any, longhand: str,
                host_rules: "StyleResolver | None" = None) -> tuple[str | None, int | None, int | None]:
        """Where the declaration that gives `node` its `longhand` is written (file, line, column):
        the winning one of the matched rules, or (None, None, None) for inline style or none."""
        found: tuple[str | None, int | None, int | None] = (None, None, None)
        best: tuple = ()
        for rule in self.matching_rules(node, host_rules):
            for d in rule.declarations:
                if _sets(d, longhand):
                    rank = (d.important, rule.key)
                    if rank >= best:
                        best, found = rank, (d.file, d.line, d.column)
        return found

    def compute(self, node: Any, parent: ComputedStyle | None,
                host_rules: "StyleResolver | None" = None) -> ComputedStyle:
        """The computed style of `node` given its parent's computed style (None for the root).

        `host_rules`: for a custom component's host node, the component's resolver, whose
        `:host` rules apply to it.
        """
        matched = self.matching_rules(node, host_rules)
        inline = node.inline_style or ""
        key = (tuple(r.rid if r.key[0] != ORIGIN_HOST else (id(host_rules), r.rid) for r in matched), inline, parent)
        cached = self._style_cache.get(key)
        if cached is not None:
            return cached
        cascaded = self._cascade(matched, self._inline(inline), parent)
        style = compute_style(cascaded, parent, self.viewport)
        style = self._interned.setdefault(style, style)
        self._style_cache[key] = style
        return style

    def compute_pseudo(self, node: Any, which: str, style: ComputedStyle) -> ComputedStyle | None:
        """CSS Pseudo 4 §4: the style of `node`'s ::before/::after (which = "before"/"after"),
        inheriting from the element's `style`; None when no box is generated (content none/normal)."""
        matched = self._indexes[which].matching(node)
        if not matched:
            return None
        matched.sort(key=lambda r: r.key)
        key = (which, tuple(r.rid for r in matched), style)
        if key in self._style_cache:
            return self._style_cache[key]
        out = compute_style(self._cascade(matched, (), style), style, self.viewport)
        if out.get("content") in ("none", "normal") or out.get("display") == "none":
            out = None
        else:
            out = self._interned.setdefault(out, out)
        self._style_cache[key] = out
        return out

    def _cascade(self, matched: list[_IndexedRule], inline: tuple[Declaration, ...],
                 parent: ComputedStyle | None = None) -> dict[str, Any]:
        """CSS Cascade 4 §6.1: normal author < inline < !important author < !important inline."""
        normal: list[Declaration] = []
        important: list[Declaration] = []
        for r in matched:
            for d in r.declarations:
                (important if d.important else normal).append(d)
        ordered = normal + [d for d in inline if not d.important] + important + [d for d in inline if d.important]
        props, own = self._custom_props(ordered, parent)
        out: dict[str, Any] = {}
        for d in ordered:
            if d.custom:
                continue
            out.update(d.longhands if d.raw is None else self._substituted(d, props))
        if own:
            out[VARS_KEY] = CustomProps(props)
        return out

    @staticmethod
    def _custom_props(ordered: list[Declaration], parent: ComputedStyle | None) -> tuple[dict[str, str], bool]:
        """The element's custom properties (inherited, then its own) and whether it sets any."""
        inherited = parent.get(VARS_KEY) if parent is not None else None
        own = [d for d in ordered if d.custom]
        if not own:
            return (inherited._map if inherited is not None else {}), False
        props = inherited.as_dict() if inherited is not None else {}
        for d in own:
            props[d.name] = d.raw or ""
        return props, True

    def _substituted(self, d: Declaration, props: dict[str, str]) -> tuple[tuple[str, Any], ...]:
        """A var() declaration's longhands once its references are substituted; `unset` when
        the result is invalid (CSS Variables 1 §3.1, invalid at computed-value time)."""
        text = substitute(d.raw or "", props)
        key = (d.name, text, d.file, d.line, d.column)
        cached = self._var_cache.get(key)
        if cached is None:
            cached = self._parse_substituted(d, text)
            self._var_cache[key] = cached
        return cached

    def _parse_substituted(self, d: Declaration, text: str | None) -> tuple[tuple[str, Any], ...]:
        where = (d.file, d.line, d.column)
        decls: tuple[Declaration, ...] = ()
        if text is not None and text.strip():
            found: list[Diagnostic] = []
            decls = parse_declarations(f"{d.name}: {text}", None, found.append,
                                       lambda key, msg, *_: found.append(Diagnostic("warning", msg)))
            for diag in found:
                self._warn_var(("parse", d.name, diag.message), f"{diag.message} (after var() substitution)", where)
        if not decls or decls[0].raw is not None:
            if text is None:
                self._warn_var(("unresolved", d.name, d.raw), f"var() in '{d.name}: {d.raw}' refers to an "
                               "undefined custom property and has no fallback; property unset", where)
            return tuple((lh, "unset") for lh in LONGHANDS_OF.get(d.name, (d.name,)))
        return decls[0].longhands

    def _warn_var(self, key: tuple, message: str, where: tuple) -> None:
        if key not in self._var_warned:
            self._var_warned.add(key)
            self.report(Diagnostic("warning", message, *where))

    def _inline(self, text: str) -> tuple[Declaration, ...]:
        if not text:
            return ()
        decls = self._inline_cache.get(text)
        if decls is None:
            decls = parse_declarations(text, None, self._report_inline, self._warn_inline)
            self._inline_cache[text] = decls
        return decls

    def _report_inline(self, d: Diagnostic) -> None:
        self.report(Diagnostic(d.severity, d.message + " (inline style)", d.file, d.line, d.column))

    def _warn_inline(self, key: tuple, message: str, file: str | None, line: int | None, col: int | None) -> None:
        if key not in self._inline_warned:
            self._inline_warned.add(key)
            self.report(Diagnostic("warning", message + " (inline style)", file, line, col))


def _sets(d: Declaration, longhand: str) -> bool:
    """Whether declaration `d` sets `longhand` (a var() one by its name or shorthand's name)."""
    if d.raw is None:
        return any(name == longhand for name, _ in d.longhands)
    name = d.name.removeprefix("-webkit-")
    return name == longhand or longhand in LONGHANDS_OF.get(name, ())


POSITIONAL_PSEUDOS = frozenset({
    "first-child", "last-child", "only-child", "first-of-type", "last-of-type", "only-of-type",
    "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type", "empty",
})


def depends_on_position(selector: Any) -> bool:
    """Whether matching `selector` depends on where a node sits among its siblings."""
    if any(c in ("+", "~") for c in selector.combinators):
        return True
    for compound in selector.compounds:
        for pseudo in compound.pseudos:
            if pseudo[0] in POSITIONAL_PSEUDOS:
                return True
            if pseudo[0] in ("not", "is") and any(depends_on_position(s) for s in pseudo[1]):
                return True
    return False
