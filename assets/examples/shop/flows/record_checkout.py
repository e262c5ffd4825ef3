"""Records checkout.flow.json through the flow recorder, driving the shop like a user would.

Run from the repository root: `QT_QPA_PLATFORM=offscreen python assets/examples/shop/flows/record_checkout.py`.
Re-record after changing the shop's pages; `wxsim test` replays the result.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from simulator.automation import MiniProgram
from simulator.clock import VirtualClock
from simulator.flows.recorder import FlowRecorder
from simulator.runtime import Simulator

HERE = Path(__file__).resolve().parent


def record(out: Path = HERE / "checkout.flow.json") -> Path:
    with tempfile.TemporaryDirectory() as storage:
        sim = Simulator(HERE.parent, storage_dir=storage, clock=VirtualClock())
        sim.start(None)
        mp = MiniProgram(sim)
        mp.wait_idle()
        recorder = FlowRecorder(sim, snapshot_storage=False)  # a first-time customer
        recorder.start()
        page = mp.current_page()
        page.query_all(".goods-name")[1].tap()          # the second product: its card is what gets named
        detail = mp.current_page()
        recorder.assert_page()
        recorder.assert_text(detail.query(".title").node)
        plus = detail.query("stepper").query(".plus")
        plus.tap()
        plus.tap()
        recorder.assert_text(detail.query("stepper").query(".value").node)
        recorder.assert_data("total")
        detail.query("button.add").tap()
        recorder.assert_data("inCart")
        recorder.assert_exists(selector=".muted")
        sim.navigate_back()                              # the navigation bar's back button
        sim.switch_tab("pages/profile/profile")          # the tabBar
        profile = mp.current_page()
        recorder.assert_text(profile.query(".num").node)
        recorder.stop()
        path = recorder.save(out, name="checkout",
                             description="Pick a product, add three to the cart, see the count on the profile tab")
        mp.close()
    return path


if __name__ == "__main__":
    print(record())
