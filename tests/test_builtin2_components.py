"""swiper, picker, picker-view and rich-text driven through the automation API."""

from __future__ import annotations

import pytest

from builtin2_project import write_project
from renderer.view import rich_text
from renderer.view.scroll import offsets
from simulator.automation import launch
from simulator.clock import VirtualClock
from simulator.runtime import Simulator


@pytest.fixture()
def page(tmp_path):
    mp = launch(write_project(tmp_path), storage=tmp_path / "st")
    yield mp.current_page()
    mp.close()


def _items(el):
    return [n for n in el.node.children if n.tag == "swiper-item"]


def test_builtin2_no_unsupported_warnings(page):
    assert not [d for d in page.mp.diagnostics() if "swiper" in d.message or "picker" in d.message
                or "rich-text" in d.message]


def test_builtin2_swiper_items_side_by_side_and_swipe(page):
    sw = page.query("#sw")
    assert [(b.box.x, b.box.width) for b in _items(sw)] == [(0.0, 375.0), (375.0, 375.0), (750.0, 375.0)]
    sw.swipe("left")
    assert page.data("changes") == [{"current": 1, "currentItemId": "s1", "source": "touch"}]
    assert page.data("trans") > 0
    assert offsets(sw.node) == (375.0, 0.0)
    sw.swipe("left")
    sw.swipe("left")  # not circular: stays on the last item
    assert [c["current"] for c in page.data("changes")] == [1, 2]
    sw.swipe("right", fraction=0.1)  # too short a drag: settles back
    assert len(page.data("changes")) == 2
    sw.swipe("right")
    assert page.data("changes")[-1]["current"] == 1


def test_builtin2_swiper_tap_hits_the_shown_item(page):
    sw = page.query("#sw")
    page.set_data({"cur": 2})
    assert offsets(sw.node) == (750.0, 0.0)
    assert page.data("changes") == []  # a current set by data is no change event
    sw.tap()
    assert page.data("slideTaps") == [2]


def test_builtin2_swiper_margins_and_multiple_items(page):
    m = page.query("#multi")
    boxes = [(n.box.x, n.box.width) for n in _items(m)]
    assert boxes == [(10.0, 167.5), (177.5, 167.5), (345.0, 167.5)]  # (375 - 10 - 30) / 2


def test_builtin2_swiper_autoplay_on_the_clock(tmp_path):
    sim = Simulator(write_project(tmp_path), storage_dir=tmp_path / "st", clock=VirtualClock())
    sim.start()
    sim.wait_idle()
    sim.logic.set_data(sim.current_view().page_id, {"auto": True, "circ": True})
    sim.wait_idle()  # an autoplaying swiper does not keep the program busy
    sim.advance_clock(3100)
    data = sim.logic.instance_data(sim.current_view().page_id)
    assert [c["current"] for c in data["changes"]] == [1, 2, 0]
    assert {c["source"] for c in data["changes"]} == {"autoplay"}
    assert data["finishes"] == 2  # the third one finishes 500 ms after its change
    sim.close()


def test_builtin2_picker_modes(page):
    page.query("#sel").pick(2)
    page.query("#time").pick(None)
    page.query("#time").pick("20:15")  # after `end`: clamped
    page.query("#date").pick("2023-02-31")
    page.query("#region").pick(["广东省", "深圳市", "南山区"])
    assert page.data("picks") == [
        {"value": 2}, {"value": "09:30"}, {"value": "18:00"}, {"value": "2023-02-28"},
        {"value": ["广东省", "深圳市", "南山区"], "code": ["440000", "440300", "440305"], "postcode": "518052"}]
    assert page.data("fi") == 0  # the page decides what to do with the value
    page.set_data({"fields": "month"})
    page.query("#date").pick("2021-07-09")
    assert page.data("picks")[-1] == {"value": "2021-07"}


def test_builtin2_picker_sheet_cancel_columns_disabled(page):
    ui = page.mp.sim.ui
    page.query("#multi-p").tap()
    session = ui.picker
    assert session.columns() == [["a", "b"], ["x", "y", "z"]]
    ui.select_picker_column(1, 2)
    page.mp.wait_idle()
    assert page.data("cols") == [{"column": 1, "value": 2}]
    ui.answer_picker()
    page.mp.wait_idle()
    assert page.data("picks") == [{"value": [0, 2]}]
    page.query("#sel").tap()
    ui.answer_picker(confirm=False)
    page.mp.wait_idle()
    assert page.data("cancels") == 1 and ui.picker is None
    page.query("#off").tap()
    assert ui.picker is None


def test_builtin2_picker_view_rows_and_drag(page):
    pv = page.query("#pv")
    cols = [n for n in pv.node.children if n.tag == "picker-view-column"]
    assert [offsets(c) for c in cols] == [(0.0, 0.0), (0.0, -50.0)]  # 150 px tall, rows of 50: row 1 centred
    pv.pick([2, 1])
    assert page.data("pvs") == [[2, 1]]
    col = page.query("#pv").node.children
    first = next(n for n in col if n.tag == "picker-view-column")
    view = page.view
    box = first.box
    x, y = box.x + box.width / 2, box.y + box.height / 2
    view.touch_start(x, y)
    view.touch_move(x, y + 60)
    view.touch_move(x, y + 105)
    view.touch_end(x, y + 105)
    page.mp.wait_idle()
    assert page.data("pvs")[-1] == [0, 1]


def test_builtin2_rich_text_html_and_array(page):
    rt = page.query("#rt")
    wxml = rt.wxml()
    assert '<div class="box" style="color: red">' in wxml and "<b>bold</b>" in wxml
    assert "script" not in wxml and "x()" not in wxml and "onclick" not in wxml
    assert 'style="width: 20px; height: 10px"' in wxml
    bold = next(n for n in rt.node.walk() if n.tag == "b")
    assert bold.style.get("font-weight") in (700, "bold")
    para = next(n for n in page.query("#arr").node.walk() if n.tag == "p")
    assert para.attrs == {"class": "para"} and para.style.get("color")[:3] == (0, 0, 255)
    rt.tap()  # the tap lands on the rich-text itself, nothing inside takes it
    assert page.data("rich") == 1


def test_builtin2_rich_text_parsing():
    assert rich_text.vnodes("<p>a &amp; <i>b</i></p><h2>t</h2>") == [
        ["p", {}, ["a & ", ["i", {}, ["b"], None]], None], ["h2", {}, ["t"], None]]
    assert rich_text.vnodes([{"name": "marquee", "children": [{"type": "text", "text": "x"}]}]) == []
    assert rich_text.vnodes(None) == []
