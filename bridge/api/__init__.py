"""Host-side wx.* APIs: storage, UI feedback, routing, system info, network, auth, mocks."""

from __future__ import annotations

from bridge.api.context import ApiContext, Router
from bridge.api.devices import default_device, find_device, load_devices
from bridge.api.mocks import MOCK_FILE, MockRules
from bridge.api.registry import Call, HostApis, SyncApiError, api
from bridge.api.storage import Storage, StorageError, default_storage_dir
from bridge.api.ui import UiState

__all__ = [
    "MOCK_FILE",
    "ApiContext",
    "Call",
    "HostApis",
    "MockRules",
    "Router",
    "Storage",
    "StorageError",
    "SyncApiError",
    "UiState",
    "api",
    "default_device",
    "default_storage_dir",
    "find_device",
    "load_devices",
]
