"""Install a component library from the npm registry into a cache folder, at test time.

The cache lives under `$WXSIM_LIBS_CACHE` or the system temp folder, so a second run is offline.
`LibraryUnavailable` carries the reason a test skips with (no npm, registry unreachable).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


class LibraryUnavailable(Exception):
    """The package could not be installed; the message is the skip reason."""


def cache_dir() -> Path:
    """The folder npm installs into and generated projects are written under."""
    base = os.environ.get("WXSIM_LIBS_CACHE") or os.path.join(tempfile.gettempdir(), "wxsim-libs-cache")
    path = Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path


def install(package: str, version: str, timeout: float = 300.0) -> Path:
    """The installed package folder (`node_modules/<package>`), installing it first if needed."""
    prefix = cache_dir() / "npm" / f"{package.replace('/', '__')}@{version}"
    pkg_dir = prefix / "node_modules" / package
    if _installed_version(pkg_dir) == version:
        return pkg_dir
    npm = shutil.which("npm")
    if npm is None:
        raise LibraryUnavailable("npm is not installed")
    prefix.mkdir(parents=True, exist_ok=True)
    cmd = [npm, "install", "--prefix", str(prefix), "--no-save", "--no-audit", "--no-fund",
           "--ignore-scripts", "--no-package-lock", "--cache", str(cache_dir() / "npm-cache"),
           f"{package}@{version}"]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LibraryUnavailable(f"npm install {package}@{version} failed: {exc}") from exc
    if proc.returncode != 0 or _installed_version(pkg_dir) != version:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        raise LibraryUnavailable(f"npm install {package}@{version} failed (registry unreachable?): "
                                 + " | ".join(tail))
    return pkg_dir


def _installed_version(pkg_dir: Path) -> str | None:
    try:
        return json.loads((pkg_dir / "package.json").read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


def miniprogram_dir(pkg_dir: Path) -> Path:
    """The folder DevTools' "build npm" copies: package.json `miniprogram`, else
    `miniprogram_dist`, else the folder of `main`."""
    meta = json.loads((pkg_dir / "package.json").read_text(encoding="utf-8"))
    field = meta.get("miniprogram")
    if field and (pkg_dir / field).is_dir():
        return pkg_dir / field
    if (pkg_dir / "miniprogram_dist").is_dir():
        return pkg_dir / "miniprogram_dist"
    main = meta.get("main") or "index.js"
    return (pkg_dir / main).parent
