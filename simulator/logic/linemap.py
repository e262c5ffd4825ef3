"""Global line ranges → files, so QuickJS stacks (which only say `<input>:N`) name user files.

Every chunk evaluated in the logic context is given its own range of global line numbers by
prefixing it with newlines; this table turns a global line back into `file:line`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

FRAME_RE = re.compile(r"<input>(?::(\d+))?")
BASELIB_PREFIX = "<wxsim>/"


@dataclass(frozen=True)
class Location:
    file: str
    line: int | None


class LineMap:
    """Allocates line ranges and maps global lines back to (file, local line)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._files: list[str] = []
        self._next = 1

    def allocate(self, file: str, line_count: int) -> int:
        """Reserve `line_count` lines for `file`; returns the global number of its first line."""
        start = self._next
        self._starts.append(start)
        self._files.append(file)
        self._next += max(1, line_count)
        return start

    def lookup(self, global_line: int) -> Location | None:
        i = bisect.bisect_right(self._starts, global_line) - 1
        if i < 0:
            return None
        return Location(self._files[i], global_line - self._starts[i] + 1)

    def rewrite_stack(self, stack: str) -> str:
        """`at f (<input>:812)` → `at f (pages/index/index.js:12)`."""

        def sub(m: re.Match[str]) -> str:
            if m.group(1) is None:
                return "<unknown>"
            loc = self.lookup(int(m.group(1)))
            return f"{loc.file}:{loc.line}" if loc else m.group(0)

        return FRAME_RE.sub(sub, stack)

    def first_user_frame(self, stack: str) -> Location | None:
        """The innermost frame that lies in a user file (not the base library)."""
        for m in FRAME_RE.finditer(stack):
            if m.group(1) is None:
                continue
            loc = self.lookup(int(m.group(1)))
            if loc and not loc.file.startswith(BASELIB_PREFIX):
                return loc
        return None
