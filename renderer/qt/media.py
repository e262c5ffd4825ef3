"""How a simulated `<video>` and a `<audio controls>` look (their state: renderer/view/media_element.py).

Nothing is decoded, so a video is a black box showing its `poster` (fitted by `object-fit`,
as WeChat shows it only with `controls`) until it first plays, then the name of its source
marked as simulated; over it the centre play button while paused and the controls bar. The
parts sit where renderer/view/media_layout.py says, the same rects taps are tested against.
"""

from __future__ import annotations

import posixpath
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from renderer.qt.fonts import ui_font
from renderer.qt.images import image_rects
from renderer.view import media_element, media_layout

FIT_MODES = {"contain": "aspectFit", "cover": "aspectFill", "fill": "scaleToFill"}
WHITE = QColor(255, 255, 255)
DIM = QColor(255, 255, 255, 150)


def paint_media(p: QPainter, node: Any, style: Any, rect: QRectF, images: Any) -> None:
    """Draw a video, or the card of an audio with controls, into its border box `rect`."""
    if getattr(node, "tag", "") == "video":
        _paint_video(p, node, rect, images)
    elif media_layout.flag(node, "controls", False):
        _paint_audio(p, node, rect, images)


def _paint_video(p: QPainter, node: Any, box: QRectF, images: Any) -> None:
    player = media_element.player_of(node)
    p.save()
    p.setClipRect(box, Qt.ClipOperation.IntersectClip)
    p.fillRect(box, QColor(0, 0, 0))
    played = player is not None and player.played
    poster = media_layout.flag(node, "controls", True) and _attr(node, "poster")
    if not played and poster and images is not None:
        img = images.get(poster)
        if img is not None:
            mode = FIT_MODES.get(str(_attr(node, "object-fit") or "contain"), "aspectFit")
            target, source = image_rects(mode, box, img.width(), img.height())
            p.drawImage(target, img, source)
    if player is not None and player.failed:
        _text(p, QRectF(box.x(), box.y(), box.width(), box.height()), "无法播放 (simulated)", 13, DIM,
              Qt.AlignmentFlag.AlignCenter)
    elif played:
        name = posixpath.basename(str(_attr(node, "src") or "")) or "video"
        _text(p, QRectF(box.x() + 8, box.y() + 6, box.width() - 16, 18), f"{name} · simulated", 11, DIM,
              Qt.AlignmentFlag.AlignLeft)
    parts = media_layout.video_parts(node, box.width(), box.height())
    if media_element.center_button_shown(node):
        _center_button(p, _rect(box, parts["center"]))
    if media_element.controls_shown(node) and "bar" in parts:
        _controls(p, node, player, box, parts)
    p.restore()


def _center_button(p: QPainter, r: QRectF) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(WHITE, 2))
    p.setBrush(QColor(0, 0, 0, 110))
    p.drawEllipse(r.adjusted(1, 1, -1, -1))
    s = r.width() / 56.0
    c = r.center()
    _triangle(p, QPointF(c.x() - 7 * s, c.y() - 11 * s), QPointF(c.x() - 7 * s, c.y() + 11 * s),
              QPointF(c.x() + 13 * s, c.y()))


def _triangle(p: QPainter, a: QPointF, b: QPointF, c: QPointF) -> None:
    path = QPainterPath(a)
    path.lineTo(b)
    path.lineTo(c)
    path.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.fillPath(path, WHITE)


