"""The Python automation API: drive a mini program headless, as WeChat's
miniprogram-automator does, with every action returning once its work has settled."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, Callable

from bridge.diagnostics import Diagnostic
from renderer.view import builtins, picker_view
from renderer.view.nodes import ViewNode, attr_text, inner_wxml, to_wxml
from renderer.view.page import PageView
from renderer.view.query import select_all
from renderer.view.scroll import visual_shift
from renderer.view.transform_hit import to_screen
from simulator.paths import data_at
from simulator.runtime import Simulator

BUNDLED_EXAMPLE = Path(__file__).resolve().parent.parent / "assets" / "examples" / "shop"
DEFAULT_TIMEOUT = 10.0


class AutomationError(Exception):
    """An automation step could not be done (routing failed, element gone, timeout)."""


def launch(project_dir: str | Path | None = None, device: str | None = None, page: str | None = None,
           headless: bool = True, storage: str | Path | None = None, scene: int = 1001,
           time_limit_s: float = 5.0) -> MiniProgram:
    """Start a mini program and wait until its first page has rendered.

    `storage=None` uses the project's persistent storage (the same as the window); pass a
    folder to use another. `headless=False` is not needed for screenshots: rendering is
    offscreen either way; it opens a window that follows the script, to watch it run.
    `time_limit_s` bounds each run of user JS (a runaway loop is interrupted and reported
    with its file and line).
    """
    sim = Simulator(project_dir or BUNDLED_EXAMPLE, device=device, storage_dir=storage,
                    time_limit_s=time_limit_s)
    sim.start(page, scene=scene)
    window = None
    if not headless:
        from simulator.ui.watch import WatchWindow

        window = WatchWindow(sim)
    mp = MiniProgram(sim, window)
    mp.wait_idle()
    return mp


class MiniProgram:
    def __init__(self, sim: Simulator, window: Any = None):
        self.sim = sim
        self.window = window  # a WatchWindow when launched with headless=False

    def __enter__(self) -> MiniProgram:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # pages and routing ------------------------------------------------------------
    def current_page(self) -> Page:
        view = self.sim.current_view()
        if view is None:
            raise AutomationError("no page is open")
        return Page(self, view)

    def page_stack(self) -> list[Page]:
        return [Page(self, entry.view) for entry in self.sim.router.stack]

    def _route(self, method: str, *args: Any) -> Page:
        if args and isinstance(args[0], str):
            args = (_app_rooted(args[0]),) + args[1:]
        reason = getattr(self.sim.router, method)(*args)
        if reason:
            raise AutomationError(f"{method} failed: {reason}")
        self.wait_idle()
        return self.current_page()

    def navigate_to(self, url: str) -> Page:
        return self._route("navigate_to", url)

    def redirect_to(self, url: str) -> Page:
        return self._route("redirect_to", url)

    def navigate_back(self, delta: int = 1) -> Page:
        return self._route("navigate_back", delta)

    def switch_tab(self, url: str) -> Page:
        return self._route("switch_tab", url)

    def relaunch(self, url: str) -> Page:
        return self._route("relaunch", url)

    # the logic layer ----------------------------------------------------------------
    def evaluate(self, js: str) -> Any:
        """Run an expression or a function source in the logic layer; its JSON result."""
        value = self.sim.logic.evaluate(js, pump=self._pump_once)
        self.wait_idle()
        return value

    def _pump_once(self) -> None:
        if not self.sim.pump():
            time.sleep(0.001)

    def call_wx_method(self, name: str, *args: Any, timeout: float = DEFAULT_TIMEOUT) -> Any:
        """Call `wx.<name>(*args)`; an async API resolves to its success (or fail) result."""
        script = f"""function () {{
            var args = {json.dumps(list(args), ensure_ascii=False)}, name = {json.dumps(name)};
            if (typeof wx[name] !== 'function') throw new Error('wx.' + name + ' is not a function');
            if (/Sync$/.test(name) || typeof args[0] !== 'object' || args[0] === null) return wx[name].apply(wx, args);
            return new Promise(function (resolve) {{
                var opts = Object.assign({{}}, args[0], {{success: resolve, fail: resolve}});
                wx[name].call(wx, opts);
            }});
        }}"""
        value = self.sim.logic.evaluate(script, pump=self._pump_once, timeout=timeout)
        self.wait_idle()
        return value

    def mock_wx_method(self, name: str, result: Any = None, fn: str | None = None) -> None:
        """Make `wx.<name>` answer `result` (or call the JS function source `fn`)."""
        if fn is not None:
            self.sim.logic.mock_with_function(name, fn)
        else:
            self.sim.mocks.add(name, result if result is not None else {})

    def restore_wx_method(self, name: str) -> None:
        self.sim.mocks.remove(name)
        self.sim.logic.restore_mock(name)

    # settling, output --------------------------------------------------------------------
    def wait_idle(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.sim.wait_idle(timeout)
        if self.window is not None:
            self.window.refresh()

    def screenshot(self, path: str | Path | None = None) -> bytes:
        """A PNG of the device screen (status bar, navigation bar, page, tabBar, overlays)."""
        from simulator.ui.screenshot import screen_png

        self.wait_idle()
        data = screen_png(self.sim)
        if path is not None:
            Path(path).write_bytes(data)
        return data

    def traffic(self) -> list[dict]:
        return self.sim.bridge.recorder.export()

    def console(self) -> list[dict]:
        return list(self.sim.console)

    def diagnostics(self) -> list[Diagnostic]:
        return list(self.sim.diagnostics)

    def answer_modal(self, confirm: bool = True, content: str | None = None) -> None:
        """Click the confirm (or cancel) button of the modal that is showing."""
        if not self.sim.ui.answer_modal(confirm, content):
            raise AutomationError("no modal is showing")
        self.wait_idle()

    def close(self) -> None:
        self.sim.close()
        self.sim.pump()
        if self.window is not None:
            self.window.close()


class Page:
    def __init__(self, mp: MiniProgram, view: PageView):
        self.mp = mp
        self.view = view

    def __repr__(self) -> str:
        return f"<Page {self.path}>"

    @property
    def path(self) -> str:
        return self.view.route

    @property
    def query(self) -> PageQuery:
        """The page's query (a dict); calling it, `page.query(selector)`, selects an element."""
        return PageQuery(self.view.query, self._select_one)

    @property
    def page_id(self) -> str:
        return self.view.page_id

    def data(self, path: str | None = None) -> Any:
        return data_at(self.mp.sim.logic.instance_data(self.view.page_id), path)

    def set_data(self, data: dict) -> None:
        self.mp.sim.logic.set_data(self.view.page_id, data)
        self.mp.wait_idle()

    def call_method(self, name: str, *args: Any) -> Any:
        result = self.mp.sim.logic.call_method(self.view.page_id, name, list(args), pump=self.mp._pump_once)
        self.mp.wait_idle()
        return result

    def _select_one(self, selector: str) -> Element | None:
        found = self.query_all(selector)
        return found[0] if found else None

    def query_all(self, selector: str) -> list[Element]:
        nodes = select_all(self.view.root, selector, self.view.instance)
        return [Element(self, node) for node in nodes]

    def wait_for(self, what: str | int | float | Callable[[], Any], timeout: float = DEFAULT_TIMEOUT) -> Any:
        """Wait for a selector to match, a predicate to be truthy, or a number of ms."""
        if isinstance(what, (int, float)):
            end = time.monotonic() + what / 1000
            while time.monotonic() < end:
                self.mp.sim.pump()
                time.sleep(0.001)
            self.mp.wait_idle(timeout)
            return None
        deadline = time.monotonic() + timeout
        while True:
            self.mp.sim.pump()
            result = self._select_one(what) if isinstance(what, str) else what()
            if result:
                return result
            if time.monotonic() > deadline:
                label = f"selector {what!r}" if isinstance(what, str) else "predicate"
                raise TimeoutError(f"{label} not satisfied on page {self.path} within {timeout:g} s")
            time.sleep(0.002)

    def size(self) -> dict:
        box = self.view.root_box()
        width = box.width if box is not None else float(self.mp.sim.device["screenWidth"])
        return {"width": width, "height": self.view.content_height()}

    def scroll_top(self) -> float:
        return self.view.scroll_top

    def scroll_to(self, top: float) -> None:
        limit = max(0.0, self.view.content_height() - self.mp.sim.page_area_height())
        self.view.scroll_top = max(0.0, min(float(top), limit))
        self.mp.wait_idle()

    def wxml(self) -> str:
        return self.view.wxml()

    def tree(self) -> dict:
        return self.view.tree()


