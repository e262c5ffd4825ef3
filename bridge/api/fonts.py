"""wx.loadFontFace: a web font loaded at run time and used by every page's text.

The font comes through the view's resources (renderer/view/resources.py): an https url is
fetched (or answered by a `"$resources"` rule in wxsim.mock.json), a data: URL is decoded. The
answer waits until the font is usable, as in WeChat. wxsim has one font table for the whole run,
so a font loaded without `global: true` is visible on every page, not only the caller's.
"""

from __future__ import annotations

import re

from bridge.api.registry import Call, api, param_error

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/ui/font/wx.loadFontFace.html"
_URL = re.compile(r"""^\s*url\(\s*(['"]?)(.*?)\1\s*\)\s*$""", re.S)


def source_url(source: str) -> str:
    """`url("https://…")`, `url(https://…)` or a bare address → the address."""
    found = _URL.match(source)
    return (found.group(2) if found else source).strip()


@api("loadFontFace", doc=DOC)
def load_font_face(call: Call) -> dict | None:
    """Answers `{status: "loaded"}` once the font is usable, `{status: "error"}` with the reason."""
    for field in ("family", "source"):
        problem = param_error(call, field, "String")
        if problem is not None:
            return {**problem, "status": "error"}
    url = source_url(call.args["source"])
    if not url.startswith(("https://", "http://", "data:")):
        return {**call.fail(f"source must be an https url or a data URL: {url[:80]}"), "status": "error"}
    services = getattr(call.ctx, "view", None)
    if services is None or not hasattr(services, "load_font_face"):
        return {**call.fail("fonts cannot be loaded here"), "status": "error"}

    def done(why: str) -> None:
        call.answer({**call.fail(why), "status": "error"} if why else call.ok(status="loaded"))

    services.load_font_face(call.args["family"].strip().strip("'\""), url, done)
    return None
