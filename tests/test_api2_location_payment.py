from __future__ import annotations

import pytest
from test_api_fakes import FakeContext, make

from bridge.api import HostApis
from bridge.api.geo import wgs84_to_gcj02


class EmittingContext(FakeContext):
    def __init__(self, root):
        super().__init__(root)
        self.events: list[tuple[str, dict]] = []

    def emit(self, name, data):
        self.events.append((name, data))


def test_get_location_after_permission(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("getLocation", {"type": "gcj02"}, 1)
    assert ctx.ui.permission.scope == "scope.userLocation"
    ctx.ui.answer_permission(True)
    res, source = ctx.results[1]
    assert source == "simulated" and res["errMsg"] == "getLocation:ok"
    lat, lng = wgs84_to_gcj02(39.908692, 116.397477)
    assert (res["latitude"], res["longitude"]) == (round(lat, 6), round(lng, 6))
    apis.world.set_location(latitude=31.2304, longitude=121.4737)
    apis.invoke("getLocation", {}, 2)  # granted now: no dialog, wgs84 by default
    assert ctx.ui.permission is None
    assert ctx.results[2][0]["latitude"] == 31.2304 and ctx.results[2][0]["accuracy"] == 65


def test_gcj02_offset_only_in_china():
    lat, lng = wgs84_to_gcj02(39.908692, 116.397477)
    assert 0.0005 < lat - 39.908692 < 0.003 and 0.004 < lng - 116.397477 < 0.008
    assert wgs84_to_gcj02(48.8566, 2.3522) == (48.8566, 2.3522)


def test_location_denied(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("getLocation", {}, 1)
    ctx.ui.answer_permission(False)
    assert ctx.results[1][0] == {"errMsg": "getLocation:fail auth deny"}
    apis.invoke("startLocationUpdate", {}, 2)
    assert ctx.results[2][0] == {"errMsg": "startLocationUpdate:fail auth deny"}


def test_choose_location(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("chooseLocation", {}, 1)
    apis.invoke("chooseLocation", {}, 2)
    assert ctx.ui.location_picker.place["name"] == "天安门广场"
    ctx.ui.answer_location(True)
    assert ctx.results[1][0] == {"name": "天安门广场", "address": "北京市东城区东长安街", "latitude": 39.90374,
                                 "longitude": 116.397827, "errMsg": "chooseLocation:ok"}
    ctx.ui.answer_location(False)
    assert ctx.results[2][0] == {"errMsg": "chooseLocation:fail cancel"}


def test_open_location_validates_and_records(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("openLocation", {"latitude": "23"}, 1)
    assert ctx.results[1][0]["errMsg"] == ("openLocation:fail parameter error: parameter.latitude should be Number "
                                           "instead of String;")
    apis.invoke("openLocation", {"latitude": 23.1, "longitude": 113.3, "name": "塔"}, 2)
    assert ctx.results[2][0] == {"errMsg": "openLocation:ok"}
    assert apis.world.records == [{"api": "openLocation", "args": {"latitude": 23.1, "longitude": 113.3,
                                                                   "name": "塔", "scale": 18}}]


def test_location_updates_fire_on_move(tmp_path):
    ctx = EmittingContext(tmp_path)
    apis = HostApis(ctx)
    apis.world.set_permission("scope.userLocation", True)
    apis.invoke("startLocationUpdate", {}, 1)
    assert ctx.results[1][0] == {"errMsg": "startLocationUpdate:ok"}
    ctx.advance(0)
    assert [e[0] for e in ctx.events] == ["onLocationChange"]
    apis.world.set_location(latitude=30.0, longitude=120.0)
    assert ctx.events[-1][1]["latitude"] == round(wgs84_to_gcj02(30.0, 120.0)[0], 6)
    apis.invoke("stopLocationUpdate", {}, 2)
    apis.world.set_location(latitude=31.0)
    assert len(ctx.events) == 2
    apis.world.set("networkType", "none")
    assert ctx.events[-1] == ("onNetworkStatusChange", {"isConnected": False, "networkType": "none"})


PAY = {"timeStamp": "1700000000", "nonceStr": "abc", "package": "prepay_id=wx123", "signType": "MD5",
       "paySign": "sig"}


def test_payment_validates_required_strings(tmp_path):
    ctx, apis = make(tmp_path)
    for i, field in enumerate(("timeStamp", "nonceStr", "package", "paySign")):
        args = {k: v for k, v in PAY.items() if k != field}
        apis.invoke("requestPayment", args, i)
        assert ctx.results[i][0]["errMsg"] == (f"requestPayment:fail parameter error: parameter.{field} should be "
                                               f"String instead of Undefined;")
    apis.invoke("requestPayment", {**PAY, "timeStamp": 1700000000}, 9)
    assert ctx.results[9][0]["errMsg"].endswith("parameter.timeStamp should be String instead of Number;")
    assert ctx.ui.payment is None


@pytest.mark.parametrize("outcome,detail,err", [("success", "", "requestPayment:ok"),
                                                 ("cancel", "", "requestPayment:fail cancel"),
                                                 ("fail", "余额不足", "requestPayment:fail 余额不足")])
def test_payment_sheet_answers(tmp_path, outcome, detail, err):
    ctx, apis = make(tmp_path)
    apis.invoke("requestPayment", PAY, 1)
    assert 1 not in ctx.results
    assert (ctx.ui.payment.merchant, ctx.ui.payment.amount) == ("wxsim 模拟商户", "0.01")
    ctx.ui.answer_payment(outcome, detail)
    assert ctx.results[1] == ({"errMsg": err}, "simulated")
    assert ctx.ui.payment is None


def test_payment_amount_from_package(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("requestPayment", {**PAY, "package": "prepay_id=wx1&total_fee=1990&body=小店"}, 1)
    assert (ctx.ui.payment.merchant, ctx.ui.payment.amount) == ("小店", "19.90")
    with pytest.raises(ValueError):
        ctx.ui.answer_payment("maybe")
