"""wx.getFileSystemManager(): files in the project's sandboxed user folder.

https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.getFileSystemManager.html and the
FileSystemManager.* pages (readFile, writeFile, appendFile, access, mkdir, readdir, unlink, stat).
`wx.env.USER_DATA_PATH` (`wxfile://usr`) maps to `<storage folder>/usr`; temp paths from
chooseImage / downloadFile (`http://tmp/...`) are readable. Paths outside both are refused
(`permission denied`). Binary data crosses the bridge as base64 (`encoding: "base64"`); the base
library turns it into an ArrayBuffer when no encoding was asked for.
"""

from __future__ import annotations

import base64
import shutil
from pathlib import Path
from typing import Any

from bridge.api.registry import Call, api

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/file/"
USER_PREFIX = "wxfile://usr"
ENCODINGS = {"utf8": "utf-8", "utf-8": "utf-8", "ascii": "ascii", "latin1": "latin-1", "binary": "latin-1",
             "ucs2": "utf-16-le", "ucs-2": "utf-16-le", "utf16le": "utf-16-le", "utf-16le": "utf-16-le"}


def user_folder(ctx: Any) -> Path:
    """The per-project user data folder (beside the project's storage)."""
    folder = Path(getattr(ctx.storage, "folder", None) or Path(ctx.project_root) / ".wxsim") / "usr"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def resolve(call: Call, path: Any, writable: bool = False) -> Path | None:
    """The disk path behind a `wxfile://usr/...` or temp path; None when outside the sandbox."""
    if not isinstance(path, str):
        return None
    if path.startswith(USER_PREFIX):
        root = user_folder(call.ctx).resolve()
        rel = path[len(USER_PREFIX):].lstrip("/")
        target = (root / rel).resolve() if rel else root
        return target if target == root or root in target.parents else None
    if writable:
        return None
    temp = getattr(call.apis, "temp_files", None)
    return temp.resolve(path) if temp is not None else None


def encode(data: bytes, encoding: Any) -> dict:
    """`data` as the answer's fields: text in the asked encoding, or base64 for an ArrayBuffer."""
    if encoding in (None, "", "arraybuffer"):
        return {"data": base64.b64encode(data).decode("ascii"), "$binary": True}
    if encoding == "base64":
        return {"data": base64.b64encode(data).decode("ascii")}
    if encoding == "hex":
        return {"data": data.hex()}
    return {"data": data.decode(ENCODINGS.get(str(encoding).lower(), "utf-8"), errors="replace")}


def decode(data: Any, encoding: Any, binary: bool) -> bytes:
    if binary or encoding == "base64":
        return base64.b64decode(str(data))
    if encoding == "hex":
        return bytes.fromhex(str(data))
    if not isinstance(data, str):
        data = "" if data is None else str(data)
    return data.encode(ENCODINGS.get(str(encoding or "utf8").lower(), "utf-8"))


def _member(name: str, doc: str) -> Any:
    label = name.removesuffix("Sync")
    return api(f"FileSystemManager.{name}", member=True, sync=name.endswith("Sync"), label=label,
               doc=DOC + f"FileSystemManager.{doc}.html")


def _both(name: str):  # the async method and its Sync form share one function
    def register(fn):
        _member(name, name)(fn)
        _member(name + "Sync", name + "Sync")(fn)
        return fn
    return register


@api("getFileSystemManager", sync=True, doc=DOC + "wx.getFileSystemManager.html")
def get_file_system_manager(call: Call) -> dict:
    """readFile / writeFile / appendFile / access / mkdir / readdir / unlink / stat (+ Sync),
    sandboxed to the project's user folder; temp files readable."""
    return call.ok()


@_both("readFile")
def read_file(call: Call) -> dict:
    path = call.args.get("filePath")
    target = resolve(call, path)
    if target is None:
        return call.fail(f"permission denied, open {path}")
    if not target.exists():
        return call.fail(f"no such file or directory, open {path}")
    if target.is_dir():
        return call.fail(f"illegal operation on a directory, open {path}")
    data = target.read_bytes()
    pos, length = call.args.get("position"), call.args.get("length")
    if isinstance(pos, int) or isinstance(length, int):
        start = pos if isinstance(pos, int) else 0
        end = start + length if isinstance(length, int) else len(data)
        if start < 0 or start > len(data) or end > len(data):
            return call.fail("Invalid argument")
        data = data[start:end]
    return call.ok(**encode(data, call.args.get("encoding")))


