"""Animations: wx.createAnimation (built in the base library, played by the view from the
`animation` attribute), this.animate and this.clearAnimation on pages and components.

https://developers.weixin.qq.com/miniprogram/dev/api/ui/animation/wx.createAnimation.html,
https://developers.weixin.qq.com/miniprogram/dev/framework/view/animation.html
The view's animator (renderer/anim/engine.py) runs them on the simulator's clock.
"""

from __future__ import annotations

from typing import Any

from bridge.api.registry import Call, api

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/ui/animation/"
FRAMEWORK_DOC = "https://developers.weixin.qq.com/miniprogram/dev/framework/view/animation.html"


def _targets(call: Call) -> tuple[Any, list]:
    """The page view and the nodes of the calling instance's template that match the selector."""
    from renderer.view.selectorquery import find_all

    find = getattr(call.ctx, "page_view", None)
    view = find(call.args.get("pageId") or call.ctx.current_page_id()) if callable(find) else None
    if view is None:
        return None, []
    try:
        nodes = find_all(view, call.args.get("scopeId"), str(call.args.get("selector") or ""))
    except Exception as exc:  # an unsupported selector: WxsimError with the reason
        call.ctx.report(getattr(exc, "diagnostic", None) or exc)
        nodes = []
    return view, nodes


@api("createAnimation", sync=True, doc=DOC + "wx.createAnimation.html")
def create_animation(call: Call) -> dict:
    """Animation objects with every documented method; the exported steps play in sequence on
    the simulator's clock, each from the element's current values, and the end state stays."""
    return call.ok()


@api("Component.animate", member=True, label="animate", doc=FRAMEWORK_DOC)
def animate(call: Call) -> dict | None:
    """Keyframes (offset, ease, styles and transforms) over `duration` ms on every matching node
    of the instance's own template; the callback runs when all have finished."""
    view, nodes = _targets(call)
    if view is None:
        return call.fail("page not found")
    if not nodes:
        return call.ok()
    keyframes = call.args.get("keyframes") or []
    try:
        duration = max(0.0, float(call.args.get("duration") or 0))
    except (TypeError, ValueError):
        duration = 0.0
    left = [len(nodes)]

    def one_done() -> None:
        left[0] -= 1
        if left[0] == 0:
            call.answer(call.ok())

    for node in nodes:
        view.services.animator.play_keyframes(view, node, keyframes, duration, one_done)
    return None


@api("Component.clearAnimation", member=True, label="clearAnimation", doc=FRAMEWORK_DOC)
def clear_animation(call: Call) -> dict:
    """Stops the nodes' animate() animations and removes their values (all, or the listed
    properties: opacity, backgroundColor, rotate, scale, translate…)."""
    view, nodes = _targets(call)
    if view is None:
        return call.fail("page not found")
    names = call.args.get("properties")
    props = None if not isinstance(names, list) else {_css_name(n) for n in names}
    for node in nodes:
        view.services.animator.clear(node, view, props)
    return call.ok()


def _css_name(name: str) -> str:
    """A keyframe property name as the animated style property it sets."""
    from renderer.anim.specs import STYLE_NAMES, TRANSFORM_KINDS

    if name in TRANSFORM_KINDS:
        return "transform"
    if name == "transformOrigin":
        return "transform-origin"
    return STYLE_NAMES.get(name, name)
