from __future__ import annotations

import pytest
from test_api_fakes import make

from bridge.api import default_device, find_device, load_devices

REQUIRED = ("model", "brand", "platform", "system", "screenWidth", "screenHeight", "pixelRatio",
            "statusBarHeight", "safeArea", "menuButton")


def test_profiles_are_complete():
    devices = load_devices()
    for name in ("iPhone 6/7/8", "iPhone 12/13/14", "iPhone XR/11", "iPhone SE", "Pixel 5", "iPad"):
        assert name in devices
        for field in REQUIRED:
            assert field in devices[name], (name, field)
    sizes = {n: (d["screenWidth"], d["screenHeight"], d["pixelRatio"]) for n, d in devices.items()}
    assert sizes["iPhone 6/7/8"] == (375, 667, 2)
    assert sizes["iPhone 12/13/14"] == (390, 844, 3)
    assert sizes["iPhone XR/11"] == (414, 896, 2)
    assert sizes["iPhone SE"] == (320, 568, 2)
    assert sizes["Pixel 5"] == (393, 851, 2.75)
    assert sizes["iPad"] == (768, 1024, 2)
    for d in devices.values():
        mb, sa = d["menuButton"], d["safeArea"]
        assert mb["right"] - mb["left"] == mb["width"] and mb["bottom"] - mb["top"] == mb["height"]
        assert mb["top"] > d["statusBarHeight"] and mb["right"] < d["screenWidth"]
        assert sa["height"] == sa["bottom"] - sa["top"] and sa["width"] == sa["right"] - sa["left"]
    assert default_device()["name"] == "iPhone 6/7/8"
    assert find_device("pixel")["name"] == "Pixel 5"
    assert find_device("nokia") is None


@pytest.mark.parametrize("device,config,height", [
    ("iPhone 6/7/8", {}, 667 - 64),
    ("iPhone 6/7/8", {"hasTabBar": True}, 667 - 64 - 48),
    ("iPhone 6/7/8", {"navigationStyle": "custom"}, 667),
    ("iPhone 12/13/14", {}, 844 - 47 - 44),
    ("iPhone 12/13/14", {"hasTabBar": True}, 844 - 91 - 48 - 34),
    ("iPhone 12/13/14", {"hasTabBar": True, "navigationStyle": "custom"}, 844 - 48 - 34),
    ("Pixel 5", {}, 851 - 24 - 48),
])
def test_window_height(tmp_path, device, config, height):
    ctx, apis = make(tmp_path, find_device(device))
    ctx.page_config = config
    info = apis.invoke_sync("getWindowInfo", {})
    assert info["windowHeight"] == height
    assert info["windowWidth"] == info["screenWidth"] == ctx.device["screenWidth"]
    sysinfo = apis.sync_value("getSystemInfoSync", apis.invoke_sync("getSystemInfoSync", {}))
    assert sysinfo["windowHeight"] == height and "errMsg" not in sysinfo


def test_system_info_fields(tmp_path):
    ctx, apis = make(tmp_path, find_device("iPhone 12/13/14"))
    apis.invoke("getSystemInfo", {}, 1)
    res, source = ctx.results[1]
    assert res["errMsg"] == "getSystemInfo:ok" and source == "builtin"
    for field in ("brand", "model", "pixelRatio", "screenWidth", "screenHeight", "windowWidth", "windowHeight",
                  "statusBarHeight", "language", "version", "system", "platform", "fontSizeSetting",
                  "SDKVersion", "safeArea"):
        assert field in res
    assert res["platform"] == "ios" and res["pixelRatio"] == 3 and res["statusBarHeight"] == 47
    assert res["safeArea"] == {"left": 0, "right": 390, "top": 47, "bottom": 810, "width": 390, "height": 763}
    dev = apis.invoke_sync("getDeviceInfo", {})
    assert {"brand", "model", "system", "platform", "benchmarkLevel", "abi"} <= set(dev)
    base = apis.sync_value("getAppBaseInfo", apis.invoke_sync("getAppBaseInfo", {}))
    assert base["SDKVersion"] and base["language"] == "zh_CN" and "errMsg" not in base


def test_menu_button_rect(tmp_path):
    ctx, apis = make(tmp_path)
    rect = apis.sync_value("getMenuButtonBoundingClientRect", apis.invoke_sync("getMenuButtonBoundingClientRect", {}))
    assert rect == {"width": 87, "height": 32, "top": 24, "bottom": 56, "left": 281, "right": 368}
