"""Text measuring: the TextMeasurer protocol, FontSpec, line breaking and a Qt-free measurer.

A measurer only has to answer `measure(text, font, max_width)`. Layout asks it for the
width of unbreakable pieces (words, single CJK characters, spaces) and does line breaking
itself with `break_lines`, so every measurer wraps the same way. A Qt measurer can be a
dozen lines over QFontMetricsF.horizontalAdvance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Protocol

Line = tuple[str, float]  # (text of one line, its width in px)

# Taffy keeps sizes as 32-bit floats, so a measured width comes back a little off;
# text that fitted when measured must still fit when it is wrapped at that width.
FIT_EPSILON = 0.01


@dataclass(frozen=True)
class FontSpec:
    """Everything needed to measure and draw a run of text. Sizes are CSS px."""

    family: tuple[str, ...] = ("sans-serif",)
    size: float = 16.0
    weight: int = 400
    italic: bool = False
    line_height: float = 22.4


class TextMeasurer(Protocol):
    def measure(self, text: str, font: FontSpec, max_width: float | None) -> tuple[float, float, list[Line]]:
        """Return (width, height, lines) of `text` wrapped at `max_width` (None: no wrapping).

        `lines` is a list of (line text, line width). Height is len(lines) * font.line_height.
        With `max_width` None and no newline the width is the full advance of `text`, spaces
        included (layout measures single spaces this way).
        """
        ...


def is_cjk(ch: str) -> bool:
    """Characters that allow a line break before and after them (CJK, fullwidth forms)."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or 0xF900 <= o <= 0xFAFF
            or 0xFE30 <= o <= 0xFE4F or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x2FFFF)


_ATOMS = re.compile(r"\n|[ \t]+|[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+")


def atoms(text: str, break_all: bool = False) -> list[str]:
    """Split text at break opportunities (UAX 14, simplified): spaces, CJK characters, newlines.

    With `break_all` (word-break: break-all) every character is its own atom.
    """
    parts = _ATOMS.findall(text)
    if not break_all:
        return parts
    out: list[str] = []
    for p in parts:
        out.extend(p if (p[0] not in " \t\n") else [p])
    return out


def break_lines(text: str, max_width: float | None, advance: Callable[[str], float],
                break_all: bool = False) -> list[Line]:
    """Greedy line breaking (CSS Text 3 §5): spaces hang at line ends, a too-long word overflows."""
    lines: list[Line] = []
    cur: list[str] = []
    width = 0.0
    for atom in atoms(text, break_all):
        if atom == "\n":
            lines.append(_close(cur, advance))
            cur, width = [], 0.0
            continue
        w = advance(atom)
        if atom[0] in " \t":
            if cur:
                cur.append(atom)
                width += w
            continue
        if cur and max_width is not None and width + w > max_width + FIT_EPSILON:
            lines.append(_close(cur, advance))
            cur, width = [], 0.0
        cur.append(atom)
        width += w
    if cur or not lines:
        lines.append(_close(cur, advance))
    return lines


def _close(parts: list[str], advance: Callable[[str], float]) -> Line:
    while parts and parts[-1][0] in " \t":
        parts.pop()
    text = "".join(parts)
    return (text, sum(advance(p) for p in parts))


class ApproxMeasurer:
    """A deterministic measurer for tests and headless runs without Qt.

    Advance: 1 × size for CJK characters, 0.55 × size for everything else.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple[str, float], float] = {}

    def advance(self, text: str, font: FontSpec) -> float:
        key = (text, font.size)
        w = self._cache.get(key)
        if w is None:
            w = sum(font.size if is_cjk(c) else 0.55 * font.size for c in text)
            self._cache[key] = w
        return w

    def measure(self, text: str, font: FontSpec, max_width: float | None) -> tuple[float, float, list[Line]]:
        if max_width is None and "\n" not in text:
            w = self.advance(text, font)
            return (w, font.line_height, [(text, w)])
        lines = break_lines(text, max_width, lambda s: self.advance(s, font))
        width = max((w for _, w in lines), default=0.0)
        return (width, len(lines) * font.line_height, lines)
