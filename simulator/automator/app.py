"""The Tool and App domains: info, the page stack, wx.* calls and mocks, logic-layer functions,
screenshots, logs."""

from __future__ import annotations

import base64
import json
from typing import Any

from bridge.diagnostics import WxsimError
from simulator.automator.handles import Handles, ProtocolError

# The base library version reported to clients; the client accepts "dev" or >= 2.7.3.
SDK_VERSION = "dev"


def tool_get_info(h: Handles, params: dict) -> dict:
    return {"SDKVersion": SDK_VERSION, "simulator": "wxsim"}


def get_page_stack(h: Handles, params: dict) -> dict:
    return {"pageStack": [h.describe_page(page) for page in h.mp.page_stack()]}


def get_current_page(h: Handles, params: dict) -> dict:
    return h.describe_page(h.mp.current_page())


def call_wx_method(h: Handles, params: dict) -> dict:
    """`wx.<method>(...args)` in the logic layer, as user code would call it (routing included);
    a `:fail` answer is an error, as the promise form rejects."""
    name = _method_name(params)
    if params.get("pluginId"):
        raise ProtocolError("App.callWxMethod: plugin wx methods are not supported in wxsim")
    try:
        result = h.mp.call_wx_method(name, *(params.get("args") or []))
    except WxsimError as exc:
        raise ProtocolError(exc.diagnostic.message) from None
    if isinstance(result, dict) and ":fail" in str(result.get("errMsg", "")):
        raise ProtocolError(str(result["errMsg"]))
    return {"result": result}


def mock_wx_method(h: Handles, params: dict) -> dict:
    """`{method, result}` fixes the answer; `{method, functionDeclaration, args}` calls the
    function with the call's arguments followed by `args`; `{method}` alone restores."""
    name = _method_name(params)
    if params.get("pluginId"):
        raise ProtocolError("App.mockWxMethod: plugin wx methods are not supported in wxsim")
    if "functionDeclaration" in params:
        extra = json.dumps(params.get("args") or [], ensure_ascii=False)
        source = ("function () { var extra = " + extra + "; var fn = (" + str(params["functionDeclaration"])
                  + "\n); return fn.apply(this, Array.prototype.slice.call(arguments).concat(extra)); }")
        h.mp.restore_wx_method(name)
        h.mp.mock_wx_method(name, fn=source)
    elif "result" in params:
        h.mp.restore_wx_method(name)
        h.mp.mock_wx_method(name, result=params["result"])
    else:
        h.mp.restore_wx_method(name)
    return {}


def call_function(h: Handles, params: dict) -> dict:
    declaration = params.get("functionDeclaration")
    if not isinstance(declaration, str) or not declaration.strip():
        raise ProtocolError("App.callFunction: functionDeclaration must be a function source")
    args = json.dumps(params.get("args") or [], ensure_ascii=False)
    source = f"function () {{ return ({declaration}\n).apply(null, {args}); }}"
    try:
        return {"result": h.mp.evaluate(source)}
    except WxsimError as exc:
        raise ProtocolError(exc.diagnostic.message) from None


def capture_screenshot(h: Handles, params: dict) -> dict:
    return {"data": base64.b64encode(h.mp.screenshot()).decode("ascii")}


def _method_name(params: dict) -> str:
    name = params.get("method")
    if not isinstance(name, str) or not name:
        raise ProtocolError("params.method must name a wx method")
    return name


METHODS: dict[str, Any] = {
    "Tool.getInfo": tool_get_info,
    "App.getPageStack": get_page_stack,
    "App.getCurrentPage": get_current_page,
    "App.callWxMethod": call_wx_method,
    "App.mockWxMethod": mock_wx_method,
    "App.callFunction": call_function,
    "App.captureScreenshot": capture_screenshot,
}
