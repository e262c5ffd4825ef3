"""What an animation asks for, turned into computed target values.

Two sources: the `actions` of a wx.createAnimation export (one group per `step()`) and the
keyframes of `this.animate`. Style values arrive as CSS text (a number is px, opacity a
plain number) and become computed values through the normal WXSS property parsers; transform
functions become the step tuples of `renderer.wxss.transforms`, plus ("skew", ax, ay) and
("matrix", a, b, c, d, e, f); the 3D forms are projected flat (no perspective).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from bridge.diagnostics import Diagnostic
from renderer.wxss.computed import ComputedStyle, compute_style
from renderer.wxss.stylesheet import parse_declarations
from renderer.wxss.viewport import Viewport

STYLE_NAMES = {"opacity": "opacity", "backgroundColor": "background-color", "width": "width", "height": "height",
               "top": "top", "left": "left", "right": "right", "bottom": "bottom",
               "background-color": "background-color"}
_LENGTH = re.compile(r"^\s*(-?[\d.]+(?:e-?\d+)?)\s*(px|rpx|%|em|rem|vw|vh)?\s*$", re.I)


@dataclass
class Targets:
    """Target values of one step or keyframe: CSS text per property and a transform list."""

    styles: dict[str, str] = field(default_factory=dict)
    transform: tuple | None = None  # steps with (unit, n) lengths; None: transform not animated
    origin: str | None = None

    def names(self) -> set[str]:
        return set(self.styles) | ({"transform"} if self.transform is not None else set())


def css_value(name: str, value: Any) -> str:
    """A style argument as CSS text: numbers are px except for opacity."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"{value:g}" if name == "opacity" else f"{value:g}px"
    return str(value)


def _len(value: Any) -> tuple[str, float]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return ("px", float(value))
    m = _LENGTH.match(str(value))
    if not m:
        return ("px", 0.0)
    return ((m.group(2) or "px").lower(), float(m.group(1)))


