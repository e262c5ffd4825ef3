"""wx.createMapContext: MapContext methods aimed at a `<map id>` of the page or a component.

https://developers.weixin.qq.com/miniprogram/dev/api/media/map/wx.createMapContext.html,
https://developers.weixin.qq.com/miniprogram/dev/api/media/map/MapContext.html
The context object lives in the logic layer (base library, map.js); each method is one
`MapContext.<method>` invoke naming the page, the component scope and the map's id, and is
answered from the simulated map (renderer/view/map_view.py): no tiles and no map service, the
camera and markers are the simulator's own, positions follow a Web-Mercator projection. The
errMsg names are WeChat's (`getMapCenterLocation:ok` …).
"""

from __future__ import annotations

from typing import Any

from bridge.api.registry import Call, api
from bridge.api.selector import _view
from bridge.diagnostics import Diagnostic
from renderer.view import map_geo, map_view

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/media/map/"


@api("createMapContext", sync=True, source="simulated", doc=DOC + "wx.createMapContext.html")
def create_map_context(call: Call) -> dict:
    """Simulated map (no tiles, no map service): centre, scale, region, moves, includePoints,
    translateMarker and screen conversions answered from the `<map id>`'s own camera."""
    return call.ok()


def _map(call: Call) -> tuple[Any, Any]:
    """(page view, map node) the call names; the node is None (warned once) when there is none."""
    view = _view(call)
    map_id = str(call.args.get("mapId") or "")
    node = map_view.find(view, call.args.get("scopeId"), map_id) if view is not None else None
    if node is None:
        warned = call.apis.__dict__.setdefault("_map_warned", set())
        message = f"MapContext: no <map id=\"{map_id}\"> in the page or component"
        if message not in warned:
            warned.add(message)
            call.ctx.report(Diagnostic("warning", message))
    return view, node


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _member(method: str, label: str):
    def register(fn):
        def run(call: Call) -> dict:
            view, node = _map(call)
            if node is None:
                return call.fail(f"<map id=\"{call.args.get('mapId') or ''}\"> not found")
            result = fn(call, view, node)
            notify = getattr(call.ctx, "notify", None)
            if callable(notify):
                notify()
            return result

        run.__doc__ = fn.__doc__
        api(f"MapContext.{method}", member=True, source="simulated", label=label,
            doc=DOC + f"MapContext.{method}.html")(run)
        return fn

    return register


@_member("getCenterLocation", "getMapCenterLocation")
def get_center_location(call: Call, view: Any, node: Any) -> dict:
    """The simulated camera's centre {longitude, latitude}."""
    (lat, lng), _scale = map_view.camera(node)
    return call.ok(longitude=lng, latitude=lat)


@_member("getScale", "getMapScale")
def get_scale(call: Call, view: Any, node: Any) -> dict:
    """The simulated camera's zoom level."""
    return call.ok(scale=map_view.camera(node)[1])


@_member("getRegion", "getMapRegion")
def get_region(call: Call, view: Any, node: Any) -> dict:
    """The south-west and north-east corners the map's box shows (Web-Mercator)."""
    return call.ok(**map_view.region(node))


@_member("getRotate", "getMapRotate")
def get_rotate(call: Call, view: Any, node: Any) -> dict:
    """Always 0: rotation is not simulated."""
    return call.ok(rotate=0)


@_member("getSkew", "getMapSkew")
def get_skew(call: Call, view: Any, node: Any) -> dict:
    """Always 0: skew is not simulated."""
    return call.ok(skew=0)


@_member("moveToLocation", "moveToMapLocation")
def move_to_location(call: Call, view: Any, node: Any) -> dict:
    """Centre on {latitude, longitude}, or on the simulated phone's position (GCJ-02);
    regionchange fires with causedBy "update"."""
    reason = map_view.move_to(view, node, _number(call.args.get("latitude")), _number(call.args.get("longitude")))
    return call.fail(reason) if reason else call.ok()


@_member("includePoints", "includeMapPoints")
def include_points(call: Call, view: Any, node: Any) -> dict:
    """The largest scale (within min/max-scale) showing every point inside `padding`
    [top, right, bottom, left]; regionchange fires with causedBy "update"."""
    points = [(float(p["latitude"]), float(p["longitude"])) for p in call.args.get("points") or ()
              if isinstance(p, dict) and _number(p.get("latitude")) is not None
              and _number(p.get("longitude")) is not None]
    raw = [_number(v) or 0.0 for v in call.args.get("padding") or () if not isinstance(v, (dict, list))]
    pad = tuple((raw + raw[-1:] * 4)[:4]) if raw else (0.0, 0.0, 0.0, 0.0)  # a short list repeats its last
    reason = map_view.include(view, node, points, pad)
    return call.fail(reason) if reason else call.ok()


@_member("translateMarker", "translateMapMarker")
def translate_marker(call: Call, view: Any, node: Any) -> dict:
    """Moves a marker to `destination` over `duration` ms (1000) on the simulator's clock,
    turned by `rotate` or to its heading with `autoRotate`; `animationEnd` when it arrives."""
    task = call.args.get("animationEndTask")

    def arrived() -> None:
        emit = getattr(call.ctx, "emit_task", None)
        if task is not None and callable(emit):
            emit(task, "animationEnd", {}, source="simulated")

    reason = map_view.translate_marker(view, node, call.args, arrived)
    return call.fail(reason) if reason else call.ok()


@_member("toScreenLocation", "toScreenLocation")
def to_screen_location(call: Call, view: Any, node: Any) -> dict:
    """The {x, y} px in the map's box where {latitude, longitude} shows."""
    lat, lng = _number(call.args.get("latitude")), _number(call.args.get("longitude"))
    if lat is None or lng is None or node.box is None:
        return call.fail("latitude and longitude should be Numbers")
    center, scale = map_view.camera(node)
    x, y = map_geo.to_local(lat, lng, center, scale, node.box.width, node.box.height)
    return call.ok(x=x, y=y)


@_member("fromScreenLocation", "fromScreenLocation")
def from_screen_location(call: Call, view: Any, node: Any) -> dict:
    """The {latitude, longitude} shown at {x, y} px of the map's box."""
    x, y = _number(call.args.get("x")), _number(call.args.get("y"))
    if x is None or y is None or node.box is None:
        return call.fail("x and y should be Numbers")
    center, scale = map_view.camera(node)
    lat, lng = map_geo.from_local(x, y, center, scale, node.box.width, node.box.height)
    return call.ok(latitude=lat, longitude=lng)
