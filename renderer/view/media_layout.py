"""Where the parts of a `<video>` / `<audio controls>` are inside its box, in CSS px.

One geometry for painting (renderer/qt/media.py) and for taps (media_element.py), so a tap
lands on the button the screen shows. Rects are `(x, y, width, height)` from the box's top-left.
Video (WeChat docs 组件/video): a centre play button while paused (`show-center-play-btn`), and
with `controls` a bar along the bottom: play/pause (`show-play-btn`), the current time, a
progress bar (`show-progress`; unset: only when the video is wider than 240 px), the duration
and the full-screen button (`show-fullscreen-btn`). Audio: WeChat's card, the poster square
on the left with the play/pause button over it, then name, author and the time.
"""

from __future__ import annotations

from typing import Any

Rect = tuple[float, float, float, float]

BAR_HEIGHT = 40.0
CENTER_BUTTON = 56.0
TIME_WIDTH = 46.0
AUDIO_HEIGHT = 66.0


def flag(node: Any, name: str, default: bool) -> bool:
    """A boolean attribute: absent → `default`; false, "false" and "" → off."""
    attrs = getattr(node, "attrs", None) or {}
    if name not in attrs or attrs[name] is None:
        return default
    value = attrs[name]
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "0")
    return bool(value)


def video_parts(node: Any, width: float, height: float) -> dict[str, Rect]:
    """The visible parts of a video of this size; `bar` and its pieces only with `controls`."""
    parts: dict[str, Rect] = {}
    side = min(CENTER_BUTTON, width, height)
    parts["center"] = ((width - side) / 2, (height - side) / 2, side, side)
    if not flag(node, "controls", True) or height < BAR_HEIGHT:
        return parts
    top = height - BAR_HEIGHT
    parts["bar"] = (0.0, top, width, BAR_HEIGHT)
    left, right = 0.0, width
    if flag(node, "show-play-btn", True):
        parts["play"] = (0.0, top, BAR_HEIGHT, BAR_HEIGHT)
        left = BAR_HEIGHT
    if flag(node, "show-fullscreen-btn", True):
        parts["fullscreen"] = (width - BAR_HEIGHT, top, BAR_HEIGHT, BAR_HEIGHT)
        right = width - BAR_HEIGHT
    parts["current"] = (left + 4, top, TIME_WIDTH, BAR_HEIGHT)
    parts["duration"] = (right - TIME_WIDTH - 4, top, TIME_WIDTH, BAR_HEIGHT)
    if flag(node, "show-progress", width > 240):
        x0, x1 = left + TIME_WIDTH + 10, right - TIME_WIDTH - 10
        if x1 > x0:
            parts["progress"] = (x0, top + BAR_HEIGHT / 2 - 1, x1 - x0, 2.0)
    return parts


def audio_parts(width: float, height: float) -> dict[str, Rect]:
    side = min(height, AUDIO_HEIGHT) if height > 0 else AUDIO_HEIGHT
    return {
        "poster": (0.0, 0.0, side, side),
        "play": (side / 2 - 12, side / 2 - 12, 24.0, 24.0),
        "name": (side + 14, 12.0, max(0.0, width - side - 80), 20.0),
        "author": (side + 14, 34.0, max(0.0, width - side - 80), 18.0),
        "time": (width - 60, 12.0, 50.0, 20.0),
    }


def contains(rect: Rect | None, x: float, y: float) -> bool:
    return rect is not None and rect[0] <= x < rect[0] + rect[2] and rect[1] <= y < rect[1] + rect[3]


def clock_text(seconds: float) -> str:
    """WeChat's player time: 00:07, 12:30, 1:02:03."""
    total = max(0, int(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"
