"""The built-in components' own looks: button, switch, checkbox, radio, input, textarea, progress, slider.

Layout gives each element its box and CSS paints its background and border; this module
draws what CSS cannot express — a switch's track and knob, a checkbox's tick, a button's
WeChat skin when no stylesheet gave it one, an input's value or placeholder. Colours are
WeChat's (WeUI): brand green #07C160, warn red #FA5151, hairline rgba(0,0,0,.2).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QTextOption

from renderer.qt.icons import draw_spinner
from renderer.qt.style import hex_color, px, qcolor, sget, text_font

BRAND = "#07C160"
WARN = "#FA5151"
PLACEHOLDER = QColor(128, 128, 128)  # WeChat's default placeholder colour (CSS `gray`)


def attr(node: Any, name: str, default: Any = None) -> Any:
    attrs = getattr(node, "attrs", None) or {}
    return attrs.get(name, default)


def state(node: Any, name: str, default: Any = None) -> Any:
    """View-only state (typed value, checked) set by the page view, else the attribute."""
    st = getattr(node, "state", None) or {}
    if name in st:
        return st[name]
    return attr(node, name, default)


def truthy(value: Any) -> bool:
    """WXML boolean attributes: present/true is on; `false`, "false", "" and None are off."""
    if isinstance(value, str):
        return value.strip().lower() not in ("", "false", "0")
    return bool(value)


def attr_color(node: Any, name: str, default: str) -> QColor:
    value = attr(node, name)
    c = QColor(str(value)) if isinstance(value, str) and value.strip() else QColor()
    return c if c.isValid() else QColor(default)


def has_background(style: Any) -> bool:
    c = qcolor(sget(style, "background-color"))
    return c is not None and c.alpha() > 0


# ---------------------------------------------------------------- button
def button_skin(node: Any, style: Any) -> tuple[QColor | None, QColor | None, QColor | None]:
    """(fill, border, text colour) of WeChat's button when the stylesheet set no background.

    Returns (None, None, None) when the author styled the background: then CSS rules.
    """
    if has_background(style):
        return None, None, None
    kind = str(attr(node, "type", "default") or "default")
    disabled = truthy(attr(node, "disabled", False))
    plain = truthy(attr(node, "plain", False))
    if plain:
        tone = {"primary": BRAND, "warn": WARN}.get(kind, "#353535")
        text = hex_color(tone, 0.6 if disabled else 1.0)
        border = hex_color(tone, 0.2 if disabled else 1.0)
        return QColor(0, 0, 0, 0), border, text
    if kind == "primary":
        fill = hex_color(BRAND, 0.6 if disabled else 1.0)
        return fill, hex_color("#000000", 0.2), hex_color("#FFFFFF", 0.6 if disabled else 1.0)
    if kind == "warn":
        fill = hex_color(WARN, 0.6 if disabled else 1.0)
        return fill, hex_color("#000000", 0.2), hex_color("#FFFFFF", 0.6 if disabled else 1.0)
    if disabled:
        return hex_color("#F7F7F7"), hex_color("#000000", 0.2), hex_color("#000000", 0.3)
    return hex_color("#F8F8F8"), hex_color("#000000", 0.2), None


def paint_button(p: QPainter, node: Any, style: Any, rect: QRectF, first_line: QRectF | None) -> QColor | None:
    """Draw the button skin (if no author background) and the loading spinner; returns a text colour override."""
    fill, border, text = button_skin(node, style)
    if fill is not None:
        radius = 5.0
        rr = [px(sget(style, f"border-{c}-radius"), min(rect.width(), rect.height()), -1)
              for c in ("top-left",)]
        if rr[0] >= 0 and sget(style, "border-top-left-radius") is not None:
            radius = rr[0]
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(rect, radius, radius)
        if border is not None:
            p.setPen(QPen(border, 1.0))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        p.restore()
    if truthy(attr(node, "loading", False)):
        color = text or qcolor(sget(style, "color")) or QColor("#000000")
        size = 18.0 if rect.height() >= 30 else 12.0
        if first_line is not None:
            cx = first_line.x() - size / 2 - 5
            cy = first_line.center().y()
        else:
            cx, cy = rect.center().x(), rect.center().y()
        draw_spinner(p, QPointF(cx, cy), size, color)
    return text


# ---------------------------------------------------------------- switch / checkbox / radio
def paint_switch(p: QPainter, node: Any, rect: QRectF) -> None:
    """WeChat's switch: a 52×32 pill, green when on, white knob with a soft shadow."""
    checked = truthy(state(node, "checked", False))
    disabled = truthy(attr(node, "disabled", False))
    if str(attr(node, "type", "switch")) == "checkbox":
        paint_checkbox(p, node, rect)
        return
    w, h = 52.0, 32.0
    track = QRectF(rect.x(), rect.y() + (rect.height() - h) / 2, w, h)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if disabled:
        p.setOpacity(p.opacity() * 0.5)
    on = attr_color(node, "color", BRAND)
    if checked:
        p.setPen(QPen(on, 1.0))
        p.setBrush(on)
    else:
        p.setPen(QPen(QColor("#DFDFDF"), 1.0))
        p.setBrush(QColor("#FDFDFD"))
    p.drawRoundedRect(track.adjusted(0.5, 0.5, -0.5, -0.5), h / 2, h / 2)
    knob_d = h - 2
    kx = track.right() - 1 - knob_d if checked else track.x() + 1
    knob = QRectF(kx, track.y() + 1, knob_d, knob_d)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(0, 0, 0, 26))
    p.drawEllipse(knob.translated(0, 1))
    p.setBrush(QColor("#FFFFFF"))
    p.drawEllipse(knob)
    p.restore()


