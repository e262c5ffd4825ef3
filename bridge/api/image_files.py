"""Image files: wx.getImageInfo, wx.compressImage and wx.saveImageToPhotosAlbum.

Sources are the program's own files: package paths (`/images/a.png` from the mini-program root,
or relative to the current page's folder), temp paths (`http://tmp/…` from chooseImage,
compressImage, canvasToTempFilePath, downloadFile) and `wxfile://usr/…`; getImageInfo also
reads `data:` URIs and remote urls that a `"$resources"` rule of wxsim.mock.json answers.
Other remote urls are not fetched by these APIs yet: getImageInfo answers a clear `:fail`
(a getImageInfo mock rule answers it too). Headers are read without Qt
(bridge/api/image_header.py); compressImage re-encodes with Qt, imported only then
(renderer/qt/recode.py).
https://developers.weixin.qq.com/miniprogram/dev/api/media/image/
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from bridge.api.filesystem import resolve
from bridge.api.image_header import read_header
from bridge.api.media import temp_files
from bridge.api.permissions import with_scope
from bridge.api.registry import Call, api, param_error
from renderer.view.resources import data_uri_bytes

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/media/image/"
INFO_TYPES = ("jpeg", "png", "gif", "tiff")  # wx.getImageInfo's documented types; others are "unknown"
REMOTE = ("http://", "https://", "//")


class SourceError(Exception):
    """A src that names no readable file: the text after `<api>:fail `."""


def package_file(call: Call, src: str) -> tuple[Path, str]:
    """A package path's file and its root-absolute form (`/images/a.png`); relative paths are
    taken from the current page's folder, as WeChat resolves them."""
    route = getattr(call.ctx, "current_route", None)
    base = posixpath.dirname(str((route() if callable(route) else "") or ""))
    rel = posixpath.normpath(src.lstrip("/") if src.startswith("/") else posixpath.join(base, src))
    root = Path(call.ctx.project_root).resolve()
    target = (root / rel).resolve()
    if rel.startswith("..") or root not in target.parents or not target.is_file():
        raise SourceError(f"file not found: {src}")
    return target, "/" + rel


def remote_bytes(call: Call, url: str) -> bytes:
    """A remote image answered by a `"$resources"` rule; anything else is not fetched here yet."""
    resources = getattr(getattr(call.ctx, "view", None), "resources", None)  # the view layer's loader
    rule = resources.rule_for(url) if resources is not None else None
    data = resources.cached(url) if rule is not None else None
    if data is None:
        raise SourceError(f"remote images are not fetched by wxsim yet: {url} (answer it with a "
                          '"$resources" rule or a getImageInfo mock rule in wxsim.mock.json)')
    return data


def local_file(call: Call, src: str, package: bool = True) -> tuple[Path, str]:
    """The file behind a temp, wxfile:// or (with `package`) package path, and the path to answer."""
    if src.lower().startswith(REMOTE) and not src.startswith("http://tmp/"):
        raise SourceError(f"remote images are not fetched by wxsim yet: {src}")
    found = resolve(call, src)
    if found is not None:
        if not found.is_file():
            raise SourceError(f"file not found: {src}")
        return found, src
    if "://" in src or not package:
        raise SourceError(f"file not found: {src}")
    return package_file(call, src)


def _src(call: Call, field: str) -> str | dict:
    err = param_error(call, field, "String")
    return err if err else str(call.args[field])


@api("getImageInfo", doc=DOC + "wx.getImageInfo.html")
def get_image_info(call: Call) -> dict:
    """width, height, path, orientation (EXIF), type of a package, temp, wxfile:// or data: image.
    Remote urls answer `getImageInfo:fail remote images are not fetched by wxsim yet` unless a
    `"$resources"` rule or a mock rule answers them."""
    src = _src(call, "src")
    if isinstance(src, dict):
        return src
    try:
        if src.startswith("data:"):
            data, path = data_uri_bytes(src) or b"", ""
        elif src.lower().startswith(REMOTE) and not src.startswith("http://tmp/"):
            data, path = remote_bytes(call, src), ""
        else:
            file, path = local_file(call, src)
            data = file.read_bytes()
    except SourceError as exc:
        return call.fail(str(exc))
    header = read_header(data)
    if header.width <= 0 or header.height <= 0:
        return call.fail(f"not an image: {src[:80]}")
    if not path:  # data: and remote images become temp files: a local path is what WeChat answers
        path = temp_files(call).add_bytes(data, "." + ("jpg" if header.type == "jpeg" else header.type))
    kind = header.type if header.type in INFO_TYPES else "unknown"
    return call.ok(width=header.width, height=header.height, path=path, orientation=header.orientation, type=kind)


def _dimension(call: Call, field: str) -> int | None | dict:
    if field not in call.args:
        return None
    err = param_error(call, field, "Number")
    return err if err else max(1, int(call.args[field]))


@api("compressImage", doc=DOC + "wx.compressImage.html")
def compress_image(call: Call) -> dict:
    """A new temp file: JPEGs re-encoded at `quality` (0–100, default 80), other images as PNG;
    compressedWidth / compressedHeight scale it (one given keeps the aspect ratio)."""
    src = _src(call, "src")
    if isinstance(src, dict):
        return src
    quality = call.args.get("quality", 80)
    if "quality" in call.args:
        err = param_error(call, "quality", "Number")
        if err:
            return err
    sizes = [_dimension(call, f) for f in ("compressedWidth", "compressedHeight")]
    for size in sizes:
        if isinstance(size, dict):
            return size
    try:
        file, _ = local_file(call, src)
    except SourceError as exc:
        return call.fail(str(exc))
    data = file.read_bytes()
    jpeg = read_header(data).type == "jpeg"
    from renderer.qt.recode import recode  # Qt only when a picture is produced

    out = recode(data, jpeg, int(max(0, min(100, quality))), sizes[0], sizes[1])
    if out is None:
        return call.fail(f"not an image: {src}")
    return call.ok(tempFilePath=temp_files(call).add_bytes(out, ".jpg" if jpeg else ".png"))


@api("saveImageToPhotosAlbum", source="simulated", doc=DOC + "wx.saveImageToPhotosAlbum.html")
def save_image_to_photos_album(call: Call) -> dict | None:
    """Needs scope.writePhotosAlbum (the permission dialog the first time); filePath is a temp or
    wxfile:// image, never a network path. The saved file is recorded in `world.records`."""
    path = _src(call, "filePath")
    if isinstance(path, dict):
        return path
    if path.lower().startswith(REMOTE) and not path.startswith("http://tmp/"):
        return call.fail("network paths are not supported; download the image first")
    try:
        file, _ = local_file(call, path, package=False)
    except SourceError as exc:
        return call.fail(str(exc))
    if read_header(file.read_bytes()).type == "unknown":
        return call.fail("invalid file type")

    def save() -> dict:
        call.apis.world.record("saveImageToPhotosAlbum", {"filePath": path}, file=str(file))
        return call.ok()

    return with_scope(call, "scope.writePhotosAlbum", save)
