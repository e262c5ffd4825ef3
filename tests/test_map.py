"""The simulated `<map>`: markers placed by a Web-Mercator projection, taps on markers, callouts and
the map, dragging with regionchange, and wx.createMapContext answered from the same camera."""

from __future__ import annotations

import math

import pytest
from miniprogram import write_project

from renderer.view import map_view
from simulator.automation import MiniProgram, launch
from simulator.clock import VirtualClock
from simulator.runtime import Simulator

LAT, LNG = 39.9, 116.4
WXML = """
<view style="height: 50px">header</view>
<map id="m" latitude="{{lat}}" longitude="{{lng}}" scale="{{scale}}" markers="{{markers}}"
  polyline="{{polyline}}" circles="{{circles}}" polygons="{{polygons}}" show-location="{{loc}}"
  style="width: 300px; height: 200px" bindmarkertap="log" bindcallouttap="log" bindlabeltap="log"
  bindtap="log" bindregionchange="region"></map>
"""
JS = """Page({
  data: {lat: %(lat)s, lng: %(lng)s, scale: 16, loc: false, log: [], regions: [], answers: {},
         markers: [
           {id: 1, latitude: %(lat)s, longitude: %(lng)s, width: 20, height: 30},
           {id: 7, latitude: %(lat)s, longitude: %(east)s, width: 20, height: 30,
            callout: {content: 'Shop', display: 'ALWAYS', padding: 4, fontSize: 12}},
           {id: 9, latitude: %(south)s, longitude: %(lng)s, width: 16, height: 16, anchor: {x: 0.5, y: 0.5},
            label: {content: 'L', anchorX: 10, anchorY: -8, fontSize: 12}}],
         polyline: [{points: [{latitude: %(lat)s, longitude: %(lng)s}, {latitude: %(south)s, longitude: %(east)s}],
                     color: '#0000FFFF', width: 4}],
         circles: [], polygons: []},
  log(e) { this.setData({log: this.data.log.concat([[e.type, e.detail]])}) },
  region(e) { this.setData({regions: this.data.regions.concat([[e.type, e.causedBy, e.detail.scale || null]])}) },
  ask(method, opts) {
    const ctx = wx.createMapContext('m');
    ctx[method](Object.assign({}, opts || {}, {
      success: (r) => this.setData({['answers.' + method]: r}),
      fail: (r) => this.setData({['answers.' + method]: r}),
    }));
  },
  glide() {
    wx.createMapContext('m').translateMarker({markerId: 1, destination: {latitude: %(lat)s, longitude: %(east)s},
      autoRotate: false, rotate: 90, duration: 1000,
      animationEnd: () => this.setData({arrived: true}),
      success: (r) => this.setData({translated: r.errMsg})});
  },
})"""
WORLD_AT_16 = 256 * 2 ** 16  # px of the whole world at scale 16
EAST = LNG + 0.001  # 0.001° of longitude: WORLD_AT_16 / 360000 ≈ 46.6 px east
SOUTH = LAT - 0.001


def _mercator_y(lat):
    phi = math.radians(lat)
    return (0.5 - math.log(math.tan(math.pi / 4 + phi / 2)) / (2 * math.pi)) * WORLD_AT_16


DX = 0.001 / 360 * WORLD_AT_16
DY = _mercator_y(SOUTH) - _mercator_y(LAT)


def _project(tmp_path):
    js = JS % {"lat": LAT, "lng": LNG, "east": EAST, "south": SOUTH}
    return write_project(tmp_path / "mp", {"pages/map/map": {"wxml": WXML, "js": js}})


@pytest.fixture()
def page(tmp_path):
    mp = launch(_project(tmp_path), storage=tmp_path / "st")
    yield mp.current_page()
    mp.close()


def _centre(page):
    box = page.query("#m").node.box
    return box.x + box.width / 2, box.y + box.height / 2


def test_map_renders_without_warnings_and_places_markers_by_mercator(page):
    assert not [d for d in page.mp.diagnostics() if "map" in d.message]
    cx, cy = _centre(page)
    assert (cx, cy) == (150.0, 150.0)
    box = page.query("#m").node.box
    shapes = {s.marker_id: s for s in map_view.shapes(page.query("#m").node)}
    assert shapes[1].point == pytest.approx((150.0, 100.0))  # the centre of the map (local px)
    assert shapes[1].icon == pytest.approx((140.0, 70.0, 20.0, 30.0))  # anchored at its bottom middle
    assert shapes[7].point == pytest.approx((150.0 + DX, 100.0), abs=1e-6)
    assert shapes[9].point == pytest.approx((150.0, 100.0 + DY), abs=1e-6)
    assert 58 < DY < 62 and 46 < DX < 47  # the projection stretches latitudes at 39.9°N
    assert shapes[9].icon == pytest.approx((142.0, 100.0 + DY - 8, 16.0, 16.0), abs=1e-6)
    assert box.width == 300.0 and box.height == 200.0


def _pixel(page, x, y):
    from renderer.qt.page_widget import render_page_image

    c = render_page_image(page.view, 375, 400).pixelColor(int(x), int(y))
    return c.red(), c.green(), c.blue()


