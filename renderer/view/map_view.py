"""The simulated `<map>` (WeChat docs 组件/map, api/media/map): a camera, markers and gestures.

wxsim has no map tiles and asks no map service: the element shows a plain placeholder with a
light grid (renderer/qt/map.py) and everything the page puts on it, placed by a Web-Mercator
projection (map_geo.py) of `latitude` / `longitude` (the centre) and `scale` (3–20, default
16, within `min-scale` / `max-scale`): `markers` (map_layout.py), `polyline`, `polygons`,
`circles`, and the simulated phone's position with `show-location`.

The camera (`MapState`) starts where the attributes say; a later change of them, of
`include-points`, or a MapContext call (`move_to`, `include`) moves it with `regionchange`
{type begin, causedBy "update"} then {type end, causedBy "update"}. A finger drags it
(unless `enable-scroll` is false): begin with causedBy "gesture" at the first move, end with
causedBy "drag" at release; the end event's detail has `scale`, `rotate` 0, `skew` 0,
`centerLocation` and `region`. As on a phone, dragging does not write the attributes back, so
setting the same values again does not move the map. A tap fires `callouttap`, `labeltap`
or `markertap` {markerId} when it is on one (a tap on a marker also opens its BYCLICK
callout or its title), else `tap` {latitude, longitude} (and closes open callouts).
`translate_marker` moves a marker on the simulator's clock (an animator track), optionally
turned to its heading, and calls back when it arrives.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

from renderer.anim.track import Track
from renderer.layout.text import FontSpec
from renderer.view import map_geo, map_layout
from renderer.view.events import propagate
from renderer.view.nodes import ViewNode, mark_changed
from renderer.view.scroll import SHIFTED, offsets, truthy

KEY = "map"
DEFAULT_CENTER = (39.909652, 116.404177)  # docs' example centre (Tiananmen) when none is given
DEFAULT_SCALE = 16.0
CAMERA_ATTRS = ("latitude", "longitude", "scale", "min-scale", "max-scale")


class MapState:
    """A map element's camera, moved markers and open callouts (node.state["map"])."""

    def __init__(self, measure: map_layout.Measure, rpx: float):
        self.center: map_geo.Point = DEFAULT_CENTER
        self.scale = DEFAULT_SCALE
        self.measure = measure
        self.rpx = rpx
        self.attrs: dict | None = None  # the camera attributes last applied
        self.points_attr: Any = None  # the include-points last applied
        self.markers_attr: Any = None
        self.fit_pending: list | None = None  # include-points to apply once the map has a size
        self.moved: dict = {}  # marker id → {latitude, longitude, rotate} (translateMarker)
        self.opened: set = set()  # marker ids with an open BYCLICK callout / title
        self.icons: dict[str, tuple[float, float] | None] = {}
        self.user: map_geo.Point | None = None  # show-location's position
        self.drag_from: tuple[float, float] | None = None  # world px of the centre when a drag began
        self.version = 0
        self._shapes: tuple[Any, list] | None = None

    def changed(self) -> None:
        self.version += 1


def state_of(node: Any) -> MapState | None:
    found = (getattr(node, "state", None) or {}).get(KEY)
    return found if isinstance(found, MapState) else None


def _limits(node: ViewNode) -> tuple[float, float]:
    low = max(map_geo.MIN_SCALE, map_layout.number(node.attrs.get("min-scale"), map_geo.MIN_SCALE))
    high = min(map_geo.MAX_SCALE, map_layout.number(node.attrs.get("max-scale"), map_geo.MAX_SCALE))
    return low, max(low, high)


def _clamp_scale(node: ViewNode, scale: float) -> float:
    low, high = _limits(node)
    return max(low, min(high, scale))


def _points(value: Any) -> list[map_geo.Point]:
    out = []
    for p in value if isinstance(value, list) else ():
        if isinstance(p, dict):
            lat, lng = map_layout.coordinate(p.get("latitude")), map_layout.coordinate(p.get("longitude"))
            if lat is not None and lng is not None:
                out.append((lat, lng))
    return out


