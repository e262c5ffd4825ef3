"""Computed style values as the CSS text a browser's getComputedStyle would give the client."""

from __future__ import annotations

from typing import Any


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


UNITLESS = frozenset({"font-weight", "opacity", "z-index", "flex-grow", "flex-shrink", "order", "flex",
                      "line-height", "zoom"})


def css_text(value: Any, name: str = "") -> Any:
    """`12.0` → `"12px"`, `(255, 0, 0, 1.0)` → `"rgb(255, 0, 0)"`, `("%", 50)` → `"50%"`."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return _number(value) if name in UNITLESS else f"{_number(value)}px"
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "%":
        return f"{_number(value[1])}%"
    if isinstance(value, tuple) and len(value) == 3 and value[0] == "calc":
        return f"calc({_number(value[2])}% + {_number(value[1])}px)"
    if isinstance(value, tuple) and len(value) == 4 and all(isinstance(v, (int, float)) for v in value):
        r, g, b, a = value
        if a >= 1:
            return f"rgb({int(r)}, {int(g)}, {int(b)})"
        return f"rgba({int(r)}, {int(g)}, {int(b)}, {_number(round(a, 3))})"
    if isinstance(value, (tuple, list)):
        return " ".join(str(css_text(v, name)) for v in value)
    return str(value)
