"""The logic layer: user JS in QuickJS, with our base library (App/Page/Component, setData…)."""

from __future__ import annotations

from simulator.logic.host import LogicHost

__all__ = ["LogicHost"]
