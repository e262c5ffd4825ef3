"""The devtool docks in the simulator window, offscreen: Bridge, Console, AppData, WXML, Storage."""

from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from simulator.runtime import Simulator  # noqa: E402
from simulator.ui.panels.bridge_panel import TrafficModel  # noqa: E402
from simulator.ui.window import SimulatorWindow  # noqa: E402
from tests.conftest import SHOP_DIR  # noqa: E402


@pytest.fixture
def win(qtbot, tmp_path):
    sim = Simulator(SHOP_DIR, storage_dir=tmp_path / "storage")
    sim.start()
    sim.wait_idle()
    w = SimulatorWindow(sim)
    qtbot.addWidget(w)
    w.timer.stop()  # the test drives the loop itself
    yield w
    w.close()
    sim.close()


def _table(panel):
    return [[TrafficModel.cell(r, c) for c in range(8)] for r in panel.model.rows]


def test_devtools_bridge_rows_and_oversize_flag(win, qtbot, tmp_path):
    sim, bridge = win.sim, win.devtools.bridge
    page_id = sim.current_view().page_id
    sim.logic.evaluate("getCurrentPages()[0].setData({note: 'hi'})")
    sim.logic.evaluate("getCurrentPages()[0].setData({blob: 'x'.repeat(300 * 1024)})")
    sim.wait_idle()
    qtbot.waitUntil(lambda: any(r.changed_paths == ["blob"] for r in bridge.model.rows), timeout=3000)
    rows = bridge.model.rows
    note = next(r for r in rows if r.changed_paths == ["note"])
    blob = next(r for r in rows if r.changed_paths == ["blob"])
    assert note.applied_ms is not None and not note.findings
    assert [f.rule for f in blob.findings] == ["setdata-size"]
    from PySide6.QtCore import Qt
    flagged = bridge.model.data(bridge.model.index(rows.index(blob), 0), Qt.ItemDataRole.BackgroundRole)
    assert flagged is not None and bridge.model.data(bridge.model.index(rows.index(note), 0),
                                                     Qt.ItemDataRole.BackgroundRole) is None
    bridge.set_filters(kind="setData", target=f"{page_id} pages/index/index")
    assert {r.kind for r in bridge.model.rows} == {"setData"}
    assert bridge.select_seq(note.seq)
    assert '"note"' in bridge.payload.toPlainText() and '"hi"' in bridge.payload.toPlainText()
    assert "@@ note" in bridge.diff.toPlainText() and "+ \"hi\"" in bridge.diff.toPlainText()
    assert any("setdata-size" in bridge.audits.item(i).text() for i in range(bridge.audits.count()))
    out = json.loads(open(bridge.export(str(tmp_path / "r.json")), encoding="utf-8").read())
    assert any(r.get("changedPaths") == ["blob"] for r in out["traffic"])
    assert any(f["rule"] == "setdata-size" and f["seq"] == blob.seq for f in out["findings"])
    html = open(bridge.export(str(tmp_path / "r.html")), encoding="utf-8").read()
    assert "setdata-size" in html and "<td>setData</td>" in html


def test_devtools_console_logs_and_repl(win, qtbot):
    console = win.devtools.console
    qtbot.waitUntil(lambda: console.list.count() > 0, timeout=3000)
    texts = [console.list.item(i).text() for i in range(console.list.count())]
    assert any("小店启动" in t for t in texts)
    win.sim.logic.evaluate("console.warn('low stock', {id: 3})")
    win.sim.wait_idle()
    qtbot.waitUntil(lambda: any("low stock" in console.list.item(i).text() for i in range(console.list.count())),
                    timeout=3000)
    warn = next(console.list.item(i) for i in range(console.list.count()) if "low stock" in console.list.item(i).text())
    assert '{"id": 3}' in warn.text() and warn.foreground().color().name() == "#8f5a00"
    console.input.setText("getCurrentPages().length")
    console.run_input()
    last = console.list.item(console.list.count() - 1)
    assert last.text().strip() == "← 1"
    console.input.setText("getApp().nothing.here")
    console.run_input()
    assert "TypeError" in console.list.item(console.list.count() - 1).text()


def test_devtools_console_error_location_copies(win, qtbot):
    from PySide6.QtGui import QGuiApplication

    win.sim.logic.evaluate("setTimeout(function () { null.boom }, 0)")
    win.sim.wait_idle()
    console = win.devtools.console
    qtbot.waitUntil(lambda: any(console.list.item(i).text().startswith("✖")
                                for i in range(console.list.count())), timeout=3000)
    item = next(console.list.item(i) for i in range(console.list.count())
                if console.list.item(i).text().startswith("✖"))
    entry = item.data(256)
    console.copy_location(item)
    if entry.location:
        assert QGuiApplication.clipboard().text() == entry.location


def test_devtools_appdata_edit_rerenders_page(win, qtbot):
    sim, panel = win.sim, win.devtools.appdata
    panel.refresh()
    page_id = sim.current_view().page_id
    item = panel.find_item(page_id, ("list", 0, "name"))
    assert item is not None and item.text(1) == json.dumps("云南小粒咖啡豆", ensure_ascii=False)
    item.setText(1, '"Edited beans"')  # what typing into the editor does
    sim.wait_idle()
    assert sim.logic.instance_data(page_id)["list"][0]["name"] == "Edited beans"
    texts = [n.text for n in sim.current_view().root.walk() if n.text]
    assert "Edited beans" in texts
    qtbot.waitUntil(lambda: (panel.find_item(page_id, ("list", 0, "name")) or item).text(1) == '"Edited beans"',
                    timeout=3000)


def test_devtools_wxml_selection_box_and_rules(win, qtbot):
    panel = win.devtools.wxml
    win.devtools.show("WXML")
    panel.refresh()
    view = win.sim.current_view()
    node = next(n for n in view.root.walk() if "goods-main" in n.classes)
    assert panel.select_node(node)
    details = panel.last_details
    assert details["box"]["width"] == pytest.approx(node.box.width) and details["box"]["width"] > 0
    locs = [r.location for r in details["rules"]]
    assert any(loc.startswith("pages/index/index.wxss:") for loc in locs)
    assert "display" in details["style"]
    rect = panel.highlight.rect_on_screen()
    x, y, _w, _h = win.screen_widget.geo.page
    assert rect.left() == pytest.approx(x + node.box.x) and rect.width() == pytest.approx(node.box.width)
    assert "pages/index/index.wxss:" in panel.details.toPlainText()


def test_devtools_storage_edit_reaches_getstoragesync(win, qtbot):
    panel = win.devtools.storage
    panel.add_entry()
    row = panel._keys.index("key1")
    panel.table.item(row, 0).setText("token")
    row = panel._keys.index("token")
    panel.table.item(row, 1).setText('{"v": 2}')
    assert win.sim.logic.evaluate("wx.getStorageSync('token')") == {"v": 2}
    panel.table.selectRow(panel._keys.index("token"))
    panel.delete_selected()
    assert win.sim.logic.evaluate("wx.getStorageSync('token')") == ""
    win.sim.logic.evaluate("wx.setStorageSync('fromApp', 7)")
    win.sim.wait_idle()
    qtbot.waitUntil(lambda: "fromApp" in panel._keys, timeout=3000)