def _deg(value: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    m = re.match(r"^\s*(-?[\d.]+)\s*(deg|rad|turn)?\s*$", str(value))
    if not m:
        return 0.0
    n = float(m.group(1))
    return n * {"rad": 180 / math.pi, "turn": 360.0}.get(m.group(2) or "deg", 1.0)


def _f(args: list, i: int, default: float) -> float:
    try:
        return float(args[i]) if i < len(args) and args[i] is not None else default
    except (TypeError, ValueError):
        return default


def _rotate3d(x: float, y: float, z: float, deg: float) -> tuple:
    """The flat (orthographic) 2D part of a 3D rotation about (x, y, z)."""
    n = math.sqrt(x * x + y * y + z * z)
    if n == 0:
        return ("rotate", 0.0)
    x, y, z = x / n, y / n, z / n
    if x == 0 and y == 0:
        return ("rotate", deg * z)
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    m00, m01 = c + x * x * (1 - c), x * y * (1 - c) - z * s
    m10, m11 = y * x * (1 - c) + z * s, c + y * y * (1 - c)
    return ("matrix", m00, m10, m01, m11, 0.0, 0.0)


def transform_step(kind: str, args: list) -> tuple | None:
    """One Animation / keyframe transform method with its arguments as a step tuple."""
    zero = ("px", 0.0)
    if kind in ("rotate", "rotateZ"):
        return ("rotate", _deg(args[0] if args else 0))
    if kind == "rotateX":
        return _rotate3d(1, 0, 0, _deg(args[0] if args else 0))
    if kind == "rotateY":
        return _rotate3d(0, 1, 0, _deg(args[0] if args else 0))
    if kind == "rotate3d":
        if len(args) == 1:
            return ("rotate", _deg(args[0]))
        return _rotate3d(_f(args, 0, 0), _f(args, 1, 0), _f(args, 2, 1), _deg(args[3] if len(args) > 3 else 0))
    if kind in ("scale", "scale3d"):
        sx = _f(args, 0, 1.0)
        return ("scale", sx, _f(args, 1, sx) if kind == "scale" else _f(args, 1, 1.0))
    if kind == "scaleX":
        return ("scale", _f(args, 0, 1.0), 1.0)
    if kind == "scaleY":
        return ("scale", 1.0, _f(args, 0, 1.0))
    if kind == "scaleZ":
        return ("scale", 1.0, 1.0)
    if kind in ("translate", "translate3d"):
        return ("translate", _len(args[0]) if args else zero, _len(args[1]) if len(args) > 1 else zero)
    if kind == "translateX":
        return ("translate", _len(args[0]) if args else zero, zero)
    if kind == "translateY":
        return ("translate", zero, _len(args[0]) if args else zero)
    if kind == "translateZ":
        return ("translate", zero, zero)
    if kind == "skew":
        return ("skew", _deg(args[0]) if args else 0.0, _deg(args[1]) if len(args) > 1 else 0.0)
    if kind == "skewX":
        return ("skew", _deg(args[0]) if args else 0.0, 0.0)
    if kind == "skewY":
        return ("skew", 0.0, _deg(args[0]) if args else 0.0)
    if kind == "matrix" and len(args) >= 6:
        return ("matrix",) + tuple(_f(args, i, 0.0) for i in range(6))
    if kind == "matrix3d" and len(args) >= 16:
        return ("matrix", _f(args, 0, 1), _f(args, 1, 0), _f(args, 4, 0), _f(args, 5, 1), _f(args, 12, 0), _f(args, 13, 0))
    return None


TRANSFORM_KINDS = frozenset({"rotate", "rotateX", "rotateY", "rotateZ", "rotate3d", "scale", "scaleX", "scaleY",
                             "scaleZ", "scale3d", "translate", "translateX", "translateY", "translateZ",
                             "translate3d", "skew", "skewX", "skewY", "matrix", "matrix3d"})


def from_action(animates: list) -> Targets:
    """The targets of one exported `step()`: `{type: "style", args: [name, value]}` entries and
    transform methods (`{type: "rotate", args: [45]}`) in call order."""
    out = Targets()
    steps: list[tuple] = []
    for item in animates or ():
        if not isinstance(item, dict):
            continue
        kind, args = str(item.get("type") or ""), list(item.get("args") or [])
        if kind == "style" and len(args) >= 2 and str(args[0]) in STYLE_NAMES:
            name = STYLE_NAMES[str(args[0])]
            out.styles[name] = css_value(name, args[1])
        elif kind in TRANSFORM_KINDS:
            step = transform_step(kind, args)
            if step is not None:
                steps.append(step)
    if steps:
        out.transform = tuple(steps)
    return out


def from_keyframe(frame: dict) -> Targets:
    """The targets of one `this.animate` keyframe (offset and ease are read by the caller)."""
    out = Targets()
    steps: list[tuple] = []
    for key, value in frame.items():
        if key in STYLE_NAMES:
            name = STYLE_NAMES[key]
            out.styles[name] = css_value(name, value)
        elif key in TRANSFORM_KINDS:
            step = transform_step(key, list(value) if isinstance(value, (list, tuple)) else [value])
            if step is not None:
                steps.append(step)
        elif key == "transformOrigin":
            out.origin = str(value)
    if steps:
        out.transform = tuple(steps)
    return out


def _to_px(value: Any, fs: float, vp: Viewport) -> Any:
    unit, n = value
    return {"px": n, "rpx": n * vp.rpx, "em": n * fs, "rem": n * 16.0, "vw": n * vp.width / 100,
            "vh": n * vp.height / 100}.get(unit, value)


def resolve(targets: Targets, style: ComputedStyle | None, parent: ComputedStyle | None, vp: Viewport,
            report: Any = None) -> dict[str, Any]:
    """Computed values for `targets` on an element whose current style is `style`."""
    found: list[Diagnostic] = []
    text = "; ".join(f"{k}: {v}" for k, v in targets.styles.items())
    if targets.origin:
        text += f"; transform-origin: {targets.origin}"
    decls = parse_declarations(text, None, found.append, lambda key, msg, *_: found.append(Diagnostic("warning", msg)))
    if report is not None:
        for d in found:
            report(Diagnostic("warning", f"animation: {d.message}"))
    fs = style.get("font-size", 16.0) if style is not None else 16.0
    cascaded: dict[str, Any] = {"font-size": ("px", fs)}
    for d in decls:
        cascaded.update(d.longhands)
    computed = compute_style(cascaded, parent, vp)
    out = {name: computed.get(name) for name in targets.styles if computed.get(name) is not None}
    if targets.origin and computed.get("transform-origin") is not None:
        out["transform-origin"] = computed.get("transform-origin")
    if targets.transform is not None:
        out["transform"] = tuple(tuple(_to_px(a, fs, vp) if type(a) is tuple else a for a in step)
                                 for step in targets.transform)
    return out