# --- syncing with the attributes -------------------------------------------------------------
def sync(view: Any, node: ViewNode) -> None:
    """Apply changed attributes: the camera, include-points, markers, show-location."""
    st = state_of(node)
    if st is None:
        st = node.state[KEY] = MapState(_measure(view), view.services.viewport.rpx)
    wanted = {name: node.attrs.get(name) for name in CAMERA_ATTRS}
    lat = map_layout.number(wanted["latitude"], st.center[0])
    lng = map_layout.number(wanted["longitude"], st.center[1])
    scale = _clamp_scale(node, map_layout.number(wanted["scale"], st.scale if st.attrs else DEFAULT_SCALE))
    if st.attrs is None:
        st.center, st.scale = (lat, lng), scale
    elif wanted != st.attrs and ((lat, lng), scale) != (st.center, st.scale):
        _move(view, node, (lat, lng), scale)
    st.attrs = wanted
    points = node.attrs.get("include-points")
    if points != st.points_attr:
        st.points_attr = points
        if _points(points) and node.box is not None and st.version > 0:
            include(view, node, _points(points), (0.0, 0.0, 0.0, 0.0))
        elif _points(points):
            st.fit_pending = _points(points)  # applied once the map has a size
    markers = node.attrs.get("markers")
    if markers != st.markers_attr:
        st.markers_attr = markers
        st.moved.clear()
        _load_icons(view, node, st)
    locate = getattr(view.services, "user_location", None)
    where = locate() if truthy(node.attrs.get("show-location", False)) and callable(locate) else None
    st.user = (float(where["latitude"]), float(where["longitude"])) if where else None
    st.changed()


def _load_icons(view: Any, node: ViewNode, st: MapState) -> None:
    """Read the natural size of each marker picture not seen yet (for width/height defaults)."""
    resources = getattr(view.services, "resources", None)
    size_of = getattr(view.services, "image_size", None)
    if resources is None or size_of is None:
        return
    base = posixpath.dirname(str(getattr(view, "route", "") or ""))
    for marker in markers_of(node):
        src = marker.get("iconPath")
        if not isinstance(src, str) or not src.strip() or src in st.icons:
            continue

        def arrived(src: str = src) -> None:
            st.icons.pop(src, None)
            if not getattr(view, "closed", False):
                _load_icons(view, node, st)
                st.changed()
                mark_changed(node)
                view.layout_dirty = True

        loaded = resources.read(src, base, arrived)
        if loaded is None:
            continue  # a remote picture: `arrived` reads it again
        size = size_of(loaded.data) if loaded.data else None
        st.icons[src] = (float(size[0]), float(size[1])) if size else None


def markers_of(node: ViewNode) -> list[dict]:
    value = node.attrs.get("markers")
    return [m for m in value if isinstance(m, dict)] if isinstance(value, list) else []


def camera(node: ViewNode) -> tuple[map_geo.Point, float]:
    """(centre, scale) now; include-points waiting for a size are applied once it has one."""
    st = state_of(node)
    if st is None:
        return DEFAULT_CENTER, DEFAULT_SCALE
    if st.fit_pending is not None and node.box is not None and node.box.width > 0:
        points, st.fit_pending = st.fit_pending, None
        low, high = _limits(node)
        fitted = map_geo.fit(points, node.box.width, node.box.height, (0.0, 0.0, 0.0, 0.0), low, high)
        if fitted is not None:
            st.center, st.scale = fitted
            st.changed()
    return st.center, st.scale


def shapes(node: ViewNode) -> list[map_layout.MarkerShape]:
    """The markers as shown now (cached until the camera, the markers or the size change)."""
    st = state_of(node)
    box = node.box
    if st is None or box is None:
        return []
    center, scale = camera(node)
    key = (st.version, center, scale, box.width, box.height)
    if st._shapes is not None and st._shapes[0] == key:
        return st._shapes[1]
    found = map_layout.shapes(markers_of(node), st.moved, st.opened, center, scale, box.width, box.height,
                              st.icons.get, st.measure, st.rpx)
    st._shapes = (key, found)
    return found


