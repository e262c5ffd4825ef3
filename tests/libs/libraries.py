"""The libraries under test, by short name."""

from __future__ import annotations

from tests.libs.vant import VANT
from tests.libs.tdesign import TDESIGN
from tests.libs.weui import WEUI

LIBRARIES = {"vant": VANT, "weui": WEUI, "tdesign": TDESIGN}
