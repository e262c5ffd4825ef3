from __future__ import annotations

import json
import os

import pytest
from test_api_fakes import make

from bridge.api import Storage, default_storage_dir
from bridge.api.registry import SyncApiError
from bridge.api.storage import KEY_LIMIT


def test_round_trip_keeps_json_types(tmp_path):
    ctx, apis = make(tmp_path)
    values = {"s": "milk", "n": 4.5, "i": 3, "b": False, "l": [1, {"a": None}], "o": {"x": [True]}}
    for i, (k, v) in enumerate(values.items()):
        apis.invoke("setStorage", {"key": k, "data": v}, i)
        assert ctx.results[i] == ({"errMsg": "setStorage:ok"}, "builtin")
    for k, v in values.items():
        res = apis.invoke_sync("getStorageSync", {"key": k})
        assert res == {"data": v, "errMsg": "getStorageSync:ok"}
        assert apis.sync_value("getStorageSync", res) == v
    apis.invoke("getStorage", {"key": "l"}, 99)
    assert ctx.results[99][0] == {"data": [1, {"a": None}], "errMsg": "getStorage:ok"}


def test_missing_key(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("getStorage", {"key": "nope"}, 1)
    assert ctx.results[1][0] == {"errMsg": "getStorage:fail data not found"}
    res = apis.invoke_sync("getStorageSync", {"key": "nope"})
    assert apis.sync_value("getStorageSync", res) == ""


def test_key_must_be_string(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke("setStorage", {"data": 1}, 1)
    assert ctx.results[1][0]["errMsg"] == \
        "setStorage:fail parameter error: parameter.key should be String instead of Undefined;"
    res = apis.invoke_sync("setStorageSync", {"key": 5, "data": 1})
    with pytest.raises(SyncApiError, match="parameter.key should be String instead of Number"):
        apis.sync_value("setStorageSync", res)


def test_remove_clear_info(tmp_path):
    ctx, apis = make(tmp_path)
    apis.invoke_sync("setStorageSync", {"key": "a", "data": "x" * 2000})
    apis.invoke_sync("setStorageSync", {"key": "b", "data": 1})
    info = apis.invoke_sync("getStorageInfoSync", {})
    assert info["keys"] == ["a", "b"] and info["currentSize"] == 2 and info["limitSize"] == 10240
    assert apis.sync_value("getStorageInfoSync", info) == {"keys": ["a", "b"], "currentSize": 2, "limitSize": 10240}
    apis.invoke("removeStorage", {"key": "a"}, 1)
    assert ctx.results[1][0] == {"errMsg": "removeStorage:ok"}
    assert ctx.storage.keys() == ["b"]
    apis.invoke("clearStorage", {}, 2)
    assert ctx.results[2][0] == {"errMsg": "clearStorage:ok"}
    apis.invoke("getStorageInfo", {}, 3)
    assert ctx.results[3][0] == {"keys": [], "currentSize": 0, "limitSize": 10240, "errMsg": "getStorageInfo:ok"}


def test_persists_across_instances(tmp_path):
    s = Storage(tmp_path / "st")
    s.set("todos", [{"title": "milk", "done": False}])
    s.set("n", 1)
    s.remove("n")
    again = Storage(tmp_path / "st")
    assert again.get("todos") == [{"title": "milk", "done": False}]
    assert not again.has("n")


def test_atomic_write_leaves_no_temp_files(tmp_path):
    s = Storage(tmp_path)
    for i in range(5):
        s.set(f"k{i}", i)
    assert sorted(os.listdir(tmp_path)) == ["storage.json"]
    assert json.loads((tmp_path / "storage.json").read_text())["items"]["k4"] == 4


def test_failed_write_keeps_old_file_and_state(tmp_path, monkeypatch):
    ctx, apis = make(tmp_path)
    apis.invoke_sync("setStorageSync", {"key": "a", "data": "old"})
    before = (tmp_path / "storage" / "storage.json").read_text()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    res = apis.invoke_sync("setStorageSync", {"key": "a", "data": "new"})
    assert res["errMsg"].startswith("setStorageSync:fail ")
    assert "No space left on device" in res["errMsg"]
    monkeypatch.undo()
    assert (tmp_path / "storage" / "storage.json").read_text() == before
    assert os.listdir(tmp_path / "storage") == ["storage.json"]
    assert ctx.storage.get("a") == "old"


def test_single_key_limit(tmp_path):
    ctx, apis = make(tmp_path)
    big = "x" * KEY_LIMIT
    apis.invoke("setStorage", {"key": "k", "data": big}, 1)
    assert ctx.results[1][0] == {"errMsg": "setStorage:fail:entry size limit reached"}
    res = apis.invoke_sync("setStorageSync", {"key": "k", "data": "x" * (KEY_LIMIT - 100)})
    assert res == {"errMsg": "setStorageSync:ok"}


def test_total_limit(tmp_path):
    ctx, apis = make(tmp_path)
    chunk = "y" * (KEY_LIMIT - 200)
    for i in range(10):
        assert apis.invoke_sync("setStorageSync", {"key": f"k{i}", "data": chunk})["errMsg"] == "setStorageSync:ok"
    apis.invoke("setStorage", {"key": "k10", "data": chunk}, 1)
    assert ctx.results[1][0] == {"errMsg": "setStorage:fail:quota reached"}
    assert not ctx.storage.has("k10")
    # overwriting an existing key within the limit still works
    assert apis.invoke_sync("setStorageSync", {"key": "k0", "data": "small"})["errMsg"] == "setStorageSync:ok"


def test_default_storage_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    a = default_storage_dir(tmp_path / "proj")
    assert a.parent == tmp_path / "data" / "wxsim" / "storage"
    assert a == default_storage_dir(str(tmp_path / "proj" / "." ))
    assert a != default_storage_dir(tmp_path / "other")


def test_damaged_file_is_set_aside(tmp_path):
    (tmp_path / "storage.json").write_text("{not json")
    s = Storage(tmp_path)
    assert s.keys() == []
    assert (tmp_path / "storage.damaged.json").exists()
