"""Applying setData changes (`[path, value]`) to the view's copy of an instance's data."""

from __future__ import annotations

from typing import Any


def apply_change(data: dict, path: list | str, value: Any) -> None:
    """Set `value` at `path` (a list of keys and indices), creating containers on the way.

    Matches the logic layer: a missing container becomes a list when the next key is an
    index and an object otherwise; a list grows with nulls up to the index.
    """
    if isinstance(path, str):
        path = [path]
    target: Any = data
    for key, next_key in zip(path, path[1:]):
        child = _get(target, key)
        if not isinstance(child, (dict, list)):
            child = [] if isinstance(next_key, int) else {}
            _set(target, key, child)
        target = child
    _set(target, path[-1], value)


def _get(container: Any, key: Any) -> Any:
    if isinstance(container, list):
        return container[key] if isinstance(key, int) and 0 <= key < len(container) else None
    return container.get(str(key) if not isinstance(key, str) else key)


def _set(container: Any, key: Any, value: Any) -> None:
    if isinstance(container, list):
        if not isinstance(key, int):
            return
        while len(container) <= key:
            container.append(None)
        container[key] = value
    else:
        container[key if isinstance(key, str) else str(key)] = value
