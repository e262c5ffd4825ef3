"""wx.reportAnalytics: custom analysis events, recorded instead of sent to WeChat.

Each call lands in `world.records` (`{"api": "reportAnalytics", "args": {"eventName", "data"}}`)
so a test can assert what the program reported; nothing leaves the simulator.
https://developers.weixin.qq.com/miniprogram/dev/api/data-analysis/wx.reportAnalytics.html
"""

from __future__ import annotations

from bridge.api.registry import RETURNS_NOTHING, Call, api
from bridge.diagnostics import Diagnostic


@api("reportAnalytics", sync=True, returns=RETURNS_NOTHING, source="simulated",
     doc="https://developers.weixin.qq.com/miniprogram/dev/api/data-analysis/wx.reportAnalytics.html")
def report_analytics(call: Call) -> dict:
    """Recorded in `world.records` (eventName, data); WeChat's servers are not reached."""
    name, data = call.args.get("eventName"), call.args.get("data")
    if not isinstance(name, str) or not name:
        call.ctx.report(Diagnostic("warning", "wx.reportAnalytics: eventName should be a non-empty String"))
    call.apis.world.record("reportAnalytics", {"eventName": name, "data": data})
    return call.ok()
