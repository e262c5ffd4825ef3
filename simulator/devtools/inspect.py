"""The WXML panel's model: the rendered tree, a node's attributes, box model and matched WXSS rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from renderer.view.nodes import visible_attrs


@dataclass(frozen=True)
class MatchedRule:
    """A rule that applies to the node, lowest precedence first, with where it was written."""

    selector: str
    declarations: tuple[str, ...]   # "color: rgba(0, 0, 0, 1)", "!important" kept
    file: str | None
    line: int | None
    specificity: tuple[int, int, int]

    @property
    def location(self) -> str:
        if not self.file:
            return "built-in"
        return f"{self.file}:{self.line}" if self.line else self.file


def node_label(node: Any) -> str:
    """`<view class="a b" id="x">` or the text (shortened) of a text node."""
    if node.text is not None:
        text = " ".join(str(node.text).split())
        return f'"{text[:40]}…"' if len(text) > 40 else f'"{text}"'
    attrs = visible_attrs(node)
    bits = [node.tag]
    if attrs.get("id"):
        bits.append(f'id="{attrs["id"]}"')
    if attrs.get("class"):
        bits.append(f'class="{attrs["class"]}"')
    if node.component is not None:
        bits.append(f"⟨{node.component.base}⟩")
    return "<" + " ".join(bits) + ">"


def box_model(node: Any) -> dict | None:
    """Border box (page coordinates, CSS px) with margin, border and padding edges and content size."""
    box = node.box
    if box is None:
        return None
    out = {"x": round(box.x, 2), "y": round(box.y, 2), "width": round(box.width, 2), "height": round(box.height, 2)}
    for name in ("margin", "border", "padding"):
        edges = getattr(box, name, None)
        if edges is not None:
            out[name] = [round(float(v), 2) for v in edges]
    content = getattr(box, "content_box", None)
    if callable(content):
        cx, cy, cw, ch = content()
        out["content"] = {"width": round(cw, 2), "height": round(ch, 2)}
    return out


def matched_rules(view: Any, node: Any) -> list[MatchedRule]:
    """The WXSS rules matching `node` in its owner's scope (pages: app.wxss + page sheet;
    components: their own sheet), as the cascade orders them."""
    if node.text is not None:
        return []
    owner = node.owner
    resolver = view.services.resolver_for(owner.base, owner.host is None)
    out = []
    for rule in resolver.matching_rules(node):
        decls = tuple(_declaration_text(d) for d in rule.declarations)
        first = rule.declarations[0] if rule.declarations else None
        out.append(MatchedRule(rule.selector.text, decls, getattr(first, "file", None), getattr(first, "line", None),
                               tuple(rule.selector.specificity)))
    return out


def node_details(view: Any, node: Any) -> dict:
    """Everything the panel shows for one node."""
    style = node.style.to_dict() if node.style is not None else {}
    return {
        "label": node_label(node),
        "owner": f"{node.owner.id} {node.owner.base}",
        "attrs": dict(visible_attrs(node)) if node.text is None else {},
        "box": box_model(node),
        "rules": matched_rules(view, node),
        "style": {k: css_value(v, k) for k, v in sorted(style.items())},
    }


UNITLESS = frozenset({"flex-grow", "flex-shrink", "opacity", "z-index", "font-weight", "order"})


def css_value(value: Any, name: str = "") -> str:
    """A computed value as CSS text: px lengths, percentages, rgba colours."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}" if name in UNITLESS else f"{value:g}px"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple):
        if len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], (int, float)):
            return f"{value[1]:g}{value[0]}"
        if len(value) == 4 and all(isinstance(v, (int, float)) for v in value):
            r, g, b, a = value
            return f"rgba({int(r)}, {int(g)}, {int(b)}, {a:g})"
        return " ".join(css_value(v) for v in value)
    if value is None:
        return "none"
    return str(value)


def _declaration_text(decl: Any) -> str:
    values = ", ".join(f"{name}: {css_value(v, name)}" for name, v in decl.longhands) if decl.longhands else decl.name
    if len(decl.longhands) == 1 and decl.longhands[0][0] == decl.name:
        values = f"{decl.name}: {css_value(decl.longhands[0][1], decl.name)}"
    elif decl.longhands:
        values = f"{decl.name} → {values}"
    return values + (" !important" if decl.important else "")
