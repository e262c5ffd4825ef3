"""The `wxsim` command: open the window, take a headless screenshot, dump a page, list devices.

Exit codes: 0 success; 1 the mini program failed (load error, uncaught JS exception), with
the diagnostic naming file:line on stderr; 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from bridge.api.devices import find_device, load_devices
from bridge.diagnostics import WxsimError
from simulator.flows import command as flow_command

BUNDLED_EXAMPLE = Path(__file__).resolve().parent.parent / "assets" / "examples" / "shop"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wxsim", description="WeChat Mini Program simulator")
    sub = parser.add_subparsers(dest="command", required=True)
    p_open = sub.add_parser("open", help="open the simulator window")
    p_open.add_argument("project", nargs="?",
                        help="project folder (default: the bundled example; File > Recent Projects reopens others)")
    p_shot = sub.add_parser("shot", help="headless screenshot of a page after it settled")
    p_shot.add_argument("project")
    p_shot.add_argument("--out", required=True, help="PNG file to write")
    p_dump = sub.add_parser("dump", help="print the page's path, query, data, WXML and laid-out tree as JSON")
    p_dump.add_argument("project")
    for p in (p_open, p_shot, p_dump):
        p.add_argument("--device", help="device profile name (see `wxsim devices`)")
        p.add_argument("--page", help="start page URL with optional query, e.g. pages/detail/detail?id=3")
    p_open.add_argument("--scene", type=int, default=None,
                        help="launch scene value (default: the active compile mode's, else 1001)")
    p_serve = sub.add_parser("serve", help="serve the miniprogram-automator protocol on ws://127.0.0.1:PORT")
    p_serve.add_argument("project")
    p_serve.add_argument("--port", type=int, default=9420, help="port on 127.0.0.1 (default 9420; 0 picks a free one)")
    p_serve.add_argument("--device", help="device profile name (see `wxsim devices`)")
    p_serve.add_argument("--page", help="start page URL with optional query")
    sub.add_parser("devices", help="list device profiles")
    flow_command.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "devices":
            return _devices()
        if args.command == "open":
            return _open(args)
        if args.command == "serve":
            return _serve(args)
        if args.command == "test":
            return flow_command.run(args)
        return _headless(args)
    except WxsimError as exc:
        print(f"wxsim: {exc.diagnostic}", file=sys.stderr)
        return 1


def _devices() -> int:
    for name, profile in load_devices().items():
        print(f"{name}\t{profile['screenWidth']}x{profile['screenHeight']} @{profile['pixelRatio']}x")
    return 0


def _print_diagnostics(sim: Any) -> int:
    """Print diagnostics to stderr; 1 if the mini program failed."""
    failed = False
    for diagnostic in sim.diagnostics:
        print(diagnostic, file=sys.stderr)
        failed = failed or diagnostic.severity == "error"
    return 1 if failed or sim.errors else 0


def _usage_problem(project: str, device: str | None) -> str | None:
    """Why a project/device pair cannot be opened at all (a usage error), or None."""
    if not Path(project).is_dir():
        return f"project folder not found: {project}"
    if device and find_device(device) is None:
        return f"unknown device '{device}' (see `wxsim devices`)"
    return None


def _headless(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from simulator.automation import launch

    problem = _usage_problem(args.project, args.device)
    if problem:
        print(f"wxsim: {problem}", file=sys.stderr)
        return 2
    with launch(args.project, device=args.device, page=args.page) as mp:
        status = _print_diagnostics(mp.sim)
        if args.command == "shot":
            mp.screenshot(args.out)
            return status
        page = mp.current_page()
        dump = {"path": page.path, "query": dict(page.query), "data": page.data(), "wxml": page.wxml(),
                "tree": page.tree()}
        print(json.dumps(dump, ensure_ascii=False, indent=2))
        return status


def _serve(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from simulator.automation import launch
    from simulator.automator.server import serve_forever

    problem = _usage_problem(args.project, args.device)
    if problem:
        print(f"wxsim: {problem}", file=sys.stderr)
        return 2
    with launch(args.project, device=args.device, page=args.page) as mp:
        _print_diagnostics(mp.sim)
        try:
            serve_forever(mp, args.port)
        except OSError as exc:  # the port is taken
            print(f"wxsim: cannot listen on 127.0.0.1:{args.port}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    return 0


def _open(args: argparse.Namespace) -> int:
    from simulator.settings import Settings
    from simulator.ui.app import run_window

    settings = Settings()
    project = args.project or str(BUNDLED_EXAMPLE)
    problem = _usage_problem(project, args.device)
    if problem:
        print(f"wxsim: {problem}", file=sys.stderr)
        return 2
    return run_window(project, device=args.device, page=args.page, scene=args.scene, settings=settings)


if __name__ == "__main__":
    sys.exit(main())
