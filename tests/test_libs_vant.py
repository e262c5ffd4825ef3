"""@vant/weapp from the npm registry: every component page renders; common components
fire their documented events (tests/libs/vant.py has the usages and the known gaps)."""

from __future__ import annotations

from tests.libs.testing import make_tests

lib_mp, test_component_renders, test_documented_interaction, test_known_gaps_still_needed = make_tests("vant")


def test_icons_draw_their_glyphs_from_the_offline_font(lib_mp):
    """van-icon's font is served through `"$resources"` from @vant/icons: different names draw
    different glyphs (a missing font would draw the same empty box for both), no warning."""
    page = lib_mp.relaunch("/pages/icon/index")
    lib_mp.wait_idle()
    icons = page.query_all("van-icon")
    chat_o, chat = icons[0].screenshot(), icons[2].screenshot()
    assert chat_o != chat
    assert not [d for d in lib_mp.diagnostics() if "vant-icon" in d.message]
    fonts = [r["payload"] for r in lib_mp.traffic() if r["kind"] == "resource"
             and "font_2553510" in r["payload"]["url"]]
    assert fonts and fonts[0]["source"] == "mock:wxsim.mock.json#$resources[0]"
