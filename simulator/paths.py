"""Data paths as users write them: `todos.0.title`, `list[3].x`, `a['b']`."""

from __future__ import annotations

import re
from typing import Any

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


def data_at(data: Any, path: str | None) -> Any:
    """The value at `path` (`a.b[2].c`) inside `data`; None when a step is missing."""
    if not path:
        return data
    for key in split_path(path):
        if isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data):
            data = data[key]
        elif isinstance(data, dict) and str(key) in data:
            data = data[str(key)]
        else:
            return None
    return data
