"""The plugin seen from a user's suite: options, per-device runs, artifacts and snapshots."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

SHOP = Path(__file__).resolve().parents[1] / "assets" / "examples" / "shop"


def _suite(pytester: pytest.Pytester, body: str) -> None:
    pytester.makeini(f"[pytest]\nwxsim_project = {SHOP}\n")
    pytester.makepyfile(test_user=body)


def test_each_device_gets_its_own_run(pytester: pytest.Pytester) -> None:
    from bridge.api.devices import load_devices

    _suite(pytester, "def test_width(mini_program, wxsim_device):\n"
                     "    assert mini_program.sim.device is not None\n")
    names = list(load_devices())
    result = pytester.runpytest_subprocess(f"--wxsim-device={names[0]},{names[-1]}", "-v")
    result.assert_outcomes(passed=2 if names[0] != names[-1] else 1)
    assert pytester.runpytest_subprocess("--wxsim-device=all").parseoutcomes()["passed"] == len(names)
    bad = pytester.runpytest_subprocess("--wxsim-device=nokia-3310")
    assert bad.ret != 0 and "unknown device nokia-3310" in bad.stdout.str() + bad.stderr.str()


def test_failure_attaches_screen_and_traffic(pytester: pytest.Pytester) -> None:
    _suite(pytester, "def test_fails(mini_program):\n    assert mini_program.current_page().path == 'x'\n")
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(failed=1)
    text = result.stdout.str()
    assert "wxsim artifacts" in text
    shot = next(line.split("screenshot: ")[1] for line in text.splitlines() if "screenshot: " in line)
    traffic = next(line.split("bridge traffic: ")[1].split(" (")[0] for line in text.splitlines()
                   if "bridge traffic: " in line)
    assert Path(shot).read_bytes()[:4] == b"\x89PNG" and Path(traffic).read_text().startswith("[")


def test_snapshot_record_compare_update(pytester: pytest.Pytester) -> None:
    _suite(pytester, "from simulator.pytest_plugin import assert_screenshot\n"
                     "def test_look(mini_program):\n"
                     "    import os\n"
                     "    if os.environ.get('CHANGE'):\n"
                     "        mini_program.current_page().set_data({'list': []})\n"
                     "    assert_screenshot(mini_program, 'home')\n")
    first = pytester.runpytest_subprocess()
    first.assert_outcomes(failed=1)
    baseline = pytester.path / "__wxsim_snapshots__" / "home.png"
    assert "no baseline" in first.stdout.str() and baseline.exists()
    pytester.runpytest_subprocess().assert_outcomes(passed=1)
    import os
    os.environ["CHANGE"] = "1"
    try:
        changed = pytester.runpytest_subprocess()
        changed.assert_outcomes(failed=1)
        assert "of pixels changed" in changed.stdout.str() and ".diff.png" in changed.stdout.str()
        pytester.runpytest_subprocess("--wxsim-update-snapshots").assert_outcomes(passed=1)
        pytester.runpytest_subprocess().assert_outcomes(passed=1)
    finally:
        del os.environ["CHANGE"]


def test_no_project_is_a_usage_error_only_when_used(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_plain="def test_ok():\n    pass\n",
                        test_uses="def test_mp(mini_program):\n    pass\n")
    assert pytester.runpytest_subprocess("test_plain.py").ret == 0
    result = pytester.runpytest_subprocess("test_uses.py")
    assert "no project to launch" in result.stdout.str() + result.stderr.str()


def test_assert_screenshot_is_also_a_fixture(pytester: pytest.Pytester) -> None:
    _suite(pytester, "def test_look(mini_program, assert_screenshot):\n"
                     "    assert_screenshot(mini_program, 'home')\n")
    first = pytester.runpytest_subprocess()
    first.assert_outcomes(failed=1)  # records the missing baseline, then fails as designed
    assert "no baseline" in first.stdout.str()
    pytester.runpytest_subprocess().assert_outcomes(passed=1)
