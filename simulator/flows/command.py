"""`wxsim test FLOW... [--junit FILE] [--device NAME] [--screenshots DIR]`: replay flows headless.

Exit codes: 0 every flow passed; 1 a flow failed (or its program did not launch); 2 usage
error (a missing or malformed flow file, an unknown device).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bridge.api.devices import find_device
from simulator.flows.model import Flow, FlowError, load_flow


def add_parser(sub: argparse._SubParsersAction) -> None:
    p_test = sub.add_parser("test", help="replay recorded flows headless (see docs/flows.md)")
    p_test.add_argument("flows", nargs="+", help="flow files (*.flow.json) or folders holding them")
    p_test.add_argument("--junit", help="write a JUnit XML report here")
    p_test.add_argument("--device", help="run on this device profile instead of each flow's own")
    p_test.add_argument("--screenshots", help="folder for a screenshot of the screen when a step fails")
    p_test.add_argument("-q", "--quiet", action="store_true", help="print failed steps and summaries only")


def collect(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(path.rglob("*.flow.json"))
        else:
            found.append(path)
    return found


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from simulator.flows.report import ProgressPrinter, summary, write_junit
    from simulator.flows.runner import FlowRunner

    if args.device and find_device(args.device) is None:
        print(f"wxsim: unknown device '{args.device}' (see `wxsim devices`)", file=sys.stderr)
        return 2
    try:
        flows: list[Flow] = [load_flow(p) for p in collect(args.flows)]
    except FlowError as exc:
        print(f"wxsim: {exc}", file=sys.stderr)
        return 2
    if not flows:
        print("wxsim: no flow files found", file=sys.stderr)
        return 2
    runner = FlowRunner(device=args.device, screenshots=args.screenshots,
                        progress=ProgressPrinter(verbose=not args.quiet))
    results = [runner.run(flow) for flow in flows]
    if args.junit:
        write_junit(results, args.junit)
    print(summary(results))
    return 0 if all(r.passed for r in results) else 1
