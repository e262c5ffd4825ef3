"""Location APIs on the simulated position (`location` / `place` of the simulated world).

getLocation and startLocationUpdate need scope.userLocation (the permission dialog first; a
denial answers `<api>:fail auth deny`). chooseLocation waits on the picker sheet
(`ui.answer_location`), openLocation is recorded. While updates run, moving the phone
(`world.set_location(...)`) fires wx.onLocationChange listeners with GCJ-02 coordinates.
https://developers.weixin.qq.com/miniprogram/dev/api/location/
"""

from __future__ import annotations

from bridge.api.events import emit
from bridge.api.geo import location_result
from bridge.api.permissions import with_scope
from bridge.api.registry import Call, api, param_error
from bridge.api.ui import LocationPicker

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/location/"


@api("getLocation", source="simulated", doc=DOC + "wx.getLocation.html")
def get_location(call: Call) -> dict | None:
    """type "wgs84" (default) or "gcj02"; the simulated position converted accordingly."""
    kind = "gcj02" if call.args.get("type") == "gcj02" else "wgs84"
    return with_scope(call, "scope.userLocation",
                      lambda: call.ok(**location_result(call.apis.world.settings["location"], kind)))


@api("chooseLocation", source="simulated", doc=DOC + "wx.chooseLocation.html")
def choose_location(call: Call) -> dict | None:
    """Pending until the picker is answered: the configured place, or `chooseLocation:fail cancel`."""
    call.ctx.ui.open_location_picker(LocationPicker(call.apis.world.get("place"), call))
    return None


@api("openLocation", source="simulated", doc=DOC + "wx.openLocation.html")
def open_location(call: Call) -> dict:
    """Checks latitude/longitude (Numbers) and records the map WeChat would open."""
    for field in ("latitude", "longitude"):
        err = param_error(call, field, "Number")
        if err:
            return err
    scale = call.args.get("scale", 18)
    if not isinstance(scale, (int, float)) or isinstance(scale, bool) or not 5 <= scale <= 18:
        scale = 18
    call.apis.world.record("openLocation", {**call.args, "scale": scale})
    return call.ok()


def _start_updates(call: Call) -> dict:
    world = call.apis.world
    world.location_updating = True
    call.ctx.schedule(0, lambda: world.location_updating and emit(
        call.ctx, "onLocationChange", location_result(world.settings["location"], "gcj02")))
    return call.ok()


@api("startLocationUpdate", source="simulated", doc=DOC + "wx.startLocationUpdate.html")
def start_location_update(call: Call) -> dict | None:
    """Needs scope.userLocation; the first position follows at once, then one per move."""
    return with_scope(call, "scope.userLocation", lambda: _start_updates(call))


@api("startLocationUpdateBackground", source="simulated", doc=DOC + "wx.startLocationUpdateBackground.html")
def start_location_update_background(call: Call) -> dict | None:
    return with_scope(call, "scope.userLocationBackground", lambda: _start_updates(call))


@api("stopLocationUpdate", source="simulated", doc=DOC + "wx.stopLocationUpdate.html")
def stop_location_update(call: Call) -> dict:
    call.apis.world.location_updating = False
    return call.ok()
