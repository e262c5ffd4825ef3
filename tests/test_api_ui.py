from __future__ import annotations

from test_api_fakes import make


def test_toast_auto_hides_after_duration(tmp_path):
    ctx, apis = make(tmp_path)
    seen = []
    ctx.ui.subscribe(lambda ui: seen.append(ui.toast))
    apis.invoke("showToast", {"title": "已加入购物车"}, 1)
    assert ctx.results[1][0] == {"errMsg": "showToast:ok"}
    toast = ctx.ui.toast
    assert (toast.title, toast.icon, toast.duration, toast.mask) == ("已加入购物车", "success", 1500, False)
    ctx.advance(1499)
    assert ctx.ui.toast is not None
    ctx.advance(1)
    assert ctx.ui.toast is None
    assert seen[-1] is None and seen[0] is toast


def test_new_toast_restarts_the_timer(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("showToast", {"title": "a", "duration": 1000, "icon": "none"}, 1)
    ctx.advance(800)
    apis.invoke("showToast", {"title": "b", "duration": 1000, "icon": "error"}, 2)
    ctx.advance(300)  # the first toast's timer fires now: must not hide "b"
    assert ctx.ui.toast.title == "b" and ctx.ui.toast.icon == "error"
    ctx.advance(700)
    assert ctx.ui.toast is None


def test_toast_needs_title(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("showToast", {}, 1)
    assert ctx.results[1][0]["errMsg"] == \
        "showToast:fail parameter error: parameter.title should be String instead of Undefined;"
    assert ctx.ui.toast is None


def test_loading_shares_the_slot_and_does_not_auto_hide(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("showLoading", {"title": "加载中", "mask": True}, 1)
    assert ctx.ui.toast.kind == "loading" and ctx.ui.toast.mask
    ctx.advance(60000)
    assert ctx.ui.toast is not None
    apis.invoke("hideToast", {}, 2)  # hides a toast only
    assert ctx.ui.toast is not None
    apis.invoke("showToast", {"title": "好"}, 3)  # replaces the loading
    assert ctx.ui.toast.kind == "toast"
    apis.invoke("showLoading", {"title": "x"}, 4)
    apis.invoke("hideLoading", {}, 5)
    assert ctx.ui.toast is None and ctx.results[5][0] == {"errMsg": "hideLoading:ok"}


def test_modal_confirm_and_cancel(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("showModal", {"title": "提示", "content": "确认提交？"}, 1)
    assert 1 not in ctx.results
    m = ctx.ui.modal
    assert (m.title, m.content, m.show_cancel, m.cancel_text, m.confirm_text, m.confirm_color) == \
        ("提示", "确认提交？", True, "取消", "确定", "#576B95")
    assert ctx.ui.answer_modal(True)
    assert ctx.results[1] == ({"confirm": True, "cancel": False, "errMsg": "showModal:ok"}, "builtin")
    assert ctx.ui.modal is None
    apis.invoke("showModal", {"title": "t", "showCancel": False}, 2)
    assert ctx.ui.modal.show_cancel is False
    ctx.ui.answer_modal(False)
    assert ctx.results[2][0] == {"confirm": False, "cancel": True, "errMsg": "showModal:ok"}
    assert not ctx.ui.answer_modal(True)  # nothing pending


def test_editable_modal_returns_content(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("showModal", {"title": "备注", "editable": True, "placeholderText": "请输入"}, 1)
    assert ctx.ui.modal.placeholder_text == "请输入"
    ctx.ui.answer_modal(True, content="多放辣")
    assert ctx.results[1][0] == {"confirm": True, "cancel": False, "content": "多放辣", "errMsg": "showModal:ok"}


def test_modal_button_text_limit(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("showModal", {"title": "t", "confirmText": "我知道了好的"}, 1)
    assert ctx.results[1][0]["errMsg"] == \
        "showModal:fail confirmText length should not larger then 4 Chinese characters"
    assert ctx.ui.modal is None


def test_action_sheet(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("showActionSheet", {"itemList": ["A", "B", "C"]}, 1)
    assert ctx.ui.action_sheet.items == ["A", "B", "C"]
    ctx.ui.answer_action_sheet(2)
    assert ctx.results[1][0] == {"tapIndex": 2, "errMsg": "showActionSheet:ok"}
    apis.invoke("showActionSheet", {"itemList": ["A"]}, 2)
    ctx.ui.answer_action_sheet(None)
    assert ctx.results[2][0] == {"errMsg": "showActionSheet:fail cancel"}
    apis.invoke("showActionSheet", {"itemList": list("1234567")}, 3)
    assert ctx.results[3][0] == {"errMsg": "showActionSheet:fail parameter error: itemList should not be large than 6"}
    apis.invoke("showActionSheet", {}, 4)
    assert ctx.results[4][0]["errMsg"] == \
        "showActionSheet:fail parameter error: parameter.itemList should be Array instead of Undefined;"


def test_navigation_bar_per_page(tmp_path):
    ctx, apis = make(tmp_path)
    ctx.page_config = {"navigationBarTitleText": "商城", "navigationBarBackgroundColor": "#ff6a00",
                       "navigationBarTextStyle": "white"}
    bar = ctx.ui.navbar("p1", ctx.page_config)
    assert (bar.title, bar.background_color, bar.front_color) == ("商城", "#ff6a00", "#ffffff")
    apis.invoke("setNavigationBarTitle", {"title": "详情"}, 1)
    apis.invoke("setNavigationBarColor", {"frontColor": "#000000", "backgroundColor": "#FFFFFF"}, 2)
    apis.invoke("showNavigationBarLoading", {}, 3)
    bar = ctx.ui.navbars["p1"]
    assert (bar.title, bar.front_color, bar.background_color, bar.loading) == ("详情", "#000000", "#ffffff", True)
    assert [ctx.results[i][0]["errMsg"] for i in (1, 2, 3)] == \
        ["setNavigationBarTitle:ok", "setNavigationBarColor:ok", "showNavigationBarLoading:ok"]
    ctx.page_id = "p2"
    apis.invoke("setNavigationBarTitle", {"title": "其他"}, 4)
    assert ctx.ui.navbars["p1"].title == "详情" and ctx.ui.navbars["p2"].title == "其他"


def test_navigation_bar_color_validation(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("setNavigationBarColor", {"frontColor": "#ff0000", "backgroundColor": "#ffffff"}, 1)
    assert ctx.results[1][0] == {"errMsg": "setNavigationBarColor:fail invalid frontColor"}
    apis.invoke("setNavigationBarColor", {"frontColor": "#ffffff", "backgroundColor": "red"}, 2)
    assert ctx.results[2][0] == {"errMsg": "setNavigationBarColor:fail invalid backgroundColor"}
    apis.invoke("setNavigationBarColor", {"frontColor": "#ffffff"}, 3)
    assert ctx.results[3][0]["errMsg"].endswith("parameter.backgroundColor should be String instead of Undefined;")
    assert ctx.ui.navbars == {}


def test_pull_down_refresh_flag(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("startPullDownRefresh", {}, 1)
    assert ctx.ui.refreshing
    apis.invoke("stopPullDownRefresh", {}, 2)
    assert not ctx.ui.refreshing and ctx.results[2][0] == {"errMsg": "stopPullDownRefresh:ok"}
