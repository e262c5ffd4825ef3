"""One benchmark measurement in one process: a workload, cold or warm, printed as one JSON line.

`bench/run.py` starts this script once per data point so that cold numbers really are the
first use in a fresh interpreter. Every timed region ends with the visible screen painted
offscreen (`render_screen_image`), so "applied" means a frame a user would see.

    python bench/worker.py --workload list1000 --mode cold
    python bench/worker.py --workload setdata-small --mode warm --warmup 5 --iters 20
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

T_PROCESS = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORKLOADS = ("list1000", "setdata-small", "append100", "static200", "tap-counter")


def now_ms() -> float:
    return time.perf_counter() * 1000.0


class Bench:
    """A simulator opened on the workloads project, with helpers that time one operation."""

    def __init__(self, project: Path, workload: str, storage: str):
        t0 = now_ms()
        from simulator.runtime import Simulator
        from simulator.ui.screen import render_screen_image

        self.imports_ms = now_ms() - t0
        self.paint = render_screen_image
        self.workload = workload
        self.url = f"/{workload}/index"
        t1 = now_ms()
        self.sim = Simulator(project, storage_dir=storage)
        self.sim.start(self.url)
        self.sim.wait_idle()
        self.painted()
        self.first_ms = now_ms() - t1
        self._check_clean()

    def _check_clean(self) -> None:
        errors = [str(d) for d in self.sim.diagnostics if d.severity == "error"] + [str(e) for e in self.sim.errors]
        if errors:
            raise SystemExit("workload reported errors: " + "; ".join(errors[:5]))

    def view(self) -> Any:
        return self.sim.current_view()

    def painted(self) -> None:
        self.paint(self.sim)

    def relaunch(self) -> None:
        """A new instance of the page: page load, logic, render, styles, layout (no paint)."""
        reason = self.sim.router.relaunch(self.url)
        if reason:
            raise SystemExit(f"relaunch failed: {reason}")
        self.sim.wait_idle()

    def call(self, method: str, *args: Any) -> None:
        self.sim.logic.call_method(self.view().page_id, method, list(args))
        self.sim.wait_idle()

    def tap_selector(self, selector: str) -> None:
        from renderer.view.query import select_all

        view = self.view()
        node = select_all(view.root, selector, view.instance)[0]
        box = node.box
        view.tap(box.x + box.width / 2, box.y + box.height / 2)
        self.sim.wait_idle()

    def texts(self, selector: str) -> list[str]:
        from renderer.view.query import select_all

        view = self.view()
        return [n.text_content() for n in select_all(view.root, selector, view.instance)]

    def count(self, selector: str) -> int:
        from renderer.view.query import select_all

        view = self.view()
        return len(select_all(view.root, selector, view.instance))

    def layout_size(self) -> int:
        root = self.view().root_box()
        return sum(1 for _ in root.walk()) if root is not None else 0


def timed(fn: Callable[[], Any]) -> float:
    t0 = now_ms()
    fn()
    return now_ms() - t0


# ---------------------------------------------------------------------------- workloads
def first_render(b: Bench, mode: str, warmup: int, iters: int, expect: Callable[[Bench], None]) -> dict:
    """W1/W4: cold = construct + boot + first page painted; warm = relaunch + painted."""
    expect(b)
    samples = {"first_render": [b.first_ms]}
    if mode == "warm":
        def once() -> None:
            b.relaunch()
            b.painted()
        for _ in range(warmup):
            once()
        samples["first_render"] = [timed(once) for _ in range(iters)]
        expect(b)
    return samples


def expect_list(n: int) -> Callable[[Bench], None]:
    def check(b: Bench) -> None:
        items = b.count(".item")
        tags = b.count(".tag")
        if items != n or tags != 2 * n:
            raise SystemExit(f"expected {n} items and {2 * n} tags, found {items} and {tags}")
        if b.view().root_box() is None:
            raise SystemExit("no layout")
    return check


def expect_static(b: Bench) -> None:
    elements = sum(1 for n in b.view().elements() if n.tag in ("view", "text"))
    if elements != 197:
        raise SystemExit(f"expected 197 view/text elements, found {elements}")


def setdata_small(b: Bench, mode: str, warmup: int, iters: int) -> dict:
    """W2: this.updateTitle500(v), v alternating; timed until the screen is repainted."""
    expect_list(1000)(b)
    values = ("changed", "changed-again")
    out: list[float] = []
    rounds = (warmup + iters) if mode == "warm" else 1
    for i in range(rounds):
        v = values[i % 2]
        ms = timed(lambda: (b.call("updateTitle500", v), b.painted()))
        got = b.texts(".title")[500]
        if got != v:
            raise SystemExit(f"list[500].title shows {got!r}, expected {v!r}")
        if mode != "warm" or i >= warmup:
            out.append(ms)
    return {"update": out}


def append100(b: Bench, mode: str, warmup: int, iters: int) -> dict:
    """W3: this.append100() on a freshly rendered W1 (the render is not timed)."""
    out: list[float] = []
    rounds = (warmup + iters) if mode == "warm" else 1
    for i in range(rounds):
        if i > 0:
            b.relaunch()
            b.painted()
        expect_list(1000)(b)
        ms = timed(lambda: (b.call("append100"), b.painted()))
        expect_list(1100)(b)
        if mode != "warm" or i >= warmup:
            out.append(ms)
    return {"append": out}


def tap_counter(b: Bench, mode: str, warmup: int, iters: int) -> dict:
    """W5: tap .btn → onTap → setData → text.count shows the new value → repainted."""
    out: list[float] = []
    rounds = (warmup + iters) if mode == "warm" else 1
    for i in range(rounds):
        before = int(b.texts(".count")[0])
        ms = timed(lambda: (b.tap_selector(".btn"), b.painted()))
        after = b.texts(".count")[0]
        if after != str(before + 1):
            raise SystemExit(f"count shows {after!r} after a tap, expected {before + 1}")
        if mode != "warm" or i >= warmup:
            out.append(ms)
    return {"tap": out}


def run(workload: str, mode: str, warmup: int, iters: int, project: Path) -> dict:
    with tempfile.TemporaryDirectory(prefix="wxsim-bench-") as storage:
        b = Bench(project, workload, storage)
        if workload == "list1000":
            samples = first_render(b, mode, warmup, iters, expect_list(1000))
        elif workload == "static200":
            samples = first_render(b, mode, warmup, iters, expect_static)
        elif workload == "setdata-small":
            samples = setdata_small(b, mode, warmup, iters)
        elif workload == "append100":
            samples = append100(b, mode, warmup, iters)
        else:
            samples = tap_counter(b, mode, warmup, iters)
        b._check_clean()
        return {"workload": workload, "mode": mode, "samples": samples, "imports_ms": b.imports_ms,
                "first_ms": b.first_ms, "process_to_ready_ms": (time.perf_counter() - T_PROCESS) * 1000.0}


def default_project() -> Path:
    return (Path(__file__).resolve().parent.parent / ".." / "shared" / "bench" / "workloads").resolve()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workload", choices=WORKLOADS, required=True)
    ap.add_argument("--mode", choices=("cold", "warm"), default="cold")
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--iters", type=int, default=10)
    ap.add_argument("--project", type=Path, default=default_project())
    ap.add_argument("--profile", metavar="FILE", help="write cProfile stats of the whole run to FILE")
    args = ap.parse_args(argv)
    if args.profile:
        import cProfile

        prof = cProfile.Profile()
        result = prof.runcall(run, args.workload, args.mode, args.warmup, args.iters, args.project)
        prof.dump_stats(args.profile)
    else:
        result = run(args.workload, args.mode, args.warmup, args.iters, args.project)
    print("@@RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
