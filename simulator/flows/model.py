"""The flow file: launch options, then steps, as hand-editable JSON (see docs/flows.md).

Each step is an object whose first key names the action and holds its target:
`{"tap": "#buy"}`, `{"input": "#name", "value": "Li"}`, `{"assert_data": "count", "equals": 2}`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1

# action → the extra keys it accepts (besides "index", "note" and "timeout")
ACTIONS: dict[str, tuple[str, ...]] = {
    "tap": (), "longpress": (), "input": ("value",), "scroll": ("top", "left"),
    "navigate_back": (), "switch_tab": (), "wait_for": (), "call_wx_mock": ("result",),
    "assert_text": ("equals",), "assert_exists": ("exists",), "assert_data": ("equals", "of"),
    "assert_page": ("query",),
}
COMMON_KEYS = ("index", "note", "timeout")
ASSERTIONS = frozenset(k for k in ACTIONS if k.startswith("assert_"))


class FlowError(Exception):
    """A flow file that cannot be read, with the file (and step) it is about."""


@dataclass
class Step:
    """One action or assertion. `target` is the value of the action key (a selector, a path,
    a number of ms...); `args` holds the other keys."""

    action: str
    target: Any = None
    args: dict = field(default_factory=dict)

    @property
    def index(self) -> int:
        return int(self.args.get("index", 0))

    def to_json(self) -> dict:
        return {self.action: self.target, **self.args}

    def label(self) -> str:
        extra = "".join(f" {k}={json.dumps(v, ensure_ascii=False)}" for k, v in self.args.items()
                        if k not in ("note", "timeout"))
        return f"{self.action} {json.dumps(self.target, ensure_ascii=False)}{extra}"

    @classmethod
    def from_json(cls, raw: Any, where: str) -> Step:
        if not isinstance(raw, dict) or not raw:
            raise FlowError(f"{where}: a step must be an object such as {{\"tap\": \"#buy\"}}")
        action, target = next(iter(raw.items()))
        if action not in ACTIONS:
            raise FlowError(f"{where}: unknown action {action!r} (one of: {', '.join(ACTIONS)})")
        args = {k: v for k, v in raw.items() if k != action}
        unknown = [k for k in args if k not in ACTIONS[action] + COMMON_KEYS]
        if unknown:
            raise FlowError(f"{where}: {action} does not take {', '.join(map(repr, unknown))}")
        if action == "input" and "value" not in args:
            raise FlowError(f"{where}: input needs a \"value\"")
        if action in ("assert_text", "assert_data") and "equals" not in args:
            raise FlowError(f"{where}: {action} needs \"equals\"")
        return cls(action, target, args)


@dataclass
class Launch:
    """How to start the program: project folder (relative to the flow file), start page,
    device, a storage fixture (a JSON file of key → value, or the object itself), and the
    deterministic clock/random settings."""

    project: str = "."
    page: str | None = None
    device: str | None = None
    storage: str | dict | None = None
    epoch_ms: float | None = None
    seed: int | None = None

    def to_json(self) -> dict:
        out: dict[str, Any] = {"project": self.project}
        for key, value in (("page", self.page), ("device", self.device), ("storage", self.storage),
                           ("epochMs", self.epoch_ms), ("seed", self.seed)):
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_json(cls, raw: Any, where: str) -> Launch:
        if not isinstance(raw, dict):
            raise FlowError(f"{where}: \"launch\" must be an object")
        known = {"project", "page", "device", "storage", "epochMs", "seed"}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise FlowError(f"{where}: launch does not take {', '.join(map(repr, unknown))}")
        return cls(str(raw.get("project", ".")), raw.get("page"), raw.get("device"), raw.get("storage"),
                   raw.get("epochMs"), raw.get("seed"))


@dataclass
class Flow:
    name: str
    launch: Launch
    steps: list[Step]
    description: str = ""
    path: Path | None = None  # the file it was read from; relative launch paths resolve beside it

    def base_dir(self) -> Path:
        return self.path.parent if self.path is not None else Path.cwd()

    def project_dir(self) -> Path:
        return (self.base_dir() / self.launch.project).resolve()

    def storage_fixture(self) -> dict:
        """The storage to seed before launch: key → value."""
        fixture = self.launch.storage
        if fixture is None:
            return {}
        if isinstance(fixture, dict):
            return fixture
        file = self.base_dir() / fixture
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise FlowError(f"{self.path}: storage fixture {fixture}: {exc}") from None
        if not isinstance(data, dict):
            raise FlowError(f"{file}: a storage fixture is an object of key → value")
        return data

    def to_json(self) -> dict:
        out: dict[str, Any] = {"wxsimFlow": FORMAT_VERSION, "name": self.name}
        if self.description:
            out["description"] = self.description
        out["launch"] = self.launch.to_json()
        out["steps"] = [s.to_json() for s in self.steps]
        return out


def load_flow(path: str | Path) -> Flow:
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FlowError(f"{path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise FlowError(f"{path}: not valid JSON: {exc}") from None
    return parse_flow(raw, path)


def parse_flow(raw: Any, path: Path | None = None) -> Flow:
    where = str(path or "<flow>")
    if not isinstance(raw, dict) or raw.get("wxsimFlow") != FORMAT_VERSION:
        raise FlowError(f"{where}: not a wxsim flow (expected \"wxsimFlow\": {FORMAT_VERSION})")
    steps_raw = raw.get("steps")
    if not isinstance(steps_raw, list):
        raise FlowError(f"{where}: \"steps\" must be a list")
    steps = [Step.from_json(s, f"{where}: step {i + 1}") for i, s in enumerate(steps_raw)]
    name = str(raw.get("name") or (path.name.split(".")[0] if path else "flow"))
    return Flow(name, Launch.from_json(raw.get("launch", {}), where), steps,
                str(raw.get("description", "")), path)


def dumps_flow(flow: Flow) -> str:
    """JSON with one step per line, so a flow reads (and diffs) like a script."""
    data = flow.to_json()
    steps = data.pop("steps")
    head = json.dumps(data, ensure_ascii=False, indent=2)[:-2]  # drop the closing "\n}"
    lines = [json.dumps(s, ensure_ascii=False) for s in steps]
    body = ",\n".join(f"    {line}" for line in lines)
    return f"{head},\n  \"steps\": [\n{body}\n  ]\n}}\n" if lines else f"{head},\n  \"steps\": []\n}}\n"


def save_flow(flow: Flow, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(dumps_flow(flow), encoding="utf-8")
    flow.path = path
    return path
