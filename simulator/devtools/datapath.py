"""Data paths as the bridge carries them (`["list", 3, "x"]`) and as setData writes them (`list[3].x`)."""

from __future__ import annotations

from typing import Any

from bridge.channel import path_text  # noqa: F401 - the panels import it from here

MISSING = object()


def get_path(data: Any, path: list | tuple) -> Any:
    """The value at `path`, or MISSING."""
    cur = data
    for part in path:
        if isinstance(cur, dict) and not isinstance(part, int) and str(part) in cur:
            cur = cur[str(part)]
        elif isinstance(cur, dict) and isinstance(part, int) and str(part) in cur:
            cur = cur[str(part)]
        elif isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur):
            cur = cur[part]
        else:
            return MISSING
    return cur


def set_path(data: dict, path: list | tuple, value: Any) -> None:
    """Write `value` at `path` the way setData does: missing containers are created."""
    if not path:
        return
    cur: Any = data
    for i, part in enumerate(path[:-1]):
        nxt = path[i + 1]
        child = get_path(cur, [part])
        if not isinstance(child, (dict, list)):
            child = [] if isinstance(nxt, int) else {}
            _put(cur, part, child)
        cur = child
    _put(cur, path[-1], value)


def _put(container: Any, key: Any, value: Any) -> None:
    if isinstance(container, list) and isinstance(key, int):
        while len(container) <= key:
            container.append(None)
        container[key] = value
    elif isinstance(container, dict):
        container[str(key)] = value


def parse_path(text: str) -> list:
    """`list[3].x` → `["list", 3, "x"]` (the inverse of `path_text`)."""
    out: list = []
    buf = ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == ".":
            if buf:
                out.append(buf)
            buf = ""
        elif ch == "[":
            if buf:
                out.append(buf)
            buf = ""
            end = text.index("]", i)
            out.append(int(text[i + 1:end]))
            i = end
        else:
            buf += ch
        i += 1
    if buf:
        out.append(buf)
    return out
