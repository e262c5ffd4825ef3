"""Executes a canvas display list (renderer/view/canvas.py) with QPainter.

Follows the CanvasContext / CanvasRenderingContext2D drawing model: a current path built by
beginPath/moveTo/lineTo/arc/rect and filled or stroked; fill/stroke styles (colours and
gradients), line width, font, text alignment and baseline, global alpha and the transform
are state saved and restored together. Legacy setters and 2D property setters record the
same actions. `render_image` draws a canvas offscreen for wx.canvasToTempFilePath.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter,
                           QPainterPath, QPen, QRadialGradient)

from renderer.qt.images import ImageStore
from renderer.qt.text import qfont_for
from renderer.view.canvas import CanvasState, font_spec

_RGB = re.compile(r"rgba?\(([^)]*)\)", re.IGNORECASE)
_CAPS = {"round": Qt.PenCapStyle.RoundCap, "square": Qt.PenCapStyle.SquareCap, "butt": Qt.PenCapStyle.FlatCap}
_JOINS = {"round": Qt.PenJoinStyle.RoundJoin, "bevel": Qt.PenJoinStyle.BevelJoin, "miter": Qt.PenJoinStyle.MiterJoin}


def css_color(value: Any) -> QColor:
    """'#f00', 'red', 'rgb(1,2,3)', 'rgba(1,2,3,.5)' → QColor (black when unreadable)."""
    text = str(value or "").strip()
    m = _RGB.fullmatch(text)
    if m:
        parts = [p.strip() for p in m.group(1).replace("/", ",").split(",") if p.strip()]
        try:
            r, g, b = (int(round(float(p.rstrip("%")) * (2.55 if p.endswith("%") else 1))) for p in parts[:3])
            a = float(parts[3].rstrip("%")) / (100 if parts[3].endswith("%") else 1) if len(parts) > 3 else 1.0
            return QColor(max(0, min(r, 255)), max(0, min(g, 255)), max(0, min(b, 255)), int(max(0.0, min(a, 1.0)) * 255))
        except (ValueError, IndexError):
            return QColor(0, 0, 0)
    color = QColor(text)
    return color if color.isValid() else QColor(0, 0, 0)


def _brush(value: Any) -> QBrush:
    if isinstance(value, dict) and isinstance(value.get("gradient"), dict):
        g = value["gradient"]
        c = [float(v) for v in g.get("coords") or []]
        grad = QLinearGradient(*c[:4]) if g.get("kind") == "linear" and len(c) >= 4 else \
            QRadialGradient(QPointF(*c[:2]), c[2]) if len(c) >= 3 else QLinearGradient()
        for offset, color in g.get("stops") or []:
            grad.setColorAt(max(0.0, min(float(offset), 1.0)), css_color(color))
        return QBrush(grad)
    return QBrush(css_color(value))


class _State:
    def __init__(self) -> None:
        self.fill = QBrush(QColor(0, 0, 0))
        self.stroke = QBrush(QColor(0, 0, 0))
        self.line_width = 1.0
        self.cap = Qt.PenCapStyle.FlatCap
        self.join = Qt.PenJoinStyle.MiterJoin
        self.dash: list[float] = []
        self.font = "10px sans-serif"
        self.align = "left"
        self.baseline = "alphabetic"
        self.alpha = 1.0

    def copy(self) -> _State:
        other = _State()
        other.__dict__.update(self.__dict__)
        other.dash = list(self.dash)
        return other


def _n(args: list, i: int, default: float = 0.0) -> float:
    try:
        v = args[i]
        return float(v) if not isinstance(v, bool) else default
    except (IndexError, TypeError, ValueError):
        return default


class Executor:
    """Runs actions on a painter whose coordinates are the canvas's own."""

    def __init__(self, p: QPainter, size: tuple[float, float], images: ImageStore | None) -> None:
        self.p, self.size, self.images = p, size, images
        self.state = _State()
        self.stack: list[_State] = []
        self.path = QPainterPath()

    def run(self, actions: list) -> None:
        for action in actions:
            handler = getattr(self, "do_" + str(action[0]), None)
            if handler is not None:
                try:
                    handler(list(action[1:]))
                except (TypeError, ValueError, IndexError):
                    continue  # a malformed call draws nothing, like a canvas ignoring bad arguments

    def _pen(self) -> QPen:
        pen = QPen(self.state.stroke, self.state.line_width, Qt.PenStyle.SolidLine, self.state.cap, self.state.join)
        if self.state.dash and self.state.line_width > 0:
            pen.setDashPattern([max(d / self.state.line_width, 0.01) for d in self.state.dash])
        return pen

    # state
    def do_setFillStyle(self, a: list) -> None: self.state.fill = _brush(a[0])
    def do_setStrokeStyle(self, a: list) -> None: self.state.stroke = _brush(a[0])
    def do_setLineWidth(self, a: list) -> None: self.state.line_width = _n(a, 0, 1.0)
    def do_setLineCap(self, a: list) -> None: self.state.cap = _CAPS.get(str(a[0]), self.state.cap)
    def do_setLineJoin(self, a: list) -> None: self.state.join = _JOINS.get(str(a[0]), self.state.join)
    def do_setLineDash(self, a: list) -> None: self.state.dash = [float(v) for v in (a[0] or [])]
    def do_setFontSize(self, a: list) -> None: self.state.font = f"{_n(a, 0, 10.0)}px sans-serif"
    def do_font(self, a: list) -> None: self.state.font = str(a[0])
    def do_setTextAlign(self, a: list) -> None: self.state.align = str(a[0])
    def do_setTextBaseline(self, a: list) -> None: self.state.baseline = str(a[0])
    def do_setGlobalAlpha(self, a: list) -> None: self.state.alpha = max(0.0, min(_n(a, 0, 1.0), 1.0))

    def do_save(self, a: list) -> None:
        self.stack.append(self.state.copy())
        self.p.save()

    def do_restore(self, a: list) -> None:
        if self.stack:
            self.state = self.stack.pop()
            self.p.restore()

    def do_translate(self, a: list) -> None: self.p.translate(_n(a, 0), _n(a, 1))
    def do_rotate(self, a: list) -> None: self.p.rotate(math.degrees(_n(a, 0)))
    def do_scale(self, a: list) -> None: self.p.scale(_n(a, 0, 1.0), _n(a, 1, 1.0))

    # rectangles
    def do_fillRect(self, a: list) -> None:
        self.p.setOpacity(self.state.alpha)
        self.p.fillRect(QRectF(_n(a, 0), _n(a, 1), _n(a, 2), _n(a, 3)), self.state.fill)

    def do_strokeRect(self, a: list) -> None:
        self.p.setOpacity(self.state.alpha)
        self.p.strokePath(_rect_path(a), self._pen())

    def do_clearRect(self, a: list) -> None:
        self.p.save()
        self.p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
        self.p.fillRect(QRectF(_n(a, 0), _n(a, 1), _n(a, 2), _n(a, 3)), Qt.GlobalColor.transparent)
        self.p.restore()

    # paths
    def do_beginPath(self, a: list) -> None: self.path = QPainterPath()
    def do_moveTo(self, a: list) -> None: self.path.moveTo(_n(a, 0), _n(a, 1))
    def do_closePath(self, a: list) -> None: self.path.closeSubpath()
    def do_rect(self, a: list) -> None: self.path.addPath(_rect_path(a))

    def do_lineTo(self, a: list) -> None:
        if self.path.elementCount() == 0:
            self.path.moveTo(_n(a, 0), _n(a, 1))
        else:
            self.path.lineTo(_n(a, 0), _n(a, 1))

    def do_quadraticCurveTo(self, a: list) -> None:
        self.path.quadTo(_n(a, 0), _n(a, 1), _n(a, 2), _n(a, 3))

    def do_bezierCurveTo(self, a: list) -> None:
        self.path.cubicTo(_n(a, 0), _n(a, 1), _n(a, 2), _n(a, 3), _n(a, 4), _n(a, 5))

    def do_arc(self, a: list) -> None:
        x, y, r, start, end = _n(a, 0), _n(a, 1), _n(a, 2), _n(a, 3), _n(a, 4)
        ccw = bool(a[5]) if len(a) > 5 else False
        sweep = end - start
        if not ccw and sweep < 0:
            sweep = sweep % (2 * math.pi) if sweep > -2 * math.pi else 2 * math.pi
        elif ccw and sweep > 0:
            sweep = -(-sweep % (2 * math.pi)) if sweep < 2 * math.pi else -2 * math.pi
        sweep = max(-2 * math.pi, min(sweep, 2 * math.pi))
        box = QRectF(x - r, y - r, 2 * r, 2 * r)
        start_point = QPointF(x + r * math.cos(start), y + r * math.sin(start))
        if self.path.elementCount() == 0:
            self.path.moveTo(start_point)
        else:
            self.path.lineTo(start_point)
        # Qt angles are counter-clockwise in degrees; canvas angles are clockwise on screen (y down).
        self.path.arcTo(box, -math.degrees(start), -math.degrees(sweep))

    def do_fill(self, a: list) -> None:
        self.p.setOpacity(self.state.alpha)
        self.p.fillPath(self.path, self.state.fill)

    def do_stroke(self, a: list) -> None:
        self.p.setOpacity(self.state.alpha)
        self.p.strokePath(self.path, self._pen())

    def do_clip(self, a: list) -> None:
        self.p.setClipPath(self.path, Qt.ClipOperation.IntersectClip)

    # text and images
    def _text(self, a: list, fill: bool) -> None:
        text = str(a[0]) if a else ""
        font = QFont(qfont_for(font_spec(self.state.font)))
        fm = QFontMetricsF(font)
        x, y = _n(a, 1), _n(a, 2)
        width = fm.horizontalAdvance(text)
        if self.state.align in ("center",):
            x -= width / 2
        elif self.state.align in ("right", "end"):
            x -= width
        base = self.state.baseline
        if base == "top" or base == "hanging":
            y += fm.ascent()
        elif base == "middle":
            y += (fm.ascent() - fm.descent()) / 2
        elif base in ("bottom", "ideographic"):
            y -= fm.descent()
        path = QPainterPath()
        path.addText(QPointF(x, y), font, text)
        self.p.setOpacity(self.state.alpha)
        if fill:
            self.p.fillPath(path, self.state.fill)
        else:
            self.p.strokePath(path, self._pen())

    def do_fillText(self, a: list) -> None: self._text(a, True)
    def do_strokeText(self, a: list) -> None: self._text(a, False)

    def do_drawImage(self, a: list) -> None:
        img = self.images.get(a[0]) if self.images is not None and a else None
        if img is None:
            return
        rest = [_n(a, i) for i in range(1, len(a))]
        if len(rest) >= 8:
            source, target = QRectF(*rest[:4]), QRectF(*rest[4:8])
        else:
            w = rest[2] if len(rest) >= 4 else float(img.width())
            h = rest[3] if len(rest) >= 4 else float(img.height())
            source, target = QRectF(0, 0, img.width(), img.height()), QRectF(rest[0] if rest else 0,
                                                                            rest[1] if len(rest) > 1 else 0, w, h)
        self.p.setOpacity(self.state.alpha)
        self.p.drawImage(target, img, source)


