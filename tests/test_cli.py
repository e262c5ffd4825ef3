"""The `wxsim` command run as a subprocess: devices, dump, shot, and its exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECTS, ROOT, SHOP_DIR


def run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "xdg"))
    return subprocess.run([sys.executable, "-m", "simulator.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_devices_lists_profiles(tmp_path):
    out = run("devices", tmp_path=tmp_path)
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert "iPhone 6/7/8\t375x667 @2x" in lines
    assert any(line.startswith("iPhone XR/11\t414x896") for line in lines)


def _walk(node: dict):
    yield node
    for child in node.get("children", []):
        yield from _walk(child)


def test_dump_detail_page_shape(tmp_path):
    out = run("dump", str(SHOP_DIR), "--page", "pages/detail/detail?id=2", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    dump = json.loads(out.stdout)
    assert set(dump) == {"path", "query", "data", "wxml", "tree"}
    assert dump["path"] == "pages/detail/detail"
    assert dump["query"] == {"id": "2"}
    assert dump["data"]["item"]["name"] == "手冲滤杯套装"
    assert '<text class="title">手冲滤杯套装</text>' in dump["wxml"]
    tree = dump["tree"]
    assert tree["tag"] == "page" and tree["box"]["width"] == 375
    nodes = list(_walk(tree))
    for node in nodes:
        assert {"tag", "attrs", "text", "box", "children"} <= set(node)
    title = next(n for n in nodes if n["attrs"].get("class") == "title")
    assert title["text"] == "手冲滤杯套装"
    assert set(title["box"]) == {"x", "y", "width", "height"}
    assert title["box"]["width"] > 0 and title["box"]["x"] == pytest.approx(24.0)  # 24rpx + 24rpx
    assert any(n["tag"] == "stepper" for n in nodes)


def test_dump_follows_the_device(tmp_path):
    out = run("dump", str(SHOP_DIR), "--device", "iPhone XR/11", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["tree"]["box"]["width"] == 414


def test_shot_writes_a_device_pixel_png(tmp_path):
    target = tmp_path / "shot.png"
    out = run("shot", str(SHOP_DIR), "--device", "iPhone XR/11", "--out", str(target), tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (828, 1792)


@pytest.mark.parametrize("args", [
    ("bogus",),
    ("shot", str(SHOP_DIR)),          # --out is required
    ("dump",),                        # project is required
    ("dump", "/no/such/folder"),
])
def test_usage_errors_exit_2(tmp_path, args):
    out = run(*args, tmp_path=tmp_path)
    assert out.returncode == 2
    assert out.stderr.strip()
    assert out.stdout == ""


def test_js_exception_in_onload_exits_1_naming_the_line(tmp_path):
    out = run("dump", str(PROJECTS / "onload_error"), tmp_path=tmp_path)
    assert out.returncode == 1
    assert "pages/index/index.js:5" in out.stderr
    assert "TypeError" in out.stderr
    # the page still rendered its initial data
    assert json.loads(out.stdout)["wxml"] == "<view>1</view>"


def test_page_missing_its_files_exits_1_naming_app_json(tmp_path):
    out = run("dump", str(PROJECTS / "missing_page"), tmp_path=tmp_path)
    assert out.returncode == 1
    assert 'app.json:1:34: error: page "pages/gone/gone"' in out.stderr
    assert json.loads(out.stdout)["wxml"] == "<view>ok</view>"


def test_unknown_start_page_exits_1(tmp_path):
    out = run("dump", str(PROJECTS / "missing_page"), "--page", "pages/nope/nope", tmp_path=tmp_path)
    assert out.returncode == 1
    assert "app.json" in out.stderr and "pages/nope/nope" in out.stderr


def test_malformed_app_json_exits_1_with_line_and_column(tmp_path):
    out = run("dump", str(PROJECTS / "bad_appjson"), tmp_path=tmp_path)
    assert out.returncode == 1
    assert "app.json:4:3: error: invalid JSON" in out.stderr
    assert out.stdout == ""


def test_unknown_device_is_a_usage_error(tmp_path):
    out = run("dump", str(SHOP_DIR), "--device", "Nokia 3310", tmp_path=tmp_path)
    assert out.returncode == 2
    assert "unknown device 'Nokia 3310'" in out.stderr
