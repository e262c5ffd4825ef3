"""wx.requestSubscribeMessage: the subscription sheet, answered by the simulated user.

Each template id gets the answer configured under `"$simulate"` → `subscribeMessage`
(`{"<tmplId>": "reject", "*": "accept"}`; "accept" for every id by default). Argument errors
carry WeChat's errCode: 10001 empty tmplIds, 10004 ids that are not strings in an Array, 20003
more than five ids. Other failures (20004 main switch off, network) come from mock rules.
https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
"""

from __future__ import annotations

from bridge.api.registry import Call, api
from bridge.diagnostics import Diagnostic

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/"
ANSWERS = ("accept", "reject", "ban", "filter")
MAX_IDS = 5


def _error(call: Call, code: int, message: str) -> dict:
    return {**call.fail(message), "errCode": code}


@api("requestSubscribeMessage", source="simulated", doc=DOC + "wx.requestSubscribeMessage.html")
def request_subscribe_message(call: Call) -> dict:
    """`{<tmplId>: "accept" | "reject" | "ban" | "filter"}` per id, from the simulated user."""
    ids = call.args.get("tmplIds")
    if ids is None or ids == [] or ids == "":
        return _error(call, 10001, "TmplIds can't be empty")
    if not isinstance(ids, list) or not all(isinstance(i, str) and i for i in ids):
        return _error(call, 10004, "Invalid template id")
    if len(ids) > MAX_IDS:
        return _error(call, 20003, "Templates count out of max bounds")
    configured = call.apis.world.get("subscribeMessage") or {}
    answers = {}
    for tmpl in ids:
        answer = configured.get(tmpl, configured.get("*", "accept"))
        if answer not in ANSWERS:
            call.ctx.report(Diagnostic("warning", f"$simulate subscribeMessage: {answer!r} for {tmpl!r} is not one "
                                                  f"of {', '.join(ANSWERS)}; answering accept", "wxsim.mock.json"))
            answer = "accept"
        answers[tmpl] = answer
    call.apis.world.record("requestSubscribeMessage", {"tmplIds": list(ids)}, result=dict(answers))
    return call.ok(**answers)
