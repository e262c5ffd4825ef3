"""The Storage panel's model: the program's storage as rows, and edits through `Storage`."""

from __future__ import annotations

import json
from typing import Any

from simulator.devtools.appdata import parse_value


def rows(storage: Any) -> list[tuple[str, str, str]]:
    """(key, value as JSON, type name) for every key, sorted by key."""
    out = []
    for key in sorted(storage.keys()):
        value = storage.get(key)
        out.append((key, json.dumps(value, ensure_ascii=False), _type(value)))
    return out


def put(storage: Any, key: str, text: str) -> Any:
    """Set `key` from editor text (JSON when it parses, else a string); raises on WeChat's limits."""
    if not key:
        raise ValueError("the key must not be empty")
    value = parse_value(text)
    storage.set(key, value)
    return value


def rename(storage: Any, old: str, new: str) -> None:
    if new == old:
        return
    if not new:
        raise ValueError("the key must not be empty")
    value = storage.get(old)
    storage.set(new, value)
    storage.remove(old)


def summary(storage: Any) -> str:
    info = storage.info()
    return f"{len(info.get('keys', []))} keys · {info.get('currentSize', 0)} KB of {info.get('limitSize', 0)} KB"


def _type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"
