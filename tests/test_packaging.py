"""The project's promises about itself: Qt stays at the edge, CI runs what the README says."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_PACKAGES = ("renderer/qt", "simulator/ui")
QT_IMPORT = re.compile(r"^\s*(from|import)\s+PySide6", re.MULTILINE)


def test_only_the_widget_and_window_code_imports_qt():
    offenders = []
    for package in ("simulator", "renderer", "bridge"):
        for path in (ROOT / package).rglob("*.py"):
            rel = path.relative_to(ROOT).as_posix()
            if rel.startswith(QT_PACKAGES):
                continue
            if QT_IMPORT.search(path.read_text(encoding="utf-8")):
                offenders.append(rel)
    assert offenders == []


def test_core_modules_import_without_loading_qt():
    code = (
        "import sys\n"
        "import simulator.runtime, simulator.automation, simulator.cli, renderer.view.page, "
        "renderer.layout, renderer.wxss.cascade, renderer.wxml.compiler, bridge.api.registry, "
        "simulator.ui.geometry\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.DOTALL)
    test_commands = [line for block in blocks for line in block.splitlines() if "pytest" in line]
    assert len(test_commands) == 1
    assert test_commands[0].strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
