"""tdesign-miniprogram from the npm registry: every component page renders; common components
fire their documented events (tests/libs/tdesign.py has the usages and the known gaps)."""

from __future__ import annotations

from tests.libs.testing import make_tests

lib_mp, test_component_renders, test_documented_interaction, test_known_gaps_still_needed = make_tests("tdesign")


def test_icons_draw_their_glyphs_from_the_offline_font(lib_mp):
    """t-icon's font is served through `"$resources"` (renumbered by glyph name from
    tdesign-icons-web-components): different names draw different glyphs, no warning."""
    page = lib_mp.relaunch("/pages/icon/index")
    lib_mp.wait_idle()
    icons = page.query_all("t-icon")
    app, add_circle = icons[0].screenshot(), icons[1].screenshot()
    assert app != add_circle
    assert not [d for d in lib_mp.diagnostics() if "@font-face" in d.message]
    fonts = [r["payload"] for r in lib_mp.traffic() if r["kind"] == "resource"
             and "tdesign.gtimg.com" in r["payload"]["url"]]
    assert fonts and fonts[0]["source"] == "mock:wxsim.mock.json#$resources[0]"
