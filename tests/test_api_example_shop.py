"""The bundled example project (assets/examples/shop) is complete and well-formed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bridge.api import MockRules

SHOP = Path(__file__).resolve().parents[1] / "assets" / "examples" / "shop"


def load(rel: str) -> dict:
    return json.loads((SHOP / rel).read_text(encoding="utf-8"))


def test_json_files_parse():
    files = sorted(SHOP.rglob("*.json"))
    assert len(files) >= 8
    for f in files:
        json.loads(f.read_text(encoding="utf-8"))


def test_every_page_has_its_four_files():
    app = load("app.json")
    assert app["pages"][0] == "pages/index/index"
    for page in app["pages"]:
        for ext in ("js", "json", "wxml", "wxss"):
            assert (SHOP / f"{page}.{ext}").is_file(), f"{page}.{ext}"
    tabs = [item["pagePath"] for item in app["tabBar"]["list"]]
    assert tabs == ["pages/index/index", "pages/profile/profile"]
    assert [item["text"] for item in app["tabBar"]["list"]] == ["首页", "我的"]
    assert set(tabs) <= set(app["pages"])


def test_used_components_exist():
    app = load("app.json")
    for page in app["pages"]:
        for name, path in load(f"{page}.json").get("usingComponents", {}).items():
            base = SHOP / path.lstrip("/")
            assert load(f"{path.lstrip('/')}.json")["component"] is True
            for ext in ("js", "wxml", "wxss"):
                assert base.with_suffix(f".{ext}").is_file(), (name, ext)


def test_project_config_points_at_root():
    assert load("project.config.json")["miniprogramRoot"] in ("./", "", ".")


def test_mock_file_is_valid_and_matches_the_refresh_request():
    reports = []
    rules = MockRules.load(SHOP, reports.append)
    assert reports == []
    js = (SHOP / "pages/index/index.js").read_text(encoding="utf-8")
    url = re.search(r"url: '(https://[^']+)'", js).group(1)
    match = rules.match("request", {"url": url, "method": "GET", "data": {"page": 1}})
    assert match is not None and match.result("request")["data"]["code"] == 0


@pytest.mark.parametrize("js", sorted(p.relative_to(SHOP).as_posix() for p in SHOP.rglob("*.js")))
def test_js_parses(js):
    quickjs = pytest.importorskip("quickjs")
    ctx = quickjs.Context()
    source = (SHOP / js).read_text(encoding="utf-8")
    # compile only: a syntax error raises here
    ctx.eval("new Function('require', 'module', 'exports', " + json.dumps(source) + ")")


def test_wxml_tags_are_common_ones():
    allowed = {"view", "text", "button", "input", "textarea", "navigator", "stepper", "block"}
    for f in SHOP.rglob("*.wxml"):
        tags = set(re.findall(r"<([a-z][a-z-]*)", f.read_text(encoding="utf-8")))
        assert tags <= allowed, (f.name, tags - allowed)
