"""How the simulated `<map>` looks (its state and geometry: renderer/view/map_view.py, map_layout.py).

There are no tiles: a plain light background with a grid that moves with the map (one line
every 64 world px), then what the page put on it, in WeChat's order: polygons, circles,
polylines, the phone's position (`show-location`), markers by `zIndex`, labels, callouts.
A small "simulated map" caption sits where a real map shows its provider's logo, so a
screenshot never passes for a real map. Everything is clipped to the element's box.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from renderer.layout.text import FontSpec
from renderer.qt.text import qfont_for
from renderer.view import map_geo, map_layout, map_view

BACKGROUND = QColor(243, 241, 236)
GRID = QColor(226, 223, 215)
GRID_STEP = 64.0  # world px between grid lines
PIN = QColor(250, 81, 81)
LOCATION = QColor(26, 115, 232)
CAPTION = QColor(150, 150, 150)


def paint_map(p: QPainter, node: Any, rect: QRectF, images: Any) -> None:
    """Draw the map into its border box `rect`."""
    p.save()
    p.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.fillRect(rect, BACKGROUND)
    if map_view.state_of(node) is not None and rect.width() > 0 and rect.height() > 0:
        center, scale = map_view.camera(node)
        _grid(p, rect, center, scale)
        at = _projector(rect, center, scale)
        attrs = getattr(node, "attrs", {}) or {}
        for polygon in _list(attrs.get("polygons")):
            _polygon(p, polygon, at)
        for circle in _list(attrs.get("circles")):
            _circle(p, circle, at, scale)
        for line in _list(attrs.get("polyline")):
            _polyline(p, line, at)
        user = map_view.state_of(node).user
        if user is not None:
            _location(p, at(*user))
        shapes = map_view.shapes(node)
        origin = QPointF(rect.x(), rect.y())
        for shape in shapes:
            _marker(p, shape, origin, images)
        for shape in shapes:
            if shape.label is not None:
                _text_box(p, shape.label, origin)
        for shape in shapes:
            if shape.callout is not None:
                _text_box(p, shape.callout, origin)
    _caption(p, rect)
    p.restore()


def _projector(rect: QRectF, center: map_geo.Point, scale: float) -> Any:
    def at(lat: float, lng: float) -> QPointF:
        x, y = map_geo.to_local(lat, lng, center, scale, rect.width(), rect.height())
        return QPointF(rect.x() + x, rect.y() + y)

    return at


def _list(value: Any) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _qcolor(value: Any, default: map_layout.Rgba) -> QColor:
    r, g, b, a = map_layout.color(value, default)
    return QColor(r, g, b, round(a * 255))


def _grid(p: QPainter, rect: QRectF, center: map_geo.Point, scale: float) -> None:
    cx, cy = map_geo.project(center[0], center[1], scale)
    left, top = cx - rect.width() / 2, cy - rect.height() / 2
    p.setPen(QPen(GRID, 1.0))
    x = GRID_STEP - (left % GRID_STEP)
    while x < rect.width():
        p.drawLine(QPointF(rect.x() + x, rect.y()), QPointF(rect.x() + x, rect.bottom()))
        x += GRID_STEP
    y = GRID_STEP - (top % GRID_STEP)
    while y < rect.height():
        p.drawLine(QPointF(rect.x(), rect.y() + y), QPointF(rect.right(), rect.y() + y))
        y += GRID_STEP


def _points(spec: dict, at: Any) -> QPolygonF:
    poly = QPolygonF()
    for point in _list(spec.get("points")):
        lat, lng = map_layout.coordinate(point.get("latitude")), map_layout.coordinate(point.get("longitude"))
        if lat is not None and lng is not None:
            poly.append(at(lat, lng))
    return poly


def _polygon(p: QPainter, spec: dict, at: Any) -> None:
    poly = _points(spec, at)
    if poly.size() < 3:
        return
    width = map_layout.number(spec.get("strokeWidth"), 0.0)
    p.setPen(QPen(_qcolor(spec.get("strokeColor"), (0, 0, 0, 1.0)), width) if width > 0 else Qt.PenStyle.NoPen)
    p.setBrush(QBrush(_qcolor(spec.get("fillColor"), (0, 0, 0, 0.0))))
    p.drawPolygon(poly)


def _circle(p: QPainter, spec: dict, at: Any, scale: float) -> None:
    lat, lng = map_layout.coordinate(spec.get("latitude")), map_layout.coordinate(spec.get("longitude"))
    if lat is None or lng is None:
        return
    radius = map_layout.number(spec.get("radius"), 0.0) / map_geo.meters_per_px(lat, scale)
    width = map_layout.number(spec.get("strokeWidth"), 0.0)
    p.setPen(QPen(_qcolor(spec.get("color"), (0, 0, 0, 1.0)), width) if width > 0 else Qt.PenStyle.NoPen)
    p.setBrush(QBrush(_qcolor(spec.get("fillColor"), (0, 0, 0, 0.0))))
    p.drawEllipse(at(lat, lng), radius, radius)


def _polyline(p: QPainter, spec: dict, at: Any) -> None:
    poly = _points(spec, at)
    if poly.size() < 2:
        return
    width = map_layout.number(spec.get("width"), 1.0)
    border = map_layout.number(spec.get("borderWidth"), 0.0)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if border > 0:
        p.setPen(_line_pen(_qcolor(spec.get("borderColor"), (0, 0, 0, 1.0)), width + 2 * border, False))
        p.drawPolyline(poly)
    p.setPen(_line_pen(_qcolor(spec.get("color"), (0, 0, 0, 1.0)), width, bool(spec.get("dottedLine"))))
    p.drawPolyline(poly)


def _line_pen(color: QColor, width: float, dotted: bool) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dotted:
        pen.setStyle(Qt.PenStyle.DotLine)
    return pen


def _location(p: QPainter, at: QPointF) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(26, 115, 232, 50))
    p.drawEllipse(at, 14.0, 14.0)
    p.setPen(QPen(QColor(255, 255, 255), 2.0))
    p.setBrush(LOCATION)
    p.drawEllipse(at, 6.0, 6.0)


def _marker(p: QPainter, shape: map_layout.MarkerShape, origin: QPointF, images: Any) -> None:
    ix, iy, iw, ih = shape.icon
    rect = QRectF(origin.x() + ix, origin.y() + iy, iw, ih)
    p.save()
    p.setOpacity(p.opacity() * shape.alpha)
    if shape.rotate:
        pivot = QPointF(origin.x() + shape.point[0], origin.y() + shape.point[1])
        p.translate(pivot)
        p.rotate(shape.rotate)
        p.translate(-pivot)
    img = images.get(shape.src) if shape.src and images is not None else None
    if img is not None:
        p.drawImage(rect, img)
    else:
        _pin(p, rect)
    p.restore()


def _pin(p: QPainter, rect: QRectF) -> None:
    """The default marker: a round head over a point at the bottom middle."""
    r = rect.width() / 2
    head = QPointF(rect.center().x(), rect.y() + r)
    path = QPainterPath()
    path.addEllipse(head, r, r)
    tip = QPainterPath(QPointF(rect.center().x(), rect.bottom()))
    tip.lineTo(QPointF(head.x() - r * 0.8, head.y() + r * 0.6))
    tip.lineTo(QPointF(head.x() + r * 0.8, head.y() + r * 0.6))
    tip.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.fillPath(path.united(tip), PIN)
    p.setBrush(QColor(255, 255, 255))
    p.drawEllipse(head, r * 0.38, r * 0.38)


def _text_box(p: QPainter, box: map_layout.TextBox, origin: QPointF) -> None:
    x, y, w, h = box.rect
    rect = QRectF(origin.x() + x, origin.y() + y, w, h)
    path = QPainterPath()
    path.addRoundedRect(rect, box.radius, box.radius)
    if box.tail:
        tail = QPainterPath(QPointF(rect.center().x() - map_layout.TAIL * 0.75, rect.bottom() - 0.5))
        tail.lineTo(QPointF(rect.center().x() + map_layout.TAIL * 0.75, rect.bottom() - 0.5))
        tail.lineTo(QPointF(rect.center().x(), rect.bottom() + map_layout.TAIL))
        tail.closeSubpath()
        path = path.united(tail)
    p.save()
    r, g, b, a = box.background
    p.fillPath(path, QColor(r, g, b, round(a * 255)))
    if box.border_width > 0:
        r, g, b, a = box.border_color
        p.setPen(QPen(QColor(r, g, b, round(a * 255)), box.border_width))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
    font = qfont_for(FontSpec(size=box.font_size, line_height=box.font_size * map_layout.LINE_FACTOR))
    metrics = QFontMetricsF(font)
    r, g, b, a = box.color
    p.setFont(font)
    p.setPen(QColor(r, g, b, round(a * 255)))
    inner = rect.adjusted(box.padding + box.border_width, box.padding + box.border_width,
                          -(box.padding + box.border_width), -(box.padding + box.border_width))
    line_h = box.font_size * map_layout.LINE_FACTOR
    for i, line in enumerate(box.lines):
        width = metrics.horizontalAdvance(line)
        left = (inner.x() + (inner.width() - width) / 2 if box.align == "center"
                else inner.right() - width if box.align == "right" else inner.x())
        base = inner.y() + i * line_h + (line_h - (metrics.ascent() + metrics.descent())) / 2 + metrics.ascent()
        p.drawText(QPointF(left, base), line)
    p.restore()


def _caption(p: QPainter, rect: QRectF) -> None:
    font = qfont_for(FontSpec(size=10.0, line_height=14.0))
    p.setFont(font)
    p.setPen(CAPTION)
    p.drawText(QPointF(rect.x() + 6, rect.bottom() - 6), "simulated map")
