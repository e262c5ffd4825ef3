"""Images and media: previewImage (recorded), chooseImage and chooseMedia (simulated pickers).

The pickers answer with the files configured as `images` / `videos` of the simulated world
(wxsim.mock.json `"$simulate"`, or `world.set("images", [...])` from a script), copied into a
sandbox temp folder (`HostApis.temp_files`); nothing configured → the user cancels.
https://developers.weixin.qq.com/miniprogram/dev/api/media/image/
"""

from __future__ import annotations

from pathlib import Path

from bridge.api.registry import Call, api, param_error
from bridge.api.tempfiles import TempFiles, image_size

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/media/"
VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".3gp", ".avi")


def temp_files(call: Call) -> TempFiles:
    apis = call.apis
    if not hasattr(apis, "temp_files"):
        apis.temp_files = TempFiles(Path(call.ctx.project_root))
    return apis.temp_files


def _count(call: Call) -> int:
    count = call.args.get("count", 9)
    if isinstance(count, bool) or not isinstance(count, (int, float)) or count < 1:
        return 9
    return int(count)


def _configured(call: Call, key: str) -> list[Path]:
    world = call.apis.world
    found = []
    for item in world.get(key) or []:
        path = Path(str(item))
        path = path if path.is_absolute() else world.base_dir / path
        if path.is_file():
            found.append(path)
    return found


@api("previewImage", source="simulated", doc=DOC + "image/wx.previewImage.html")
def preview_image(call: Call) -> dict:
    """urls (Array of String) required; current defaults to the first url. Recorded."""
    err = param_error(call, "urls", "Array")
    if err:
        return err
    urls = call.args["urls"]
    if "current" in call.args and not isinstance(call.args["current"], str):
        return param_error(call, "current", "String")
    call.apis.world.record("previewImage", {"urls": list(urls), "current": call.args.get("current", urls[0] if urls else "")})
    return call.ok()


@api("chooseImage", source="simulated", doc=DOC + "image/wx.chooseImage.html")
def choose_image(call: Call) -> dict:
    """The first `count` configured images as tempFilePaths / tempFiles; none → `chooseImage:fail cancel`."""
    picked = _configured(call, "images")[:_count(call)]
    if not picked:
        return call.fail("cancel")
    files = temp_files(call)
    paths = [files.add(p) for p in picked]
    return call.ok(tempFilePaths=paths, tempFiles=[{"path": t, "size": p.stat().st_size} for t, p in zip(paths, picked)])


@api("chooseMedia", source="simulated", doc=DOC + "video/wx.chooseMedia.html")
def choose_media(call: Call) -> dict:
    """mediaType ["image", "video"] (default both) from the configured images / videos."""
    kinds = call.args.get("mediaType") or ["image", "video"]
    if not isinstance(kinds, list):
        return param_error(call, "mediaType", "Array")
    picked: list[tuple[str, Path]] = []
    if "image" in kinds or "mix" in kinds:
        picked += [("image", p) for p in _configured(call, "images")]
    if "video" in kinds or "mix" in kinds:
        picked += [("video", p) for p in _configured(call, "videos")]
    picked = picked[:_count(call)]
    if not picked:
        return call.fail("cancel")
    files = temp_files(call)
    out = []
    for kind, path in picked:
        width, height = image_size(path) if kind == "image" else (0, 0)
        entry = {"tempFilePath": files.add(path), "size": path.stat().st_size, "fileType": kind,
                 "width": width, "height": height}
        if kind == "video":
            entry.update(duration=0, thumbTempFilePath="")
        out.append(entry)
    types = {k for k, _ in picked}
    return call.ok(tempFiles=out, type="mix" if len(types) > 1 else types.pop())
