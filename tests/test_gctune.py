"""The collector is tuned once a simulator exists, and never made more eager."""

from __future__ import annotations

import gc

from simulator.gctune import YOUNG_THRESHOLD, tune_gc


def test_tune_raises_the_young_threshold_and_keeps_higher_settings():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        tune_gc()
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
        gc.set_threshold(YOUNG_THRESHOLD * 2, 30, 40)
        tune_gc()
        assert gc.get_threshold() == (YOUNG_THRESHOLD * 2, 30, 40)
    finally:
        gc.set_threshold(*before)