# --- moving the camera ---------------------------------------------------------------------------
def _move(view: Any, node: ViewNode, center: map_geo.Point, scale: float, cause: str = "update") -> None:
    st = state_of(node)
    if st is None:
        return
    _region_event(view, node, "begin", "gesture" if cause == "gesture" else "update")
    st.center, st.scale = center, _clamp_scale(node, scale)
    st.changed()
    _region_event(view, node, "end", cause)
    view._changed()


def move_to(view: Any, node: ViewNode, lat: float | None, lng: float | None) -> str | None:
    """MapContext.moveToLocation: to (lat, lng), or to the phone's position; a fail reason."""
    if lat is None or lng is None:
        locate = getattr(view.services, "user_location", None)
        where = locate() if callable(locate) else None
        if not where:
            return "location unavailable"
        lat, lng = float(where["latitude"]), float(where["longitude"])
    _move(view, node, (lat, lng), camera(node)[1])
    return None


def include(view: Any, node: ViewNode, points: list[map_geo.Point], padding: tuple) -> str | None:
    """MapContext.includePoints: the camera that shows every point inside the padding."""
    if not points:
        return "points is empty"
    box = node.box
    if box is None:
        return "map is not displayed"
    low, high = _limits(node)
    fitted = map_geo.fit(points, box.width, box.height, padding, low, high)
    if fitted is not None:
        _move(view, node, fitted[0], fitted[1])
    return None


def region(node: ViewNode) -> dict:
    center, scale = camera(node)
    box = node.box
    width, height = (box.width, box.height) if box is not None else (0.0, 0.0)
    return map_geo.region(center, scale, width, height)


def _region_event(view: Any, node: ViewNode, kind: str, cause: str) -> None:
    detail: dict = {"type": kind, "causedBy": cause}
    if kind == "end":
        center, scale = camera(node)
        detail.update({"rotate": 0, "skew": 0, "scale": scale,
                       "centerLocation": {"latitude": center[0], "longitude": center[1]}, "region": region(node)})
    calls = propagate(node, "regionchange", detail, bubbles=False)
    for call in calls:
        call.event["type"], call.event["causedBy"] = kind, cause  # WeChat: e.type is begin / end
    view._send_calls(calls)


# --- touches ---------------------------------------------------------------------------------------
def closest(node: ViewNode | None) -> ViewNode | None:
    """The map a finger on `node` drags: the map's own surface, unless `enable-scroll` is false."""
    if node is None or node.tag != "map" or not truthy(node.attrs.get("enable-scroll", True)):
        return None
    return node if state_of(node) is not None else None


def drag(view: Any, node: ViewNode, dx: float, dy: float) -> None:
    """The finger moved (dx, dy) since it went down: the map follows it."""
    st = state_of(node)
    if st is None:
        return
    center, scale = camera(node)
    if st.drag_from is None:
        st.drag_from = map_geo.project(center[0], center[1], scale)
        _region_event(view, node, "begin", "gesture")
    fx, fy = st.drag_from
    st.center = map_geo.unproject(fx - dx, fy - dy, scale)
    st.changed()
    view._changed()


def release(view: Any, node: ViewNode) -> None:
    st = state_of(node)
    if st is None or st.drag_from is None:
        return
    st.drag_from = None
    _region_event(view, node, "end", "drag")
    view._changed()


def tap(view: Any, node: ViewNode, x: float, y: float, point: dict) -> None:
    """A tap on the map's surface at page point (x, y)."""
    box = node.box
    st = state_of(node)
    if box is None or st is None:
        return
    lx, ly = _local(node, x, y)
    found = map_layout.hit(shapes(node), lx, ly)
    if found is not None:
        kind, marker_id = found
        if kind == "marker":
            key = map_layout.marker_key(marker_id)
            st.opened = set() if key in st.opened else {key}
            st.changed()
        _fire(view, node, f"{kind}tap", {"markerId": marker_id})
    else:
        if st.opened:
            st.opened = set()
            st.changed()
        center, scale = camera(node)
        lat, lng = map_geo.from_local(lx, ly, center, scale, box.width, box.height)
        view._send_calls(propagate(node, "tap", {"latitude": lat, "longitude": lng},
                                   touches=[point], changed_touches=[point]))
    view._changed()


