"""The Page domain: element look-up, data, methods and window properties of one page."""

from __future__ import annotations

from typing import Any

from bridge.diagnostics import WxsimError
from simulator.automator.handles import Handles, ProtocolError


def _selector(params: dict) -> str:
    selector = params.get("selector")
    if not isinstance(selector, str) or not selector.strip():
        raise ProtocolError("params.selector must be a selector string")
    return selector


def find_one(h: Handles, scope: Any, params: dict) -> dict:
    selector = _selector(params)
    found = scope.query_all(selector)
    if not found:
        raise ProtocolError(f"no element matches selector {selector!r}")
    return h.describe_element(found[0])


def find_all(h: Handles, scope: Any, params: dict) -> dict:
    return {"elements": [h.describe_element(el) for el in scope.query_all(_selector(params))]}


def call_method(target: Any, params: dict) -> dict:
    name = params.get("method")
    if not isinstance(name, str) or not name:
        raise ProtocolError("params.method must name a method")
    try:
        return {"result": target.call_method(name, *(params.get("args") or []))}
    except WxsimError as exc:
        raise ProtocolError(exc.diagnostic.message) from None


def set_data(target: Any, params: dict) -> dict:
    data = params.get("data")
    if not isinstance(data, dict):
        raise ProtocolError("params.data must be an object")
    target.set_data(data)
    return {}


def window_properties(h: Handles, params: dict) -> dict:
    page = h.page(params)
    size = page.size()
    known = {
        "document.documentElement.scrollWidth": size["width"],
        "document.documentElement.scrollHeight": size["height"],
        "document.body.scrollWidth": size["width"],
        "document.body.scrollHeight": size["height"],
        "document.documentElement.scrollTop": page.scroll_top(),
        "document.body.scrollTop": page.scroll_top(),
        "window.innerWidth": float(h.mp.sim.device["screenWidth"]),
        "window.innerHeight": h.mp.sim.page_area_height(),
    }
    names = params.get("names") or []
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ProtocolError(f"Page.getWindowProperties: unsupported in wxsim: {', '.join(map(str, unknown))}")
    return {"properties": [known[name] for name in names]}


METHODS: dict[str, Any] = {
    "Page.getElement": lambda h, p: find_one(h, h.page(p), p),
    "Page.getElements": lambda h, p: find_all(h, h.page(p), p),
    "Page.getData": lambda h, p: {"data": h.page(p).data(p.get("path"))},
    "Page.setData": lambda h, p: set_data(h.page(p), p),
    "Page.callMethod": lambda h, p: call_method(h.page(p), p),
    "Page.getWindowProperties": window_properties,
}
