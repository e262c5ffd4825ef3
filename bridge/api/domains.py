"""The server-domain allow-list, checked as the developer tools check it.

project.config.json's `setting.urlCheck` (project.private.config.json's `setting` wins, as in
the developer tools) turns the check on; off, every URL is allowed. The list itself lives on
WeChat's servers (服务器域名: request, socket, uploadFile, downloadFile), so wxsim reads it from
`"$domains"` in wxsim.mock.json: `{"request": ["https://api.example.com"], "socket": [...], ...}`.
With the check on and a list configured, a URL must use https (wss for sockets) and name a listed
host, else the call fails with `<api>:fail url not in domain list`. No list configured: nothing
to check against, so every URL is allowed (and a warning says so once).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bridge.diagnostics import Diagnostic

KINDS = {"request": "request", "connectSocket": "socket", "uploadFile": "uploadFile", "downloadFile": "downloadFile"}


def _read(path: Path) -> dict:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def project_settings(ctx: Any) -> dict:
    """project.config.json's `setting`, overridden by project.private.config.json's."""
    project = getattr(ctx, "project", None)
    folder = Path(getattr(project, "project_dir", None) or ctx.project_root)
    setting: dict = {}
    for name in ("project.config.json", "project.private.config.json"):
        value = _read(folder / name).get("setting")
        if isinstance(value, dict):
            setting.update(value)
    return setting


def allowed_domains(ctx: Any) -> dict | None:
    mock_file = Path(ctx.project_root).parent / "wxsim.mock.json"
    project = getattr(ctx, "project", None)
    if project is not None:
        mock_file = Path(project.project_dir) / "wxsim.mock.json"
    value = _read(mock_file).get("$domains")
    return value if isinstance(value, dict) else None


def check(call: Any, url: str) -> dict | None:
    """None when `url` may be used by `call`, else WeChat's failure answer."""
    if project_settings(call.ctx).get("urlCheck", True) is False:
        return None
    domains = allowed_domains(call.ctx)
    if domains is None:
        return None
    kind = KINDS.get(call.api_name, call.api_name)
    listed = [str(d).rstrip("/") for d in domains.get(kind) or []]
    parts = urlsplit(url)
    secure = "wss" if kind == "socket" else "https"
    origin = f"{parts.scheme}://{parts.netloc}"
    if parts.scheme == secure and origin in listed:
        return None
    warned = getattr(call.apis, "_domain_warned", set())
    if origin not in warned:
        warned.add(origin)
        call.apis._domain_warned = warned
        call.ctx.report(Diagnostic("warning", f"{origin} is not in the {kind} domain list of wxsim.mock.json "
                                              f"(\"$domains\"); turn setting.urlCheck off in project.config.json "
                                              f"to allow any domain while developing"))
    return call.fail("url not in domain list")
