"""A minimal stand-in for simulator.project.Project, enough for the logic host tests."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from bridge.diagnostics import Diagnostic, WxsimError, error


class MiniProject:
    def __init__(self, root: Path, files: dict[str, str]):
        self.root = root
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def read_text(self, rel: str) -> str:
        try:
            return (self.root / rel).read_text(encoding="utf-8")
        except OSError:
            raise error(f"cannot read {rel}", rel) from None

    def exists(self, rel: str) -> bool:
        return (self.root / rel).is_file()

    def _file(self, base: str) -> str | None:
        for cand in (base, base + ".js", base + ".json", base + "/index.js"):
            if self.exists(cand):
                return cand
        return None

    def resolve_module(self, from_rel: str, spec: str) -> str:
        folder = posixpath.dirname(from_rel)
        if spec.startswith("/"):
            found = self._file(posixpath.normpath(spec.lstrip("/")))
        elif spec.startswith("."):
            found = self._file(posixpath.normpath(posixpath.join(folder, spec)))
        else:
            found = self._npm(folder, spec)
        if found is None:
            raise WxsimError(Diagnostic("error", f"cannot resolve {spec!r}", from_rel))
        return found

    def _npm(self, folder: str, spec: str) -> str | None:
        parts = folder.split("/") if folder else []
        for n in range(len(parts), -1, -1):
            pkg = posixpath.join(*parts[:n], "miniprogram_npm", spec) if n else f"miniprogram_npm/{spec}"
            if self.exists(pkg + "/package.json"):
                main = json.loads(self.read_text(pkg + "/package.json")).get("main", "index.js")
                return self._file(posixpath.normpath(posixpath.join(pkg, main)))
            found = self._file(pkg)
            if found:
                return found
        return None


class Harness:
    """A booted LogicHost over a MiniProject, with the messages and diagnostics it produced."""

    def __init__(self, tmp_path: Path, files: dict[str, str], sync=None, time_limit_s: float = 5.0):
        from simulator.logic.host import LogicHost

        self.now = 1000.0
        self.msgs: list[dict] = []
        self.diags: list = []
        self.sync_calls: list = []

        def invoke_sync(name, args):
            self.sync_calls.append((name, args))
            return (sync or {}).get(name, {"errMsg": name + ":ok"})

        files = {"app.js": "App({})", **files}
        self.project = MiniProject(tmp_path, files)
        self.host = LogicHost(self.project, self.msgs.append, self.diags.append, invoke_sync,
                              time_limit_s=time_limit_s, clock=lambda: self.now)
        self.host.boot(["navigateTo", "request", "getStorageSync", "setStorageSync", "getSystemInfoSync"])

    def send(self, kind: str, **payload) -> None:
        self.host.deliver({"kind": kind, "direction": "view→logic", "target": None, "payload": payload})

    def life(self, event: str, **payload) -> None:
        self.send("lifecycle", event=event, **payload)

    def kinds(self, kind: str) -> list[dict]:
        return [m["payload"] for m in self.msgs if m["kind"] == kind]

    def logs(self) -> list[list]:
        return [p["args"] for p in self.kinds("console")]

    def errors(self):
        return [d for d in self.diags if d.severity == "error"]
