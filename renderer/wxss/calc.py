"""Math functions in lengths: `calc()` (CSS Values 4 §10) and `env()` / `constant()` safe areas.

A calc() expression over lengths always reduces to a sum of terms, one per unit, because
`*` and `/` need a plain number on one side (§10.8 type checking). The specified value is
the unit itself when one term remains (`calc(2 * 10px)` → ("px", 20.0)), else
("calc", ((unit, n), ...)); computing resolves every term but `%` (renderer/wxss/computed.py).

`env(safe-area-inset-*)` (CSS Environment Variables 1 §2) and WeChat's older `constant()`
spelling become lengths in the units "sat", "sar", "sab", "sal", resolved against the
device's safe area (renderer/wxss/viewport.py).
"""

from __future__ import annotations

from typing import Any

CALC_NAMES = ("calc", "-webkit-calc")
ENV_NAMES = ("env", "constant")
ENV_UNITS = {"safe-area-inset-top": "sat", "safe-area-inset-right": "sar",
             "safe-area-inset-bottom": "sab", "safe-area-inset-left": "sal"}

Terms = dict  # unit → coefficient; the unit "" is a plain number


class _Invalid(Exception):
    pass


def math_length(tok: Any, leaf: Any, percent: bool) -> tuple | None:
    """The length a calc()/env()/constant() token stands for, or None when it is invalid.

    `leaf(tok)` parses one plain length/percentage token into (unit, n).
    """
    try:
        terms = _value(tok, leaf)
    except _Invalid:
        return None
    if terms.get(""):
        return None  # a number where a length is wanted
    terms.pop("", None)
    if not percent and "%" in terms:
        return None
    terms = {u: n for u, n in terms.items() if n != 0}
    if not terms:
        return ("px", 0.0)
    if len(terms) == 1:
        unit, n = next(iter(terms.items()))
        return (unit, float(n))
    return ("calc", tuple(sorted((u, float(n)) for u, n in terms.items())))


def _value(tok: Any, leaf: Any) -> Terms:
    """One operand: a number, a length, a nested calc()/( ), or env()."""
    if tok.type == "number":
        return {"": float(tok.value)}
    if tok.type == "function" and tok.lower_name in CALC_NAMES:
        return _sum(_significant(tok.arguments), leaf)
    if tok.type == "() block":
        return _sum(_significant(tok.content), leaf)
    if tok.type == "function" and tok.lower_name in ENV_NAMES:
        return _env(tok, leaf)
    parsed = leaf(tok)
    if parsed is None:
        raise _Invalid
    return {parsed[0]: parsed[1]}


def _significant(tokens: list) -> list:
    return [t for t in tokens if t.type not in ("comment",)]


def _sum(tokens: list, leaf: Any) -> Terms:
    """§10.1 <calc-sum> = <calc-product> [ [ '+' | '-' ] <calc-product> ]*; the operators
    need whitespace on both sides (so `1px -2px` is invalid)."""
    parts: list[tuple[float, list]] = [(1.0, [])]
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "literal" and t.value in ("+", "-"):
            before = i > 0 and tokens[i - 1].type == "whitespace"
            after = i + 1 < len(tokens) and tokens[i + 1].type == "whitespace"
            if not (before and after) or not parts[-1][1]:
                raise _Invalid
            parts.append((1.0 if t.value == "+" else -1.0, []))
        elif t.type != "whitespace":
            parts[-1][1].append(t)
        i += 1
    total: Terms = {}
    for sign, product in parts:
        for unit, n in _product(product, leaf).items():
            total[unit] = total.get(unit, 0.0) + sign * n
    return total


def _product(tokens: list, leaf: Any) -> Terms:
    """§10.1 <calc-product> = <calc-value> [ [ '*' | '/' ] <calc-value> ]*."""
    if not tokens or len(tokens) % 2 == 0:
        raise _Invalid
    acc = _value(tokens[0], leaf)
    for op, operand in zip(tokens[1::2], tokens[2::2]):
        if op.type != "literal" or op.value not in ("*", "/"):
            raise _Invalid
        rhs = _value(operand, leaf)
        if op.value == "/":
            if set(rhs) != {""} or rhs[""] == 0:
                raise _Invalid
            acc = {u: n / rhs[""] for u, n in acc.items()}
        elif set(rhs) == {""}:
            acc = {u: n * rhs[""] for u, n in acc.items()}
        elif set(acc) == {""}:
            acc = {u: n * acc[""] for u, n in rhs.items()}
        else:
            raise _Invalid  # length * length has no meaning
    return acc


def _env(tok: Any, leaf: Any) -> Terms:
    """CSS Environment Variables 1 §3: env( <custom-ident> , <declaration-value>? )."""
    args = [t for t in tok.arguments if t.type not in ("whitespace", "comment")]
    if not args or args[0].type != "ident":
        raise _Invalid
    unit = ENV_UNITS.get(args[0].lower_value)
    if unit is not None:
        return {unit: 1.0}
    if len(args) == 3 and args[1].type == "literal" and args[1].value == ",":
        return _value(args[2], leaf)
    raise _Invalid
