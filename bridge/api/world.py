"""The simulated user, phone and surroundings behind the APIs that WeChat or the OS answer.

Defaults are below. A project overrides any of them in `wxsim.mock.json` under `"$simulate"`
(see docs/simulated.md); scripts change them at run time through `HostApis.world`
(`mp.sim.apis.world`). APIs answering from here report `source="simulated"`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bridge.api.mocks import MOCK_FILE
from bridge.diagnostics import Diagnostic

SIMULATE_KEY = "$simulate"

DEFAULTS: dict[str, Any] = {
    # scope → True (granted) / False (denied); a scope not listed has never been asked.
    "authSetting": {},
    # What getUserInfo / getUserProfile return: WeChat's anonymous profile unless configured.
    "userInfo": {"nickName": "微信用户", "avatarUrl": "", "gender": 0, "country": "", "province": "",
                 "city": "", "language": ""},
    # The phone's position, WGS-84 (getLocation converts for type "gcj02").
    "location": {"latitude": 39.908692, "longitude": 116.397477, "speed": 0, "accuracy": 65,
                 "altitude": 0, "verticalAccuracy": 65, "horizontalAccuracy": 65},
    # What the chooseLocation picker offers (GCJ-02, as WeChat's map returns).
    "place": {"name": "天安门广场", "address": "北京市东城区东长安街", "latitude": 39.90374,
              "longitude": 116.397827},
    "networkType": "wifi",
    "battery": {"level": 100, "isCharging": False, "isLowPowerModeEnabled": False},
    # The screen: brightness 0–1 (getScreenBrightness) and whether setKeepScreenOn holds it on.
    "screen": {"brightness": 0.5, "keepScreenOn": False},
    # What WeChat's update check finds at launch (wx.getUpdateManager): a new version or not, and
    # whether downloading it ends "ready" (onUpdateReady) or "failed" (onUpdateFailed).
    "update": {"hasUpdate": False, "download": "ready"},
    # requestSubscribeMessage: the user's answer per template id ("accept", "reject", "ban",
    # "filter"); "*" answers every id not listed.
    "subscribeMessage": {"*": "accept"},
    # Leaving for another mini program: "ok", "cancel" (the user declines WeChat's confirm) or a
    # fail reason. navigateBack null: ok only when launched by another mini program (scene 1037).
    "miniProgram": {"navigateTo": "ok", "navigateBack": None, "exit": "ok"},
    # scanCode's answer: {"result", "scanType", "charSet", "path"}; null → the user cancels.
    "scanCode": None,
    # Files chooseImage / chooseMedia pick (paths relative to the project or absolute); [] → cancel.
    "images": [],
    "videos": [],
    # The payment sheet's text when requestPayment's package carries none.
    "payment": {"merchant": "wxsim 模拟商户", "amount": "0.01"},
    "clipboard": "",
    # What a media src is taken to be (nothing is decoded): bridge/api/media_source.py.
    "media": {"duration": 60, "width": 1280, "height": 720, "files": {}},
}


class SimulatedWorld:
    """Mutable simulated state for one run; `records` logs calls that only have an outside effect."""

    def __init__(self, settings: dict | None = None, base_dir: Path | None = None):
        merged = copy.deepcopy(DEFAULTS)
        for key, value in (settings or {}).items():
            if isinstance(merged.get(key), dict) and isinstance(value, dict) and key != "authSetting":
                merged[key].update(value)
            else:
                merged[key] = copy.deepcopy(value)
        self.settings = merged
        self.base_dir = base_dir or Path.cwd()
        self.auth: dict[str, bool] = {str(k): bool(v) for k, v in (merged["authSetting"] or {}).items()}
        self.records: list[dict] = []
        self.location_updating = False
        self.emit: Callable[[str, dict], None] = lambda name, data: None

    @classmethod
    def load(cls, project_root: Path | str, report: Callable[[Diagnostic], None] | None = None) -> SimulatedWorld:
        """Defaults overridden by the `"$simulate"` object of the project's mock file, if any."""
        root = Path(project_root)
        path = root / MOCK_FILE
        settings: dict = {}
        if path.is_file():
            try:
                doc = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                doc = {}  # MockRules reports a broken file
            value = doc.get(SIMULATE_KEY, {}) if isinstance(doc, dict) else {}
            if isinstance(value, dict):
                unknown = sorted(set(value) - set(DEFAULTS))
                if unknown and report:
                    report(Diagnostic("warning", f"unknown \"{SIMULATE_KEY}\" keys ignored: {', '.join(unknown)}",
                                      MOCK_FILE))
                settings = {k: v for k, v in value.items() if k in DEFAULTS}
            elif report:
                report(Diagnostic("error", f"\"{SIMULATE_KEY}\" must be an object", MOCK_FILE))
        return cls(settings, root)

    # --- reading --------------------------------------------------------------------------
    def get(self, key: str) -> Any:
        return copy.deepcopy(self.settings[key])

    def record(self, api: str, args: dict, **extra: Any) -> None:
        """Log a call whose only effect is outside the mini program (`extra`: what it produced)."""
        self.records.append({"api": api, "args": copy.deepcopy(args), **extra})

    # --- changing (scripts, the window) -------------------------------------------------------
    def set(self, key: str, value: Any) -> None:
        """Replace one setting; a new location or network type notifies the mini program's listeners."""
        if key not in DEFAULTS:
            raise KeyError(f"unknown simulated setting {key!r}; known: {', '.join(sorted(DEFAULTS))}")
        if key == "location":
            self.set_location(**value)
            return
        self.settings[key] = copy.deepcopy(value)
        if key == "authSetting":
            self.auth = {str(k): bool(v) for k, v in (value or {}).items()}
        if key == "networkType":
            self.emit("onNetworkStatusChange", {"isConnected": value != "none", "networkType": value})

    def set_location(self, **fields: Any) -> None:
        """Move the phone (WGS-84 fields); while location updates run, onLocationChange fires."""
        self.settings["location"].update(fields)
        if self.location_updating:
            from bridge.api.geo import location_result

            self.emit("onLocationChange", location_result(self.settings["location"], "gcj02"))

    def set_permission(self, scope: str, allow: bool | None) -> None:
        """Grant, deny or (None) forget a scope, as the settings page does."""
        if allow is None:
            self.auth.pop(scope, None)
        else:
            self.auth[scope] = bool(allow)
