"""Runaway-loop protection: every `while`/`for(;;)`/`do…while` condition first calls `__wxtick()`,
and a braced `for…in`/`for…of` body starts with it (an endless iterator has no condition).

The `quickjs` package refuses calls into Python while its engine time limit is armed, and the
logic layer must call into Python (require, sync wx APIs, posting messages). So the time limit is
enforced in JS instead: `__wxtick()` checks the entry's deadline every 1024 iterations and, once
past it, keeps throwing. The rewrite is token-based and adds no newlines.
"""

from __future__ import annotations

from simulator.logic.esm_tokens import Token, tokenize

TICK = "__wxtick()"


def _matching_paren(toks: list[Token], i: int) -> int:
    depth = 0
    for j in range(i, len(toks)):
        t = toks[j]
        if t.kind == "punct" and t.text in "([{":
            depth += 1
        elif t.kind == "punct" and t.text in ")]}":
            depth -= 1
            if depth == 0:
                return j
        elif t.kind == "template":
            depth += t.text.endswith("${") - t.text.startswith("}")
    return -1


def _for_condition(toks: list[Token], open_i: int, close_i: int) -> tuple[int, int] | None:
    """Token span of the condition in `for (init; cond; update)`; None for for-in/for-of."""
    semis = []
    depth = 0
    for j in range(open_i + 1, close_i):
        t = toks[j]
        if t.kind == "punct" and t.text in "([{":
            depth += 1
        elif t.kind == "punct" and t.text in ")]}":
            depth -= 1
        elif depth == 0 and t.kind == "punct" and t.text == ";":
            semis.append(j)
    return (semis[0], semis[1]) if len(semis) == 2 else None


def guard_loops(src: str) -> str:
    toks = tokenize(src)
    inserts: list[tuple[int, str]] = []  # (char offset, text)
    for i, t in enumerate(toks):
        if t.kind != "ident" or t.text not in ("while", "for") or i + 1 >= len(toks):
            continue
        if i > 0 and toks[i - 1].kind == "punct" and toks[i - 1].text in (".", "?."):
            continue
        k = i + 1
        if toks[k].text == "await":
            k += 1
        if k >= len(toks) or toks[k].text != "(":
            continue
        close = _matching_paren(toks, k)
        if close < 0:
            continue
        if t.text == "while":
            inserts += [(toks[k].end, TICK + " && ("), (toks[close].start, ")")]
            continue
        span = _for_condition(toks, k, close)
        if span is None:  # for-in / for-of: no condition; a braced body ticks first
            if close + 1 < len(toks) and toks[close + 1].text == "{":
                inserts.append((toks[close + 1].end, TICK + ";"))
            continue
        a, b = span
        if b == a + 1:
            inserts.append((toks[a].end, TICK))
        else:
            inserts += [(toks[a].end, TICK + " && ("), (toks[b].start, ")")]
    if not inserts:
        return src
    out = []
    pos = 0
    for offset, text in sorted(inserts, key=lambda x: x[0]):
        out.append(src[pos:offset])
        out.append(text)
        pos = offset
    out.append(src[pos:])
    return "".join(out)
