"""Local storage (wx.setStorage & co.), persisted per project as one JSON file.

WeChat keeps each mini program's storage across launches, limits one key to 1 MB and the whole
store to 10 MB (https://developers.weixin.qq.com/miniprogram/dev/api/storage/wx.setStorage.html).
The client's errMsg texts for the limits are `fail:entry size limit reached` and
`fail:quota reached`. Writes are atomic so a crash never leaves a torn file.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from bridge.api.registry import RETURNS_NOTHING, RETURNS_OBJECT, Call, api, param_error
from bridge.atomic import write_json_atomically

KEY_LIMIT = 1024 * 1024  # characters of key + serialized data, as the client counts
TOTAL_LIMIT = 10 * 1024 * 1024
FILE_NAME = "storage.json"
DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/storage/"


def default_storage_dir(project_root: Path | str) -> Path:
    """The project's persistent storage folder, shared by the window and `launch()`:
    $XDG_DATA_HOME/wxsim/storage/<sha1 of the absolute project path>[:16]."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    digest = hashlib.sha1(str(Path(project_root).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(base) / "wxsim" / "storage" / digest


class StorageError(Exception):
    """A storage operation refused; `reason` is the text after `<api>:fail`."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _size(key: str, value: Any) -> int:
    return len(key) + len(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


class Storage:
    """Key → JSON value, kept in memory and written through to `<folder>/storage.json`."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self.path = self.folder / FILE_NAME
        self._items: dict[str, Any] = {}
        self._load()

    def _load(self) -> None:
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            # a damaged file: keep it aside rather than silently overwrite the user's data
            try:
                os.replace(self.path, self.path.with_suffix(".damaged.json"))
            except OSError:
                pass
            return
        if isinstance(doc, dict) and isinstance(doc.get("items"), dict):
            self._items = doc["items"]

    def _write(self, items: dict[str, Any]) -> None:
        """The old file or the new, never half (see bridge/atomic.py)."""
        write_json_atomically(self.path, {"version": 1, "items": items})

    def _commit(self, items: dict[str, Any]) -> None:
        try:
            self._write(items)
        except OSError as exc:
            raise StorageError(f"write storage file failed: {exc.strerror or exc}") from exc
        self._items = items

    # --- operations -------------------------------------------------------------------------
    def set(self, key: str, value: Any) -> None:
        if _size(key, value) > KEY_LIMIT:
            raise StorageError(":entry size limit reached")
        items = dict(self._items)
        items[key] = value
        if self.current_size_bytes(items) > TOTAL_LIMIT:
            raise StorageError(":quota reached")
        self._commit(items)

    def has(self, key: str) -> bool:
        return key in self._items

    def get(self, key: str, default: Any = None) -> Any:
        return self._items.get(key, default)

    def remove(self, key: str) -> None:
        if key in self._items:
            items = dict(self._items)
            del items[key]
            self._commit(items)

    def clear(self) -> None:
        self._commit({})

    def keys(self) -> list[str]:
        return list(self._items)

    def current_size_bytes(self, items: dict[str, Any] | None = None) -> int:
        items = self._items if items is None else items
        return sum(_size(k, v) for k, v in items.items())

    def info(self) -> dict:
        """getStorageInfo's fields: keys, currentSize and limitSize in KB."""
        size = self.current_size_bytes()
        return {"keys": self.keys(), "currentSize": (size + 1023) // 1024, "limitSize": TOTAL_LIMIT // 1024}


def _fail(call: Call, exc: StorageError) -> dict:
    # the limit reasons start with ':' ("setStorage:fail:entry size limit reached"), as the client says
    return {"errMsg": f"{call.name}:fail{exc.reason}" if exc.reason.startswith(":")
            else f"{call.name}:fail {exc.reason}"}


def _key_error(call: Call) -> dict | None:
    return param_error(call, "key", "String")


def _set(call: Call) -> dict:
    err = _key_error(call)
    if err:
        return err
    if "data" not in call.args:
        return call.fail("parameter error: parameter.data should be Object instead of Undefined;")
    try:
        call.ctx.storage.set(call.args["key"], call.args["data"])
    except StorageError as exc:
        return _fail(call, exc)
    return call.ok()


@api("setStorage", doc=DOC + "wx.setStorage.html")
def set_storage(call: Call) -> dict:
    return _set(call)


@api("setStorageSync", sync=True, returns=RETURNS_NOTHING, doc=DOC + "wx.setStorageSync.html")
def set_storage_sync(call: Call) -> dict:
    return _set(call)


@api("getStorage", doc=DOC + "wx.getStorage.html")
def get_storage(call: Call) -> dict:
    err = _key_error(call)
    if err:
        return err
    storage = call.ctx.storage
    if not storage.has(call.args["key"]):
        return call.fail("data not found")
    return call.ok(data=storage.get(call.args["key"]))


@api("getStorageSync", sync=True, returns="data", doc=DOC + "wx.getStorageSync.html")
def get_storage_sync(call: Call) -> dict:
    """A missing key gives '' (empty string), not an error."""
    err = _key_error(call)
    if err:
        return err
    return call.ok(data=call.ctx.storage.get(call.args["key"], ""))


def _remove(call: Call) -> dict:
    err = _key_error(call)
    if err:
        return err
    try:
        call.ctx.storage.remove(call.args["key"])
    except StorageError as exc:
        return _fail(call, exc)
    return call.ok()


@api("removeStorage", doc=DOC + "wx.removeStorage.html")
def remove_storage(call: Call) -> dict:
    return _remove(call)


@api("removeStorageSync", sync=True, returns=RETURNS_NOTHING, doc=DOC + "wx.removeStorageSync.html")
def remove_storage_sync(call: Call) -> dict:
    return _remove(call)


def _clear(call: Call) -> dict:
    try:
        call.ctx.storage.clear()
    except StorageError as exc:
        return _fail(call, exc)
    return call.ok()


@api("clearStorage", doc=DOC + "wx.clearStorage.html")
def clear_storage(call: Call) -> dict:
    return _clear(call)


@api("clearStorageSync", sync=True, returns=RETURNS_NOTHING, doc=DOC + "wx.clearStorageSync.html")
def clear_storage_sync(call: Call) -> dict:
    return _clear(call)


@api("getStorageInfo", doc=DOC + "wx.getStorageInfo.html")
def get_storage_info(call: Call) -> dict:
    return call.ok(**call.ctx.storage.info())


@api("getStorageInfoSync", sync=True, returns=RETURNS_OBJECT, doc=DOC + "wx.getStorageInfoSync.html")
def get_storage_info_sync(call: Call) -> dict:
    return call.ok(**call.ctx.storage.info())
