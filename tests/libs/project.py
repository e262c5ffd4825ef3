"""Lay out a mini-program project for a library, as WeChat DevTools' "build npm" would:
`miniprogram_npm/<name>` is the package's built mini-program folder; one page per component."""

from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path

from tests.libs.install import LibraryUnavailable, cache_dir, install, miniprogram_dir
from tests.libs.spec import Library, ResourceFile, Usage

PAGE_JS = """const DATA = %(data)s;
Page({
  data: Object.assign({ events: [], last: null }, DATA),
  onEvent(e) {
    const rec = { type: e.type, detail: e.detail === undefined ? null : e.detail,
                  id: (e.currentTarget && e.currentTarget.id) || '' };
    const patch = { events: this.data.events.concat([rec]), last: rec };
    const key = e.currentTarget && e.currentTarget.dataset && e.currentTarget.dataset.key;
    if (key) patch[key] = e.detail;
    this.setData(patch);
  },
%(extra)s
});
"""


def page_route(usage: Usage) -> str:
    return f"pages/{usage.name}/index"


def build_project(lib: Library, parent: Path | None = None) -> Path:
    """Install the package (cached) and write the project under `parent` (default: the shared
    cache folder; a test session passes its own, so parallel runs never share a project)."""
    pkg_dir = install(lib.package, lib.version)
    root = (parent or cache_dir() / "projects") / f"{lib.npm_name.replace('/', '__')}@{lib.version}"
    if root.exists():
        shutil.rmtree(root)
    npm_dst = root / "miniprogram_npm" / lib.npm_name
    shutil.copytree(miniprogram_dir(pkg_dir), npm_dst)
    pages = [page_route(u) for u in lib.usages]
    _write(root / "project.config.json", json.dumps({"miniprogramRoot": "./", "appid": "touristappid",
                                                      "compileType": "miniprogram"}))
    _write(root / "app.json", json.dumps({"pages": pages, "window": {
        "navigationBarTitleText": lib.package, "backgroundColor": "#f7f8fa"}}, indent=2))
    _write(root / "app.js", "App({});\n")
    _write(root / "app.wxss", "page { background: #f7f8fa; }\n" + lib.app_wxss)
    for usage in lib.usages:
        _write_page(root, lib, usage)
    _write_resources(root, lib.resources, npm_dst)
    return root


def _write_resources(root: Path, files: tuple, lib_dir: Path) -> None:
    """Serve the library's CDN files from npm packages; one that cannot be installed is left
    to the network (the library spec explains the warning that then shows up)."""
    rules = {}
    for res in files:
        try:
            data = _resource_bytes(res)
            if res.build is not None:
                data = res.build(data, lib_dir)
        except LibraryUnavailable:
            continue
        (root / res.target).parent.mkdir(parents=True, exist_ok=True)
        (root / res.target).write_bytes(data)
        rules[res.url] = res.target
    if rules:
        _write(root / "wxsim.mock.json", json.dumps({"$resources": rules}, indent=2))


def _resource_bytes(res: ResourceFile) -> bytes:
    data = (install(res.package, res.version) / res.member).read_bytes()
    if res.member.endswith((".less", ".css", ".wxss")):
        found = re.search(rb"data:[^;,]+;[^,]*base64,([A-Za-z0-9+/=]+)", data)
        if found is None:
            raise LibraryUnavailable(f"{res.package}/{res.member} has no embedded data URI")
        data = base64.b64decode(found.group(1))
    return data


def _write_page(root: Path, lib: Library, usage: Usage) -> None:
    base = root / page_route(usage)
    using = {tag: f"{lib.npm_name}/{path}" for tag, path in usage.tags.items()}
    _write(base.with_suffix(".json"), json.dumps({"navigationBarTitleText": usage.name,
                                                  "usingComponents": using}, indent=2))
    _write(base.with_suffix(".wxml"), f'<view class="demo">\n{usage.wxml.strip()}\n</view>\n')
    _write(base.with_suffix(".wxss"), ".demo { padding: 12px 0; }\n")
    _write(base.with_suffix(".js"), PAGE_JS % {"data": json.dumps(usage.data, ensure_ascii=False),
                                               "extra": usage.js})


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
