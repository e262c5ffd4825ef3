"""AppData: the current page's and its components' data, and edits applied with setData."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from simulator.devtools.datapath import path_text


@dataclass(frozen=True)
class InstanceData:
    instance_id: str
    label: str          # "Page pages/index/index" or "Component components/card/card"
    data: Any


def snapshot(sim: Any) -> list[InstanceData]:
    """The shown page first, then each component instance in the page view (logic-layer data)."""
    view = sim.current_view()
    if view is None:
        return []
    out = []
    for inst_id, inst in getattr(view, "instances", {}).items():
        kind = "Page" if inst.host is None else "Component"
        try:
            data = sim.logic.instance_data(inst_id)
        except Exception:  # noqa: BLE001 - an instance that is being detached has no data
            continue
        out.append(InstanceData(inst_id, f"{kind} {inst.base}", data))
    return out


def parse_value(text: str) -> Any:
    """A typed value from the editor: JSON if it parses (`3`, `true`, `"a"`, `[1]`), else the text."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def value_text(value: Any) -> str:
    """How a leaf shows in the tree: strings quoted like JSON so `"3"` and `3` differ."""
    return json.dumps(value, ensure_ascii=False)


def apply_edit(sim: Any, instance_id: str, path: list, text: str) -> Any:
    """setData `{path: value}` on the instance and let the page re-render; returns the value."""
    value = parse_value(text)
    sim.logic.set_data(instance_id, {path_text(path): value})
    sim.pump()
    return value
