"""Inline formatting: a paragraph of styled text runs, white-space processing and line boxes.

A paragraph is what CSS calls the inline content of one block container: the text nodes of
an element and of its inline descendants (`text`, `span`, …). Each run keeps its own style
so an inline element's font and colour survive to painting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .text import FIT_EPSILON, FontSpec, TextMeasurer, atoms

_COLLAPSIBLE = re.compile(r"[ \t\r\n]+")
_SPACES = re.compile(r"[ \t\r]+")
ELLIPSIS = "\u2026"


@dataclass
class Run:
    text: str
    style: Any  # ComputedStyle of the text (its parent element's style)
    node: Any  # the input text node
    keep_newlines: bool = False  # WeChat's <text> turns "\n" into line breaks


def transform_text(text: str, style: Any) -> str:
    """CSS Text 3 §2.1 text-transform: uppercase, lowercase, or capitalize (the first letter of
    each word); the layout measures and paints the transformed text."""
    how = style.get("text-transform") if style is not None else None
    if not how or how == "none":
        return text
    if how == "uppercase":
        return text.upper()
    if how == "lowercase":
        return text.lower()
    out, start = [], True
    for ch in text:
        out.append(ch.upper() if start and ch.isalpha() else ch)
        start = ch.isspace() or (start and not ch.isalpha())
    return "".join(out)


@dataclass
class Fragment:
    """A piece of one run placed on one line; x, y relative to the paragraph's content box."""

    run: int
    text: str
    x: float
    y: float
    width: float
    height: float


@dataclass
class LineBox:
    y: float
    height: float
    width: float
    fragments: list[Fragment] = field(default_factory=list)


_fonts: dict[Any, FontSpec] = {}


def font_of(style: Any) -> FontSpec:
    """The FontSpec of a computed style (cached: a page has few distinct styles)."""
    f = _fonts.get(style)
    if f is None:
        f = FontSpec(tuple(style.get("font-family")), style.get("font-size"), int(style.get("font-weight")),
                     style.get("font-style") != "normal", style.get("line-height"))
        _fonts[style] = f
    return f


def collapse_white_space(runs: list[Run]) -> list[Run]:
    """CSS Text 3 §4.1.1: collapse spaces (across run boundaries), keep them under pre/pre-wrap."""
    out: list[Run] = []
    for i, text in _collapsed(runs):
        run = runs[i]
        # a run with nothing to collapse is kept as it is (runs are never mutated)
        out.append(run if text == run.text else Run(text, run.style, run.node, run.keep_newlines))
    return out


def _collapsed(runs: list[Run]) -> list[tuple[int, str]]:
    """(index of the run, its text after white-space processing) for the runs that keep text."""
    out: list[tuple[int, str]] = []
    prev_space = True  # spaces at the start of a paragraph are removed
    for i, run in enumerate(runs):
        ws = run.style.get("white-space")
        text = run.text
        if ws in ("pre", "pre-wrap", "break-spaces"):
            text = text.replace("\t", "    ")
        elif ws == "pre-line" or run.keep_newlines:
            text = "\n".join(_SPACES.sub(" ", part).strip(" ") for part in text.split("\n"))
            if prev_space and text.startswith(" "):
                text = text[1:]
        else:
            text = _COLLAPSIBLE.sub(" ", text)
            if prev_space and text.startswith(" "):
                text = text[1:]
        if text:
            prev_space = text.endswith((" ", "\n"))
            out.append((i, text))
    return out


class _Shape:
    """What a paragraph's layout depends on besides its nodes, shared by every paragraph with
    the same run texts and styles, container style and measurer (a long list repeats its
    texts, and a relaunched page all of them): the white-space result, the measured atoms and
    the line boxes per width. Line boxes refer to runs by index, so they are shared as they are;
    nothing mutates them once built."""

    __slots__ = ("measurer", "kept", "nowrap", "break_all", "ellipsis", "clamp", "atoms", "layouts", "single",
                 "empty")


_shapes: dict[tuple, _Shape] = {}
SHAPES_LIMIT = 20_000  # entries kept before the cache starts afresh


def forget_shaping() -> None:
    """Drop shared paragraph shapes: call when text measurements change (fonts registered anew)."""
    _shapes.clear()


