"""PNG bytes of the device screen, for `wxsim shot` and `mp.screenshot()`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice

from simulator.ui.screen import render_screen_image


def screen_png(sim: Any) -> bytes:
    image = render_screen_image(sim)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