def _tick(p: QPainter, box: QRectF, color: QColor, width: float) -> None:
    s = box.width()
    path = QPainterPath(QPointF(box.x() + 0.22 * s, box.y() + 0.52 * s))
    path.lineTo(QPointF(box.x() + 0.42 * s, box.y() + 0.70 * s))
    path.lineTo(QPointF(box.x() + 0.78 * s, box.y() + 0.32 * s))
    p.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)


def control_square(rect: QRectF, size: float = 22.0) -> QRectF:
    """Where a checkbox/radio glyph sits: at the left of its box, vertically centred."""
    s = min(size, rect.height()) if rect.height() > 0 else size
    return QRectF(rect.x() + 0.5, rect.y() + (rect.height() - s) / 2 + 0.5, s - 1, s - 1)


def paint_checkbox(p: QPainter, node: Any, rect: QRectF) -> None:
    """A 22px square with a grey hairline; checked shows a green tick (the `color` attribute)."""
    checked = truthy(state(node, "checked", False))
    disabled = truthy(attr(node, "disabled", False))
    sq = control_square(rect)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(QColor("#D1D1D1"), 1.0))
    p.setBrush(QColor("#E1E1E1") if disabled else QColor("#FFFFFF"))
    p.drawRoundedRect(sq, 3, 3)
    if checked:
        _tick(p, sq, attr_color(node, "color", BRAND) if not disabled else QColor("#ADADAD"), sq.width() * 0.1)
    p.restore()


def paint_radio(p: QPainter, node: Any, rect: QRectF) -> None:
    """A 22px circle; checked fills it with the `color` (green) and a white tick."""
    checked = truthy(state(node, "checked", False))
    disabled = truthy(attr(node, "disabled", False))
    sq = control_square(rect)
    on = attr_color(node, "color", BRAND)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if checked:
        fill = QColor("#E1E1E1") if disabled else on
        p.setPen(QPen(fill, 1.0))
        p.setBrush(fill)
        p.drawEllipse(sq)
        _tick(p, sq, QColor("#ADADAD") if disabled else QColor("#FFFFFF"), sq.width() * 0.1)
    else:
        p.setPen(QPen(QColor("#D1D1D1"), 1.0))
        p.setBrush(QColor("#E1E1E1") if disabled else QColor("#FFFFFF"))
        p.drawEllipse(sq)
    p.restore()


# ---------------------------------------------------------------- input / textarea
_PLACEHOLDER_COLOR = re.compile(r"(?:^|;)\s*color\s*:\s*([^;]+)", re.I)


def placeholder_color(node: Any) -> QColor:
    """`placeholder-style="color:#999"` when given (the common case), else WeChat's grey."""
    style = attr(node, "placeholder-style")
    if isinstance(style, str):
        m = _PLACEHOLDER_COLOR.search(style)
        if m:
            c = QColor(m.group(1).strip())
            if c.isValid():
                return c
    return QColor(PLACEHOLDER)


def display_value(node: Any) -> str:
    value = state(node, "value", attr(node, "model:value", ""))
    if value is None or value is False:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if truthy(attr(node, "password", False)) or str(attr(node, "type", "")) == "safe-password":
        return "\u25cf" * len(text)
    return text


def content_rect(style: Any, rect: QRectF) -> QRectF:
    """The box minus padding and border (where an input draws its text)."""
    w = rect.width()
    sides = {}
    for side in ("top", "right", "bottom", "left"):
        border = px(sget(style, f"border-{side}-width"), 0, 0) if sget(style, f"border-{side}-style", "none") not in (
            "none", "hidden") else 0.0
        sides[side] = px(sget(style, f"padding-{side}"), w, 0.0) + border
    return rect.adjusted(sides["left"], sides["top"], -sides["right"], -sides["bottom"])


