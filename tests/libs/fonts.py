"""Icon fonts for the library tests, made from npm packages when the CDN copy is out of reach."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from tests.libs.install import LibraryUnavailable


def remap_by_glyph_name(font: bytes, stylesheet: Path, prefix: str) -> bytes:
    """The icon font with its code points moved to where `stylesheet` expects each icon.

    Icon fonts name every glyph after its icon, and a stylesheet maps `.{prefix}<name>::before`
    to a private-use code point; another build of the same icon set may number the icons
    differently. Looking glyphs up by name gives the exact font the stylesheet was written for.
    """
    try:
        from fontTools.ttLib import TTFont  # noqa: PLC0415 - test-only dependency
    except ImportError as exc:
        raise LibraryUnavailable("fontTools is not installed") from exc
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # the font's harmless post-table padding
    wanted = re.findall(re.escape(prefix) + r"([a-z0-9-]+):+before\s*\{\s*content:\s*['\"]\\([0-9a-fA-F]+)['\"]",
                        stylesheet.read_text(encoding="utf-8"))
    ttf = TTFont(io.BytesIO(font))
    glyphs = set(ttf.getGlyphOrder())
    mapping = {int(code, 16): name for name, code in wanted if name in glyphs}
    if len(mapping) < len(wanted) * 0.99:
        raise LibraryUnavailable(f"the font lacks {len(wanted) - len(mapping)} of {len(wanted)} icons")
    for table in ttf["cmap"].tables:
        if table.isUnicode():
            table.cmap = dict(mapping)
    ttf.flavor = None
    out = io.BytesIO()
    ttf.save(out)
    return out.getvalue()
