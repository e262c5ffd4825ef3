"""WXS source differences from JavaScript, applied before the view-layer engine runs it.

- In a string literal an escape JavaScript does not know keeps its backslash: WXS modules
  write `getRegExp('^-?\\d+$')` and mean the regular expression `\\d` (WXS has no regex literals).
- `x.constructor` is the type's name as a string ("Object", "Array", ...); it is rewritten to
  a getter the view prelude defines (`__wxsConstructor`).
"""

from __future__ import annotations

import re

_JS_ESCAPES = set("nrtbfv0xu'\"\\\n\r`123456789")
_CONSTRUCTOR = re.compile(r"\.(\s*)constructor\b")


def translate(code: str) -> str:
    """`code` with WXS string escapes and `.constructor` made explicit for a JS engine."""
    out: list[str] = []
    plain_start = 0
    i, n = 0, len(code)
    while i < n:
        ch = code[i]
        if ch in "'\"":
            out.append(_CONSTRUCTOR.sub(r".\1__wxsConstructor", code[plain_start:i]))
            i = _string(code, i, out)
            plain_start = i
        elif code.startswith("//", i):
            end = code.find("\n", i)
            i = n if end < 0 else end
        elif code.startswith("/*", i):
            end = code.find("*/", i + 2)
            i = n if end < 0 else end + 2
        else:
            i += 1
    out.append(_CONSTRUCTOR.sub(r".\1__wxsConstructor", code[plain_start:]))
    return "".join(out)


def _string(code: str, i: int, out: list[str]) -> int:
    """Copy the string literal starting at `i` into `out`; returns the index after it."""
    quote = code[i]
    out.append(quote)
    i += 1
    while i < len(code):
        ch = code[i]
        if ch == "\\" and i + 1 < len(code):
            nxt = code[i + 1]
            out.append("\\\\" + nxt if nxt not in _JS_ESCAPES else "\\" + nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
        if ch == quote or ch == "\n":
            break
    return i
