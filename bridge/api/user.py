"""The simulated WeChat user and the app's own identity: getUserProfile, getUserInfo,
getAccountInfoSync, getLaunchOptionsSync, getEnterOptionsSync.

The user is `userInfo` of the simulated world (WeChat's anonymous "微信用户" unless configured
under `"$simulate"` in wxsim.mock.json). getUserProfile asks every time, as WeChat does.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from pathlib import Path

from bridge.api.registry import Call, api, param_error
from bridge.api.ui import PermissionPrompt

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/"
LANGS = ("en", "zh_CN", "zh_TW")


def user_result(call: Call) -> dict:
    """userInfo plus the signed/encrypted companions (random here: no session key exists)."""
    info = call.apis.world.get("userInfo")
    lang = call.args.get("lang")
    info["language"] = lang if lang in LANGS else "en"
    raw = json.dumps(info, ensure_ascii=False, separators=(",", ":"))
    return call.ok(
        userInfo=info, rawData=raw,
        signature=hashlib.sha1((raw + secrets.token_hex(8)).encode()).hexdigest(),
        encryptedData=base64.b64encode(secrets.token_bytes(96)).decode(),
        iv=base64.b64encode(secrets.token_bytes(16)).decode(),
    )


@api("getUserProfile", source="simulated", doc=DOC + "open-api/user-info/wx.getUserProfile.html")
def get_user_profile(call: Call) -> dict | None:
    """Requires `desc` (at most 30 characters); each call shows the permission dialog."""
    err = param_error(call, "desc", "String")
    if err:
        return err
    if not call.args["desc"] or len(call.args["desc"]) > 30:
        return call.fail("desc length does not meet the requirements")

    def answered(allow: bool) -> None:
        call.answer(user_result(call) if allow else call.fail("auth deny"))

    call.ctx.ui.open_permission(PermissionPrompt("scope.userInfo", "获取你的昵称、头像", answered))
    return None


@api("getUserInfo", source="simulated", doc=DOC + "open-api/user-info/wx.getUserInfo.html")
def get_user_info(call: Call) -> dict:
    """No dialog since the 2021 adjustment: the (anonymous unless configured) profile at once."""
    return user_result(call)


def _app_id(call: Call) -> str:
    """project.config.json's appid: next to the mini-program root or in a folder above it."""
    root = Path(call.ctx.project_root)
    project = getattr(call.ctx, "project", None)
    folders = [Path(getattr(project, "project_dir", root)), root, *root.parents[:2]]
    for folder in folders:
        path = folder / "project.config.json"
        if path.is_file():
            try:
                return str(json.loads(path.read_text(encoding="utf-8")).get("appid", ""))
            except (OSError, ValueError, AttributeError):
                return ""
    return ""


@api("getAccountInfoSync", sync=True, source="simulated",
     doc=DOC + "open-api/account-info/wx.getAccountInfoSync.html")
def get_account_info_sync(call: Call) -> dict:
    """A development build: envVersion "develop", no version string."""
    return call.ok(miniProgram={"appId": _app_id(call), "envVersion": "develop", "version": ""}, plugin={})


def _options(call: Call) -> dict:
    opts = dict(getattr(call.ctx, "launch_options", None) or {})
    opts.setdefault("path", "")
    opts.setdefault("query", {})
    opts.setdefault("scene", 1001)
    opts.setdefault("referrerInfo", {})
    opts.setdefault("forwardMaterials", [])
    opts.setdefault("chatType", 0)
    opts.setdefault("apiCategory", "default")
    return opts


@api("getLaunchOptionsSync", sync=True, doc=DOC + "base/app/life-cycle/wx.getLaunchOptionsSync.html")
def get_launch_options_sync(call: Call) -> dict:
    """The options App.onLaunch got: path, query, scene, referrerInfo…"""
    return call.ok(**_options(call))


@api("getEnterOptionsSync", sync=True, doc=DOC + "base/app/life-cycle/wx.getEnterOptionsSync.html")
def get_enter_options_sync(call: Call) -> dict:
    """The options of the latest entry; the simulator has one entry, the launch."""
    return call.ok(**_options(call))
