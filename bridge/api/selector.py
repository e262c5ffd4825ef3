"""WXML node queries: wx.createSelectorQuery, wx.createIntersectionObserver (and the component forms).

https://developers.weixin.qq.com/miniprogram/dev/api/wxml/wx.createSelectorQuery.html,
https://developers.weixin.qq.com/miniprogram/dev/api/wxml/SelectorQuery.exec.html,
https://developers.weixin.qq.com/miniprogram/dev/api/wxml/wx.createIntersectionObserver.html
The query object lives in the logic layer (base library, query.js); `exec()` sends every
collected request in one `SelectorQuery.exec` invoke, the host asks the page view
(renderer/view/selectorquery.py) and answers them in order in one callback.
"""

from __future__ import annotations

from typing import Any

from bridge.api.registry import Call, api

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/wxml/"


def _view(call: Call) -> Any:
    """The page view the call's page id names (the top page when none is given), or None."""
    find = getattr(call.ctx, "page_view", None)
    if not callable(find):
        return None
    return find(call.args.get("pageId") or call.ctx.current_page_id())


@api("createSelectorQuery", sync=True, doc=DOC + "wx.createSelectorQuery.html")
def create_selector_query(call: Call) -> dict:
    """Answered from the real layout of the page view: rects, sizes, scroll offsets, fields."""
    return call.ok()


@api("createIntersectionObserver", sync=True, doc=DOC + "wx.createIntersectionObserver.html")
def create_intersection_observer(call: Call) -> dict:
    """relativeTo / relativeToViewport with margins, thresholds, initialRatio, observeAll;
    checked after every layout and scroll of the page."""
    return call.ok()


@api("SelectorQuery.exec", member=True, label="exec", doc=DOC + "SelectorQuery.exec.html")
def selector_query_exec(call: Call) -> dict:
    from renderer.view.selectorquery import answer

    view = _view(call)
    requests = call.args.get("requests") or []
    if view is None:
        return call.ok(results=[None for _ in requests])
    scope = call.args.get("scopeId")
    return call.ok(results=[answer(view, scope, r) for r in requests if isinstance(r, dict)])


@api("IntersectionObserver.observe", member=True, label="observe", doc=DOC + "IntersectionObserver.observe.html")
def intersection_observe(call: Call) -> dict:
    from renderer.view.intersection import IntersectionWatch

    view = _view(call)
    emit = getattr(call.ctx, "emit_task", None)
    if view is None or not callable(emit):
        return call.fail("page not found")
    task_id = int(call.args.get("observerId") or 0)
    old = call.apis.tasks.pop(task_id, None)
    if old is not None and hasattr(old, "disconnect"):
        old.disconnect()
    watch = IntersectionWatch(view, call.args.get("scopeId"), call.args,
                              lambda result: emit(task_id, "intersection", result))
    call.apis.tasks[task_id] = watch
    watch.check()
    return call.ok()


@api("IntersectionObserver.disconnect", member=True, label="disconnect",
     doc=DOC + "IntersectionObserver.disconnect.html")
def intersection_disconnect(call: Call) -> dict:
    watch = call.apis.tasks.pop(int(call.args.get("observerId") or 0), None)
    if watch is not None and hasattr(watch, "disconnect"):
        watch.disconnect()
    return call.ok()
