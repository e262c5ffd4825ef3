"""`python -m tests.libs.report [vant|weui|tdesign ...] [-v]`: install each library, render every
component page, drive the interactions, and print components rendered without error / total."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.libs.install import LibraryUnavailable  # noqa: E402
from tests.libs.libraries import LIBRARIES  # noqa: E402
from tests.libs.project import build_project  # noqa: E402
from tests.libs.runner import interact, open_library, render_page  # noqa: E402


def report_library(key: str, verbose: bool) -> str:
    lib = LIBRARIES[key]
    try:
        root = build_project(lib)
    except LibraryUnavailable as exc:
        return f"{lib.package}@{lib.version}: skipped ({exc})"
    with tempfile.TemporaryDirectory() as tmp:
        mp = open_library(root, Path(tmp) / "storage")
        try:
            results = [render_page(mp, lib, u) for u in lib.usages]
            checks = [(u.name, *interact(mp, u)) for u in lib.usages if u.interaction]
        finally:
            mp.close()
    ok = sum(r.ok for r in results)
    passed = sum(c[1] for c in checks)
    lines = [f"{lib.package}@{lib.version}: {ok}/{len(results)} components rendered without error; "
             f"{passed}/{len(checks)} interactions fired their documented event"]
    for r in results:
        if not r.ok or verbose:
            lines.append(f"  {'ok  ' if r.ok else 'FAIL'} {r.name}")
            lines.extend(f"       {m}" for m in (r.errors + r.warnings + r.problems)[:6])
            if verbose:
                lines.extend(f"       explained: {m}" for m in r.explained)
    for name, good, what in checks:
        if not good or verbose:
            lines.append(f"  {'ok  ' if good else 'FAIL'} interact {name}: {what}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    keys = [a for a in argv if not a.startswith("-")] or list(LIBRARIES)
    for key in keys:
        print(report_library(key, verbose), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
