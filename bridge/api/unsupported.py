"""WeChat APIs that exist as `wx.<name>` in wxsim but are not implemented yet.

Calling one answers `<name>:fail not supported in wxsim` (sync ones throw) and warns once, so a
mini program gets a clear failure instead of `wx.x is not a function`. Ordered roughly by how
often real mini programs use them (shared spec/real-world.md). Mock any of them in wxsim.mock.json.
"""

from __future__ import annotations

UNSUPPORTED: tuple[str, ...] = (
    # auth / user
    "getPhoneNumber",
    # media
    "chooseVideo", "createCameraContext",
    # network beyond request
    "downloadFile", "uploadFile", "connectSocket", "onSocketOpen", "onSocketMessage",
    "sendSocketMessage", "closeSocket",
    # canvas / files
    "getFileSystemManager", "saveFile", "openDocument",
    # ui extras
    "hideHomeButton", "setEnableDebug",
)