def _controls(p: QPainter, node: Any, player: Any, box: QRectF, parts: dict) -> None:
    p.fillRect(_rect(box, parts["bar"]), QColor(0, 0, 0, 128))
    playing = player is not None and player.playing
    if "play" in parts:
        _play_icon(p, _rect(box, parts["play"]).center(), playing)
    position = player.current_time() if player is not None else 0.0
    duration = player.duration if player is not None else 0.0
    if duration <= 0:
        duration = _number(_attr(node, "duration"))
    _text(p, _rect(box, parts["current"]), media_layout.clock_text(position), 12, WHITE, Qt.AlignmentFlag.AlignCenter)
    _text(p, _rect(box, parts["duration"]), media_layout.clock_text(duration), 12, WHITE, Qt.AlignmentFlag.AlignCenter)
    if "progress" in parts:
        track = _rect(box, parts["progress"])
        p.fillRect(track, QColor(255, 255, 255, 90))
        frac = max(0.0, min(1.0, position / duration)) if duration > 0 else 0.0
        p.fillRect(QRectF(track.x(), track.y(), track.width() * frac, track.height()), WHITE)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(WHITE)
        p.drawEllipse(QPointF(track.x() + track.width() * frac, track.center().y()), 5, 5)
    if "fullscreen" in parts:
        _full_screen_icon(p, _rect(box, parts["fullscreen"]).center())


def _play_icon(p: QPainter, c: QPointF, playing: bool) -> None:
    if playing:
        p.fillRect(QRectF(c.x() - 6, c.y() - 7, 4, 14), WHITE)
        p.fillRect(QRectF(c.x() + 2, c.y() - 7, 4, 14), WHITE)
    else:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        _triangle(p, QPointF(c.x() - 5, c.y() - 8), QPointF(c.x() - 5, c.y() + 8), QPointF(c.x() + 8, c.y()))


def _full_screen_icon(p: QPainter, c: QPointF) -> None:
    p.setPen(QPen(WHITE, 2))
    for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
        corner = QPointF(c.x() + 8 * sx, c.y() + 7 * sy)
        p.drawLine(corner, QPointF(corner.x() - 5 * sx, corner.y()))
        p.drawLine(corner, QPointF(corner.x(), corner.y() - 5 * sy))


def _paint_audio(p: QPainter, node: Any, rect: QRectF, images: Any) -> None:
    """WeChat's audio card: poster square with the play button, name, author, current time."""
    player = media_element.player_of(node)
    parts = media_layout.audio_parts(rect.width(), rect.height())
    p.save()
    p.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    poster = _rect(rect, parts["poster"])
    p.fillRect(poster, QColor(230, 230, 230))
    img = images.get(_attr(node, "poster")) if images is not None and _attr(node, "poster") else None
    if img is not None:
        target, source = image_rects("aspectFill", poster, img.width(), img.height())
        p.drawImage(target, img, source)
    button = _rect(rect, parts["play"])
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(WHITE, 1.5))
    p.setBrush(QColor(0, 0, 0, 70))
    p.drawEllipse(button)
    _play_icon(p, button.center(), player is not None and player.playing)
    _text(p, _rect(rect, parts["name"]), str(_attr(node, "name") or "未知音频"), 14, QColor(53, 53, 53),
          Qt.AlignmentFlag.AlignLeft)
    _text(p, _rect(rect, parts["author"]), str(_attr(node, "author") or "未知作者"), 12, QColor(136, 136, 136),
          Qt.AlignmentFlag.AlignLeft)
    position = player.current_time() if player is not None else 0.0
    _text(p, _rect(rect, parts["time"]), media_layout.clock_text(position), 12, QColor(136, 136, 136),
          Qt.AlignmentFlag.AlignRight)
    p.restore()


def _text(p: QPainter, r: QRectF, text: str, size: float, color: QColor, align: Qt.AlignmentFlag) -> None:
    p.setFont(ui_font(size))
    p.setPen(color)
    p.drawText(r, int(align | Qt.AlignmentFlag.AlignVCenter), text)


def _rect(box: QRectF, r: tuple[float, float, float, float]) -> QRectF:
    return QRectF(box.x() + r[0], box.y() + r[1], r[2], r[3])


def _attr(node: Any, name: str) -> Any:
    return (getattr(node, "attrs", None) or {}).get(name)


def _number(value: Any) -> float:
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return 0.0
