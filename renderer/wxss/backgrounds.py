"""Background and mask layers (CSS Backgrounds 3 §2-3, CSS Masking 1 §3): one image, its size,
position and repetition.

`background-image` computes to "none", a gradient tuple (renderer/wxss/gradients.py) or
("url", src), src made absolute from the mini-program root when the stylesheet names a path
relative to itself (renderer/wxss/stylesheet.py resolves it). `background-size` computes to
"cover", "contain" or (width, height) with each "auto" or a length; `background-position` to an
(x, y) pair of lengths/percentages; `background-repeat` to (x, y) keywords. One layer only: a
value with several comma-separated layers is reported as unsupported. `mask-*` (and the
`-webkit-mask-*` forms WeUI uses for its icons) compute the same way; the mask's image is used
for its alpha.
"""

from __future__ import annotations

from typing import Any

from . import values as v
from .gradients import _position, gradient
from .properties import UNSUPPORTED_KEY, prop

REPEATS = ("repeat", "no-repeat", "space", "round")
_REPEAT_SHORT = {"repeat-x": ("repeat", "no-repeat"), "repeat-y": ("no-repeat", "repeat")}
_IGNORED = ("scroll", "fixed", "local", "border-box", "padding-box", "content-box", "text",
            "fill-box", "stroke-box", "view-box", "no-clip", "add", "subtract", "intersect", "exclude",
            "alpha", "luminance", "match-source")


def url_of(tok: Any) -> str | None:
    """CSS Values 4 §4.5 <url>: `url(x)`, `url("x")` (tinycss2 gives a url token or a function)."""
    if tok.type == "url":
        return tok.value.strip()
    if tok.type == "function" and tok.lower_name == "url":
        args = [a for a in tok.arguments if a.type not in ("whitespace", "comment")]
        if len(args) == 1 and args[0].type == "string":
            return args[0].value.strip()
    return None


def image(tok: Any) -> Any:
    """<image>: a url or a gradient; None otherwise."""
    src = url_of(tok)
    if src is not None:
        return ("url", src) if src else None
    return gradient(tok)


def _layers(tokens: list) -> bool:
    return any(t.type == "literal" and t.value == "," for t in tokens)


@prop("background-image")
def background_image(tokens: list) -> dict[str, Any] | None:
    """§2.2: none | <image>."""
    if _layers(tokens):
        return {UNSUPPORTED_KEY: True}
    if len(tokens) == 1 and v.keyword(tokens[0]) == "none":
        return {"background-image": "none"}
    found = image(tokens[0]) if len(tokens) == 1 else None
    return None if found is None else {"background-image": found}


def repeat(tokens: list) -> tuple | None:
    """§2.3: repeat-x | repeat-y | [repeat | space | round | no-repeat]{1,2}."""
    words = [v.keyword(t) for t in tokens]
    if len(words) == 1 and words[0] in _REPEAT_SHORT:
        return _REPEAT_SHORT[words[0]]
    if not 1 <= len(words) <= 2 or any(w not in REPEATS for w in words):
        return None
    return (words[0], words[-1])


def size(tokens: list) -> Any:
    """§3.9: cover | contain | [<length-percentage> | auto]{1,2} (one value: height auto)."""
    words = [v.keyword(t) for t in tokens]
    if len(tokens) == 1 and words[0] in ("cover", "contain"):
        return words[0]
    if not 1 <= len(tokens) <= 2:
        return None
    sides = ["auto" if w == "auto" else v.length(t, negative=False) for t, w in zip(tokens, words)]
    if None in sides:
        return None
    return (sides[0], sides[1] if len(sides) == 2 else "auto")


def position(tokens: list) -> tuple | None:
    """§3.6 <bg-position>, the one- and two-value forms (a lone top/bottom centres horizontally)."""
    if len(tokens) == 1 and v.keyword(tokens[0]) in ("top", "bottom"):
        return (("%", 50.0), ("%", 0.0 if v.keyword(tokens[0]) == "top" else 100.0))
    return _position(tokens)


def _single(name: str, parse: Any) -> None:
    def validate(tokens: list) -> dict[str, Any] | None:
        if _layers(tokens):
            return {UNSUPPORTED_KEY: True}
        value = parse(tokens)
        return None if value is None else {name: value}
    prop(name)(validate)


