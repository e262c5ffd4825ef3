"""The libraries under test, by short name."""

from __future__ import annotations

from tests.libs.vant import VANT

LIBRARIES = {"vant": VANT}
