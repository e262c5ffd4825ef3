"""End to end: the bundled shop example driven through the public automation API only."""

from __future__ import annotations

import json

import pytest

from conftest import SHOP_DIR
from simulator import launch

GOODS_NAMES = ["云南小粒咖啡豆", "手冲滤杯套装", "冷萃咖啡液", "燕麦奶 1L"]


def _stacked(elements) -> None:
    """Each box starts below the previous one's bottom edge: no overlap, document order."""
    boxes = [(e.offset()["top"], e.size()["height"]) for e in elements]
    for (top, height), (next_top, _) in zip(boxes, boxes[1:]):
        assert next_top >= top + height - 0.01, boxes


# the list page -------------------------------------------------------------------------
def test_list_renders_goods_from_storage(shop):
    page = shop.current_page()
    assert page.path == "pages/index/index"
    assert page.query == {}
    items = page.query_all(".goods")
    assert len(items) == 4
    assert [e.query(".goods-name").text() for e in items] == GOODS_NAMES
    assert page.query(".toolbar .muted").text() == "共 4 件商品"
    # sold out item shows the badge instead of the stock line
    assert items[3].query(".badge").text() == "售罄"
    assert items[0].query(".goods-side .muted").text() == "库存 12"
    assert items[0].query(".price").text() == "¥68"
    _stacked(items)
    assert shop.call_wx_method("getStorageSync", "goods")[1]["name"] == "手冲滤杯套装"


def test_list_reads_goods_written_before_launch(tmp_path):
    """The list comes from storage: goods saved by a previous run are what the next run shows."""
    storage = tmp_path / "storage"
    with launch(SHOP_DIR, storage=storage) as mp:
        mp.call_wx_method("setStorageSync", "goods", [
            {"id": 7, "name": "测试商品", "price": 1, "desc": "d", "stock": 1}])
    with launch(SHOP_DIR, storage=storage) as mp:
        page = mp.current_page()
        assert [e.text() for e in page.query_all(".goods-name")] == ["测试商品"]
        assert page.data("list.0.soldOut") is False


@pytest.mark.parametrize("device, width", [("iPhone 6/7/8", 375.0), ("iPhone XR/11", 414.0)])
def test_rpx_sizes_follow_the_device_width(tmp_path, device, width):
    rpx = width / 750
    with launch(SHOP_DIR, device=device, storage=tmp_path / "s") as mp:
        page = mp.current_page()
        assert page.size()["width"] == pytest.approx(width)
        card = page.query(".goods")
        # .container padding 24rpx on each side; .card padding 24rpx
        assert card.offset()["left"] == pytest.approx(24 * rpx, abs=0.01)
        assert card.size()["width"] == pytest.approx(width - 48 * rpx, abs=0.01)
        main = card.query(".goods-main")
        assert main.offset()["left"] == pytest.approx(48 * rpx, abs=0.01)
        assert page.query(".goods-name").style("font-size") == pytest.approx(32 * rpx)


# detail, component, toast ----------------------------------------------------------------
def test_tapping_an_item_opens_its_detail(shop):
    index = shop.current_page()
    index.query_all(".goods")[1].tap()
    detail = shop.current_page()
    assert detail.path == "pages/detail/detail"
    assert detail.query == {"id": "2"}
    assert detail.data("item.name") == "手冲滤杯套装"
    assert detail.data("total") == 129
    assert detail.query(".title").text() == "手冲滤杯套装"
    assert [p.path for p in shop.page_stack()] == ["pages/index/index", "pages/detail/detail"]
    # the page left behind stays loaded (onHide, not onUnload)
    assert shop.page_stack()[0].data("list.1.id") == 2


def test_stepper_property_and_change_event(shop):
    detail = shop.navigate_to("pages/detail/detail?id=2")
    stepper = detail.query("stepper")
    assert stepper.data("value") == 1 and stepper.data("max") == 5
    assert stepper.property("value") == 1
    minus, plus = stepper.query(".minus"), stepper.query(".plus")
    assert "disabled" in minus.attribute("class").split()
    plus.tap()
    plus.tap()
    assert stepper.data("value") == 3
    assert detail.data("count") == 3
    assert detail.data("total") == 387
    assert detail.query(".card.row .price").text() == "¥387"
    assert stepper.query(".value").text() == "3"
    events = [m for m in shop.traffic() if m["kind"] == "triggerEvent"]
    assert events[-1]["payload"]["name"] == "change"
    assert events[-1]["payload"]["detail"] == {"value": 3}
    # max comes from the page: stock 5 stops the stepper at 5
    for _ in range(4):
        plus.tap()
    assert detail.data("count") == 5
    assert "disabled" in stepper.query(".plus").attribute("class").split()


def test_add_to_cart_shows_a_toast_and_writes_the_cart(shop):
    detail = shop.navigate_to("pages/detail/detail?id=1")
    assert shop.sim.ui.toast is None
    detail.query(".add").tap()
    toast = shop.sim.ui.toast
    assert toast is not None and toast.title == "已加入购物车" and toast.icon == "success"
    assert detail.data("inCart") == 1
    assert "购物车里共有 1 件" in detail.wxml()
    assert shop.call_wx_method("getStorageSync", "cart") == [{"id": 1, "count": 1}]


def test_sold_out_item_disables_add(shop):
    detail = shop.navigate_to("pages/detail/detail?id=4")
    assert detail.data("count") == 0
    button = detail.query(".add")
    assert button.attribute("disabled") == "true"
    assert button.property("disabled") is True


def test_unknown_item_shows_the_fallback(shop):
    detail = shop.navigate_to("/pages/detail/detail?id=99")
    assert detail.query(".container").text() == "商品不存在"
    assert shop.sim.ui.toast.title == "商品不存在"


