"""The bundled shop example tested the way a user's suite would: through the wxsim pytest plugin."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.pytest_plugin import assert_screenshot

SHOP = Path(__file__).resolve().parents[1] / "assets" / "examples" / "shop"


@pytest.fixture(scope="session")
def wxsim_project() -> Path:
    return SHOP


def test_home_lists_goods(mini_program) -> None:
    page = mini_program.current_page()
    assert page.path == "pages/index/index"
    names = [el.text() for el in page.query_all(".goods-name")]
    assert len(names) == len(page.data("list")) == 4
    assert names[0] == "云南小粒咖啡豆"


def test_tap_opens_detail_with_its_id(mini_program) -> None:
    mini_program.current_page().query(".goods").tap()
    detail = mini_program.current_page()
    assert (detail.path, dict(detail.query)) == ("pages/detail/detail", {"id": "1"})
    assert len(mini_program.page_stack()) == 2


def test_each_test_gets_fresh_storage(mini_program) -> None:
    assert mini_program.call_wx_method("getStorageSync", "wxsim-plugin-probe") == ""
    mini_program.call_wx_method("setStorageSync", "wxsim-plugin-probe", 1)


def test_storage_written_by_the_previous_test_is_gone(mini_program) -> None:
    assert mini_program.call_wx_method("getStorageSync", "wxsim-plugin-probe") == ""


@pytest.mark.wxsim_page("pages/detail/detail?id=2")
def test_start_page_marker(mini_program) -> None:
    assert dict(mini_program.current_page().query) == {"id": "2"}


def test_first_goods_card_looks_as_recorded(mini_program) -> None:
    card = mini_program.current_page().query(".goods")
    # A card, not the whole screen: fewer unrelated pixels, and no status-bar clock.
    assert_screenshot(card, "shop-first-goods", tolerance=0.01)


def test_module_launch_is_shared(mini_program_module) -> None:
    mini_program_module.current_page().set_data({"updatedText": "shared"})


def test_module_launch_keeps_state(mini_program_module) -> None:
    assert mini_program_module.current_page().data("updatedText") == "shared"
