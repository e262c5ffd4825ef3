"""Leaving for other mini programs: wx.navigateToMiniProgram, wx.navigateBackMiniProgram,
wx.exitMiniProgram, simulated.

There is no other mini program to open, so each call is recorded in `world.records` with its
outcome and answered from the world's `miniProgram` setting: "ok", "cancel" (navigateTo: the
user declines WeChat's "即将打开…" confirm, `:fail cancel`) or any other text as the fail reason.
navigateBackMiniProgram succeeds by default only when the program was opened by another mini
program (launch scene 1037), as in WeChat. The simulated app stays in the foreground; a script
can send it away with `mp.sim.enter_background()`.
https://developers.weixin.qq.com/miniprogram/dev/api/navigate/
"""

from __future__ import annotations

from bridge.api.registry import Call, api, param_error

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/navigate/"
ENV_VERSIONS = ("develop", "trial", "release")
OPENED_BY_MINI_PROGRAM = 1037  # the launch scene "从另一个小程序打开"


def _settle(call: Call, key: str, args: dict, default: str | None = "ok") -> dict:
    """Record the call and answer with the configured outcome."""
    outcome = call.apis.world.settings["miniProgram"].get(key)
    outcome = default if outcome is None else str(outcome)
    call.apis.world.record(call.name, args, outcome=outcome)
    return call.ok() if outcome == "ok" else call.fail(outcome)


def _check(call: Call, fields: tuple[tuple[str, str], ...]) -> dict | None:
    for name, expected in fields:
        if name in call.args:
            err = param_error(call, name, expected)
            if err:
                return err
    return None


@api("navigateToMiniProgram", source="simulated", doc=DOC + "wx.navigateToMiniProgram.html")
def navigate_to_mini_program(call: Call) -> dict:
    """appId (or shortLink), path, extraData, envVersion; the simulated user confirms WeChat's
    prompt (`miniProgram.navigateTo`: "ok", "cancel" or a fail reason)."""
    if "appId" not in call.args and "shortLink" not in call.args:
        return param_error(call, "appId", "String")
    err = _check(call, (("appId", "String"), ("shortLink", "String"), ("path", "String"),
                        ("extraData", "Object"), ("envVersion", "String")))
    if err:
        return err
    env = call.args.get("envVersion", "release")
    if env not in ENV_VERSIONS:
        return call.fail(f"invalid envVersion: {env!r} (develop, trial or release)")
    args = {k: call.args[k] for k in ("appId", "shortLink", "path", "extraData", "envVersion") if k in call.args}
    return _settle(call, "navigateTo", args)


@api("navigateBackMiniProgram", source="simulated", doc=DOC + "wx.navigateBackMiniProgram.html")
def navigate_back_mini_program(call: Call) -> dict:
    """extraData back to the mini program that opened this one; ok by default only after a launch
    from another mini program (scene 1037)."""
    err = _check(call, (("extraData", "Object"),))
    if err:
        return err
    scene = (getattr(call.ctx, "launch_options", None) or {}).get("scene")
    default = "ok" if scene == OPENED_BY_MINI_PROGRAM else "not opened by another mini program"
    return _settle(call, "navigateBack", {"extraData": call.args.get("extraData", {})}, default)


@api("exitMiniProgram", source="simulated", doc=DOC + "wx.exitMiniProgram.html")
def exit_mini_program(call: Call) -> dict:
    """Recorded; answered from `miniProgram.exit` (ok by default)."""
    return _settle(call, "exit", {})