def _rect_path(a: list) -> QPainterPath:
    path = QPainterPath()
    path.addRect(QRectF(_n(a, 0), _n(a, 1), _n(a, 2), _n(a, 3)))
    return path


def _draw(p: QPainter, state: CanvasState, box_size: tuple[float, float], images: ImageStore | None) -> None:
    """Draw onto a painter whose origin is the canvas's top-left in CSS px."""
    if state.size and state.size[0] > 0 and state.size[1] > 0:
        p.scale(box_size[0] / state.size[0], box_size[1] / state.size[1])
        size = state.size
    else:
        size = box_size
    Executor(p, size, images).run(state.actions)


def paint_canvas(p: QPainter, state: CanvasState | None, rect: QRectF, images: ImageStore | None) -> None:
    """Paint a canvas node's display list into its box (clipped to it).

    The list is drawn into a transparent layer first, so clearRect erases only the canvas's own
    drawing and never the page behind it.
    """
    if state is None or not state.actions or rect.width() <= 0 or rect.height() <= 0:
        return
    scale = max(p.device().devicePixelRatioF() if p.device() is not None else 1.0, 1.0)
    xf = p.worldTransform()
    scale *= max(math.hypot(xf.m11(), xf.m12()), 0.01)
    layer = QImage(max(1, int(math.ceil(rect.width() * scale))), max(1, int(math.ceil(rect.height() * scale))),
                   QImage.Format.Format_ARGB32_Premultiplied)
    layer.fill(Qt.GlobalColor.transparent)
    lp = QPainter(layer)
    lp.setRenderHint(QPainter.RenderHint.Antialiasing)
    lp.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    lp.scale(scale, scale)
    _draw(lp, state, (rect.width(), rect.height()), images)
    lp.end()
    p.drawImage(rect, layer)


def render_image(state: CanvasState, box_size: tuple[float, float], area: tuple[float, float, float, float],
                 dest: tuple[int, int], *, project_root: Path, route: str,
                 local_files: Callable[[str], Path | None] | None = None, jpeg: bool = False,
                 quality: float = 1.0) -> bytes:
    """The canvas area (x, y, width, height in CSS px) drawn at dest pixels, as PNG or JPEG bytes."""
    from renderer.qt.app import ensure_app

    ensure_app()
    images = ImageStore(project_root, route.rsplit("/", 1)[0] if "/" in route else "", local_files=local_files)
    image = QImage(dest[0], dest[1], QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white if jpeg else Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    x, y, w, h = area
    if w > 0 and h > 0:
        p.scale(dest[0] / w, dest[1] / h)
        p.translate(-x, -y)
        _draw(p, state, box_size, images)
    p.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "JPG" if jpeg else "PNG", int(max(0.0, min(quality, 1.0)) * 100) if jpeg else -1)
    buf.close()
    return bytes(data.data())