_single("background-repeat", repeat)
_single("background-size", size)
_single("background-position", position)
for _prefix in ("mask", "-webkit-mask"):
    for _part, _parse in (("repeat", repeat), ("size", size), ("position", position)):
        prop(f"{_prefix}-{_part}")(lambda tokens, name=f"mask-{_part}", parse=_parse: _layer_value(name, parse, tokens))


def _layer_value(name: str, parse: Any, tokens: list) -> dict[str, Any] | None:
    if _layers(tokens):
        return {UNSUPPORTED_KEY: True}
    value = parse(tokens)
    return None if value is None else {name: value}


@prop("mask-image", "-webkit-mask-image")
def mask_image(tokens: list) -> dict[str, Any] | None:
    """CSS Masking 1 §3.2: none | <image> (one layer)."""
    found = background_image(tokens)
    return found if found is None or UNSUPPORTED_KEY in found else {"mask-image": found["background-image"]}


@prop("mask", "-webkit-mask")
def mask(tokens: list) -> dict[str, Any] | None:
    """§3.11 shorthand, one layer: <image> || <position> [/ <size>]? || <repeat> (box and
    compositing keywords accepted without effect); omitted parts take initial values."""
    if len(tokens) == 1 and v.keyword(tokens[0]) == "none":
        return {"mask-image": "none", "mask-position": (("%", 0.0), ("%", 0.0)), "mask-size": "auto",
                "mask-repeat": ("repeat", "repeat")}
    if any(v.color(t) is not None for t in tokens):
        return None  # a mask has no colour part
    found = background(tokens)
    if found is None or UNSUPPORTED_KEY in found:
        return found
    return {"mask-" + k.removeprefix("background-"): val for k, val in found.items() if k != "background-color"}


@prop("background")
def background(tokens: list) -> dict[str, Any] | None:
    """§3.10 shorthand, one layer: <color> || <image> || <position> [/ <size>]? || <repeat> ||
    attachment and box keywords (accepted, without effect). Omitted parts take initial values."""
    if _layers(tokens):
        return {UNSUPPORTED_KEY: True}
    out: dict[str, Any] = {"background-color": (0, 0, 0, 0.0), "background-image": "none",
                           "background-position": (("%", 0.0), ("%", 0.0)), "background-size": "auto",
                           "background-repeat": ("repeat", "repeat")}
    seen: set[str] = set()
    i = 0
    while i < len(tokens):
        tok, word = tokens[i], v.keyword(tokens[i])
        found = ("none" if word == "none" else image(tok)) if "background-image" not in seen else None
        if found is not None:
            out["background-image"] = found
            seen.add("background-image")
            i += 1
            continue
        color = v.color(tok) if "background-color" not in seen else None
        if color is not None:
            out["background-color"] = color
            seen.add("background-color")
            i += 1
            continue
        if word in REPEATS or word in _REPEAT_SHORT:
            run = [tok]
            if word in REPEATS and i + 1 < len(tokens) and v.keyword(tokens[i + 1]) in REPEATS:
                run.append(tokens[i + 1])
            parsed = repeat(run)
            if parsed is None or "background-repeat" in seen:
                return None
            out["background-repeat"] = parsed
            seen.add("background-repeat")
            i += len(run)
            continue
        if word in _IGNORED:
            i += 1
            continue
        j = i
        while j < len(tokens) and not (tokens[j].type == "literal" and tokens[j].value == "/") and \
                (v.keyword(tokens[j]) in ("left", "right", "top", "bottom", "center") or v.length(tokens[j]) is not None):
            j += 1
        pos = position(tokens[i:j]) if j > i and "background-position" not in seen else None
        if pos is None:
            return None
        out["background-position"] = pos
        seen.add("background-position")
        i = j
        if i < len(tokens) and tokens[i].type == "literal" and tokens[i].value == "/":
            k = i + 1
            while k < len(tokens) and k < i + 3 and (v.keyword(tokens[k]) in ("auto", "cover", "contain")
                                                     or v.length(tokens[k]) is not None):
                k += 1
            parsed_size = size(tokens[i + 1:k])
            if parsed_size is None:
                return None
            out["background-size"] = parsed_size
            i = k
    return out
