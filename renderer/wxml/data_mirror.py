"""When the view's JS context may keep an instance's data between renders.

Every render used to send the instance's whole data as JSON and parse it again in JS (for a
1000-item list, more than the render of the one item a setData changed). For a template that
cannot change the data it renders, prelude.js keeps the parsed data per instance and a later
render sends only the setData changes, applied there as renderer/view/paths.py applies them
(a path it cannot apply the same way makes it ask for the whole data again).

A template is such when no unit it renders (its file, templates it imports, files it
includes) calls a function or uses WXS: expressions can otherwise only read their data.
"""

from __future__ import annotations

from collections.abc import Iterable

# What compiled units (renderer/wxml/codegen.py) write for calls and WXS.
_MUTATING = ("$c(", "$f(", "$W.wxs", "$X.")


def reads_only(units: Iterable[str]) -> bool:
    """True when no compiled unit can change the data it is given."""
    return not any(marker in js for js in units for marker in _MUTATING)
