"""wx.getExtConfig / wx.getExtConfigSync: the data a third-party platform gives its mini programs.

In the developer tools it comes from `ext.json` beside app.json: its `ext` object when
`"extEnable": true`, otherwise nothing (`{}`). wxsim reads the same file on every call, so an
edit shows at once; a broken file is reported with its line and counts as empty.
https://developers.weixin.qq.com/miniprogram/dev/api/ext/wx.getExtConfig.html,
https://developers.weixin.qq.com/miniprogram/dev/devtools/ext.html
"""

from __future__ import annotations

import json
from pathlib import Path

from bridge.api.registry import Call, api
from bridge.diagnostics import Diagnostic

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/ext/"
EXT_FILE = "ext.json"


def ext_config(call: Call) -> dict:
    """`ext` of ext.json when extEnable is true, else {}."""
    path = Path(call.ctx.project_root) / EXT_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    try:
        doc = json.loads(text)
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        warned = call.apis.__dict__.setdefault("_ext_warned", set())
        if text not in warned:
            warned.add(text)
            call.ctx.report(Diagnostic("error", f"ext.json is not valid JSON: {exc}", EXT_FILE, line))
        return {}
    if not isinstance(doc, dict) or doc.get("extEnable") is not True:
        return {}
    ext = doc.get("ext")
    return ext if isinstance(ext, dict) else {}


@api("getExtConfig", doc=DOC + "wx.getExtConfig.html")
def get_ext_config(call: Call) -> dict:
    """`extConfig`: ext.json's `ext` when `extEnable` is true, else {}."""
    return call.ok(extConfig=ext_config(call))


@api("getExtConfigSync", sync=True, returns="extConfig", doc=DOC + "wx.getExtConfigSync.html")
def get_ext_config_sync(call: Call) -> dict:
    """Returns ext.json's `ext` object itself (extEnable true), else {}."""
    return call.ok(extConfig=ext_config(call))
