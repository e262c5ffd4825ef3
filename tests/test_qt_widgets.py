"""PageWidget touches/scrolling/editors and the simulator screen, with fake views and a fake simulator."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtWidgets import QLineEdit  # noqa: E402

from qt_fakes import FakeStyle, el  # noqa: E402
from renderer.qt.page_widget import PageWidget, render_page_image  # noqa: E402


class FakeView:
    def __init__(self, root, height=None):
        self.root = root
        self.height = height or root.height
        self.calls: list = []
        self.listeners: list = []
        self.scroll_top = 0.0
        self.route = "pages/index/index"

    def root_box(self):
        return self.root

    def content_height(self):
        return self.height

    def touch_start(self, x, y):
        self.calls.append(("start", x, y))

    def touch_move(self, x, y):
        self.calls.append(("move", x, y))

    def touch_end(self, x, y):
        self.calls.append(("end", x, y))

    def long_press(self):
        self.calls.append(("longpress",))
        return True

    def hit_test(self, x, y):
        found = None

        def walk(box):
            nonlocal found
            if box.x <= x < box.x + box.width and box.y <= y < box.y + box.height:
                found = box.node
                for c in box.children:
                    walk(c)
        walk(self.root)
        return found

    def subscribe(self, fn):
        self.listeners.append(fn)
        return lambda: self.listeners.remove(fn)

    def input_text(self, node, value):
        node.state["value"] = value
        self.calls.append(("input", value))

    def input_confirm(self, node):
        self.calls.append(("confirm",))

    def input_blur(self, node):
        self.calls.append(("blur",))


def make_view():
    page = FakeStyle()
    field = el("input", 10, 300, 200, 40, [], {"placeholder": "name"}, page)
    field.node.box = field
    block = el("view", 0, 0, 375, 100, [], None, page, background_color=(255, 0, 0, 1.0))
    root = el("page", 0, 0, 375, 2000, [block, field])
    return FakeView(root)


@pytest.fixture
def widget(qtbot):
    view = make_view()
    w = PageWidget(view)
    w.resize(375, 600)
    qtbot.addWidget(w)
    w.show()
    return w, view


def test_tap_sends_touch_start_and_end_at_page_coordinates(widget, qtbot):
    w, view = widget
    w.set_scroll(100)
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=QPoint(50, 20))
    assert ("start", 50.0, 120.0) in view.calls and ("end", 50.0, 120.0) in view.calls
    assert view.scroll_top == 100


def test_scroll_is_clamped_to_content(widget):
    w, view = widget
    w.set_scroll(10_000)
    assert w.scroll_y == 2000 - 600
    w.set_scroll(-50)
    assert w.scroll_y == 0


def test_held_press_is_a_longpress(widget, qtbot):
    w, view = widget
    qtbot.mousePress(w, Qt.MouseButton.LeftButton, pos=QPoint(50, 20))
    qtbot.wait(450)
    qtbot.mouseRelease(w, Qt.MouseButton.LeftButton, pos=QPoint(50, 20))
    assert ("longpress",) in view.calls
    assert view.calls[-1][0] == "end"


def test_tapping_an_input_opens_an_editor_whose_edits_reach_the_view(widget, qtbot):
    w, view = widget
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton, pos=QPoint(50, 320))
    editor = w.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    assert abs(editor.geometry().y() - 300) <= 1
    qtbot.keyClicks(editor, "milk")
    assert ("input", "milk") in view.calls
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert ("confirm",) in view.calls and ("blur",) in view.calls


def test_render_page_image_paints_the_tree(qapp):
    view = make_view()
    img = render_page_image(view, 375, 600, 0, 2.0)
    assert img.width() == 750
    c = img.pixelColor(100, 100)
    assert (c.red(), c.green(), c.blue()) == (255, 0, 0)
    img = render_page_image(view, 375, 600, 150, 1.0)
    c = img.pixelColor(10, 10)
    assert (c.red(), c.green(), c.blue()) == (255, 255, 255)


# ---------------------------------------------------------------- the screen
class FakeUi:
    def __init__(self):
        self.toast = None
        self.modal = None
        self.action_sheet = None
        self.answers = []

    def answer_modal(self, confirm, content=None):
        self.answers.append(confirm)
        self.modal = None


class FakeSim:
    def __init__(self, route="pages/index/index", depth=1, config=None):
        self.device = {"screenWidth": 375, "screenHeight": 667, "pixelRatio": 2, "statusBarHeight": 20,
                       "safeArea": {"bottom": 667}, "menuButton": {"width": 87, "height": 32, "top": 24,
                                                                   "left": 281}}
        self.route = route
        self.depth = depth
        self.config = config or {"navigationBarTitleText": "首页", "navigationBarBackgroundColor": "#07c160",
                                 "navigationBarTextStyle": "white"}
        self.ui = FakeUi()
        self.view = make_view()
        self.switched = []

    def current_view(self):
        return self.view

    def page_config(self):
        return self.config

    def page_stack_depth(self):
        return self.depth

    def tab_bar(self):
        return {"color": "#999999", "selectedColor": "#07c160", "list": [
            {"pagePath": "pages/index/index", "text": "首页"}, {"pagePath": "pages/me/me", "text": "我的"}]}

    def current_route(self):
        return self.route

    def switch_tab(self, route):
        self.switched.append(route)
        self.route = route

    def navigate_back(self):
        self.depth -= 1

    def subscribe(self, fn):
        return lambda: None

    def tick(self):
        pass


def rgb(img, x, y):
    c = img.pixelColor(x, y)
    return (c.red(), c.green(), c.blue())


def test_screen_image_has_nav_bar_colour_and_tab_bar(qapp):
    from simulator.ui.screen import render_screen_image

    sim = FakeSim()
    img = render_screen_image(sim)
    assert (img.width(), img.height()) == (750, 1334)
    assert rgb(img, 20, 2 * 40) == (0x07, 0xC1, 0x60)  # nav bar
    assert rgb(img, 20, 2 * 10) == (0x07, 0xC1, 0x60)  # status bar shares the colour
    assert rgb(img, 100, 2 * 64 + 100) == (255, 0, 0)  # page content below the bars
    border = rgb(img, 10, 2 * (667 - 48))
    assert sum(border) < 3 * 250  # the tabBar's top hairline
    selected = [rgb(img, x, y) for x in range(0, 375) for y in range(2 * 630, 2 * 660)]
    assert any(abs(c[0] - 7) < 40 and abs(c[1] - 193) < 40 and abs(c[2] - 96) < 40 for c in selected)


def test_no_tab_bar_on_other_pages_and_custom_nav(qapp):
    from simulator.ui.screen import render_screen_image

    sim = FakeSim(route="pages/detail/detail", config={"navigationStyle": "custom"})
    img = render_screen_image(sim, dpr=1)
    assert rgb(img, 100, 40) == (255, 0, 0)  # the page starts at the top
    assert rgb(img, 10, 667 - 40) == (255, 255, 255)


def test_modal_drawn_and_answered_by_click(qtbot):
    from simulator.ui.overlays import modal_layout
    from simulator.ui.screen import ScreenWidget, render_screen_image

    sim = FakeSim()
    sim.ui.modal = {"title": "提示", "content": "确定删除吗？", "showCancel": True, "confirmColor": "#576B95"}
    img = render_screen_image(sim, dpr=1)
    lay = modal_layout(375, 667, sim.ui.modal)
    assert rgb(img, int(lay.box.center().x()), int(lay.box.y() + 5)) == (255, 255, 255)
    assert rgb(img, 5, 5) != (255, 255, 255)  # the mask dims the screen
    screen = ScreenWidget(sim)
    qtbot.addWidget(screen)
    screen.show()
    pos = lay.confirm.center().toPoint()
    qtbot.mouseClick(screen.overlay, Qt.MouseButton.LeftButton, pos=pos)
    assert sim.ui.answers == [True]


def test_tab_click_switches_and_back_arrow_navigates(qtbot):
    from simulator.ui.screen import ScreenWidget

    sim = FakeSim(depth=2)
    screen = ScreenWidget(sim)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.mouseClick(screen, Qt.MouseButton.LeftButton, pos=QPoint(300, 667 - 20))
    assert sim.switched == ["pages/me/me"]
    qtbot.mouseClick(screen, Qt.MouseButton.LeftButton, pos=QPoint(15, 40))
    assert sim.depth == 1


def test_window_ticks_the_simulator(qtbot):
    from simulator.ui.window import SimulatorWindow

    sim = FakeSim()
    ticks = []
    sim.tick = lambda: ticks.append(1)
    win = SimulatorWindow(sim)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=1000)
    win.close()
