"""When a page's components get their lifetimes, and what the logic layer mirrors of them.

WeChat builds a component's template (and so its child components) before the component's
own `created` runs, and attaches a finished subtree from its root down: `created` runs
innermost first, `attached` outermost first. The view only knows a subtree is finished once
every component in it has its initial data and has rendered, so it posts
`componentsCreated` for each newly finished subtree. It also posts the page's component list
(`componentTree`) whenever ids, classes or order change, for selectComponent and relations.
"""

from __future__ import annotations

from renderer.view.nodes import ViewNode


def _components(node: ViewNode) -> list[ViewNode]:
    return [n for n in node.walk() if n.component is not None]


def _complete(host: ViewNode) -> bool:
    return all(n.component.data is not None for n in _components(host))


def _postorder(node: ViewNode, out: list[str]) -> None:
    for child in node.children:
        _postorder(child, out)
    if node.component is not None and not node.component.created_sent:
        out.append(node.component.id)


def new_subtrees(root: ViewNode) -> tuple[list[str], list[str]]:
    """Ids to create (innermost first) and attach (outermost first) for finished subtrees;
    marks them sent."""
    created: list[str] = []
    attached: list[str] = []

    def visit(node: ViewNode) -> None:
        inst = node.component
        if inst is not None and not inst.created_sent:
            if not _complete(node):
                return
            _postorder(node, created)
            for n in _components(node):
                if not n.component.created_sent:
                    attached.append(n.component.id)
                    n.component.created_sent = True
            return
        for child in node.children:
            visit(child)

    visit(root)
    return created, attached


def component_tree(root: ViewNode, page_id: str) -> list[dict]:
    """Every component host in tree order: id, owner, nearest component ancestor, id attr, classes."""
    out: list[dict] = []

    def visit(node: ViewNode, parent_id: str) -> None:
        inst = node.component
        if inst is not None:
            out.append({"id": inst.id, "ownerId": node.owner.id, "parentId": parent_id, "domId": node.id,
                        "classes": list(node.classes), "dataset": node.dataset()})
            parent_id = inst.id
        for child in node.children:
            visit(child, parent_id)

    visit(root, page_id)
    return out