class PageQuery(dict):
    """The contract gives `Page` both `query` (the page's query dict) and `query(selector)`.

    Python cannot have an attribute and a method of one name, so the dict is callable:
    `page.query["id"]` reads the query, `page.query(".item")` selects an element.
    """

    def __init__(self, query: dict, select: Callable[[str], Element | None]):
        super().__init__(query)
        self._select = select

    def __call__(self, selector: str) -> Element | None:
        return self._select(selector)


class Element:
    def __init__(self, page: Page, node: ViewNode):
        self.page = page
        self.node = node

    def __repr__(self) -> str:
        return f"<Element {self.tag_name}#{self.node.id}>" if self.node.id else f"<Element {self.tag_name}>"

    @property
    def tag_name(self) -> str:
        return self.node.tag

    def text(self) -> str:
        return self.node.text_content()

    def attribute(self, name: str) -> Any:
        value = self.node.attrs.get(name)
        return None if value is None else _attr_string(value)

    def property(self, name: str) -> Any:
        if name == "value":
            return self.value()
        if name == "checked":
            return builtins.checked_of(self.node)
        if self.node.component is not None:
            return (self.data() or {}).get(name)
        return self.node.attrs.get(name)

    def value(self) -> Any:
        return builtins.value_of(self.node)

    def style(self, name: str) -> Any:
        style = self.node.style
        return None if style is None else style.get(name)

    def size(self) -> dict:
        box = self._box()
        return {"width": box.width, "height": box.height}

    def offset(self) -> dict:
        box = self._box()
        return {"left": box.x, "top": box.y}

    def wxml(self) -> str:
        return inner_wxml(self.node)

    def screenshot(self, path: str | Path | None = None) -> bytes:
        """A PNG of the element as it shows on the screen: the device screenshot cropped to its
        box (scrolled into view first), at the device pixel ratio; the parts outside the page
        area (under the navigation or tab bar) are cut off."""
        from simulator.ui.geometry import screen_geometry
        from simulator.ui.imaging import crop_png

        self._center_on_screen()
        mp = self.page.mp
        screen = mp.screenshot()
        box, geo = self._box(), screen_geometry(mp.sim)
        dx, dy = visual_shift(self.node)
        scroll = 0.0 if getattr(box, "fixed", False) else self.page.view.scroll_top
        px, py, pw, ph = geo.page
        left, top = max(px, px + box.x - dx), max(py, py + box.y - dy - scroll)
        right = min(px + pw, px + box.x - dx + box.width)
        bottom = min(py + ph, py + box.y - dy - scroll + box.height)
        if right <= left or bottom <= top:
            raise AutomationError(f"{self!r} is not on the screen (it has no visible area)")
        data = crop_png(screen, left, top, right - left, bottom - top, geo.dpr)
        if path is not None:
            Path(path).write_bytes(data)
        return data

    def outer_wxml(self) -> str:
        return to_wxml(self.node, "", "")

    def _box(self) -> Any:
        box = self.node.box
        if box is None:
            raise AutomationError(f"{self!r} has no box (it is not displayed)")
        return box

    def _center_on_screen(self) -> tuple[float, float]:
        """The centre of the box, scrolling the page first if it is out of view."""
        box = self._box()
        dx, dy = visual_shift(self.node)  # scrolled scroll-views above move it on screen
        x, y = to_screen(self.node, box.x + box.width / 2, box.y + box.height / 2)  # transforms move it
        x, y = x - dx, y - dy
        view, sim = self.page.view, self.page.mp.sim
        visible = sim.page_area_height()
        if not (view.scroll_top <= y < view.scroll_top + visible):
            view.scroll_top = max(0.0, min(y - visible / 2, view.content_height() - visible))
        return x, y

    def tap(self) -> None:
        x, y = self._center_on_screen()
        self.page.view.tap(x, y)
        self.page.mp.wait_idle()

    def longpress(self) -> None:
        x, y = self._center_on_screen()
        view = self.page.view
        view.touch_start(x, y)
        view.long_press()
        view.touch_end(x, y)
        self.page.mp.wait_idle()

    def swipe(self, direction: str = "left", fraction: float = 0.6) -> None:
        """Drag a finger across the element (a swiper turns its page, a picker-view column
        scrolls, a movable-view follows it): "left"/"up" move the finger that way, "right"/"down"
        the other way; the distance is `fraction` of the element's width or height, in four moves."""
        moves = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}
        if direction not in moves:
            raise AutomationError(f"swipe direction must be one of {sorted(moves)}, not {direction!r}")
        x, y = self._center_on_screen()
        box, (ux, uy) = self._box(), moves[direction]
        dx, dy = ux * box.width * fraction, uy * box.height * fraction
        view = self.page.view
        view.touch_start(x, y)
        for step in (0.25, 0.5, 0.75, 1.0):
            view.touch_move(x + dx * step, y + dy * step)
        view.touch_end(x + dx, y + dy)
        self.page.mp.wait_idle()

    def pick(self, value: Any) -> None:
        """Choose `value` in a picker (opens its sheet and confirms: an index for selector, a
        list of indices for multiSelector, "HH:mm" for time, "YYYY-MM-DD" for date, names
        for region) or a picker-view (a list of row indices)."""
        if self.node.tag == "picker-view":
            picker_view.set_value(self.page.view, self.node, list(value))
            self.page.mp.wait_idle()
            return
        if self.node.tag != "picker":
            raise AutomationError(f"{self!r} is not a picker or picker-view")
        self.tap()
        ui = self.page.mp.sim.ui
        if ui.picker is None:
            raise AutomationError(f"{self!r} did not open (disabled?)")
        ui.answer_picker(value)
        self.page.mp.wait_idle()

    def input(self, text: str) -> None:
        if self.node.tag not in builtins.TEXT_INPUTS:
            raise AutomationError(f"{self!r} is not an input or textarea")
        self.page.view.input_text(self.node, text)
        self.page.mp.wait_idle()

    def confirm(self) -> None:
        self.page.view.input_confirm(self.node)
        self.page.mp.wait_idle()

    def trigger(self, event_type: str, detail: Any = None) -> None:
        self.page.view.fire(self.node, event_type, detail)
        self.page.mp.wait_idle()

    def query(self, selector: str) -> Element | None:
        found = self.query_all(selector)
        return found[0] if found else None

    def query_all(self, selector: str) -> list[Element]:
        scope = self.node.component if self.node.component is not None else self.node.owner
        start = self.node
        nodes = select_all(start, selector, scope) if self.node.component is None else \
            select_all_shadow(self.node, selector)
        return [Element(self.page, n) for n in nodes]

    # custom components ---------------------------------------------------------------
    def _instance_id(self) -> str:
        if self.node.component is None:
            raise AutomationError(f"{self!r} is not a custom component")
        return self.node.component.id

    def data(self, path: str | None = None) -> Any:
        return data_at(self.page.mp.sim.logic.instance_data(self._instance_id()), path)

    def set_data(self, data: dict) -> None:
        self.page.mp.sim.logic.set_data(self._instance_id(), data)
        self.page.mp.wait_idle()

    def call_method(self, name: str, *args: Any) -> Any:
        result = self.page.mp.sim.logic.call_method(self._instance_id(), name, list(args),
                                                    pump=self.page.mp._pump_once)
        self.page.mp.wait_idle()
        return result


def select_all_shadow(host: ViewNode, selector: str) -> list[ViewNode]:
    """Elements of a custom component's own template (its shadow tree)."""
    found: list[ViewNode] = []
    instance = host.component
    for child in host.children:
        found += select_all(child, selector, instance, include_start=True)
    return found


def _app_rooted(url: str) -> str:
    """Automation URLs name pages from the app root, with or without a leading '/', as the CLI's
    `--page` does; only wx.navigateTo in user code resolves relative to the current page."""
    return url if url.startswith("/") else "/" + url


def _attr_string(value: Any) -> str:
    return attr_text(value)