class Paragraph:
    """Inline content of one container, laid out into line boxes for a given width."""

    def __init__(self, runs: list[Run], container_style: Any, measurer: TextMeasurer):
        self.style = container_style
        self.measurer = measurer
        key = (id(measurer), container_style, tuple([(r.text, r.style, r.keep_newlines) for r in runs]))
        shape = _shapes.get(key)
        if shape is None or shape.measurer is not measurer:
            shape = self._shape(runs, container_style, measurer)
            if len(_shapes) >= SHAPES_LIMIT:
                _shapes.clear()
            _shapes[key] = shape
        else:
            self.runs = [r if t == r.text else Run(t, r.style, r.node, r.keep_newlines)
                         for r, t in ((runs[i], t) for i, t in shape.kept)]
        self.nowrap, self.break_all, self.ellipsis, self.clamp = (shape.nowrap, shape.break_all,
                                                                  shape.ellipsis, shape.clamp)
        self._atoms, self._layouts, self._single = shape.atoms, shape.layouts, shape.single
        self._empty = shape.empty

    def _shape(self, runs: list[Run], container_style: Any, measurer: TextMeasurer) -> _Shape:
        """Work out this paragraph's shape (white space, atoms, one-line size) from scratch."""
        shape = _Shape()
        shape.measurer = measurer
        shape.kept = _collapsed(runs)
        self.runs = [r if t == r.text else Run(t, r.style, r.node, r.keep_newlines)
                     for r, t in ((runs[i], t) for i, t in shape.kept)]
        self.nowrap = shape.nowrap = container_style.get("white-space") in ("nowrap", "pre")
        self.break_all = shape.break_all = container_style.get("word-break") == "break-all"
        # CSS Overflow 3 §3.2: an ellipsis only where the container clips its overflow
        self.ellipsis = shape.ellipsis = (container_style.get("text-overflow") == "ellipsis"
                                          and container_style.get("overflow-x") != "visible")
        clamp = container_style.get("-webkit-line-clamp")
        self.clamp = shape.clamp = clamp if isinstance(clamp, int) else None  # CSS Overflow 4 §4.2
        self._atoms = shape.atoms = self._split()
        shape.layouts = {}  # width key → line boxes, filled by `layout`
        self._single = shape.single = self._single_line_size()
        shape.empty = not any(t.strip(" ") for _, t in shape.kept)
        return shape

    def _single_line_size(self) -> tuple[float, float] | None:
        """(width, height) when everything fits on one line, so measuring needs no line boxes."""
        if any(a == "\n" for _, a, _ in self._atoms):
            return None
        parts = list(self._atoms)
        while parts and parts[-1][1][0] in " \t":
            parts.pop()
        strut = self.style.get("line-height")
        height = max([strut] + [self.runs[r].style.get("line-height") for r, _, _ in parts])
        return (sum(w for _, _, w in parts), height)

    def is_empty(self) -> bool:
        return self._empty

    def _split(self) -> list[tuple[int, str, float]]:
        out = []
        for i, run in enumerate(self.runs):
            font = font_of(run.style)
            for a in atoms(run.text, self.break_all):
                w = 0.0 if a == "\n" else self.measurer.measure(a, font, None)[0]
                out.append((i, a, w))
        return out

    def layout(self, max_width: float | None) -> list[LineBox]:
        """Line boxes for `max_width` (None: no wrapping), cached per width."""
        mw = None if max_width is None else round(max_width, 3)
        key = (None if self.nowrap else mw, mw)
        lines = self._layouts.get(key)
        if lines is None:
            lines = self._break(key[0])
            if self.clamp is not None and len(lines) > self.clamp:
                del lines[self.clamp:]
                self._ellipsize(lines[-1], max_width, always=True)
            elif self.ellipsis and max_width is not None:
                for line in lines:
                    if line.width > max_width + FIT_EPSILON:
                        self._ellipsize(line, max_width, always=False)
            self._align(lines, max_width)
            self._layouts[key] = lines
        return lines

    def measure(self, _known_w: float, _known_h: float, limit: float | None) -> tuple[float, float]:
        """`size(limit)` as a Taffy measure function (taffy_tree.Measure); the one-line case is
        answered here, as Taffy asks a list's paragraphs thousands of times per layout."""
        single = self._single
        if single is not None and (self.nowrap or limit is None or single[0] <= limit + FIT_EPSILON):
            return single
        return self.size(limit)

    def size(self, max_width: float | None) -> tuple[float, float]:
        single = self._single
        if single is not None and (self.nowrap or max_width is None or single[0] <= max_width + FIT_EPSILON):
            return single
        lines = self.layout(max_width)
        return (max((ln.width for ln in lines), default=0.0), sum(ln.height for ln in lines))

    def _break(self, max_width: float | None) -> list[LineBox]:
        """Greedy breaking over atoms of all runs (CSS Text 3 §5); trailing spaces hang."""
        lines: list[list[tuple[int, str, float]]] = [[]]
        width = 0.0
        for run, a, w in self._atoms:
            cur = lines[-1]
            if a == "\n":
                lines.append([])
                width = 0.0
                continue
            if a[0] in " \t":
                if cur:
                    cur.append((run, a, w))
                    width += w
                continue
            if cur and max_width is not None and width + w > max_width + FIT_EPSILON:
                lines.append([])
                cur, width = lines[-1], 0.0
            cur.append((run, a, w))
            width += w
        return [self._line_box(parts) for parts in lines]

    def _line_box(self, parts: list[tuple[int, str, float]]) -> LineBox:
        while parts and parts[-1][1][0] in " \t":
            parts.pop()
        strut = self.style.get("line-height")
        height = max([strut] + [self.runs[r].style.get("line-height") for r, _, _ in parts])
        line = LineBox(0.0, height, 0.0)
        x = 0.0
        for run, a, w in parts:
            frags = line.fragments
            if frags and frags[-1].run == run:
                frags[-1].text += a
                frags[-1].width += w
            else:
                lh = self.runs[run].style.get("line-height")
                frags.append(Fragment(run, a, x, (height - lh) / 2, w, lh))
            x += w
        line.width = x
        return line

    def _ellipsize(self, line: LineBox, max_width: float | None, always: bool) -> None:
        """End `line` with "…" (CSS Overflow 3 §3.2 / 4 §4.2): whole characters are dropped from
        its end until the text and the ellipsis fit `max_width`."""
        frags = line.fragments
        if not frags:
            return
        first = frags[0]
        limit = None if max_width is None else max_width
        while frags:
            f = frags[-1]
            ew = self.measurer.measure(ELLIPSIS, font_of(self.runs[f.run].style), None)[0]
            if limit is None or f.x + f.width + ew <= limit + FIT_EPSILON:
                break
            keep = self._prefix(f, limit - ew - f.x)
            if keep:
                f.text, f.width = keep
                break
            frags.pop()
        if frags:
            f = frags[-1]
            f.text += ELLIPSIS
            f.width += self.measurer.measure(ELLIPSIS, font_of(self.runs[f.run].style), None)[0]
        else:
            ew = self.measurer.measure(ELLIPSIS, font_of(self.runs[first.run].style), None)[0]
            frags.append(Fragment(first.run, ELLIPSIS, 0.0, first.y, ew, first.height))
        f = frags[-1]
        line.width = f.x + f.width

    def _prefix(self, f: Fragment, room: float) -> tuple[str, float] | None:
        """The longest start of the fragment's text (and its width) no wider than `room`."""
        if room <= 0:
            return None
        font = font_of(self.runs[f.run].style)
        lo, hi, best = 1, len(f.text) - 1, None
        while lo <= hi:
            mid = (lo + hi) // 2
            w = self.measurer.measure(f.text[:mid], font, None)[0]
            if w <= room + FIT_EPSILON:
                best, lo = (f.text[:mid], w), mid + 1
            else:
                hi = mid - 1
        return best

    def _align(self, lines: list[LineBox], max_width: float | None) -> None:
        """CSS Text 3 §7.1 text-align (justify is treated as start); stack lines vertically."""
        align = self.style.get("text-align")
        y = 0.0
        for line in lines:
            line.y = y
            for f in line.fragments:
                f.y += y
            y += line.height
            if max_width is None or align in ("left", "start", "justify"):
                continue
            shift = max_width - line.width
            if align == "center":
                shift /= 2
            for f in line.fragments:
                f.x += shift
