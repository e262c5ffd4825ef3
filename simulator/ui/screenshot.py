"""PNG bytes of the device screen, for `wxsim shot` and `mp.screenshot()`."""

from __future__ import annotations

from typing import Any

from simulator.ui.imaging import encode_png
from simulator.ui.screen import render_screen_image


def screen_png(sim: Any) -> bytes:
    return encode_png(render_screen_image(sim))
