"""Start `wxsim serve` in a subprocess on a free port, for the automator protocol tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

SHOP = Path(__file__).resolve().parents[1] / "assets" / "examples" / "shop"


def start_server(storage: Path, project: Path = SHOP) -> Iterator[tuple[str, subprocess.Popen]]:
    """Yield (ws endpoint, process); the server's storage is a fresh folder (XDG_DATA_HOME)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(storage))
    proc = subprocess.Popen([sys.executable, "-m", "simulator.cli", "serve", str(project), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        line = ""
        while time.monotonic() < deadline:
            line = proc.stdout.readline() if proc.stdout else ""
            if "listening on" in line or not line and proc.poll() is not None:
                break
        match = re.search(r"ws://127\.0\.0\.1:(\d+)", line)
        if not match:
            raise RuntimeError(f"wxsim serve did not start: {line!r} {proc.stderr.read() if proc.stderr else ''}")
        yield f"ws://127.0.0.1:{match.group(1)}", proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
