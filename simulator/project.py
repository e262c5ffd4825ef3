"""Loading a mini-program project folder and resolving paths inside it.

Follows WeChat's project layout: project.config.json (miniprogramRoot), app.json
(pages, window, tabBar, usingComponents, subpackages), per-page and per-component json,
and npm packages built into `miniprogram_npm` folders.
"""

from __future__ import annotations

import json
import os
import posixpath
import stat
from pathlib import Path
from typing import Any

from bridge.diagnostics import WxsimError, error

WINDOW_DEFAULTS: dict[str, Any] = {
    "navigationBarBackgroundColor": "#000000",
    "navigationBarTextStyle": "white",
    "navigationBarTitleText": "",
    "navigationStyle": "default",
    "backgroundColor": "#ffffff",
    "backgroundTextStyle": "dark",
    "enablePullDownRefresh": False,
    "onReachBottomDistance": 50,
    "disableScroll": False,
}


def load_json(path: Path, rel: str) -> Any:
    """Parse a JSON file; a syntax error names the file, line and column."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise error(f"file not found: {rel}", rel) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"invalid JSON: {exc.msg}", rel, exc.lineno, exc.colno) from None


def normalize_route(url: str) -> tuple[str, str]:
    """Split a page URL into route (no leading '/', no extension) and query string."""
    path, _, query = url.partition("?")
    path = path.lstrip("/")
    if path.endswith(".html"):
        path = path[: -len(".html")]
    return path, query


class Project:
    """A mini-program project on disk: its config, pages and path resolution."""

    def __init__(self, project_dir: Path, root: Path, config: dict, app: dict):
        self.project_dir = project_dir
        self.root = root
        self.config = config
        self.app = app
        self.pages = self._all_pages()
        tab_list = (app.get("tabBar") or {}).get("list") or []
        self.tab_pages = [normalize_route(item.get("pagePath", ""))[0] for item in tab_list]
        self.window = {**WINDOW_DEFAULTS, **(app.get("window") or {})}
        # rel → (file identity: mtime, size, inode; parsed object) for json_of
        self._json: dict[str, tuple[tuple, Any]] = {}

    @classmethod
    def load(cls, path: str | Path) -> Project:
        project_dir = Path(path).resolve()
        if not project_dir.is_dir():
            raise error(f"project folder not found: {path}")
        config: dict = {}
        config_path = project_dir / "project.config.json"
        if config_path.exists():
            config = load_json(config_path, "project.config.json")
        root = project_dir / (config.get("miniprogramRoot") or "")
        if not (root / "app.json").exists():
            where = config.get("miniprogramRoot") or "."
            raise error(f"app.json not found in the mini-program root '{where}'", "project.config.json")
        app = load_json(root / "app.json", "app.json")
        if not isinstance(app, dict) or not isinstance(app.get("pages"), list) or not app["pages"]:
            raise error("app.json must list at least one page in \"pages\"", "app.json", 1, 1)
        return cls(project_dir, root.resolve(), config, app)

    def _all_pages(self) -> list[str]:
        pages = [normalize_route(p)[0] for p in self.app["pages"]]
        for sub in self.app.get("subpackages") or self.app.get("subPackages") or []:
            sub_root = sub.get("root", "").strip("/")
            pages += [posixpath.join(sub_root, normalize_route(p)[0]) for p in sub.get("pages", [])]
        return pages

    @property
    def entry_page(self) -> str:
        entry = self.app.get("entryPagePath")
        return normalize_route(entry)[0] if entry else self.pages[0]

    # files -------------------------------------------------------------
    def path(self, rel: str) -> Path:
        return self.root / rel

    def exists(self, rel: str) -> bool:
        return (self.root / rel).is_file()

    def read_text(self, rel: str) -> str:
        rel = rel.lstrip("/")
        try:
            return (self.root / rel).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise error(f"file not found: {rel}", rel) from None
        except UnicodeDecodeError as exc:
            raise error(f"file is not UTF-8: {exc.reason}", rel) from None

    def json_of(self, base: str) -> dict:
        """The json next to a page or component (`base` without extension); {} if absent."""
        rel = base + ".json"
        path = self.root / rel
        try:
            st = os.stat(path)
        except OSError:
            return {}
        if not stat.S_ISREG(st.st_mode):
            return {}
        # Parsed once per version of the file: the window chrome asks for the page's json on
        # every paint. A copy goes out, so callers may change what they get.
        stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        kept = self._json.get(rel)
        if kept is not None and kept[0] == stamp:
            return dict(kept[1])
        data = load_json(path, rel)
        if not isinstance(data, dict):
            raise error("expected a JSON object", rel, 1, 1)
        self._json[rel] = (stamp, data)
        return dict(data)

    def page_json(self, route: str) -> dict:
        return self.json_of(route)

    def page_window(self, route: str) -> dict:
        """The page's window config: app.json window overridden by the page's json.

        A page json that does not parse counts as empty here: the page view reported it when
        it opened, and the navigation bar must still paint."""
        try:
            page = self.page_json(route)
        except WxsimError:
            page = {}
        merged = dict(self.window)
        merged.update({k: v for k, v in page.items() if k not in ("usingComponents", "component")})
        merged["hasTabBar"] = route in self.tab_pages
        return merged

    def using_components(self, base: str) -> dict[str, str]:
        """Custom components usable in `base`'s template, resolved to component bases.

        App-level `usingComponents` apply to every page and component, the file's own win.
        """
        names = dict(self.app.get("usingComponents") or {})
        own = self.json_of(base).get("usingComponents") or {}
        resolved: dict[str, str] = {}
        for name, spec in names.items():
            resolved[name] = self.resolve_component("app.json", spec)
        for name, spec in own.items():
            resolved[name] = self.resolve_component(base + ".json", spec)
        return resolved

    # resolution --------------------------------------------------------
    def resolve_component(self, from_rel: str, spec: str) -> str:
        """Resolve a usingComponents entry to the component's base path (no extension)."""
        if spec.startswith("plugin://"):
            raise error(f"plugin components are not supported yet: '{spec}'", from_rel)
        for candidate in self._candidates(from_rel, spec):
            for base in (candidate, candidate + "/index"):
                if self.exists(base + ".json") or self.exists(base + ".js"):
                    return base
        raise error(f"component not found: '{spec}'", from_rel)

    def resolve_module(self, from_rel: str, spec: str) -> str:
        """Resolve a JS `require` to a file path relative to the root."""
        for candidate in self._candidates(from_rel, spec):
            for rel in (candidate, candidate + ".js", candidate + ".json", candidate + "/index.js"):
                if self.exists(rel):
                    return rel
            package = self._package_main(candidate)
            if package:
                return package
        raise error(f"module '{spec}' not found (required from {from_rel})", from_rel)

    def _candidates(self, from_rel: str, spec: str) -> list[str]:
        here = posixpath.dirname(from_rel)
        if spec.startswith("/"):
            return [posixpath.normpath(spec.lstrip("/"))]
        relative = posixpath.normpath(posixpath.join(here, spec))
        if spec.startswith("."):
            return [relative]
        found = [relative] if not relative.startswith("..") else []
        folder = here
        while True:
            found.append(posixpath.normpath(posixpath.join(folder, "miniprogram_npm", spec)))
            if not folder or folder == ".":
                break
            folder = posixpath.dirname(folder)
        return found

    def _package_main(self, folder: str) -> str | None:
        pkg = folder + "/package.json"
        if not self.exists(pkg):
            return None
        main = (load_json(self.root / pkg, pkg) or {}).get("main")
        if not main:
            return None
        target = posixpath.normpath(posixpath.join(folder, main))
        for rel in (target, target + ".js", target + "/index.js"):
            if self.exists(rel):
                return rel
        return None
