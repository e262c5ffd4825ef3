"""What built-in components do on their own when touched: hit testing, focus, toggles,
forms and navigators (WeChat docs: 组件 button/form/switch/checkbox/radio/navigator/input)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from renderer.view import picker, scroll
from renderer.view.cover import paint_order
from renderer.view.events import propagate
from renderer.view.nodes import TEXT, ViewNode, is_virtual_host
from renderer.view.transform_hit import untransform

if TYPE_CHECKING:
    from renderer.view.page import PageView

TEXT_INPUTS = ("input", "textarea")


def truthy_attr(node: ViewNode, name: str) -> bool:
    value = node.attrs.get(name)
    if isinstance(value, str):
        return value not in ("", "false")
    return bool(value)


def hit_test(root: ViewNode, x: float, y: float) -> ViewNode | None:
    """The innermost element under (x, y); later siblings paint on top, so they win.

    A scrolled scroll-view shifts the point into its content's layout coordinates. Siblings
    are visited in painting order (CSS 2.1 Appendix E): positioned ones with a higher
    `z-index` paint over the rest, so a dialog over its mask gets the tap; a cover-view or
    cover-image is over a native sibling (renderer/view/cover.py). A virtual host
    is never the target itself (it renders no element).
    """
    found: ViewNode | None = None

    def visit(node: ViewNode, x: float, y: float) -> None:
        nonlocal found
        for child in sorted(paint_order(node.children, _tag), key=paint_layer):
            if child.tag == TEXT:
                continue
            box = child.box
            if box is None:
                if child.tag == "slot":
                    visit(child, x, y)
                continue
            local = untransform(child.style, box, x, y)  # a transform moves the box and its content
            if local is None:
                continue
            cx, cy = local
            left, top = scroll.offsets(child)
            if box.x <= cx < box.x + box.width and box.y <= cy < box.y + box.height:
                if not is_virtual_host(child):
                    found = child
                if child.tag != "rich-text":  # its content takes no events (WeChat docs rich-text)
                    visit(child, cx + left, cy + top)
            elif not _clips(child):
                visit(child, cx + left, cy + top)  # overflowing content can still be hit

    visit(root, x, y)
    return found


def _tag(node: ViewNode) -> str:
    return node.tag


def paint_layer(node: Any) -> tuple[int, int]:
    """(z-index, positioned) of a child: the stacking layer it paints in (sort is stable).

    CSS 2.1 Appendix E among siblings: negative z-index first, then in-flow boxes, then
    positioned ones (z-index auto or 0) in tree order, then positive z-index. Painting and
    hit testing order siblings the same way; nested stacking contexts are not separated."""
    style = node.style
    if style is None or node.tag == TEXT:
        return (0, 0)
    if style.get("position") in (None, "static"):
        return (0, 0)
    z = style.get("z-index")
    return (z if isinstance(z, int) else 0, 1)


def _clips(node: ViewNode) -> bool:
    style = node.style
    if style is None:
        return False
    try:
        return style.get("overflow-x") not in (None, "visible") or style.get("overflow-y") not in (None, "visible")
    except Exception:
        return False


def value_of(node: ViewNode) -> Any:
    """What the field shows: typed text first, then `value` (or `model:value`) from data."""
    if "value" in node.state:
        return node.state["value"]
    value = node.attrs.get("value", node.attrs.get("model:value"))
    return "" if value is None else value


def clip_to_maxlength(node: ViewNode, value: str) -> str:
    """WeChat docs input/textarea `maxlength`: default 140; a negative value means no limit."""
    try:
        limit = int(node.attrs.get("maxlength", 140))
    except (TypeError, ValueError):
        limit = 140
    return value if limit < 0 else value[:limit]


def checked_of(node: ViewNode) -> bool:
    if "checked" in node.state:
        return bool(node.state["checked"])
    return truthy_attr(node, "checked")


def _closest(node: ViewNode, tags: tuple[str, ...]) -> ViewNode | None:
    for candidate in [node, *node.ancestors()]:
        if candidate.tag in tags:
            return candidate
    return None


def after_tap(view: PageView, target: ViewNode) -> None:
    """Run the default action of the built-in component that was tapped."""
    actor = _closest(target, ("navigator", "button", "switch", "checkbox", "radio", "input", "textarea", "picker"))
    if actor is None or truthy_attr(actor, "disabled"):
        return
    if actor.tag == "navigator":
        view.services.navigate(str(actor.attrs.get("open-type") or "navigate"), str(actor.attrs.get("url") or ""),
                               int(actor.attrs.get("delta") or 1))
    elif actor.tag == "button":
        form_type = actor.attrs.get("form-type")
        form = _closest(actor, ("form",))
        if form is not None and form_type in ("submit", "reset"):
            _form_action(view, form, str(form_type))
    elif actor.tag == "picker":
        picker.open_for(view, actor)
    elif actor.tag == "switch":
        _toggle(view, actor, actor, lambda: checked_of(actor))
    elif actor.tag in ("checkbox", "radio"):
        _choose(view, actor)
    elif actor.tag in TEXT_INPUTS:
        actor.state["focus"] = True
        view.services.focus(view, actor)
        view._send_calls(propagate(actor, "focus", {"value": value_of(actor), "height": 0}, bubbles=False))


def _toggle(view: PageView, node: ViewNode, source: ViewNode, current: Any) -> None:
    node.state["checked"] = not current()
    view.layout_dirty = True
    view._send_calls(propagate(source, "change", {"value": node.state["checked"]}, bubbles=False))


def _choose(view: PageView, node: ViewNode) -> None:
    group_tag = "checkbox-group" if node.tag == "checkbox" else "radio-group"
    group = _closest(node, (group_tag,))
    if node.tag == "checkbox":
        node.state["checked"] = not checked_of(node)
    else:
        if checked_of(node):
            return
        if group is not None:
            for other in group.walk():
                if other.tag == "radio":
                    other.state["checked"] = False
        node.state["checked"] = True
    view.layout_dirty = True
    if group is None:
        return
    chosen = [value_of(n) for n in group.walk() if n.tag == node.tag and checked_of(n)]
    value: Any = chosen if node.tag == "checkbox" else (chosen[0] if chosen else "")
    view._send_calls(propagate(group, "change", {"value": value}, bubbles=False))


def _form_action(view: PageView, form: ViewNode, action: str) -> None:
    if action == "reset":
        for node in form.walk():
            node.state.pop("value", None)
            node.state.pop("checked", None)
        view.layout_dirty = True
        view._send_calls(propagate(form, "reset", {}, bubbles=False))
        return
    values: dict[str, Any] = {}
    for node in form.walk():
        name = node.attrs.get("name")
        if not name or node.tag == TEXT:
            continue
        if node.tag in TEXT_INPUTS:
            values[str(name)] = value_of(node)
        elif node.tag == "switch":
            values[str(name)] = checked_of(node)
        elif node.tag in ("checkbox-group", "radio-group"):
            tag = "checkbox" if node.tag == "checkbox-group" else "radio"
            chosen = [value_of(n) for n in node.walk() if n.tag == tag and checked_of(n)]
            values[str(name)] = chosen if tag == "checkbox" else (chosen[0] if chosen else "")
    view._send_calls(propagate(form, "submit", {"value": values}, bubbles=False))
