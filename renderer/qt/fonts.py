"""Fonts: make Chinese render like WeChat, without tofu, on a plain Debian machine.

WeChat draws with the system UI font: `-apple-system` / PingFang SC on iOS, and the
vendor CJK sans on Android. Neither exists on Linux, so we map them onto
**Noto Sans CJK SC** (Debian package `fonts-noto-cjk`). Why that one:

- it is the same design as Source Han Sans, the open CJK sans closest to PingFang in
  weight, x-height and proportions, so line wrapping and page lengths come out close to
  a phone's;
- it covers all CJK Unified Ideographs (SC/TC/JP/KR), so user text never falls into tofu;
- it ships several weights, so `font-weight: bold` looks bold instead of smeared.

`fonts-wqy-microhei` (5 MB) is smaller but covers fewer ideographs, has a single weight
and metrics further from PingFang; it is still accepted as a fallback when present.
Fonts placed in `assets/fonts/` are loaded too, so a project can ship its own.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

CJK_SANS = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei"]
CJK_SERIF = ["Noto Serif CJK SC", "Source Han Serif SC", *CJK_SANS]
CJK_MONO = ["Noto Sans Mono CJK SC", "DejaVu Sans Mono", *CJK_SANS]

# WeChat's default page font stack (what `page` gets on iOS), then our Linux stand-ins.
UI_FAMILIES = ["PingFang SC", *CJK_SANS, "DejaVu Sans"]

# Names that WXSS authors write, mapped onto what we have. Generic and platform names only;
# any other family that is installed is used as it is.
_SANS_ALIASES = [
    "-apple-system", "BlinkMacSystemFont", "system-ui", "ui-sans-serif", "sans-serif",
    "PingFang SC", "PingFangSC-Regular", "PingFangSC-Medium", "PingFangSC-Semibold", "PingFang",
    "Helvetica Neue", "Helvetica", "Arial", "Segoe UI", "Roboto", "Hiragino Sans GB",
    "Microsoft YaHei", "微软雅黑", "Microsoft Yahei UI", "Heiti SC", "STHeiti", "SimHei", "黑体",
    "Noto Sans", "Source Han Sans", "WeChat Sans Std", "WeChatSansStd-Regular", "Apple Color Emoji",
]
_SERIF_ALIASES = ["serif", "ui-serif", "Times New Roman", "Times", "Georgia", "SimSun", "宋体", "Songti SC", "STSong"]
_MONO_ALIASES = ["monospace", "ui-monospace", "Menlo", "Monaco", "Consolas", "Courier New", "Courier", "SF Mono"]

_GENERIC = {"sans-serif", "serif", "monospace", "system-ui", "cursive", "fantasy", "ui-sans-serif",
            "ui-serif", "ui-monospace", "-apple-system", "blinkmacsystemfont"}

_done = False


def _assets_fonts_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "assets" / "fonts"


def ensure_fonts() -> None:
    """Load shipped fonts and register substitutions once; needs a QGuiApplication."""
    global _done
    if _done:
        return
    _done = True
    folder = _assets_fonts_dir()
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in (".ttf", ".otf", ".ttc"):
                QFontDatabase.addApplicationFont(str(path))
    sans = [f for f in UI_FAMILIES if f != "PingFang SC"]
    for name in _SANS_ALIASES:
        QFont.insertSubstitutions(name, sans)
    for name in _SERIF_ALIASES:
        QFont.insertSubstitutions(name, CJK_SERIF)
    for name in _MONO_ALIASES:
        QFont.insertSubstitutions(name, CJK_MONO)
    available_families.cache_clear()


@lru_cache(maxsize=1)
def available_families() -> frozenset[str]:
    """Installed family names, lower-cased."""
    return frozenset(f.lower() for f in QFontDatabase.families())


# CSS family names declared by @font-face → the Qt family registered for them (font_faces.py).
_FACES: dict[str, str] = {}


def add_face_family(css_name: str, qt_family: str) -> None:
    """Make `css_name` in a font-family list resolve to the loaded `qt_family`."""
    if _FACES.get(css_name.lower()) != qt_family:
        _FACES[css_name.lower()] = qt_family
        _resolve_cached.cache_clear()
        from renderer.qt import text  # noqa: PLC0415 - text imports this module

        text.forget_fonts()


def resolve_families(css_value: object) -> list[str]:
    """Turn a WXSS `font-family` value into Qt's ordered family list, always ending in CJK fallbacks.

    Accepts a string (`"'PingFang SC', sans-serif"`) or a sequence of names.
    """
    return list(_resolve_cached(_key(css_value)))


def _key(css_value: object) -> tuple[str, ...]:
    if css_value is None:
        return ()
    if isinstance(css_value, str):
        parts = css_value.split(",")
    elif isinstance(css_value, (list, tuple)):
        parts = [str(p) for p in css_value]
    else:
        return ()
    return tuple(p.strip().strip("'\"").strip() for p in parts if p.strip().strip("'\""))


@lru_cache(maxsize=256)
def _resolve_cached(names: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    fallback = UI_FAMILIES
    for name in names:
        low = name.lower()
        if low in ("serif", "ui-serif") or name in _SERIF_ALIASES:
            fallback = CJK_SERIF
        elif low in ("monospace", "ui-monospace") or name in _MONO_ALIASES:
            fallback = CJK_MONO
        if low in _GENERIC:
            continue
        name = _FACES.get(low, name)
        if name not in out:
            out.append(name)
    for fam in fallback:
        if fam not in out:
            out.append(fam)
    return tuple(out)


def ui_font(size_px: float = 17.0, weight: int = 400) -> QFont:
    """The font WeChat's own chrome uses (nav bar, toast, modal), at a CSS pixel size."""
    font = QFont()
    font.setFamilies(UI_FAMILIES)
    font.setPixelSize(max(1, round(size_px)))
    font.setWeight(QFont.Weight(max(100, min(900, int(weight)))))
    return font


def _coverage_fonts() -> list[QFontMetrics]:
    fams = available_families()
    metrics = []
    for fam in [*UI_FAMILIES, *CJK_SERIF]:
        if fam.lower() in fams:
            f = QFont(fam)
            f.setPixelSize(16)
            metrics.append(QFontMetrics(f))
    return metrics


def missing_glyphs(text: str) -> str:
    """The characters of `text` (unique, in order) that no font in our fallback chain can draw."""
    ensure_fonts()
    metrics = _coverage_fonts()
    missing: list[str] = []
    for ch in text:
        if ch.isspace() or ch in missing:
            continue
        if not any(m.inFontUcs4(ord(ch)) for m in metrics):
            missing.append(ch)
    return "".join(missing)
