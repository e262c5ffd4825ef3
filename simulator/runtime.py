"""The running mini program: logic layer, page views and host APIs joined by the bridge.

`Simulator` owns the event loop. `pump()` runs whatever is due — thread hand-offs, host
timers, JS timers, queued bridge messages — and then lets the page views apply their
batched updates. The window calls it from a Qt timer; the automation API calls it until
the program is idle. No Qt here.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any, Callable

from bridge.api.devices import find_device
from bridge.api.mocks import MockRules
from bridge.api.registry import HostApis
from bridge.api.storage import Storage, default_storage_dir
from bridge.api.ui import UiState
from bridge.channel import Bridge
from bridge.diagnostics import Diagnostic, WxsimError
from renderer.view import remote
from renderer.view.nodes import mark_changed
from renderer.view.page import PageView
from renderer.view.page_meta import window_overrides
from renderer.view.services import ViewServices
from renderer.wxss.viewport import Viewport
from simulator.clock import WallClock
from simulator.logic.host import LogicHost
from simulator.gctune import tune_gc
from simulator.project import Project
from simulator.router import PageStack
from simulator.ui.geometry import screen_geometry

# wx.* calls that wait for the user (a click in the window or an automation answer).
USER_ANSWERED = frozenset({"showModal", "showActionSheet", "requestPayment", "authorize", "getUserProfile",
                           "getLocation", "chooseLocation", "startLocationUpdate",
                           "startLocationUpdateBackground", "saveImageToPhotosAlbum"})
# JS timers due this soon count as pending work when waiting for idle.
SETTLE_HORIZON_MS = 50.0
RECURRING_TIMER_RUNS = 8  # near timers run this often in one wait → background work



class Simulator:
    """One mini program running headless; the window and the automation API drive it."""

    def __init__(self, project_dir: str | Path, device: str | None = None, storage_dir: str | Path | None = None,
                 measurer: Any = None, time_limit_s: float = 5.0, clock: Any = None,
                 deterministic: dict | None = None):
        """`clock`: a `simulator.clock.VirtualClock` for replays (default: the wall clock);
        `deterministic`: `{"epoch_ms", "seed"}` fixes `Date` and seeds `Math.random` in the logic layer."""
        self.clock = clock or WallClock()
        tune_gc()
        self.project = Project.load(project_dir)
        profile = find_device(device)
        if profile is None:
            raise WxsimError(Diagnostic("error", f"unknown device '{device}' (see `wxsim devices`)"))
        self.device = profile
        self.diagnostics: list[Diagnostic] = []
        self.console: list[dict] = []
        self.errors: list[dict] = []
        self._diag_listeners: list[Callable[[Diagnostic], None]] = []
        self.bridge = Bridge()
        self.storage = Storage(storage_dir or default_storage_dir(self.project.project_dir))
        self._host_timers: list[tuple[float, int, Callable[[], Any]]] = []
        self._passive_timers: list[tuple[float, int, Callable[[], Any]]] = []  # see schedule_passive
        self._timer_seq = itertools.count()
        self._threadsafe: deque[Callable[[], Any]] = deque()
        self._lock = threading.Lock()
        self._open_calls: dict[int, str] = {}
        self._listeners: list[Callable[[], None]] = []
        self.ui = UiState(self.schedule)
        self._was_refreshing = False
        self.ui.subscribe(self._ui_changed)
        self.mocks = MockRules.load(self.project.project_dir, self.report)
        self.project_root = self.project.root
        self.apis = HostApis(self)
        self.viewport = Viewport(float(profile["screenWidth"]), float(profile["screenHeight"]),
                                 float(profile["pixelRatio"]), Viewport.safe_insets_of(profile))
        self.measurer = measurer or _default_measurer()
        self.focus_listeners: list[Callable[[PageView, Any], None]] = []
        self.view = ViewServices(self.project, self.viewport, self.measurer, self._post, self.report,
                                 self._navigate_from_view, self.bridge.mark_applied, self._focused)
        self.view.local_files = self.local_file
        self.view.schedule = self.schedule_passive
        self.view.schedule_work = self.schedule  # built-ins' own timers (swiper autoplay) are work
        self.view.open_picker = self.ui.open_picker
        self.view.set_navbar = self._set_navbar  # page-meta's navigation-bar
        self.view.post_threadsafe = self.call_soon_threadsafe
        self.view.fonts_arrived = self._fonts_arrived
        self.view.resources.local_files = self.local_file
        self.view.resources.post_threadsafe = self.call_soon_threadsafe
        self.view.resources.record = self._record_resource
        self.view.image_size = _default_image_size()
        self.view.animator.clock = self.clock.now_ms
        self.view.media_source = self.media_source  # <video>/<audio> sources (renderer/view/media_element.py)
        self.view.user_location = self.user_location  # <map show-location> (renderer/view/map_view.py)
        self.router = PageStack(self)
        self.logic = LogicHost(self.project, self._post_from_logic, self.report, self._invoke_sync,
                               time_limit_s=time_limit_s, clock=self.clock.now_ms)
        if deterministic is not None:
            self.logic.make_deterministic(**deterministic)
        self.bridge.connect("logic", self.logic.deliver)
        self.bridge.connect("view", self._deliver_to_view)
        self.bridge.connect("host", self._deliver_to_host)
        self.started = False
        self.in_background = False

    # start ---------------------------------------------------------------------
    def start(self, page_url: str | None = None, scene: int = 1001) -> None:
        """Boot the logic layer, launch the app and open the first page."""
        route, query = self.router.parse(page_url or self.project.entry_page)
        self.launch_options = {"path": route, "query": query, "scene": scene, "referrerInfo": {}}
        self.logic.boot(self.apis.names())
        self._post("lifecycle", "host→logic", "app", {"event": "appLaunch", "options": self.launch_options})
        self.router.open_first(route, query)
        self.started = True

    # diagnostics ------------------------------------------------------------------
    def report(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)
        for listener in list(self._diag_listeners):
            listener(diagnostic)

    def on_diagnostic(self, listener: Callable[[Diagnostic], None]) -> None:
        self._diag_listeners.append(listener)

    # messages --------------------------------------------------------------------
    def _post(self, kind: str, direction: str, target: str | None, payload: Any, **extra: Any) -> dict:
        return self.bridge.post(kind, direction, target, payload, **extra)

    def _post_from_logic(self, message: dict) -> None:
        self._post(message["kind"], message.get("direction", "logic→view"), message.get("target"),
                   message.get("payload"))

    def _deliver_to_view(self, message: dict) -> None:
        instance_id = (message.get("payload") or {}).get("instanceId")
        for page in self.router.all_views():
            if instance_id in page.instances:
                page.deliver(message)
                return

    def _deliver_to_host(self, message: dict) -> None:
        kind, payload = message["kind"], message.get("payload") or {}
        if kind == "invoke" and payload.get("mockedBy"):
            return  # answered inside the logic layer by a function mock; recorded only
        if kind == "invoke":
            call_id = payload.get("callId")
            self._open_calls[call_id] = payload.get("name", "")
            self.apis.invoke(payload.get("name", ""), payload.get("args") or {}, call_id)
        elif kind == "console":
            self.console.append(payload)
        elif kind == "error":
            self.errors.append(payload)
        elif kind == "navigate":
            self.router.navigate_from_view(payload)

    def _invoke_sync(self, name: str, args: dict) -> Any:
        """A sync wx.* call: answered in place, recorded like any other message."""
        self.bridge.post("invoke", "logic→host", None, {"name": name, "args": args, "sync": True}, deliver=False)
        result = self.apis.invoke_sync(name, args)
        self.bridge.post("callback", "host→logic", None, {"name": name, "result": result, "sync": True},
                         deliver=False)
        return self.apis.sync_value(name, result)

    # ApiContext ------------------------------------------------------------------
    def resolve(self, call_id: int, result: dict, source: str) -> None:
        self._open_calls.pop(call_id, None)
        self._post("callback", "host→logic", None, {"callId": call_id, "result": result}, source=source)

    def schedule(self, delay_ms: float, fn: Callable[[], Any]) -> Any:
        entry = (self.clock.now_ms() + delay_ms, next(self._timer_seq), fn)
        heapq.heappush(self._host_timers, entry)
        return entry

    def schedule_passive(self, delay_ms: float, fn: Callable[[], Any]) -> Any:
        """Run `fn` once the clock passes `delay_ms` from now, without it being work to settle
        or a point a virtual clock jumps to (a pressed state's hover-class timing)."""
        entry = (self.clock.now_ms() + delay_ms, next(self._timer_seq), fn)
        heapq.heappush(self._passive_timers, entry)
        return entry

    def call_soon_threadsafe(self, fn: Callable[[], Any]) -> None:
        with self._lock:
            self._threadsafe.append(fn)

    def _fonts_arrived(self, roots: list) -> None:
        """A remote web font was registered: the pages showing it are laid out again and repainted."""
        for page in self.router.all_views():
            if page.root in roots:
                mark_changed(page.root)
                page.layout_dirty = True

    def _ui_changed(self, ui: UiState) -> None:
        """A pull-down refresh that starts (gesture or wx.startPullDownRefresh) runs
        the page's onPullDownRefresh, as WeChat does; a hidden or shown tabBar resizes the page."""
        if ui.refreshing and not self._was_refreshing:
            top = self.router.top()
            if top is not None:
                self._post("lifecycle", "host→logic", top.page_id, {"event": "pullDownRefresh", "pageId": top.page_id})
        self._was_refreshing = ui.refreshing
        self._sync_visible_height()  # wx.hideTabBar / showTabBar change the page area

    def pull_down_refresh(self) -> None:
        """The user pulled the page down (only on pages with enablePullDownRefresh)."""
        if self.current_page_config().get("enablePullDownRefresh"):
            self.ui.set_refreshing(True)

    def current_page_config(self) -> dict:
        """The top page's window config, with what its page-meta sets (backgroundColor …)."""
        top = self.router.top()
        if top is None:
            return {}
        config = self.project.page_window(top.route)
        if top.view is not None:
            config.update(window_overrides(top.view))
        return config

    def _set_navbar(self, view: PageView, **changes: Any) -> None:
        """A page's navigation-bar node changed its bar, as wx.setNavigationBarTitle/Color do."""
        self.ui.update_navbar(view.page_id, self.project.page_window(view.route), **changes)

    def current_page_id(self) -> str | None:
        top = self.router.top()
        return top.page_id if top else None

    def emit(self, name: str, data: dict) -> None:
        """Fire the logic layer's `wx.<name>` listeners (onLocationChange, onNetworkStatusChange…)."""
        self._post("wxEvent", "host→logic", None, {"name": name, "data": data})

    def emit_task(self, task_id: int, event: str, data: Any, **extra: Any) -> None:
        """An event of a task object (RequestTask, SocketTask, IntersectionObserver…) in the logic layer;
        `extra` fields go on the message (`source="simulated"` for a simulated audio player)."""
        self._post("taskEvent", "host→logic", None, {"taskId": task_id, "event": event, "data": data}, **extra)

    def user_location(self) -> dict:
        """The simulated phone's position in GCJ-02, as a map shows it."""
        from bridge.api.geo import location_result

        return location_result(self.apis.world.settings["location"], "gcj02")

    def media_source(self, src: str, base_dir: str, kind: str) -> Any:
        """What a `<video>` / `<audio>` src is taken to be (bridge/api/media_source.py)."""
        from bridge.api.media_source import describe

        return describe(src, kind, root=self.project.root, base_dir=base_dir, local_file=self.local_file,
                        settings=self.apis.world.settings.get("media"))

    def _record_resource(self, entry: dict) -> None:
        """A remote image or font the view loaded, in the traffic log (with where it came from)."""
        self.bridge.post("resource", "host→view", None, entry, deliver=False)

    def local_file(self, path: str) -> Path | None:
        """The file behind a `wxfile://usr/...` or temp path the program holds (for `<image>`)."""
        from bridge.api.filesystem import resolve
        from bridge.api.registry import Call

        return resolve(Call(self.apis, None, "image", {}, None), path)

    def page_view(self, page_id: str | None) -> PageView | None:
        """The view of the open page `page_id` (selector queries, intersection observers)."""
        for view in self.router.all_views():
            if view.page_id == page_id:
                return view
        return None

    def scroll_page(self, top: float) -> str | None:
        """wx.pageScrollTo: scroll the current page; a fail reason when there is none."""
        view = self.current_view()
        if view is None:
            return "no page to scroll"
        view.scroll_to(top)
        self.notify()
        return None

    # the view's way out -------------------------------------------------------------
    def _navigate_from_view(self, open_type: str, url: str, delta: int) -> None:
        self._post("navigate", "view→host", None, {"openType": open_type, "url": url, "delta": delta})

    def _focused(self, view: PageView, node: Any) -> None:
        for listener in list(self.focus_listeners):
            listener(view, node)

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Called after the page stack or a page's rendering changed."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def notify(self) -> None:
        self._sync_visible_height()
        for listener in list(self._listeners):
            listener()

    def _sync_visible_height(self) -> None:
        """Tell the shown page how tall its window is (scroll limits, onReachBottom, fixed boxes)."""
        view = self.current_view()
        if view is None:
            return
        try:
            height = self.page_area_height()
        except WxsimError as exc:  # a broken page json: keep the last height
            self.report(exc.diagnostic)
            return
        if view.visible_height != height:  # fixed-position boxes are placed against it: lay out again
            restyle = view.visible_height is not None  # vh counts in the window's height: restyle
            view.visible_height = height
            view.layout_dirty = True
            if restyle:
                for node in view.root.walk():
                    node.style_dirty = True
                    mark_changed(node)

    # hot reload -----------------------------------------------------------------------
    def reload_views(self, styles: bool = True, templates: bool = False) -> None:
        """Re-read changed WXSS (restyle) and/or WXML/WXS (re-render) into every live page, keeping data."""
        self.view.invalidate()
        for page in self.router.all_views():
            if templates:
                for inst in page.instances.values():
                    if inst.data is not None:
                        inst.dirty = True
            if styles or templates:
                for node in page.root.walk():
                    node.style_dirty = True
                    mark_changed(node)
                page.layout_dirty = True
        self.pump()
        self.notify()

    # the event loop ---------------------------------------------------------------------
    def pump(self) -> bool:
        """Run everything that is due now; True if anything ran."""
        did = self._run_threadsafe()
        now = self.clock.now_ms()
        while self._host_timers and self._host_timers[0][0] <= now:
            _, _, fn = heapq.heappop(self._host_timers)
            fn()
            did = True
        while self._passive_timers and self._passive_timers[0][0] <= now:
            heapq.heappop(self._passive_timers)[2]()
            did = True
        if self.view.animator.tick(now):
            did = True
        if self.started:
            self.logic.run_due_timers(now)
        while True:
            while self.bridge.deliver_next():
                did = True
            flushed = False
            for page in self.router.all_views():
                if page.needs_flush():
                    page.flush()
                    flushed = True
            if flushed:
                did = True
                self.notify()
            if not self.bridge.pending():
                break
        return did

    def _run_threadsafe(self) -> bool:
        did = False
        while True:
            with self._lock:
                if not self._threadsafe:
                    return did
                fn = self._threadsafe.popleft()
            fn()
            did = True

    def busy(self) -> bool:
        """Work is pending that an automation step should wait for."""
        if self.bridge.pending() or self._threadsafe:
            return True
        if any(page.needs_flush() for page in self.router.all_views()):
            return True
        if any(name not in USER_ANSWERED for name in self._open_calls.values()):
            return True
        if self.apis.busy():
            return True
        if self.view.animator.busy():  # running animations end; automation sees their end state
            return True
        if remote.shared().busy():  # a web font in flight, for a few seconds: shots show its glyphs
            return True
        now = self.clock.now_ms()
        if self._host_timers and self._host_timers[0][0] <= now + SETTLE_HORIZON_MS:
            return True
        next_js = self.logic.next_timer_ms() if self.started else None
        return next_js is not None and next_js <= now + SETTLE_HORIZON_MS

    def _timers_only(self) -> bool:
        """Busy only because a timer is due within the settle horizon (no message, render or call)."""
        return not (self.bridge.pending() or self._threadsafe or self.apis.busy()
                    or any(page.needs_flush() for page in self.router.all_views())
                    or any(name not in USER_ANSWERED for name in self._open_calls.values())
                    or self.view.animator.busy() or remote.shared().busy())

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Pump until nothing is pending; raises TimeoutError naming what is still busy.

        WeChat has no notion of idle, so settling is our rule: messages, renders and wx.* calls
        are waited for, and timers due within SETTLE_HORIZON_MS. A timer that keeps being
        re-armed (a count-down ticking every frame, a polling loop) would never let that end,
        so once near timers have come due RECURRING_TIMER_RUNS times in one wait with nothing
        else pending, the rest is background work and the program counts as settled.
        """
        deadline = time.monotonic() + timeout
        timer_dues: set[float] = set()
        while True:
            self.pump()
            if not self.busy():
                return
            if self._timers_only():
                due = self.next_due_ms()
                if due is not None:
                    timer_dues.add(due)
                if len(timer_dues) > RECURRING_TIMER_RUNS:
                    return
            if self.clock.virtual:  # waiting on a wx.* call (a mock's delay): go straight to its timer
                waiting = any(name not in USER_ANSWERED for name in self._open_calls.values())
                self._jump_to_due_timer(float("inf") if waiting else SETTLE_HORIZON_MS)
            if time.monotonic() > deadline:
                pending = sorted(set(self._open_calls.values()))
                raise TimeoutError(f"the mini program did not settle within {timeout:g} s"
                                   + (f" (waiting for wx.{', wx.'.join(pending)})" if pending else ""))
            time.sleep(0.001)

    def _jump_to_due_timer(self, horizon_ms: float) -> bool:
        """Virtual clock: move to the next timer if it is due within `horizon_ms`; True if moved."""
        due = self.next_due_ms()
        if due is None or due > self.clock.now_ms() + horizon_ms:
            return False
        self.clock.advance_to(due)
        return True

    def advance_clock(self, ms: float) -> None:
        """Let `ms` of simulated time pass, running every timer due on the way (virtual clock),
        or wait that long on the wall clock."""
        if not self.clock.virtual:
            end = time.monotonic() + ms / 1000
            while time.monotonic() < end:
                self.pump()
                time.sleep(0.001)
            return
        target = self.clock.now_ms() + ms
        while True:
            self.pump()
            due = self.next_due_ms()
            if due is None or due > target:
                break
            self.clock.advance_to(due)
        self.clock.advance_to(target)
        self.pump()

    def next_due_ms(self) -> float | None:
        times = [t[0] for t in self._host_timers[:1]]
        frame = self.view.animator.next_frame_ms()
        if frame is not None:
            times.append(frame)
        js = self.logic.next_timer_ms() if self.started else None
        if js is not None:
            times.append(js)
        return min(times) if times else None

    # conveniences for the window and automation -------------------------------------------
    def current_view(self) -> PageView | None:
        top = self.router.top()
        return top.view if top else None

    def current_route(self) -> str | None:
        top = self.router.top()
        return top.route if top else None

    def page_config(self) -> dict:
        return self.current_page_config()

    def page_stack_depth(self) -> int:
        return len(self.router.stack)

    def tab_bar(self) -> dict | None:
        return self.project.app.get("tabBar")

    def navigate_back(self) -> None:
        """The back button of the navigation bar."""
        self._observe_chrome("navigate_back", {})
        self.router.navigate_back(1)
        self.pump()

    def switch_tab(self, route: str) -> None:
        """A tap on a tabBar item (`route` as in app.json's tabBar list, from the root)."""
        self._observe_chrome("switch_tab", {"route": route.lstrip("/")})
        reason = self.router.switch_tab("/" + route.lstrip("/"))
        if reason:
            self.report(Diagnostic("warning", f"switchTab to '{route}' failed: {reason}", "app.json"))
        self.pump()

    def _observe_chrome(self, kind: str, info: dict) -> None:
        """Window chrome input (back button, tabBar) for the same observers the page views tell."""
        for observer in list(self.view.input_observers):
            observer(self.current_view(), kind, info)

    def tick(self) -> None:
        self.pump()

    def enter_background(self) -> None:
        """The user left WeChat (home button, another app): the page's onHide, then App onHide."""
        if self.in_background:
            return
        self.in_background = True
        top = self.router.top()
        if top is not None:
            self.router._hide(top)
        self._post("lifecycle", "host→logic", "app", {"event": "appHide"})
        self.pump()

    def enter_foreground(self) -> None:
        """Back to the mini program: App onShow (scene 1001 options), then the page's onShow."""
        if not self.in_background:
            return
        self.in_background = False
        options = dict(getattr(self, "launch_options", None) or {})
        self._post("lifecycle", "host→logic", "app", {"event": "appShow", "options": options})
        top = self.router.top()
        if top is not None:
            self.router._show(top)
        self.pump()
        self.notify()

    def page_area_height(self) -> float:
        """The height of the page area: the screen less status, navigation and tab bars."""
        return screen_geometry(self).page[3]

    def close(self) -> None:
        self.router.close_all()


def _default_image_size() -> Any:
    """Qt's image header reader (headless included); None without Qt (images never load)."""
    try:
        from renderer.qt.images import image_size

        return image_size
    except Exception:  # no Qt libraries on this machine
        return None


def _default_measurer() -> Any:
    """Qt's font metrics when Qt can start (headless included), else the approximate one."""
    try:
        from renderer.qt.text import QtTextMeasurer
        from renderer.qt.app import ensure_app

        ensure_app()
        return QtTextMeasurer()
    except Exception:  # no Qt libraries on this machine: measure approximately
        from renderer.layout.text import ApproxMeasurer

        return ApproxMeasurer()
