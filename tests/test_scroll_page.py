"""Page scrolling and scroll-view: onPageScroll, onReachBottom, bindscroll, thresholds, hit testing."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402

from scroll_project import write_project  # noqa: E402
from simulator.runtime import Simulator  # noqa: E402
from renderer.layout.text import ApproxMeasurer  # noqa: E402


@pytest.fixture
def sim(tmp_path):
    write_project(tmp_path / "proj")
    s = Simulator(tmp_path / "proj", storage_dir=tmp_path / "storage", measurer=ApproxMeasurer())
    yield s
    s.close()


def data(sim, key):
    view = sim.current_view()
    return sim.logic.instance_data(view.page_id)[key]


def start(sim, url=None):
    sim.start(url)
    sim.wait_idle()
    return sim.current_view()


def test_page_scroll_posts_onpagescroll_and_clamps(sim):
    view = start(sim)
    assert view.visible_height == pytest.approx(sim.page_area_height())
    view.scroll_to(120)
    sim.wait_idle()
    assert data(sim, "scrolls") == [120]
    limit = view.content_height() - view.visible_height
    view.scroll_top = 10_000  # automation assigns the attribute
    sim.wait_idle()
    assert view.scroll_top == pytest.approx(limit)
    assert data(sim, "scrolls")[-1] == pytest.approx(limit)
    kinds = [m["payload"].get("event") for m in sim.bridge.recorder.export() if m["kind"] == "lifecycle"]
    assert "pageScroll" in kinds


def test_on_reach_bottom_fires_once_per_arrival(sim):
    view = start(sim)
    bottom = view.content_height() - view.visible_height
    view.scroll_to(bottom - 100)  # 100 px away: not yet within 50 px
    sim.wait_idle()
    assert data(sim, "bottoms") == 0
    view.scroll_to(bottom - 40)
    sim.wait_idle()
    assert data(sim, "bottoms") == 1
    view.scroll_to(bottom)  # still in the zone: no second call
    sim.wait_idle()
    assert data(sim, "bottoms") == 1
    view.scroll_to(0)
    view.scroll_to(bottom)  # left and came back
    sim.wait_idle()
    assert data(sim, "bottoms") == 2


def test_reach_bottom_distance_from_page_config(tmp_path):
    root = write_project(tmp_path / "proj")
    (root / "pages/index/index.json").write_text('{"onReachBottomDistance": 300}')
    s = Simulator(root, storage_dir=tmp_path / "st", measurer=ApproxMeasurer())
    view = start(s)
    bottom = view.content_height() - view.visible_height
    view.scroll_to(bottom - 250)
    s.wait_idle()
    assert s.logic.instance_data(view.page_id)["bottoms"] == 1
    s.close()


def scroll_view(sim):
    view = start(sim, "pages/list/list")
    node = next(n for n in view.elements() if n.tag == "scroll-view")
    return view, node


def test_scroll_view_offsets_hit_testing(sim):
    view, sv = scroll_view(sim)
    box = sv.box
    x, y = box.x + 10, box.y + 10
    assert view.hit_test(x, y).attrs.get("data-i") == 0
    view.scroll_view_to(sv, top=120)
    sim.wait_idle()
    hit = view.hit_test(x, y)
    assert hit.attrs.get("data-i") == 2  # 120 px down: item 2 (100..150) is under the finger
    view.tap(x, y)
    sim.wait_idle()
    assert data(sim, "tapped") == 2
    below = view.hit_test(x, box.y + box.height + 10)
    assert below.id == "after"  # content scrolled out of the box is clipped, not hit


def test_bindscroll_detail(sim):
    view, sv = scroll_view(sim)
    view.scroll_view_to(sv, top=60)
    sim.wait_idle()
    last = data(sim, "last")
    assert last["scrollTop"] == 60 and last["scrollLeft"] == 0
    assert last["scrollHeight"] == pytest.approx(500)
    assert last["deltaY"] == -60 and last["deltaX"] == 0
    assert last["scrollWidth"] == pytest.approx(sv.box.width)
    view.scroll_view_to(sv, top=9999)  # clamped to scrollHeight - height
    sim.wait_idle()
    assert data(sim, "last")["scrollTop"] == pytest.approx(300)


def test_scrolltolower_and_upper_with_thresholds(sim):
    view, sv = scroll_view(sim)
    view.scroll_view_to(sv, top=260)  # 40 px from the end: outside lower-threshold="30"
    sim.wait_idle()
    assert data(sim, "lower") == []
    view.scroll_view_to(sv, top=280)
    sim.wait_idle()
    assert data(sim, "lower") == ["bottom"]
    view.scroll_view_to(sv, top=300)
    sim.wait_idle()
    assert data(sim, "lower") == ["bottom"]  # once per arrival
    view.scroll_view_to(sv, top=40)  # back within the default upper-threshold of 50
    sim.wait_idle()
    assert data(sim, "upper") == ["top"]
    view.scroll_view_to(sv, top=300)
    sim.wait_idle()
    assert data(sim, "lower") == ["bottom", "bottom"]


def test_scroll_view_without_scroll_y_does_not_scroll(tmp_path):
    root = write_project(tmp_path / "proj")
    wxml = (root / "pages/list/list.wxml").read_text().replace("scroll-y ", "")
    (root / "pages/list/list.wxml").write_text(wxml)
    s = Simulator(root, storage_dir=tmp_path / "st", measurer=ApproxMeasurer())
    view, sv = scroll_view(s)
    view.scroll_view_to(sv, top=100)
    assert sv.state.get("scrollTop", 0) == 0
    s.close()


def test_scroll_top_and_into_view_attributes(tmp_path):
    root = write_project(tmp_path / "proj")
    wxml = (root / "pages/list/list.wxml").read_text().replace(
        'id="sv"', 'id="sv" scroll-top="{{st}}" scroll-into-view="{{iv}}"')
    (root / "pages/list/list.wxml").write_text(wxml)
    js = (root / "pages/list/list.js").read_text().replace("last: null", "last: null, st: 75, iv: ''")
    (root / "pages/list/list.js").write_text(js)
    s = Simulator(root, storage_dir=tmp_path / "st", measurer=ApproxMeasurer())
    view, sv = scroll_view(s)
    assert sv.state["scrollTop"] == 75
    s.logic.set_data(view.page_id, {"iv": "item4"})
    s.wait_idle()
    assert sv.state["scrollTop"] == 200
    s.close()
