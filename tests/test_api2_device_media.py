from __future__ import annotations

import json
import struct
import zlib

from test_api_fakes import make


def png(path, w=3, h=2):
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * w for _ in range(h))
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def test_phone_vibrate_are_recorded(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("makePhoneCall", {}, 1)
    assert ctx.results[1][0]["errMsg"].endswith("parameter.phoneNumber should be String instead of Undefined;")
    apis.invoke("makePhoneCall", {"phoneNumber": "10086"}, 2)
    apis.invoke("vibrateShort", {"type": "heavy"}, 3)
    apis.invoke("vibrateLong", {}, 4)
    assert [ctx.results[i] for i in (2, 3, 4)] == [({"errMsg": "makePhoneCall:ok"}, "simulated"),
                                                    ({"errMsg": "vibrateShort:ok"}, "simulated"),
                                                    ({"errMsg": "vibrateLong:ok"}, "simulated")]
    assert [r["api"] for r in apis.world.records] == ["makePhoneCall", "vibrateShort", "vibrateLong"]


def test_clipboard_round_trip_and_toast(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("setClipboardData", {"data": 5}, 1)
    assert ctx.results[1][0]["errMsg"].endswith("parameter.data should be String instead of Number;")
    apis.invoke("setClipboardData", {"data": "订单号 123"}, 2)
    assert ctx.ui.toast.title == "内容已复制"
    apis.invoke("getClipboardData", {}, 3)
    assert ctx.results[3][0] == {"data": "订单号 123", "errMsg": "getClipboardData:ok"}


def test_network_and_battery(tmp_path):
    (tmp_path / "wxsim.mock.json").write_text(json.dumps({"$simulate": {"networkType": "4g",
                                                                        "battery": {"level": 35}}}))
    ctx, apis = make(tmp_path)
    apis.invoke("getNetworkType", {}, 1)
    assert ctx.results[1][0]["networkType"] == "4g"
    apis.invoke("getBatteryInfo", {}, 2)
    assert ctx.results[2][0] == {"level": 35, "isCharging": False, "isLowPowerModeEnabled": False,
                                 "errMsg": "getBatteryInfo:ok"}
    assert apis.sync_value("getBatteryInfoSync", apis.invoke_sync("getBatteryInfoSync", {}))["level"] == 35


def test_scan_code(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("scanCode", {}, 1)
    assert ctx.results[1][0] == {"errMsg": "scanCode:fail cancel"}
    apis.world.set("scanCode", {"result": "https://example.com/q"})
    apis.invoke("scanCode", {"onlyFromCamera": True}, 2)
    res = ctx.results[2][0]
    assert res["result"] == "https://example.com/q" and res["scanType"] == "QR_CODE" and res["charSet"] == "utf-8"


def test_preview_image(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("previewImage", {}, 1)
    assert ctx.results[1][0]["errMsg"].endswith("parameter.urls should be Array instead of Undefined;")
    apis.invoke("previewImage", {"urls": ["a.png", "b.png"]}, 2)
    assert ctx.results[2][0] == {"errMsg": "previewImage:ok"}
    assert apis.world.records[-1] == {"api": "previewImage", "args": {"urls": ["a.png", "b.png"], "current": "a.png"}}


def test_choose_image_and_media(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("chooseImage", {}, 1)
    assert ctx.results[1][0] == {"errMsg": "chooseImage:fail cancel"}
    apis.invoke("chooseMedia", {}, 2)
    assert ctx.results[2][0] == {"errMsg": "chooseMedia:fail cancel"}
    png(tmp_path / "a.png", 3, 2)
    png(tmp_path / "b.png")
    apis.world.set("images", ["a.png", str(tmp_path / "b.png"), "missing.png"])
    apis.invoke("chooseImage", {"count": 1}, 3)
    res = ctx.results[3][0]
    assert len(res["tempFilePaths"]) == 1 and res["tempFilePaths"][0].startswith("http://tmp/")
    real = apis.temp_files.resolve(res["tempFilePaths"][0])
    assert real.read_bytes() == (tmp_path / "a.png").read_bytes()
    assert res["tempFiles"] == [{"path": res["tempFilePaths"][0], "size": real.stat().st_size}]
    apis.invoke("chooseMedia", {"mediaType": ["image"]}, 4)
    media = ctx.results[4][0]
    assert media["type"] == "image" and len(media["tempFiles"]) == 2
    assert (media["tempFiles"][0]["width"], media["tempFiles"][0]["height"]) == (3, 2)
    assert media["tempFiles"][0]["fileType"] == "image"
