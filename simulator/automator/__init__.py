"""A miniprogram-automator compatible WebSocket server (`wxsim serve`) over the automation API.

`handles` numbers pages and elements for the wire, `app`, `page` and `element` answer the
methods of each protocol domain, `dispatch` routes a request to them, `server` runs the
WebSocket loop in the simulator's own thread.
"""

from __future__ import annotations

from simulator.automator.dispatch import Dispatcher
from simulator.automator.handles import ProtocolError

__all__ = ["Dispatcher", "ProtocolError"]
