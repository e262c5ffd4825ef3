"""wxsim: a simulator and devtool for WeChat Mini Programs.

`from simulator import launch` gives the automation API (see README).
"""

from __future__ import annotations

from typing import Any


def launch(*args: Any, **kwargs: Any) -> Any:
    from simulator.automation import launch as _launch

    return _launch(*args, **kwargs)


__all__ = ["launch"]
