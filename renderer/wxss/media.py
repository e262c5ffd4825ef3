"""@media conditions (Media Queries 4) evaluated against the device viewport.

Supported: media types all/screen (print never matches), `not`/`only`, `and`, comma lists,
and the features width/height (with min-/max-), orientation, aspect-ratio (min-/max-) and
prefers-color-scheme (the simulator shows the light scheme). A query with anything else is
reported by the caller and does not match.
"""

from __future__ import annotations

from typing import Any

from .viewport import Viewport

Query = tuple[bool, str, tuple]  # (negated, media type, features: ((name, value), ...))


class MediaError(Exception):
    """An unsupported media feature or malformed query; the message names it."""


def parse_media(prelude: list) -> tuple[Query, ...]:
    """Media Queries 4 §3: a comma-separated <media-query-list>."""
    queries: list[Query] = []
    current: list = []
    for tok in list(prelude) + [None]:
        if tok is None or (tok.type == "literal" and tok.value == ","):
            queries.append(_query([t for t in current if t.type not in ("whitespace", "comment")]))
            current = []
        else:
            current.append(tok)
    return tuple(queries)


def _query(toks: list) -> Query:
    negated = False
    mtype = "all"
    feats: list = []
    expect_and = False
    for tok in toks:
        if tok.type == "ident" and not feats and mtype == "all" and tok.lower_value in ("not", "only"):
            negated = tok.lower_value == "not"
        elif tok.type == "ident" and tok.lower_value == "and":
            expect_and = False
        elif tok.type == "ident" and not feats and not expect_and:
            mtype = tok.lower_value
            expect_and = True
        elif tok.type == "() block" and not expect_and:
            feats.append(_feature(tok))
            expect_and = True
        else:
            raise MediaError(f"unsupported media query token '{tok.serialize()}'")
    if mtype not in ("all", "screen", "print"):
        raise MediaError(f"unsupported media type '{mtype}'")
    return (negated, mtype, tuple(feats))


_FEATURES = ("width", "height", "orientation", "aspect-ratio", "prefers-color-scheme")


def _feature(block: Any) -> tuple[str, Any]:
    parts = [t for t in block.content if t.type not in ("whitespace", "comment")]
    if not parts or parts[0].type != "ident":
        raise MediaError(f"malformed media feature '({block.serialize()})'")
    name = parts[0].lower_value
    base = name[4:] if name.startswith(("min-", "max-")) else name
    if base not in _FEATURES:
        raise MediaError(f"unsupported media feature '{name}'")
    if len(parts) == 1:
        return (name, None)
    if len(parts) < 3 or parts[1].type != "literal" or parts[1].value != ":":
        raise MediaError(f"malformed media feature '{block.serialize()}'")
    return (name, _value(base, parts[2:]))


def _value(base: str, toks: list) -> Any:
    if base in ("orientation", "prefers-color-scheme") and len(toks) == 1 and toks[0].type == "ident":
        return toks[0].lower_value
    if base == "aspect-ratio" and len(toks) == 3 and toks[0].type == toks[2].type == "number":
        return toks[0].value / toks[2].value if toks[2].value else None
    if base in ("width", "height") and len(toks) == 1:
        t = toks[0]
        if t.type == "dimension" and t.lower_unit in ("px", "rpx"):
            return ("px" if t.lower_unit == "px" else "rpx", float(t.value))
        if t.type == "number" and t.value == 0:
            return ("px", 0.0)
    raise MediaError(f"unsupported value in media feature '{base}'")


def media_matches(queries: tuple[Query, ...], vp: Viewport) -> bool:
    """Media Queries 4 §2.4: a list matches when any query matches."""
    return any(_query_matches(q, vp) for q in queries)


def _query_matches(q: Query, vp: Viewport) -> bool:
    negated, mtype, feats = q
    ok = mtype != "print" and all(_feature_matches(name, value, vp) for name, value in feats)
    return ok != negated


def _feature_matches(name: str, value: Any, vp: Viewport) -> bool:
    prefix = name[:4] if name.startswith(("min-", "max-")) else ""
    base = name[len(prefix):]
    if base == "prefers-color-scheme":
        return value in (None, "light")
    if base == "orientation":
        actual = "portrait" if vp.height >= vp.width else "landscape"
        return value is None or value == actual
    if base == "aspect-ratio":
        have, want = vp.width / vp.height if vp.height else 0.0, value
    else:
        have = vp.width if base == "width" else vp.height
        want = None if value is None else (value[1] * vp.rpx if value[0] == "rpx" else value[1])
    if want is None:
        return have > 0
    if prefix == "min-":
        return have >= want
    if prefix == "max-":
        return have <= want
    return abs(have - want) < 1e-6