def paint_field(p: QPainter, node: Any, style: Any, rect: QRectF, multiline: bool, color: QColor) -> None:
    """An input's value (or placeholder in grey) in the element's font, clipped to its content box."""
    text = display_value(node)
    pen = color
    if not text:
        text = str(attr(node, "placeholder", "") or "")
        pen = placeholder_color(node)
    if not text:
        return
    tf = text_font(style)
    inner = content_rect(style, rect)
    p.save()
    p.setClipRect(inner, Qt.ClipOperation.IntersectClip)
    p.setFont(tf.qfont)
    p.setPen(pen)
    align = str(sget(style, "text-align", "left"))
    h_align = {"center": Qt.AlignmentFlag.AlignHCenter, "right": Qt.AlignmentFlag.AlignRight,
               "end": Qt.AlignmentFlag.AlignRight}.get(align, Qt.AlignmentFlag.AlignLeft)
    if multiline:
        option = QTextOption(h_align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        p.drawText(inner, text, option)
    else:
        fm = QFontMetricsF(tf.qfont)
        baseline = inner.y() + (inner.height() - (tf.ascent + tf.descent)) / 2 + tf.ascent
        width = fm.horizontalAdvance(text)
        if h_align == Qt.AlignmentFlag.AlignHCenter:
            x = inner.x() + (inner.width() - width) / 2
        elif h_align == Qt.AlignmentFlag.AlignRight:
            x = inner.right() - width
        else:
            x = inner.x()
        p.drawText(QPointF(x, baseline), text)
    p.restore()


# ---------------------------------------------------------------- progress / slider
def _num(value: Any, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def paint_progress(p: QPainter, node: Any, rect: QRectF) -> None:
    pct = max(0.0, min(100.0, _num(attr(node, "percent", 0), 0.0)))
    stroke = max(1.0, _num(attr(node, "stroke-width", 6), 6.0))
    bg = attr_color(node, "backgroundColor", "#EBEBEB")
    fg = attr_color(node, "activeColor", attr(node, "color") or "#09BB07")
    bar = QRectF(rect.x(), rect.y() + (rect.height() - stroke) / 2, rect.width(), stroke)
    radius = _num(attr(node, "border-radius", 0), 0.0)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(bg)
    p.drawRoundedRect(bar, radius, radius)
    p.setBrush(fg)
    p.drawRoundedRect(QRectF(bar.x(), bar.y(), bar.width() * pct / 100.0, bar.height()), radius, radius)
    p.restore()


def paint_slider(p: QPainter, node: Any, rect: QRectF) -> None:
    lo, hi = _num(attr(node, "min", 0), 0.0), _num(attr(node, "max", 100), 100.0)
    value = _num(state(node, "value", lo), lo)
    frac = 0.0 if hi <= lo else max(0.0, min(1.0, (value - lo) / (hi - lo)))
    knob = max(12.0, min(28.0, _num(attr(node, "block-size", 28), 28.0)))
    track = QRectF(rect.x() + knob / 2, rect.center().y() - 1, max(0.0, rect.width() - knob), 2)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(attr_color(node, "backgroundColor", "#E9E9E9"))
    p.drawRect(track)
    p.setBrush(attr_color(node, "activeColor", BRAND))
    p.drawRect(QRectF(track.x(), track.y(), track.width() * frac, track.height()))
    cx = track.x() + track.width() * frac
    p.setBrush(QColor(0, 0, 0, 30))
    p.drawEllipse(QPointF(cx, rect.center().y() + 1), knob / 2, knob / 2)
    p.setBrush(attr_color(node, "block-color", "#FFFFFF"))
    p.drawEllipse(QPointF(cx, rect.center().y()), knob / 2, knob / 2)
    p.restore()


# ---------------------------------------------------------------- swiper
def paint_swiper_dots(p: QPainter, node: Any, rect: QRectF, count: int, current: int, vertical: bool) -> None:
    """`indicator-dots`: 8 px dots 10 px apart along the bottom (the right edge when vertical);
    `indicator-color` (default rgba(0,0,0,.3)) and `indicator-active-color` (default #000000)."""
    if count < 1 or not truthy(attr(node, "indicator-dots", False)):
        return
    idle = _css_color(attr(node, "indicator-color"), QColor(0, 0, 0, 77))
    active = _css_color(attr(node, "indicator-active-color"), QColor(0, 0, 0))
    size, gap = 8.0, 6.0
    span = count * size + (count - 1) * gap
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    for i in range(count):
        if vertical:
            x, y = rect.right() - 10 - size, rect.center().y() - span / 2 + i * (size + gap)
        else:
            x, y = rect.center().x() - span / 2 + i * (size + gap), rect.bottom() - 10 - size
        p.setBrush(active if i == current else idle)
        p.drawEllipse(QRectF(x, y, size, size))
    p.restore()


def _css_color(value: Any, default: QColor) -> QColor:
    """An attribute holding a CSS colour ("#fff", "rgba(255,255,255,.5)", "red")."""
    if not isinstance(value, str) or not value.strip():
        return default
    import tinycss2  # noqa: PLC0415 - only swipers with coloured dots need it

    from renderer.wxss.values import color  # noqa: PLC0415

    parsed = color(tinycss2.parse_one_component_value(value.strip()))
    found = qcolor(parsed) if isinstance(parsed, tuple) else None
    return found if found is not None else default
