"""Reading a box's computed style as Qt values (colours, fonts, lengths).

The painter never computes styles itself: it only turns the resolver's computed values
(`(r, g, b, a)` colours, px floats, `("%", n)` percentages, keywords) into QColor/QFont.
Missing or unexpected values fall back to CSS initial values rather than raising.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QColor, QFont, QFontMetricsF

from renderer.qt.text import qfont_for

TEXT_TAG = "#text"


def style_of(box: Any) -> Any:
    """The computed style that applies to a box: its node's, or for a text node its nearest styled ancestor's."""
    node = getattr(box, "node", None)
    while node is not None:
        style = getattr(node, "style", None)
        if style is not None:
            return style
        node = getattr(node, "parent", None)
    return None


def sget(style: Any, name: str, default: Any = None) -> Any:
    if style is None:
        return default
    try:
        value = style.get(name)
    except Exception:  # a malformed style must not stop painting
        return default
    return default if value is None else value


def qcolor(value: Any, current: QColor | None = None) -> QColor | None:
    """A computed colour as QColor; None for unset/unknown; `currentcolor` → `current`."""
    if value is None:
        return None
    if isinstance(value, str):
        if value.lower() == "currentcolor":
            return current
        c = QColor(value)
        return c if c.isValid() else None
    if isinstance(value, QColor):
        return value
    key, made = None, None
    if type(value) is tuple:
        try:
            made = _made.get(value)
            key = value
        except TypeError:  # not hashable: not a computed colour
            pass
    if made is not None:
        return QColor(made)  # a copy: callers may change the colour they get (setAlphaF)
    try:
        r, g, b = (int(round(float(x))) for x in value[:3])
        a = float(value[3]) if len(value) > 3 else 1.0
    except (TypeError, ValueError, IndexError):
        return None
    c = QColor(max(0, min(255, r)), max(0, min(255, g)), max(0, min(255, b)))
    c.setAlphaF(max(0.0, min(1.0, a if a <= 1.0 else a / 255.0)))
    if key is not None:
        if len(_made) >= 4096:
            _made.clear()
        _made[key] = QColor(c)
    return c


# Computed colours (tuples) seen by `qcolor`: a page paints a few colours many times.
_made: dict[tuple, QColor] = {}


def hex_color(text: str, alpha: float = 1.0) -> QColor:
    c = QColor(text)
    c.setAlphaF(alpha)
    return c


def px(value: Any, basis: float = 0.0, default: float = 0.0) -> float:
    """A computed length in px: floats pass through, `("%", n)` and a calc() sum
    `("calc", px, pct)` resolve against `basis`."""
    if value is None or value == "auto":
        return default
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, tuple) and len(value) == 3 and value[0] == "calc":
        return float(value[1]) + basis * float(value[2]) / 100.0
    if isinstance(value, tuple) and len(value) == 2:
        unit, n = value
        try:
            n = float(n)
        except (TypeError, ValueError):
            return default
        if unit == "%":
            return basis * n / 100.0
        if unit == "px":
            return n
    return default


@dataclass(frozen=True)
class FontSpecFromStyle:
    """A FontSpec (same fields as the layout's) built from a computed style."""

    family: tuple
    size: float
    weight: Any
    italic: bool
    line_height: float | None
    letter_spacing: float = 0.0


@dataclass
class TextFont:
    qfont: QFont
    line_height: float
    ascent: float
    descent: float


_font_cache: dict[int, tuple[Any, TextFont]] = {}


def font_spec(style: Any) -> FontSpecFromStyle:
    size = px(sget(style, "font-size"), 16.0, 16.0)
    if size <= 0:
        size = 16.0
    lh_raw = sget(style, "line-height", "normal")
    line_height: float | None
    if isinstance(lh_raw, tuple) and len(lh_raw) == 2 and lh_raw[0] == "num":
        line_height = float(lh_raw[1]) * size
    elif isinstance(lh_raw, tuple) and lh_raw and lh_raw[0] == "%":
        line_height = size * float(lh_raw[1]) / 100.0
    elif isinstance(lh_raw, (int, float)):
        line_height = float(lh_raw)
    else:
        line_height = None
    family = sget(style, "font-family", ())
    if isinstance(family, str):
        family = (family,)
    return FontSpecFromStyle(
        family=tuple(family),
        size=size,
        weight=sget(style, "font-weight", 400),
        italic=sget(style, "font-style", "normal") in ("italic", "oblique"),
        line_height=line_height,
        letter_spacing=px(sget(style, "letter-spacing"), 0.0, 0.0),
    )


def text_font(style: Any) -> TextFont:
    """QFont plus line metrics for text in this style (cached per style object)."""
    hit = _font_cache.get(id(style))
    if hit is not None and hit[0] is style:
        return hit[1]
    spec = font_spec(style)
    qf = QFont(qfont_for(spec))
    decoration = str(sget(style, "text-decoration", "none"))
    qf.setUnderline("underline" in decoration)
    qf.setStrikeOut("line-through" in decoration)
    qf.setOverline("overline" in decoration)
    fm = QFontMetricsF(qf)
    lh = spec.line_height if spec.line_height is not None else fm.lineSpacing()
    tf = TextFont(qf, lh, fm.ascent(), fm.descent())
    if len(_font_cache) > 4096:
        _font_cache.clear()
    _font_cache[id(style)] = (style, tf)
    return tf


def radii(style: Any, w: float, h: float) -> tuple[float, float, float, float]:
    """Corner radii (top-left, top-right, bottom-right, bottom-left), scaled down so they fit (CSS §5.5)."""
    base = min(w, h)
    r = [
        px(sget(style, f"border-{c}-radius"), base, 0.0)
        for c in ("top-left", "top-right", "bottom-right", "bottom-left")
    ]
    if not any(r):
        return (0.0, 0.0, 0.0, 0.0)
    f = 1.0
    for a, b, side in ((r[0], r[1], w), (r[3], r[2], w), (r[0], r[3], h), (r[1], r[2], h)):
        if a + b > side > 0:
            f = min(f, side / (a + b))
    return tuple(max(0.0, x * f) for x in r)  # type: ignore[return-value]