def _write(call: Call, append: bool) -> dict:
    path = call.args.get("filePath")
    target = resolve(call, path, writable=True)
    verb = "open"
    if target is None:
        return call.fail(f"permission denied, {verb} {path}")
    if not target.parent.is_dir():
        return call.fail(f"no such file or directory, {verb} {path}")
    if target.is_dir():
        return call.fail(f"illegal operation on a directory, {verb} {path}")
    if append and not target.exists():
        return call.fail(f"no such file or directory, {verb} {path}")
    try:
        data = decode(call.args.get("data"), call.args.get("encoding"), bool(call.args.get("$binary")))
    except ValueError:
        return call.fail("base64 encode error")
    with open(target, "ab" if append else "wb") as fh:
        fh.write(data)
    return call.ok()


@_both("writeFile")
def write_file(call: Call) -> dict:
    return _write(call, append=False)


@_both("appendFile")
def append_file(call: Call) -> dict:
    return _write(call, append=True)


@_both("access")
def access(call: Call) -> dict:
    path = call.args.get("path")
    target = resolve(call, path)
    if target is None or not target.exists():
        return call.fail(f"no such file or directory {path}")
    return call.ok()


@_both("mkdir")
def mkdir(call: Call) -> dict:
    path = call.args.get("dirPath")
    target = resolve(call, path, writable=True)
    if target is None:
        return call.fail(f"permission denied, open {path}")
    if target.exists():
        return call.fail(f"file already exists {path}")
    if not call.args.get("recursive") and not target.parent.is_dir():
        return call.fail(f"no such file or directory {path}")
    target.mkdir(parents=True)
    return call.ok()


@_both("rmdir")
def rmdir(call: Call) -> dict:
    path = call.args.get("dirPath")
    target = resolve(call, path, writable=True)
    if target is None or not target.is_dir():
        return call.fail(f"no such file or directory {path}")
    if any(target.iterdir()):
        if not call.args.get("recursive"):
            return call.fail(f"directory not empty {path}")
        shutil.rmtree(target)
    else:
        target.rmdir()
    return call.ok()


@_both("readdir")
def readdir(call: Call) -> dict:
    path = call.args.get("dirPath")
    target = resolve(call, path)
    if target is None or not target.exists():
        return call.fail(f"no such file or directory {path}")
    if not target.is_dir():
        return call.fail(f"not a directory {path}")
    return call.ok(files=sorted(p.name for p in target.iterdir()))


@_both("unlink")
def unlink(call: Call) -> dict:
    path = call.args.get("filePath")
    target = resolve(call, path, writable=True)
    if target is None or not target.exists():
        return call.fail(f"no such file or directory {path}")
    if target.is_dir():
        return call.fail(f"operation not permitted, unlink {path}")
    target.unlink()
    return call.ok()


def _stats(target: Path) -> dict:
    st = target.stat()
    return {"mode": st.st_mode, "size": st.st_size, "lastAccessedTime": int(st.st_atime),
            "lastModifiedTime": int(st.st_mtime), "isDirectory": target.is_dir(), "isFile": target.is_file()}


@_both("stat")
def stat(call: Call) -> dict:
    """Stats as plain objects: `isDirectory` / `isFile` are turned into methods by the base library."""
    path = call.args.get("path")
    target = resolve(call, path)
    if target is None or not target.exists():
        return call.fail(f"no such file or directory {path}")
    if call.args.get("recursive") and target.is_dir():
        out = [{"path": "/", "stats": _stats(target)}]
        for p in sorted(target.rglob("*")):
            out.append({"path": "/" + p.relative_to(target).as_posix(), "stats": _stats(p)})
        return call.ok(stats=out)
    return call.ok(stats=_stats(target))
