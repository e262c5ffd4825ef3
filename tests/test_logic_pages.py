from __future__ import annotations

from test_logic_helpers import Harness

APP = "App({onLaunch(o){console.log('launch', o.path, o.scene)}, onShow(o){console.log('appShow', o.path)}})"
PAGE = """Page({
  data: {list: [], user: {name: 'a'}},
  onLoad(q) { console.log('onLoad', q.id, this.route, this.options.id) },
  onShow() { console.log('onShow') },
  onReady() { console.log('onReady') },
  onHide() { console.log('onHide') },
  onUnload() { console.log('onUnload') },
  add() {
    this.setData({'list[1].name': 'z', 'user.age': 3}, () => console.log('applied', this.data.list.length))
    console.log('sync', JSON.stringify(this.data.list), this.data.user.age)
  },
})
"""


def boot(tmp_path):
    h = Harness(tmp_path, {"app.js": APP, "pages/a/a.js": PAGE, "pages/b/b.js": "Page({})"})
    h.life("appLaunch", options={"path": "pages/a/a", "query": {}, "scene": 1001})
    return h


def test_app_launch_then_show_and_getapp(tmp_path):
    h = boot(tmp_path)
    assert h.logs() == [["launch", "pages/a/a", 1001], ["appShow", "pages/a/a"]]
    assert h.host.evaluate("typeof getApp().onLaunch") == "function"


def test_getapp_before_app_is_undefined_unless_allow_default(tmp_path):
    h = Harness(tmp_path, {"app.js": "console.log(typeof getApp()); getApp({allowDefault: true}).x = 1;"
                                     "App({y: 2}); console.log(getApp().x, getApp().y)"})
    assert h.logs() == [["undefined"], [1, 2]]


def test_page_lifecycle_order_and_messages(tmp_path):
    h = boot(tmp_path)
    h.msgs.clear()
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={"id": "7"})
    h.life("pageShow", pageId="p1")
    h.life("pageReady", pageId="p1")
    assert h.logs() == [["onLoad", "7", "pages/a/a", "7"], ["onShow"], ["onReady"]]
    assert h.msgs[0]["kind"] == "instanceInit"
    assert h.msgs[0]["payload"] == {"instanceId": "p1", "data": {"list": [], "user": {"name": "a"}},
                                     "options": {}}


def test_get_current_pages_follows_load_and_unload(tmp_path):
    h = boot(tmp_path)
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    h.life("pageLoad", pageId="p2", route="pages/b/b", query={})
    assert h.host.evaluate("getCurrentPages().map(p => p.route)") == ["pages/a/a", "pages/b/b"]
    h.life("pageUnload", pageId="p2")
    assert h.host.evaluate("getCurrentPages().map(p => p.route)") == ["pages/a/a"]
    assert [s["route"] for s in h.host.page_stack()] == ["pages/a/a"]


def test_set_data_paths_sync_data_and_callback_after_applied(tmp_path):
    h = boot(tmp_path)
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    h.msgs.clear()
    h.send("event", instanceId="p1", handler="add", event={"type": "tap"})
    assert h.logs() == [["sync", '[null,{"name":"z"}]', 3]]
    (sd,) = h.kinds("setData")
    assert sd["changes"] == [[["list", 1, "name"], "z"], [["user", "age"], 3]]
    assert isinstance(sd["callback"], int)
    h.send("setDataApplied", instanceId="p1", callbacks=[sd["callback"]])
    assert h.logs()[-1] == ["applied", 2]
    assert h.host.instance_data("p1")["list"] == [None, {"name": "z"}]


def test_page_data_is_copied_per_instance(tmp_path):
    h = boot(tmp_path)
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    h.send("event", instanceId="p1", handler="add", event={})
    h.life("pageLoad", pageId="p2", route="pages/a/a", query={})
    assert h.host.instance_data("p2")["list"] == []


def test_setdata_undefined_warns_and_bad_path_warns(tmp_path):
    h = boot(tmp_path)
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    h.host.evaluate("getCurrentPages()[0].setData({x: undefined, 'a..b': 1})")
    msgs = [d.message for d in h.diags if d.severity == "warning"]
    assert 'Setting data field "x" to undefined is invalid.' in msgs
    assert any("invalid data path" in m for m in msgs)


def test_missing_handler_warns(tmp_path):
    h = boot(tmp_path)
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    h.send("event", instanceId="p1", handler="nope", event={"type": "tap"})
    assert any('does not have a method "nope"' in d.message for d in h.diags)


def test_unregistered_page_reports(tmp_path):
    h = Harness(tmp_path, {"pages/x/x.js": "var a = 1"})
    h.life("pageLoad", pageId="p1", route="pages/x/x", query={})
    assert any('has not been registered' in d.message for d in h.diags)
