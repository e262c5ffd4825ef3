"""Data paths as users write them: `todos.0.title`, `list[3].x`, `a['b']`."""

from __future__ import annotations

import re

_PART = re.compile(r"\[(\d+)\]|\[\s*['\"]([^'\"]*)['\"]\s*\]|\.?([^.\[\]]+)")


def split_path(path: str) -> list[str | int]:
    """`'list[3].x'` → `['list', 3, 'x']`; all-digit dotted parts become indices too."""
    parts: list[str | int] = []
    for index, quoted, name in _PART.findall(path):
        if index:
            parts.append(int(index))
        elif quoted:
            parts.append(quoted)
        elif name.isdigit():
            parts.append(int(name))
        else:
            parts.append(name)
    return parts
