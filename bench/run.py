"""wxsim benchmark: the five shared workloads through wxsim, next to the peer harness.

    python bench/run.py            # full run (several minutes)
    python bench/run.py --quick    # smoke run, under about two minutes

Every data point is a fresh process (`bench/worker.py`), so "cold" is a real first use. The
peer numbers come from `shared/bench/peer` (miniprogram-simulate under Node), run on this
machine in the same invocation when node and npm are available. See bench/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = (REPO / ".." / "shared" / "bench").resolve()
WORKER = HERE / "worker.py"


@dataclass(frozen=True)
class Workload:
    id: str
    name: str
    metric: str       # wxsim sample key
    peer_metric: str  # peer harness metric compared against
    warmup: int
    iters: int


WORKLOADS = (
    Workload("W1", "list1000", "first_render", "render_attach", 2, 8),
    Workload("W2", "setdata-small", "update", "update", 5, 30),
    Workload("W3", "append100", "append", "append", 1, 8),
    Workload("W4", "static200", "first_render", "render_attach", 5, 30),
    Workload("W5", "tap-counter", "tap", "tap", 10, 100),
)


def summarize(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    return {"n": len(values), "median": statistics.median(values), "min": min(values), "max": max(values)}


def fmt(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:.0f}" if x >= 100 else f"{x:.1f}" if x >= 10 else f"{x:.2f}" if x >= 1 else f"{x:.3f}"


def mmm(s: dict | None) -> str:
    if not s or not s.get("n"):
        return "-"
    return f"{fmt(s['median'])} ({fmt(s['min'])}–{fmt(s['max'])})"


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- wxsim
def run_worker(project: Path, workload: str, mode: str, warmup: int = 0, iters: int = 1) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = [sys.executable, str(WORKER), "--workload", workload, "--mode", mode, "--warmup", str(warmup),
           "--iters", str(iters), "--project", str(project)]
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
    wall = (time.perf_counter() - t0) * 1000
    line = next((ln for ln in r.stdout.splitlines() if ln.startswith("@@RESULT ")), None)
    if r.returncode != 0 or line is None:
        raise RuntimeError(f"worker failed: {' '.join(cmd)}\n{r.stdout}\n{r.stderr}")
    out = json.loads(line[len("@@RESULT "):])
    out["process_wall_ms"] = wall
    return out


PACKAGES = ("simulator", "renderer", "bridge")


def precompile() -> None:
    """Byte-compile wxsim's own sources once, as installing the package does.

    An editable install has no .pyc files, and with PYTHONDONTWRITEBYTECODE set (as on some CI
    and development machines) every process would compile all of wxsim again, tens of
    milliseconds that a cold start measures as lazy imports run. Writing the files ourselves
    measures wxsim as users run an installed copy; the __pycache__ folders are ignored by git.
    """
    import compileall

    for package in PACKAGES:
        compileall.compile_dir(str(REPO / package), quiet=1)


def bench_wxsim(project: Path, quick: bool) -> dict:
    runs = 1 if quick else 3
    cold_runs = 2 if quick else 5
    results: dict[str, dict] = {}
    for w in WORKLOADS:
        warmup, iters = (min(w.warmup, 2), max(3, w.iters // 4)) if quick else (w.warmup, w.iters)
        cold = [run_worker(project, w.name, "cold")["samples"][w.metric][0] for _ in range(cold_runs)]
        warm: list[float] = []
        for _ in range(runs):
            warm += run_worker(project, w.name, "warm", warmup, iters)["samples"][w.metric]
        results[w.id] = {"cold": summarize(cold), "warm": summarize(warm)}
        log(f"  wxsim {w.id} {w.name}: cold {mmm(results[w.id]['cold'])} warm {mmm(results[w.id]['warm'])} ms")
    results["shot"] = bench_shot(project, 2 if quick else 5)
    log(f"  wxsim shot (whole process): {mmm(results['shot'])} ms")
    return results


def bench_shot(project: Path, runs: int) -> dict:
    """`wxsim shot` of W1 as a whole process: interpreter start to PNG written."""
    exe = shutil.which("wxsim", path=str(Path(sys.executable).parent)) or shutil.which("wxsim")
    base = [exe] if exe else [sys.executable, "-m", "simulator.cli"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    with tempfile.TemporaryDirectory(prefix="wxsim-shot-") as tmp:
        for i in range(runs):
            out = Path(tmp) / f"shot{i}.png"
            t0 = time.perf_counter()
            r = subprocess.run(base + ["shot", str(project), "--page", "list1000/index", "--out", str(out)],
                               capture_output=True, text=True, env=env, cwd=str(REPO), timeout=300)
            times.append((time.perf_counter() - t0) * 1000)
            if r.returncode != 0 or not out.exists():
                raise RuntimeError(f"wxsim shot failed:\n{r.stdout}\n{r.stderr}")
    return summarize(times)


# ------------------------------------------------------------------------------ peer
def peer_unavailable_reason() -> str | None:
    if not (SHARED / "peer" / "bench.js").exists():
        return f"the peer harness is not at {SHARED / 'peer'}"
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            return f"`{tool}` is not on PATH"
    return None


def peer_dir() -> Path:
    """A writable copy of shared/bench (peer + workloads), node_modules installed once and kept."""
    lock = (SHARED / "peer" / "package-lock.json").read_bytes()
    cache_root = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "wxsim-bench"
    dest = cache_root / ("peer-" + hashlib.sha1(lock).hexdigest()[:12])
    for part in ("peer", "workloads"):
        target = dest / part
        keep = target / "node_modules" if part == "peer" else None
        if keep is not None and keep.exists():
            for item in (SHARED / part).iterdir():  # refresh sources, keep the installed modules
                if item.name == "node_modules":
                    continue
                if item.is_dir():
                    shutil.rmtree(target / item.name, ignore_errors=True)
                    shutil.copytree(item, target / item.name)
                else:
                    shutil.copy2(item, target / item.name)
        else:
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(SHARED / part, target, ignore=shutil.ignore_patterns("node_modules"))
    peer = dest / "peer"
    if not (peer / "node_modules" / "miniprogram-simulate").exists():
        log(f"  npm ci in {peer} (once) ...")
        r = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=peer, capture_output=True, text=True,
                           timeout=900)
        if r.returncode != 0:
            raise RuntimeError(f"npm ci failed:\n{r.stderr[-2000:]}")
    return peer


def bench_peer(quick: bool) -> tuple[dict | None, str | None]:
    reason = peer_unavailable_reason()
    if reason:
        return None, reason
    try:
        peer = peer_dir()
        out = Path(tempfile.mkdtemp(prefix="wxsim-peer-")) / "peer.json"
        cmd = ["node", "bench.js", "--compilers", "official",
               "--workloads", ",".join(w.name for w in WORKLOADS), "--out", str(out)]
        if quick:
            cmd += ["--quick", "--runs", "1", "--startup-runs", "1"]
        log("  node " + " ".join(cmd[1:]))
        r = subprocess.run(cmd, cwd=peer, capture_output=True, text=True, timeout=3600)
        if r.returncode != 0 or not out.exists():
            return None, f"the peer harness failed: {r.stderr.strip().splitlines()[-1:] or r.returncode}"
        return json.loads(out.read_text()), None
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as exc:
        return None, f"the peer harness could not run: {str(exc).strip().splitlines()[0]}"


def peer_metric(peer: dict | None, w: Workload, kind: str) -> dict | None:
    if peer is None:
        return None
    for entry in peer.get("workloads", []):
        if entry.get("name") == w.name:
            block = entry["warm_loop" if kind == "warm" else "cold_single_process"]["metrics_ms"]
            return block.get(w.peer_metric)
    return None


# ----------------------------------------------------------------------------- report
def table(wx: dict, peer: dict | None) -> str:
    lines = ["| workload | metric | wxsim ms | peer ms | ratio |", "|---|---|---|---|---|"]
    for w in WORKLOADS:
        for kind in ("warm", "cold"):
            mine = wx[w.id][kind]
            theirs = peer_metric(peer, w, kind)
            ratio = (f"{mine['median'] / theirs['median']:.2f}"
                     if theirs and theirs.get("n") and theirs["median"] > 0 else "-")
            lines.append(f"| {w.id} {w.name} | {w.metric} {kind} (peer: {w.peer_metric}) | {mmm(mine)} | "
                         f"{mmm(theirs)} | {ratio} |")
    startup = (peer or {}).get("startup", {}).get("startup_process", {}).get("wall_ms")
    lines.append(f"| shot | `wxsim shot` W1 whole process (peer: node+jsdom+simulate ready) | {mmm(wx['shot'])} | "
                 f"{mmm(startup)} | - |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark wxsim on the shared workloads, next to the peer.")
    ap.add_argument("--quick", action="store_true", help="fewer processes and iterations (about 2 minutes)")
    ap.add_argument("--no-peer", action="store_true", help="skip the peer harness")
    ap.add_argument("--out", type=Path, help="also write the raw results as JSON here")
    args = ap.parse_args(argv)
    project = SHARED / "workloads"
    if not (project / "app.json").exists():
        print(f"workloads not found at {project}", file=sys.stderr)
        return 2
    log("wxsim ...")
    precompile()
    wx = bench_wxsim(project, args.quick)
    peer, why = (None, "skipped (--no-peer)") if args.no_peer else (log("peer ...") or bench_peer(args.quick))
    print("\nwxsim vs miniprogram-simulate (official compiler), ms, median (min–max); "
          "warm = after warm-up in one process, cold = first use in a fresh process; ratio = wxsim / peer\n")
    print(table(wx, peer))
    if peer is None:
        print(f"\nNo peer numbers: {why}.")
    if args.out:
        args.out.write_text(json.dumps({"wxsim": wx, "peer": peer, "peer_missing": why}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
