"""What the window's chrome asks of the simulator: tabBar taps and the back button."""

from __future__ import annotations

from pathlib import Path

from simulator.runtime import Simulator

SHOP = Path(__file__).resolve().parent.parent / "assets" / "examples" / "shop"


def test_tab_bar_tap_and_back_button(tmp_path):
    sim = Simulator(SHOP, storage_dir=tmp_path)
    sim.start()
    sim.wait_idle()
    sim.switch_tab("pages/profile/profile")  # as written in app.json's tabBar list
    sim.wait_idle()
    assert sim.current_route() == "pages/profile/profile"
    assert not [d for d in sim.diagnostics if "switchTab" in d.message]
    sim.router.navigate_to("/pages/form/form")
    sim.wait_idle()
    assert sim.page_stack_depth() == 2
    sim.navigate_back()
    sim.wait_idle()
    assert sim.current_route() == "pages/profile/profile" and sim.page_stack_depth() == 1
    sim.close()
