"""launch(headless=False) shows a window that follows the script."""

from __future__ import annotations

from pathlib import Path

from simulator import launch

SHOP = Path(__file__).resolve().parent.parent / "assets" / "examples" / "shop"


def test_watch_window_follows_navigation(tmp_path, qtbot):
    with launch(SHOP, storage=tmp_path, headless=False) as mp:
        screen = mp.window.screen
        assert screen.isVisible()
        assert screen.page.view is mp.current_page().view
        mp.current_page().query(".goods").tap()
        assert mp.current_page().path == "pages/detail/detail"
        assert screen.page.view is mp.current_page().view
    assert not screen.isVisible()
