from __future__ import annotations

from bridge.api import coverage
from bridge.api.registry import registry


def test_coverage_doc_is_up_to_date():
    assert coverage.OUT.read_text(encoding="utf-8") == coverage.render(), \
        "docs/api-coverage.md is stale: run python -m bridge.api.coverage"


def test_every_api_has_a_row_and_honest_status():
    table = {name: (rank, status) for name, rank, status, _ in coverage.rows()}
    assert set(registry()) <= set(table)
    assert table["getStorageSync"] == ("1", "implemented")
    assert table["requestPayment"][1] == "simulated" and table["getLocation"][1] == "simulated"
    assert table["createCanvasContext"][1] == "implemented"
    assert table["canvasToTempFilePath"][1] == "implemented"
    assert table["openDocument"][1] == "not supported"
