"""FlowRecorder: turns what the user does on a running simulator into flow steps.

It listens to the page views' input (taps, long presses, typing, page and scroll-view
scrolls) and to the window chrome (back button, tabBar), names each target with a stable
selector (simulator/flows/targets.py) and keeps the steps; assertions are added by picking
a node. Works the same whether the input comes from the window or from the automation API.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from renderer.view.nodes import ViewNode
from simulator import paths
from simulator.flows.model import Flow, Launch, Step, save_flow
from simulator.flows.targets import action_node, pick_selector, text_of


class FlowRecorder:
    """Record steps from `sim` (a running `Simulator`) between `start()` and `stop()`."""

    def __init__(self, sim: Any, snapshot_storage: bool = True):
        self.sim = sim
        self.snapshot_storage = snapshot_storage
        self.steps: list[Step] = []
        self.launch = Launch()
        self.recording = False
        self._pressed: ViewNode | None = None  # a longpress just recorded: its touch's tap is not a step

    # control ------------------------------------------------------------------------
    def start(self) -> None:
        """Begin at the page now shown: it becomes the flow's start page; storage is snapshotted."""
        view = self.sim.current_view()
        page = None
        if view is not None:
            query = "&".join(f"{k}={v}" for k, v in (view.query or {}).items())
            page = view.route + (f"?{query}" if query else "")
        storage: dict | None = None
        if self.snapshot_storage:
            storage = {key: self.sim.storage.get(key) for key in self.sim.storage.keys()}
        self.launch = Launch(page=page, device=self.sim.device.get("name"), storage=storage)
        self.steps = []
        if not self.recording:
            self.sim.view.input_observers.append(self._observe)
        self.recording = True

    def stop(self) -> None:
        if self.recording:
            self.sim.view.input_observers.remove(self._observe)
        self.recording = False

    # input -----------------------------------------------------------------------------
    def _observe(self, view: Any, kind: str, info: dict) -> None:
        handler = getattr(self, f"_on_{kind}", None)
        if handler is not None and view is not None:
            handler(view, info)

    def _on_tap(self, view: Any, info: dict) -> None:
        node = info["node"]
        if self._pressed is not None and self._pressed is node:
            self._pressed = None
            return
        self._pressed = None
        self._add_target_step("tap", view, action_node(view, node))

    def _on_longpress(self, view: Any, info: dict) -> None:
        self._pressed = info["node"]
        self._add_target_step("longpress", view, action_node(view, info["node"]))

    def _on_input(self, view: Any, info: dict) -> None:
        selector, index = pick_selector(view, info["node"])
        last = self.steps[-1] if self.steps else None
        if last is not None and last.action == "input" and last.target == selector and last.index == index:
            last.args["value"] = info["value"]  # typing: one step with the final text
            return
        self._append(Step("input", selector, _with_index({"value": info["value"]}, index)))

    def _on_scroll(self, view: Any, info: dict) -> None:
        node = info.get("node")
        selector, index = ("page", 0) if node is None else pick_selector(view, node)
        args: dict = {"top": round(float(info.get("top") or 0.0), 1)}
        if node is not None and info.get("left"):
            args["left"] = round(float(info["left"]), 1)
        last = self.steps[-1] if self.steps else None
        if last is not None and last.action == "scroll" and last.target == selector and last.index == index:
            last.args.update(args)  # a drag: one step with where it ended
            return
        self._append(Step("scroll", selector, _with_index(args, index)))

    def _on_navigate_back(self, view: Any, info: dict) -> None:
        self._append(Step("navigate_back", 1))

    def _on_switch_tab(self, view: Any, info: dict) -> None:
        self._append(Step("switch_tab", info["route"]))

    def _add_target_step(self, action: str, view: Any, node: ViewNode) -> None:
        selector, index = pick_selector(view, node)
        self._append(Step(action, selector, _with_index({}, index)))

    def _append(self, step: Step) -> None:
        self.steps.append(step)

    # assertions (picked nodes) ----------------------------------------------------------------
    def assert_text(self, node: ViewNode, equals: str | None = None) -> Step:
        """The node's text equals what it shows now (or `equals`)."""
        view = self.sim.current_view()
        selector, index = pick_selector(view, node)
        text = text_of(node) if equals is None else equals
        return self._added(Step("assert_text", selector, _with_index({"equals": text}, index)))

    def assert_exists(self, node: ViewNode | None = None, selector: str | None = None,
                      exists: bool = True) -> Step:
        """A node (picked, or a selector typed in) is on the page (or, `exists=False`, is not)."""
        index = 0
        if node is not None:
            selector, index = pick_selector(self.sim.current_view(), node)
        args = _with_index({} if exists else {"exists": False}, index)
        return self._added(Step("assert_exists", selector, args))

    def assert_data(self, path: str, equals: Any = ..., node: ViewNode | None = None) -> Step:
        """A data path of the page (or of the custom component `node` hosts) equals its value now."""
        view = self.sim.current_view()
        args: dict = {}
        instance_id = view.page_id
        if node is not None and node.component is not None:
            selector, _ = pick_selector(view, node)
            args["of"] = selector
            instance_id = node.component.id
        if equals is ...:
            equals = data_at(self.sim.logic.instance_data(instance_id), path)
        args = {"equals": equals, **args}
        return self._added(Step("assert_data", path, args))

    def assert_page(self) -> Step:
        """The page shown now (route and query)."""
        view = self.sim.current_view()
        args = {"query": dict(view.query)} if view.query else {}
        return self._added(Step("assert_page", view.route, args))

    def _added(self, step: Step) -> Step:
        self._append(step)
        return step

    # output ---------------------------------------------------------------------------------
    def flow(self, name: str = "flow", description: str = "") -> Flow:
        return Flow(name, Launch(**vars(self.launch)), [Step(s.action, s.target, dict(s.args)) for s in self.steps],
                    description)

    def save(self, path: str | Path, name: str | None = None, description: str = "") -> Path:
        """Write the flow; the project folder is stored relative to the flow file."""
        path = Path(path)
        flow = self.flow(name or path.name.split(".")[0], description)
        project = Path(self.sim.project.project_dir).resolve()
        try:
            flow.launch.project = _relative(project, path.resolve().parent)
        except ValueError:
            flow.launch.project = str(project)
        return save_flow(flow, path)


def _with_index(args: dict, index: int) -> dict:
    return {**args, "index": index} if index else args


def _relative(target: Path, start: Path) -> str:
    import os

    return Path(os.path.relpath(target, start)).as_posix()


def data_at(data: Any, path: str | None) -> Any:
    """`a.b[2].c` inside `data` (None when missing), as a copy the caller may keep."""
    return json.loads(json.dumps(paths.data_at(data, path)))
