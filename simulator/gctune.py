"""Garbage-collector settings for a process that holds a rendered mini program.

A rendered page keeps tens of thousands of small, long-lived objects (view nodes, boxes,
styles, vnodes). With CPython's default thresholds (700, 10, 10) the cyclic collector walks
them again every few hundred allocations while a big page renders; W1 (a 1000-item list)
spent more time in the collector than in layout. Collecting the youngest generation every
50,000 allocations keeps cycles bounded while making that cost negligible.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000


def tune_gc() -> None:
    """Raise the young-generation threshold (never lowers a threshold someone set higher)."""
    young, middle, old = gc.get_threshold()
    if young < YOUNG_THRESHOLD:
        gc.set_threshold(YOUNG_THRESHOLD, max(middle, 20), max(old, 20))
