"""Finding rendered nodes by WXSS selector, the way `page.$(selector)` does in WeChat's
automation: a page's query sees the page's own template (and the slot content it gives),
an element's query sees that element's subtree within the same template."""

from __future__ import annotations

from functools import lru_cache

import tinycss2

from bridge.diagnostics import error
from renderer.view.nodes import TEXT, ViewInstance, ViewNode
from renderer.wxss.selectors import Selector, SelectorError, parse_selector, split_groups


@lru_cache(maxsize=256)
def compile_selector(text: str) -> tuple[Selector, ...]:
    tokens = tinycss2.parse_component_value_list(text)
    try:
        return tuple(parse_selector(group, allow_attrs=True) for group in split_groups(tokens))
    except SelectorError as exc:
        raise error(f"unsupported selector {text!r}: {exc.construct}") from None


def select_all(start: ViewNode, selector: str, scope: ViewInstance, include_start: bool = False) -> list[ViewNode]:
    """Elements under `start` (in tree order) that belong to `scope`'s template and match."""
    selectors = compile_selector(selector)
    found: list[ViewNode] = []

    def visit(node: ViewNode) -> None:
        if node.tag != TEXT and node.owner is scope and node.tag != "slot":
            if any(sel.matches(node) for sel in selectors):
                found.append(node)
        children = node.light if node.component is not None and node.owner is scope else node.children
        for child in children:
            visit(child)

    if include_start:
        visit(start)
    else:
        for child in (start.light if start.component is not None else start.children):
            visit(child)
    return found
