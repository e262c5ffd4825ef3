"""`wxsim test`: the shop's recorded checkout flow replays green through the real command,
with a JUnit report; failing and malformed flows give exit codes 1 and 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKOUT = ROOT / "assets" / "examples" / "shop" / "flows" / "checkout.flow.json"


def _wxsim(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "simulator.cli", "test", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)


def test_flows_cli_replays_the_checked_in_checkout_flow(tmp_path: Path) -> None:
    run = _wxsim(str(CHECKOUT), "--junit", str(tmp_path / "junit.xml"))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "✔ checkout: passed" in run.stdout and "1/1 flows passed; tap steps: median" in run.stdout
    suite = ET.parse(tmp_path / "junit.xml").getroot().find("testsuite")
    cases = suite.findall("testcase")
    assert suite.get("name") == "checkout" and suite.get("failures") == "0"
    assert len(cases) == len(json.loads(CHECKOUT.read_text(encoding="utf-8"))["steps"])
    assert all(c.find("failure") is None for c in cases)


def test_flows_cli_failure_exits_1_with_screenshot_and_junit_failure(tmp_path: Path) -> None:
    flow = json.loads(CHECKOUT.read_text(encoding="utf-8"))
    flow["launch"]["project"] = str(CHECKOUT.parent.parent)
    flow["steps"][2] = {"assert_text": "text.title", "equals": "not this"}
    path = tmp_path / "broken.flow.json"
    path.write_text(json.dumps(flow, ensure_ascii=False), encoding="utf-8")
    run = _wxsim(str(path), "--junit", str(tmp_path / "j.xml"), "--screenshots", str(tmp_path / "shots"),
                 "--device", "iPhone 12/13/14")
    assert run.returncode == 1
    assert "expected 'not this'" in run.stdout
    assert (tmp_path / "shots" / "checkout-step3.png").read_bytes()[:4] == b"\x89PNG"
    failures = ET.parse(tmp_path / "j.xml").getroot().iter("failure")
    assert [f.get("message") for f in failures] == ["text of 'text.title' is '手冲滤杯套装', expected 'not this'"]


def test_flows_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    (tmp_path / "bad.flow.json").write_text('{"wxsimFlow": 1, "steps": [{"jump": 1}]}', encoding="utf-8")
    bad = _wxsim(str(tmp_path / "bad.flow.json"))
    assert bad.returncode == 2 and "unknown action 'jump'" in bad.stderr
    assert _wxsim(str(CHECKOUT), "--device", "Nokia 3310").returncode == 2