# tabs ------------------------------------------------------------------------------------
def _lifecycle_events(mp, page_id: str) -> list[str]:
    return [m["payload"]["event"] for m in mp.traffic()
            if m["kind"] == "lifecycle" and m["payload"].get("pageId") == page_id]


def test_switching_tabs_hides_and_shows(shop):
    index = shop.current_page()
    index_id = index.page_id
    profile = shop.switch_tab("/pages/profile/profile")
    assert profile.path == "pages/profile/profile"
    assert _lifecycle_events(shop, index_id) == ["pageLoad", "pageOnLoad", "pageShow", "pageReady", "pageHide"]
    # profile's onShow read the cart
    shop.call_wx_method("setStorageSync", "cart", [{"id": 1, "count": 4}])
    back = shop.switch_tab("pages/index/index")
    assert back.page_id == index_id  # the tab page stayed alive
    assert _lifecycle_events(shop, index_id)[-1] == "pageShow"
    profile = shop.switch_tab("pages/profile/profile")
    assert profile.data("cartCount") == 4
    assert profile.query(".num").text() == "4"


# the form --------------------------------------------------------------------------------
def test_form_input_submit_modal_storage_and_profile(shop):
    profile = shop.switch_tab("pages/profile/profile")
    assert profile.query(".name").text() == "未填写资料"
    profile.query("navigator").tap()
    form = shop.current_page()
    assert form.path == "pages/form/form"
    form.query(".submit").tap()
    assert form.data("error") == "请填写收货人"
    assert form.query(".error").text() == "请填写收货人"

    form.query(".name-input").input("  李四 ")
    assert form.data("name") == "  李四 "
    assert form.data("error") == ""
    assert form.query(".error") is None
    form.query(".phone-input").input("1380000")
    form.query(".submit").tap()
    assert form.data("error") == "手机号格式不正确"
    form.query(".phone-input").input("13800001111")
    form.query(".note").input("工作日送")
    assert form.data("note") == "工作日送"
    form.query(".submit").tap()

    modal = shop.sim.ui.modal
    assert modal is not None and modal.title == "确认保存"
    assert modal.content == "收货人：李四，手机号：13800001111"
    assert modal.confirm_text == "保存"
    shop.answer_modal(True)

    assert shop.call_wx_method("getStorageSync", "profile") == {
        "name": "李四", "phone": "13800001111", "note": "工作日送"}
    back = shop.current_page()
    assert back.path == "pages/profile/profile"
    assert back.query(".name").text() == "李四"
    assert back.data("addressCount") == 1
    assert "备注：工作日送" in back.wxml()
    assert shop.sim.ui.toast.title == "已保存"


def test_modal_cancel_writes_nothing(shop):
    form = shop.navigate_to("pages/form/form")
    form.query(".name-input").input("王五")
    form.query(".phone-input").input("13900000000")
    form.query(".submit").tap()
    shop.answer_modal(False)
    assert shop.current_page().path == "pages/form/form"
    assert shop.call_wx_method("getStorageSync", "profile") == ""


# network mock and traffic -------------------------------------------------------------------
def test_refresh_answers_from_the_mock_file(shop):
    index = shop.current_page()
    index.query(".refresh").tap()
    assert index.data("loading") is False
    assert index.data("updatedText") == "已更新 5 件商品"
    assert len(index.query_all(".goods")) == 5
    assert index.query(".tip").text() == "已更新 5 件商品"
    assert shop.sim.ui.toast is None  # hideLoading ran
    traffic = shop.traffic()
    call = next(m for m in traffic if m["kind"] == "invoke" and m["payload"].get("name") == "request")
    assert call["payload"]["args"]["url"] == "https://api.example.com/goods"
    answer = next(m for m in traffic if m["kind"] == "callback"
                  and m["payload"].get("callId") == call["payload"]["callId"])
    assert answer["source"] == "mock:wxsim.mock.json#0"
    assert answer["payload"]["result"]["statusCode"] == 200
    assert answer["time"] - call["time"] >= 290  # the rule's 300 ms delay


def test_traffic_records_have_the_contract_fields(shop):
    shop.current_page().query(".goods").tap()
    traffic = shop.traffic()
    json.dumps(traffic, ensure_ascii=False)
    seqs = [m["seq"] for m in traffic]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    for m in traffic:
        assert {"seq", "time", "direction", "kind", "target", "payload", "bytes"} <= set(m)
        assert m["direction"] in ("logic→view", "view→logic", "logic→host", "host→logic", "view→host")
        assert m["bytes"] > 0
    kinds = {m["kind"] for m in traffic}
    assert {"lifecycle", "setData", "event", "invoke", "callback", "instanceInit"} <= kinds
    set_data = [m for m in traffic if m["kind"] == "setData"]
    detail_set = next(m for m in set_data if "item" in m["paths"])
    assert detail_set["direction"] == "logic→view"
    assert detail_set["target"] == shop.current_page().page_id
    assert sorted(detail_set["paths"]) == ["count", "item", "total"]
    assert all(m["applied_ms"] is not None and m["applied_ms"] >= 0 for m in set_data)
    tap = next(m for m in traffic if m["kind"] == "event")
    assert tap["direction"] == "view→logic" and tap["payload"]["handler"] == "onItemTap"
    assert tap["payload"]["event"]["currentTarget"]["dataset"] == {"id": 1}


def test_console_captures_app_launch_log(shop):
    assert {"level": "log", "args": ["小店启动", "pages/index/index"]} in shop.console()
    shop.evaluate("console.warn('w', 1, {a: [2]})")
    assert shop.console()[-1] == {"level": "warn", "args": ["w", 1, {"a": [2]}]}