def test_map_paints_placeholder_markers_and_overlays(page):
    cx, cy = _centre(page)
    assert _pixel(page, cx, cy - 8) == (250, 81, 81)  # the default pin of marker 1, above its point
    assert _pixel(page, cx + DX / 2, cy + DY / 2) == (0, 0, 255)  # the blue polyline towards the south-east
    r, g, b = _pixel(page, 20, 60)
    assert abs(r - g) < 20 and r > 200 and b > 200  # the plain light placeholder, no tiles
    assert _pixel(page, cx + DX, cy - 30 - 8 - 5) == (255, 255, 255)  # marker 7's callout bubble


def test_marker_callout_label_and_map_taps(page):
    cx, cy = _centre(page)
    page.view.tap(cx, cy - 15)  # on marker 1's icon
    page.view.tap(cx + DX, cy - 30 - 8 - 5)  # on marker 7's callout
    page.view.tap(cx + 12, cy + DY - 8 + 6)  # on marker 9's label
    page.view.tap(cx - 100, cy + 50)  # on the map itself
    page.mp.wait_idle()
    log = page.data("log")
    assert log[:3] == [["markertap", {"markerId": 1}], ["callouttap", {"markerId": 7}], ["labeltap", {"markerId": 9}]]
    kind, detail = log[3]
    assert kind == "tap" and set(detail) == {"latitude", "longitude"}
    assert detail["longitude"] == pytest.approx(LNG - 100 / WORLD_AT_16 * 360, abs=1e-9)
    assert detail["latitude"] < LAT


def test_dragging_moves_the_map_with_regionchange(page):
    page.query("#m").swipe("left", fraction=0.5)  # the finger moves 150 px left: the map follows it
    assert page.data("regions") == [["begin", "gesture", None], ["end", "drag", 16]]
    page.call_method("ask", "getCenterLocation")
    answer = page.data("answers.getCenterLocation")
    assert answer["errMsg"] == "getMapCenterLocation:ok"
    assert answer["longitude"] == pytest.approx(LNG + 150 / WORLD_AT_16 * 360, abs=1e-9)
    assert answer["latitude"] == pytest.approx(LAT, abs=1e-9)
    assert page.data("log") == []  # a drag is no tap


def test_map_context_answers(page):
    page.call_method("ask", "getScale")
    page.call_method("ask", "getRegion")
    answers = page.data("answers")
    assert answers["getScale"] == {"scale": 16, "errMsg": "getMapScale:ok"}
    region = answers["getRegion"]
    assert region["errMsg"] == "getMapRegion:ok"
    assert region["southwest"]["longitude"] == pytest.approx(LNG - 150 / WORLD_AT_16 * 360, abs=1e-9)
    assert region["northeast"]["longitude"] == pytest.approx(LNG + 150 / WORLD_AT_16 * 360, abs=1e-9)
    assert region["southwest"]["latitude"] < LAT < region["northeast"]["latitude"]
    page.call_method("ask", "moveToLocation", {"latitude": 31.23, "longitude": 121.47})
    page.call_method("ask", "getCenterLocation")
    assert page.data("answers.getCenterLocation")["latitude"] == pytest.approx(31.23)
    assert page.data("regions") == [["begin", "update", None], ["end", "update", 16]]
    page.call_method("ask", "includePoints", {"points": [{"latitude": 30, "longitude": 120},
                                                         {"latitude": 31, "longitude": 122}], "padding": [10]})
    page.call_method("ask", "getScale")
    scale = page.data("answers.getScale")["scale"]
    assert 7 < scale < 9  # 2° of longitude in 280 px: 2^s = 280 / (2/360 · 256)
    assert scale == pytest.approx(math.log2(280 / (2 / 360 * 256)), abs=1e-6)
    page.call_method("ask", "getCenterLocation")
    assert page.data("answers.getCenterLocation")["longitude"] == pytest.approx(121.0)


def test_map_context_fails_for_an_unknown_map(page):
    page.mp.evaluate("""() => wx.createMapContext('nope').getScale({
        fail: (r) => getCurrentPages()[0].setData({missing: r.errMsg})})""")
    page.mp.wait_idle()
    assert page.data("missing") == 'getMapScale:fail <map id="nope"> not found'


def test_attribute_changes_move_the_camera_and_show_location(page):
    page.set_data({"lat": 30.0, "lng": 120.0, "scale": 12})
    assert page.data("regions") == [["begin", "update", None], ["end", "update", 12]]
    page.set_data({"loc": True})
    state = map_view.state_of(page.query("#m").node)
    assert state.user is not None  # the simulated phone's position, in GCJ-02


def test_translate_marker_moves_on_the_clock(tmp_path):
    sim = Simulator(_project(tmp_path), storage_dir=tmp_path / "st", clock=VirtualClock())
    sim.start()
    mp = MiniProgram(sim)
    mp.wait_idle()
    page = mp.current_page()
    node = page.query("#m").node
    sim.logic.call_method(page.view.page_id, "glide", [])
    sim.pump()
    sim.advance_clock(500)
    shape = next(s for s in map_view.shapes(node) if s.marker_id == 1)
    assert shape.point[0] == pytest.approx(150 + DX / 2, abs=1.5) and shape.rotate == pytest.approx(45, abs=2)
    assert page.data("translated") == "translateMapMarker:ok" and page.data("arrived") is None
    sim.advance_clock(600)
    shape = next(s for s in map_view.shapes(node) if s.marker_id == 1)
    assert shape.point[0] == pytest.approx(150 + DX, abs=1e-6) and shape.rotate == 90
    assert page.data("arrived") is True
    mp.close()
