"""QtTextMeasurer: the layout engine's `TextMeasurer`, backed by Qt's real font metrics.

Layout must wrap text exactly as the painter will draw it, so both use the same QFont
(`qfont_for`). Wrapping follows Qt's Unicode line breaking: Latin breaks between words,
CJK between any two ideographs, and a word wider than the line breaks anywhere (like
WeChat's `word-break: break-word` default for views). Results are cached, because a long list
measures thousands of short, mostly repeated strings on every layout.
"""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QTextLayout, QTextOption

from renderer.layout.inline import forget_shaping
from renderer.qt.fonts import add_face_family, ensure_fonts, resolve_families

Line = tuple[str, float]  # (text of the line, its advance width in px)


def _font_key(font: Any) -> tuple:
    return (
        _families_value(getattr(font, "family", None)),
        float(getattr(font, "size", 16.0) or 16.0),
        _weight_value(getattr(font, "weight", 400)),
        bool(getattr(font, "italic", False)),
        float(getattr(font, "letter_spacing", 0.0) or 0.0),
    )


_font_keys: dict[int, tuple[Any, tuple]] = {}


def _font_key_of(font: Any) -> tuple:
    """`_font_key(font)`, remembered per font object: layout measures thousands of words with
    a handful of (immutable, shared) FontSpecs, and building the key costs more than a lookup."""
    hit = _font_keys.get(id(font))
    if hit is not None and hit[0] is font:
        return hit[1]
    key = _font_key(font)
    if len(_font_keys) >= 4096:
        _font_keys.clear()
    _font_keys[id(font)] = (font, key)
    return key


def _families_value(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    return value


def _weight_value(value: Any) -> int:
    if isinstance(value, str):
        value = {"normal": 400, "bold": 700, "bolder": 700, "lighter": 300}.get(value.strip().lower(), value)
        try:
            value = int(value)
        except (TypeError, ValueError):
            return 400
    try:
        return max(100, min(900, int(value)))
    except (TypeError, ValueError):
        return 400


_qfont_cache: dict[tuple, QFont] = {}


def qfont_for(font: Any) -> QFont:
    """The QFont for a FontSpec-like object (family, size px, weight, italic[, letter_spacing])."""
    key = _font_key(font)
    cached = _qfont_cache.get(key)
    if cached is not None:
        return cached
    ensure_fonts()
    families, size, weight, italic, spacing = key
    q = QFont()
    q.setFamilies(resolve_families(families))
    q.setPixelSize(max(1, round(size)))
    q.setWeight(QFont.Weight(weight))
    q.setItalic(italic)
    if spacing:
        q.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    q.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    _qfont_cache[key] = q
    return q


def forget_fonts() -> None:
    """Drop cached QFonts (a web font was registered under a family name already in use)."""
    _qfont_cache.clear()
    for m in list(_measurers):
        m._cache.clear()
        m._metrics.clear()
    forget_shaping()  # paragraphs measured with the old fonts


_measurers: "weakref.WeakSet[QtTextMeasurer]" = weakref.WeakSet()


class QtTextMeasurer:
    """Measures and wraps text; `measure(text, font, max_width) -> (width, height, lines)`.

    `lines` is a list of `(text, width)` in order; `height` is lines × line height, where the
    line height is `font.line_height` (px) or the font's natural line spacing when it is None.
    """

    def __init__(self, cache_size: int = 50_000) -> None:
        self._cache: dict[tuple, tuple[float, float, list[Line]]] = {}
        self._metrics: dict[tuple, QFontMetricsF] = {}
        self._cache_size = cache_size
        _measurers.add(self)

    def register_font_faces(self, faces: list[Any], read_bytes: Any, report: Any, fetch: Any = None) -> None:
        """Load a stylesheet's @font-face fonts (renderer/qt/font_faces.py) before text is measured;
        `fetch(url)` gives a remote source's bytes (None while it is being fetched)."""
        from renderer.qt.font_faces import register_faces  # noqa: PLC0415 - only when a sheet has faces

        ensure_fonts()
        register_faces(faces, read_bytes, report, fetch)
        self._metrics.clear()

    def register_font_bytes(self, family: str, data: bytes) -> bool:
        """wx.loadFontFace: make the CSS `family` name the font in `data`; False if Qt cannot read it."""
        ensure_fonts()
        fid = QFontDatabase.addApplicationFontFromData(QByteArray(data))
        names = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        if not names:
            return False
        add_face_family(family, names[0])
        self._metrics.clear()
        return True

    def measure(self, text: str, font: Any, max_width: float | None) -> tuple[float, float, list[Line]]:
        fkey = _font_key_of(font)
        lh = getattr(font, "line_height", None)
        mw = None if max_width is None else round(float(max_width), 2)
        key = (text, fkey, lh, mw)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        result = self._measure(text, font, fkey, lh, mw)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[key] = result
        return result

    def metrics(self, font: Any) -> QFontMetricsF:
        """Font metrics for a FontSpec (ascent/descent are what the painter centres lines with)."""
        fkey = _font_key(font)
        m = self._metrics.get(fkey)
        if m is None:
            m = self._metrics[fkey] = QFontMetricsF(qfont_for(font))
        return m

    def line_height(self, font: Any) -> float:
        lh = getattr(font, "line_height", None)
        if lh is not None:
            return float(lh)
        return self.metrics(font).lineSpacing()

    def _measure(self, text: str, font: Any, fkey: tuple, lh: Any, max_width: float | None):
        fm = self.metrics(font)
        line_h = float(lh) if lh is not None else fm.lineSpacing()
        if not text:
            return (0.0, line_h, [])
        lines: list[Line] = []
        for para in text.split("\n"):
            advance = fm.horizontalAdvance(para)
            if max_width is None or advance <= max_width + 0.01:
                lines.append((para, advance))
            else:
                lines.extend(self._wrap(para, qfont_for(font), max_width))
        width = max((w for _, w in lines), default=0.0)
        return (width, line_h * len(lines), lines)

    @staticmethod
    def _wrap(text: str, qfont: QFont, max_width: float) -> list[Line]:
        layout = QTextLayout(text, qfont)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        out: list[Line] = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, max_width))
            start, length = line.textStart(), line.textLength()
            piece = text[start:start + length]
            stripped = piece.rstrip(" ")
            width = line.naturalTextWidth()
            out.append((stripped if stripped else piece, width))
        layout.endLayout()
        return out
