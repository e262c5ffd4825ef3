"""Visual assertions against stored baseline PNGs (used by the pytest plugin).

Baselines live in `__wxsim_snapshots__/` next to the test file. A full-screen shot leaves out
the status bar, whose clock changes every minute. Qt is only imported when images are
compared, so the plugin loads on machines without Qt libraries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SNAPSHOT_DIR = "__wxsim_snapshots__"
DEFAULT_TOLERANCE = 0.001  # share of pixels allowed to change (font hinting differences)


class SnapshotMismatch(AssertionError):
    """The screenshot differs from its baseline by more than the tolerance."""


@dataclass(frozen=True)
class SnapshotContext:
    """Where baselines and failure images go for the running test."""

    baseline_dir: Path
    output_dir: Path
    update: bool
    suffix: str = ""  # e.g. the device name when a test runs per device


def snapshot_name(name: str, suffix: str = "") -> str:
    stem = name[:-4] if name.endswith(".png") else name
    if not re.fullmatch(r"[\w.\-\[\]@]+", stem):
        raise ValueError(f"snapshot name {name!r} must be letters, digits, '_', '-', '.'")
    return f"{stem}[{suffix}].png" if suffix else f"{stem}.png"


def capture(target: Any) -> bytes:
    """A PNG of a MiniProgram (screen without the status bar) or an Element (its box)."""
    if hasattr(target, "sim") and hasattr(target, "screenshot"):
        from simulator.ui.geometry import screen_geometry
        from simulator.ui.imaging import crop_png

        png = target.screenshot()
        geo = screen_geometry(target.sim)
        top = geo.status_bar[3]
        return crop_png(png, 0, top, geo.width, geo.height - top, geo.dpr)
    if hasattr(target, "screenshot") and hasattr(target, "node"):
        return target.screenshot()
    raise TypeError(f"assert_screenshot takes a MiniProgram or an Element, not {type(target).__name__}")


def check(target: Any, name: str, context: SnapshotContext, tolerance: float = DEFAULT_TOLERANCE) -> Path:
    """Compare `target`'s screenshot with its baseline; record it when missing or updating.

    A missing baseline is recorded and the check fails, so a baseline never appears unreviewed
    in CI; `--wxsim-update-snapshots` records without failing.
    """
    from simulator.ui.imaging import compare_png

    actual = capture(target)
    baseline = context.baseline_dir / snapshot_name(name, context.suffix)
    if context.update or not baseline.exists():
        baseline.parent.mkdir(parents=True, exist_ok=True)
        baseline.write_bytes(actual)
        if context.update:
            return baseline
        raise SnapshotMismatch(f"no baseline for snapshot {baseline.name!r}: recorded it at {baseline}; "
                               "review it and run again")
    result = compare_png(actual, baseline.read_bytes())
    if result.same_size and result.ratio <= tolerance:
        return baseline
    context.output_dir.mkdir(parents=True, exist_ok=True)
    stem = baseline.stem
    actual_path = context.output_dir / f"{stem}.actual.png"
    diff_path = context.output_dir / f"{stem}.diff.png"
    actual_path.write_bytes(actual)
    diff_path.write_bytes(result.diff_png)
    if not result.same_size:
        from simulator.ui.imaging import png_size

        what = f"size {png_size(actual)} differs from the baseline's {png_size(baseline.read_bytes())}"
    else:
        what = f"{result.ratio:.4%} of pixels changed ({result.changed} of {result.total}), tolerance {tolerance:.4%}"
    raise SnapshotMismatch(f"snapshot {baseline.name!r}: {what}\n  baseline: {baseline}\n  actual:   {actual_path}\n"
                           f"  diff:     {diff_path}\n  re-record with --wxsim-update-snapshots")
