"""Pull-down refresh: the gesture and wx.startPullDownRefresh both run onPullDownRefresh."""

from __future__ import annotations

import json

from simulator.runtime import Simulator
from tests.miniprogram import write_project


def _project(tmp_path, enable: bool):
    js = ("Page({data: {n: 0}, onPullDownRefresh() { this.setData({n: this.data.n + 1}); wx.stopPullDownRefresh() },\n"
          "  start() { wx.startPullDownRefresh() } })")
    return write_project(tmp_path, {"pages/a/a": {"json": json.dumps({"enablePullDownRefresh": enable}),
                                                 "wxml": "<view>{{n}}</view>", "js": js}})


def test_gesture_runs_the_handler_and_stop_ends_it(tmp_path):
    sim = Simulator(_project(tmp_path, True), storage_dir=tmp_path / "s")
    sim.start()
    sim.wait_idle()
    sim.pull_down_refresh()
    sim.wait_idle()
    assert sim.logic.instance_data("p1")["n"] == 1
    assert sim.ui.refreshing is False
    sim.logic.call_method("p1", "start")
    sim.wait_idle()
    assert sim.logic.instance_data("p1")["n"] == 2


def test_gesture_does_nothing_without_enable_pull_down_refresh(tmp_path):
    sim = Simulator(_project(tmp_path, False), storage_dir=tmp_path / "s")
    sim.start()
    sim.wait_idle()
    sim.pull_down_refresh()
    sim.wait_idle()
    assert sim.logic.instance_data("p1")["n"] == 0
