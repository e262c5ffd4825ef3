"""Shared fixtures: headless Qt for every test, and the bundled shop example with fresh storage."""

from __future__ import annotations

import os

# Before anything imports PySide6: render offscreen, never open a window.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402
from typing import Iterator  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHOP_DIR = ROOT / "assets" / "examples" / "shop"
PROJECTS = Path(__file__).resolve().parent / "projects"


@pytest.fixture
def shop(tmp_path: Path) -> Iterator:
    """The shop example, launched headless with a storage folder of its own."""
    from simulator import launch

    mp = launch(SHOP_DIR, storage=tmp_path / "storage")
    try:
        yield mp
    finally:
        mp.close()


@pytest.fixture
def open_project(tmp_path: Path) -> Iterator:
    """`open_project(name_or_path, **launch_kwargs)`: launch a fixture project; closed after the test."""
    from simulator import launch

    opened: list = []

    def _open(project: str | Path, **kwargs):
        path = Path(project)
        if not path.is_absolute():
            path = PROJECTS / path
        kwargs.setdefault("storage", tmp_path / "storage")
        mp = launch(path, **kwargs)
        opened.append(mp)
        return mp

    yield _open
    for mp in opened:
        mp.close()
