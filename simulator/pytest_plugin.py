"""The wxsim pytest plugin: fixtures that launch a mini program headless, per-device runs,
failure artifacts (screenshot and bridge traffic) and visual assertions.

Loaded through the `pytest11` entry point, so it is present in every pytest run on a machine
with wxsim installed; nothing happens unless a test uses one of its fixtures, so the import
stays light (no Qt, no simulator) until then.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterator

import pytest

from simulator.snapshots import DEFAULT_TOLERANCE, SNAPSHOT_DIR, SnapshotContext, check

_current: dict[str, Any] = {}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("wxsim", "WeChat Mini Program simulator")
    group.addoption("--wxsim-project", default=None,
                    help="mini-program project folder for the mini_program fixtures (ini: wxsim_project)")
    group.addoption("--wxsim-device", default=None,
                    help="device profile, a comma list, or 'all': tests using mini_program run once per device")
    group.addoption("--wxsim-update-snapshots", action="store_true", default=False,
                    help="re-record the baselines of assert_screenshot instead of comparing")
    parser.addini("wxsim_project", "mini-program project folder (relative to the ini file)", default=None)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "wxsim_page(url): the page a mini_program fixture launches on")


# devices -------------------------------------------------------------------------------------
def _devices(config: pytest.Config) -> list[str | None]:
    value = config.getoption("--wxsim-device")
    if not value:
        return [None]
    from bridge.api.devices import load_devices

    known = list(load_devices())
    if value.strip() == "all":
        return list(known)
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if unknown:
        raise pytest.UsageError(f"--wxsim-device: unknown device {', '.join(unknown)} (known: {', '.join(known)})")
    return list(names)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run each test that launches a mini program once per requested device profile."""
    if "wxsim_device" in metafunc.fixturenames and metafunc.config.getoption("--wxsim-device"):
        devices = _devices(metafunc.config)
        metafunc.parametrize("wxsim_device", devices, ids=[str(d) for d in devices], scope="module")


@pytest.fixture(scope="module")
def wxsim_device() -> str | None:
    """The device profile of this run: the default one unless --wxsim-device asks for others."""
    return None


# fixtures ------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def wxsim_project(pytestconfig: pytest.Config) -> Path:
    """The project under test: --wxsim-project, else the `wxsim_project` ini value. Override this
    fixture in a conftest or test module to test another project."""
    value = pytestconfig.getoption("--wxsim-project")
    base = Path.cwd()
    if not value:
        value = pytestconfig.getini("wxsim_project")
        base = pytestconfig.inipath.parent if pytestconfig.inipath else pytestconfig.rootpath
    if not value:
        raise pytest.UsageError("wxsim: no project to launch; pass --wxsim-project or set wxsim_project in the ini")
    path = (base / str(value)).resolve()
    if not path.is_dir():
        raise pytest.UsageError(f"wxsim: project folder not found: {path}")
    return path


def _start_page(request: pytest.FixtureRequest) -> str | None:
    marker = request.node.get_closest_marker("wxsim_page")
    return marker.args[0] if marker and marker.args else None


@pytest.fixture
def mini_program(wxsim_project: Path, wxsim_device: str | None, tmp_path: Path,
                 tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[Any]:
    """The project launched headless for one test, with a fresh storage folder; closed after."""
    from simulator.automation import launch

    mp = launch(wxsim_project, device=wxsim_device, page=_start_page(request), storage=tmp_path / "wxsim-storage")
    try:
        yield mp
    finally:
        mp.close()


@pytest.fixture(scope="module")
def mini_program_module(wxsim_project: Path, wxsim_device: str | None,
                        tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One launch shared by the tests of a module (state carries over between them)."""
    from simulator.automation import launch

    mp = launch(wxsim_project, device=wxsim_device, storage=tmp_path_factory.mktemp("wxsim-storage"))
    try:
        yield mp
    finally:
        mp.close()


@pytest.fixture(name="assert_screenshot")
def assert_screenshot_fixture() -> Any:
    """The visual assertion as a fixture, for tests that prefer not to import it."""
    return assert_screenshot


# visual assertions -----------------------------------------------------------------------------
def assert_screenshot(target: Any, name: str, tolerance: float = DEFAULT_TOLERANCE) -> Path:
    """Compare the screenshot of a MiniProgram or an Element with `__wxsim_snapshots__/<name>.png`
    next to the test file; `tolerance` is the share of pixels allowed to differ (0.001 = 0.1 %).
    On a mismatch the actual and diff images are written beside the test's tmp dir."""
    item = _current.get("item")
    if item is None:
        raise RuntimeError("assert_screenshot can only be used while a pytest test runs")
    device = item.callspec.params.get("wxsim_device") if hasattr(item, "callspec") else None
    context = SnapshotContext(baseline_dir=Path(item.fspath).parent / SNAPSHOT_DIR,
                              output_dir=_artifact_dir(item), update=item.config.getoption("--wxsim-update-snapshots"),
                              suffix=device or "")
    return check(target, name, context, tolerance)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    _current["item"] = item
    try:
        yield
    finally:
        _current.pop("item", None)


# failure artifacts ------------------------------------------------------------------------------
def _artifact_dir(item: pytest.Item) -> Path:
    factory = getattr(item, "funcargs", {}).get("tmp_path_factory") or getattr(item.config, "_tmp_path_factory", None)
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in item.name)[:60]
    if factory is None:  # pytest's tmp_path plugin disabled: beside the test file
        return Path(str(item.fspath)).parent / SNAPSHOT_DIR / "failures" / safe
    return factory.getbasetemp() / "wxsim-artifacts" / safe


def _programs(item: pytest.Item) -> list[Any]:
    from simulator.automation import MiniProgram

    seen: list[Any] = []
    for value in getattr(item, "funcargs", {}).values():
        if isinstance(value, MiniProgram) and all(value is not other for other in seen):
            seen.append(value)
    return seen


def _attach(item: pytest.Item, report: pytest.TestReport) -> None:
    """Save each mini program's screen and bridge traffic, and name the files in the report."""
    folder = _artifact_dir(item)
    folder.mkdir(parents=True, exist_ok=True)
    for index, mp in enumerate(_programs(item)):
        tag = f"-{index}" if index else ""
        lines = []
        try:
            shot = folder / f"screen{tag}.png"
            mp.screenshot(shot)
            lines.append(f"screenshot: {shot}")
        except Exception as exc:  # the failure may have broken the program: still report traffic
            lines.append(f"screenshot failed: {exc}")
        traffic = folder / f"traffic{tag}.json"
        traffic.write_text(json.dumps(mp.traffic(), ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        lines.append(f"bridge traffic: {traffic} ({len(mp.traffic())} messages)")
        console = mp.console()
        if console:
            lines.append("console:\n" + "\n".join(f"  [{c.get('level')}] {c.get('args')}" for c in console[-20:]))
        report.sections.append((f"wxsim artifacts{tag}", "\n".join(lines)))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if report.when == "call" and report.failed and os.environ.get("WXSIM_NO_ARTIFACTS") != "1":
        try:
            if _programs(item):
                _attach(item, report)
        except Exception as exc:  # never hide the test's own failure behind ours
            report.sections.append(("wxsim artifacts", f"could not save artifacts: {exc}"))
