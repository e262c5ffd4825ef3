"""The Element domain: reading an element (box, WXML, DOM properties, attributes, styles) and
acting on it (touches, events, built-in component functions, custom component data)."""

from __future__ import annotations

from typing import Any

from renderer.view import scroll
from simulator.automation import Element
from simulator.automator.handles import ProtocolError
from simulator.automator.page import call_method, find_all, find_one, set_data
from simulator.automator.styles import css_text

FORM_PROPERTIES = {"input": ("value",), "textarea": ("value",), "checkbox": ("checked",), "radio": ("checked",),
                   "switch": ("checked",), "slider": ("value",), "picker": ("value",)}


def _names(params: dict) -> list[str]:
    names = params.get("names") or []
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ProtocolError("params.names must be a list of strings")
    return names


def dom_property(el: Element, name: str) -> Any:
    box = el.node.box
    readers = {
        "offsetWidth": lambda: box.width if box else 0,
        "offsetHeight": lambda: box.height if box else 0,
        "offsetLeft": lambda: box.x if box else 0,
        "offsetTop": lambda: box.y if box else 0,
        "innerText": el.text,
        "textContent": el.text,
        "value": el.value,
        "checked": lambda: el.property("checked"),
        "tagName": lambda: el.tag_name.upper(),
        "id": lambda: el.node.id,
        "className": lambda: " ".join(el.node.classes),
    }
    if name not in readers:
        raise ProtocolError(f"Element.getDOMProperties: property {name!r} is not supported in wxsim")
    return readers[name]()


def public_properties(el: Element) -> dict:
    """What the client's `element.property()` may read: `__propPublic` in WeChat."""
    names = set(FORM_PROPERTIES.get(el.tag_name, ()))
    if el.node.component is not None:
        names.update((el.data() or {}).keys())
    else:
        names.update(k for k in el.node.attrs if ":" not in k and not k.startswith(("bind", "catch", "data-")))
    return {name: True for name in sorted(names)}


def get_properties(el: Element, params: dict) -> dict:
    return {"properties": [public_properties(el) if n == "__propPublic" else el.property(n) for n in _names(params)]}


def _point(el: Element, params: dict, key: str) -> tuple[float, float]:
    """The first touch's page point, or the centre of the element when none is given."""
    touches = params.get(key) or (params.get("changeTouches") if key == "changedTouches" else None) or []
    if touches and isinstance(touches[0], dict):
        t = touches[0]
        x, y = t.get("pageX", t.get("clientX")), t.get("pageY", t.get("clientY"))
        if x is not None and y is not None:
            return float(x), float(y)
    return el._center_on_screen()


def touch(el: Element, params: dict, phase: str) -> dict:
    view = el.page.view
    if phase == "touchstart":
        view.touch_start(*_point(el, params, "touches"))
    elif phase == "touchmove":
        if view._touch is None:
            raise ProtocolError("Element.touchmove: no touch in progress (send Element.touchstart first)")
        view.touch_move(*_point(el, params, "touches"))
    else:
        if view._touch is None:
            raise ProtocolError("Element.touchend: no touch in progress (send Element.touchstart first)")
        view.touch_end(*_point(el, params, "changedTouches"))
    el.page.mp.wait_idle()
    return {}


def call_function(el: Element, params: dict) -> dict:
    """Built-in component functions the client uses (`input.input`, `scroll-view.scrollTo`, ...)."""
    name, args = params.get("functionName"), list(params.get("args") or [])
    tag = str(name).split(".")[0]
    if tag != el.tag_name:
        raise ProtocolError(f"Element.callFunction: {name} cannot be called on <{el.tag_name}>")
    if name in ("input.input", "textarea.input"):
        el.input(str(args[0]) if args else "")
        if len(args) > 1 and args[1]:
            el.confirm()
        return {"result": None}
    if name == "scroll-view.scrollTo":
        left, top = (args + [None, None])[:2]
        el.page.view.scroll_view_to(el.node, top=top, left=left)
        el.page.mp.wait_idle()
        return {"result": None}
    if name in ("scroll-view.scrollTop", "scroll-view.scrollLeft"):
        offsets = scroll.offsets(el.node)
        return {"result": offsets[1] if name.endswith("Top") else offsets[0]}
    if name in ("scroll-view.scrollWidth", "scroll-view.scrollHeight"):
        size = scroll.content_size(el.node)
        return {"result": size[0] if name.endswith("Width") else size[1]}
    if name == "switch.tap":
        el.tap()
        return {"result": None}
    raise ProtocolError(f"Element.callFunction: {name} is not supported in wxsim")


def _custom(el: Element, method: str) -> Element:
    if el.node.component is None:
        raise ProtocolError(f"{method}: <{el.tag_name}> is not a custom component")
    return el


def _tap(el: Element) -> dict:
    el.tap()
    return {}


def _trigger(el: Element, params: dict, key: str) -> dict:
    event_type = params.get(key)
    if not isinstance(event_type, str) or not event_type:
        raise ProtocolError(f"params.{key} must name an event type")
    el.trigger(event_type, params.get("detail"))
    return {}


METHODS: dict[str, Any] = {
    "Element.getElement": lambda h, p: find_one(h, h.element(p), p),
    "Element.getElements": lambda h, p: find_all(h, h.element(p), p),
    "Element.getOffset": lambda h, p: h.element(p).offset(),
    "Element.getWXML": lambda h, p: {"wxml": h.element(p).outer_wxml() if p.get("type") == "outer"
                                     else h.element(p).wxml()},
    "Element.getDOMProperties": lambda h, p: {"properties": [dom_property(h.element(p), n) for n in _names(p)]},
    "Element.getAttributes": lambda h, p: {"attributes": [h.element(p).attribute(n) for n in _names(p)]},
    "Element.getStyles": lambda h, p: {"styles": [css_text(h.element(p).style(n), n) for n in _names(p)]},
    "Element.getProperties": lambda h, p: get_properties(h.element(p), p),
    "Element.tap": lambda h, p: _tap(h.element(p)),
    "Element.touchstart": lambda h, p: touch(h.element(p), p, "touchstart"),
    "Element.touchmove": lambda h, p: touch(h.element(p), p, "touchmove"),
    "Element.touchend": lambda h, p: touch(h.element(p), p, "touchend"),
    "Element.triggerEvent": lambda h, p: _trigger(h.element(p), p, "type"),
    "Element.dispatchEvent": lambda h, p: _trigger(h.element(p), p, "eventName"),
    "Element.callFunction": lambda h, p: call_function(h.element(p), p),
    "Element.getData": lambda h, p: {"data": _custom(h.element(p), "Element.getData").data(p.get("path"))},
    "Element.setData": lambda h, p: set_data(_custom(h.element(p), "Element.setData"), p),
    "Element.callMethod": lambda h, p: call_method(_custom(h.element(p), "Element.callMethod"), p),
}