def _fire(view: Any, node: ViewNode, name: str, detail: dict) -> None:
    calls = propagate(node, name, detail, bubbles=False)
    for call in calls:
        call.event.update(detail)  # older base libraries put markerId on the event itself
    view._send_calls(calls)


def _local(node: ViewNode, x: float, y: float) -> tuple[float, float]:
    """The page point in the map's box, through the scroll offsets of scrolled ancestors."""
    for anc in node.ancestors():
        if anc.tag in SHIFTED:
            dx, dy = offsets(anc)
            x, y = x + dx, y + dy
    return x - node.box.x, y - node.box.y


# --- translateMarker ---------------------------------------------------------------------------------
class _MarkerMove(Track):
    """A marker moving to its destination on the animator's clock (no style is animated)."""

    def __init__(self, node: ViewNode, view: Any, marker_id: Any, start: map_geo.Point, end: map_geo.Point,
                 rotate: tuple[float, float], duration: float, on_done: Callable[[], None]):
        super().__init__(node, view, [], keep=False, on_done=on_done)
        self.end = max(0.0, duration)
        self.marker_id, self.a, self.b, self.turn = marker_id, start, end, rotate

    def begin(self, now: float, current: dict, resolve_targets: Any) -> None:
        self.start, self.lines = now, {}

    def notify(self, now: float) -> None:
        st = state_of(self.node)
        if st is None or self.start is None:
            return
        t = 1.0 if self.end <= 0 else max(0.0, min(1.0, (now - self.start) / self.end))
        (a_lat, a_lng), (b_lat, b_lng) = self.a, self.b
        r0, r1 = self.turn
        st.moved[map_layout.marker_key(self.marker_id)] = {"latitude": a_lat + (b_lat - a_lat) * t,
                                                      "longitude": a_lng + (b_lng - a_lng) * t,
                                                      "rotate": r0 + (r1 - r0) * t}
        st.changed()


def translate_marker(view: Any, node: ViewNode, args: dict, arrived: Callable[[], None]) -> str | None:
    """MapContext.translateMarker: move marker `markerId` to `destination` over `duration` ms
    (default 1000), turned by `rotate` or, with `autoRotate`, to its heading; a fail reason."""
    marker_id = args.get("markerId")
    marker = next((m for m in markers_of(node) if m.get("id") == marker_id), None)
    dest = args.get("destination")
    if marker is None:
        return f"marker {marker_id} not found"
    end = _points([dest])
    if not end:
        return "destination should be {latitude, longitude}"
    st = state_of(node)
    assert st is not None
    now = st.moved.get(map_layout.marker_key(marker_id), {})
    start = (map_layout.number(now.get("latitude", marker.get("latitude")), 0.0),
             map_layout.number(now.get("longitude", marker.get("longitude")), 0.0))
    r0 = map_layout.number(now.get("rotate", marker.get("rotate")), 0.0)
    if args.get("autoRotate"):
        r1 = map_geo.bearing(start, end[0])
    else:
        r1 = map_layout.number(args.get("rotate"), r0)
    duration = map_layout.number(args.get("duration"), 1000.0)
    view.services.animator.add(_MarkerMove(node, view, marker_id, start, end[0], (r0, r1), duration, arrived))
    view.layout_dirty = True
    return None


def find(view: Any, scope_id: str | None, map_id: str) -> ViewNode | None:
    """The `<map id>` of the page's (or a component's) own template."""
    scope = view.instances.get(scope_id or view.page_id) or view.instance
    for node in view.root.walk():
        if node.tag == "map" and node.owner is scope and str(node.attrs.get("id", "")) == map_id:
            return node
    return None


def _measure(view: Any) -> map_layout.Measure:
    """Text widths from the page's measurer (the Qt one when painting), for callouts and labels."""
    measurer = view.services.measurer

    def measure(text: str, size: float) -> float:
        try:
            width, _h, _lines = measurer.measure(text, FontSpec(size=size, line_height=size * map_layout.LINE_FACTOR),
                                                 None)
            return float(width)
        except Exception:  # noqa: BLE001 - a measurer without that font: an estimate will do
            return len(text) * size * 0.6

    return measure

