"""wx.getUpdateManager: WeChat's check for a new version of the mini program, simulated.

The UpdateManager object is built by the base library (baselib/update.js); its first use asks
`UpdateManager.checkForUpdate`, answered from the simulated world's `update` setting
(`{"hasUpdate": false, "download": "ready"}` by default, `"$simulate"` or `world.set("update", ...)`).
`applyUpdate` after a ready download records the restart and reopens the launch page (the new
version now runs, so the next check finds nothing); the App instance itself is kept.
https://developers.weixin.qq.com/miniprogram/dev/api/base/update/UpdateManager.html
"""

from __future__ import annotations

import urllib.parse

from bridge.api.registry import Call, api

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/base/update/"


def _ready(update: dict) -> bool:
    return bool(update.get("hasUpdate")) and str(update.get("download", "ready")) != "failed"


@api("getUpdateManager", sync=True, source="simulated", doc=DOC + "wx.getUpdateManager.html")
def get_update_manager(call: Call) -> dict:
    """The app's one UpdateManager (built by the base library); its first use runs the update check."""
    return call.ok()


@api("UpdateManager.checkForUpdate", member=True, label="checkForUpdate", source="simulated",
     doc=DOC + "UpdateManager/UpdateManager.onCheckForUpdate.html")
def check_for_update(call: Call) -> dict:
    """hasUpdate, and with an update whether its download ended ready (onUpdateReady) or failed
    (onUpdateFailed), from the world's `update` setting."""
    update = call.apis.world.settings["update"]
    return call.ok(hasUpdate=bool(update.get("hasUpdate")), updateReady=_ready(update))


@api("UpdateManager.applyUpdate", member=True, label="applyUpdate", source="simulated",
     doc=DOC + "UpdateManager/UpdateManager.applyUpdate.html")
def apply_update(call: Call) -> dict:
    """Restarts on the new version once onUpdateReady fired: recorded, the launch page reopened."""
    world = call.apis.world
    update = world.settings["update"]
    if not _ready(update):
        return call.fail("update is not ready")
    world.record("applyUpdate", {})
    update["hasUpdate"] = False  # the new version is the running one now
    launch = getattr(call.ctx, "launch_options", None) or {}
    if launch.get("path"):
        query = urllib.parse.urlencode(launch.get("query") or {})
        reason = call.ctx.router.relaunch("/" + str(launch["path"]) + (f"?{query}" if query else ""))
        if reason:
            return call.fail(reason)
    return call.ok()
