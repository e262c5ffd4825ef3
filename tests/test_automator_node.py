"""WeChat's own Node client, `miniprogram-automator` from the npm registry, driving `wxsim serve`.

Skips (saying why) where `node`/`npm` are missing or the registry cannot be reached; the
client's install is cached per pytest run in a temp folder.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from automator_server import start_server

SCRIPT = r"""
const automator = require('miniprogram-automator');
(async () => {
  const out = {};
  const mp = await automator.connect({ wsEndpoint: process.argv[2] });
  let page = await mp.reLaunch('/pages/index/index');
  out.start = page.path;
  const goods = await page.$('.goods');
  out.goodsTag = goods.tagName;
  out.goodsCount = (await page.$$('.goods')).length;
  out.firstName = await (await goods.$('.goods-name')).text();
  await goods.tap();
  page = await mp.currentPage();
  out.afterTap = { path: page.path, query: page.query };
  out.detailData = await page.data();
  await mp.mockWxMethod('getLocation', { latitude: 39.9, longitude: 116.4, errMsg: 'getLocation:ok' });
  out.location = await mp.callWxMethod('getLocation', {});
  await mp.restoreWxMethod('getLocation');
  out.storage = await mp.callWxMethod('getStorageSync', 'nothing-here');
  out.sum = await mp.evaluate((a, b) => a + b, 2, 3);
  const shot = await mp.screenshot();
  out.screenshotPrefix = Buffer.from(shot, 'base64').subarray(1, 4).toString('ascii');
  out.stack = (await mp.pageStack()).map(p => p.path);
  mp.disconnect();
  console.log(JSON.stringify(out));
})().catch(err => { console.error(err && err.stack || String(err)); process.exit(1); });
"""


def _npm_install(folder: Path) -> None:
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node and npm are not installed")
    try:
        done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "miniprogram-automator@0.12"],
                              cwd=folder, capture_output=True, text=True, timeout=240)
    except subprocess.TimeoutExpired:
        pytest.skip("the npm registry did not answer within 240 s")
    if done.returncode != 0:
        pytest.skip(f"npm could not install miniprogram-automator (registry unreachable?): {done.stderr.strip()[-300:]}")


@pytest.fixture(scope="module")
def client_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("automator-client")
    (folder / "package.json").write_text('{"name": "wxsim-automator-check", "private": true}')
    _npm_install(folder)
    (folder / "run.js").write_text(SCRIPT)
    return folder


@pytest.fixture
def endpoint(tmp_path: Path) -> Iterator[str]:
    yield from (ws for ws, _ in start_server(tmp_path / "data"))


def test_official_client_drives_the_shop(client_dir: Path, endpoint: str) -> None:
    done = subprocess.run(["node", "run.js", endpoint], cwd=client_dir, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["start"] == "pages/index/index"
    assert (out["goodsTag"], out["goodsCount"], out["firstName"]) == ("view", 4, "云南小粒咖啡豆")
    assert out["afterTap"] == {"path": "pages/detail/detail", "query": {"id": "1"}}
    assert out["detailData"]
    assert out["location"]["latitude"] == 39.9 and out["location"]["longitude"] == 116.4
    assert out["storage"] == ""
    assert out["sum"] == 5
    assert out["screenshotPrefix"] == "PNG"
    assert out["stack"] == ["pages/index/index", "pages/detail/detail"]
