"""Writing small mini-program projects for tests: app.json, app.js and pages from strings."""

from __future__ import annotations

import json
from pathlib import Path


def write_project(root: Path, pages: dict[str, dict[str, str]], app_js: str = "App({})",
                  app: dict | None = None, files: dict[str, str] | None = None) -> Path:
    """`pages` maps a route ("pages/a/a") to its files by extension ({"wxml": ..., "js": ...}).

    app.json lists the pages in order, merged with `app`; `files` adds any other file by path.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "app.json").write_text(json.dumps({"pages": list(pages), **(app or {})}), encoding="utf-8")
    (root / "app.js").write_text(app_js, encoding="utf-8")
    for route, sources in pages.items():
        for ext, text in sources.items():
            path = root / f"{route}.{ext}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for rel, text in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
