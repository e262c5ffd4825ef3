from __future__ import annotations

from test_logic_helpers import Harness

CARD = """
const log = (...a) => console.log(...a)
Component({
  properties: {
    s: String, n: {type: Number, value: 5}, b: Boolean, arr: Array, obj: Object,
    title: {type: String, value: 'dflt', observer(nv, ov) { log('title', nv, ov) }},
  },
  data: {inner: {x: 1, y: 2}, list: [1, 2]},
  created() { log('top-created') },
  lifetimes: {
    created() { log('created', this.data.title) },
    attached() { log('attached', this.data.title) },
    ready() { log('ready') },
    detached() { log('detached') },
  },
  pageLifetimes: { show() { log('pageShow') } },
  observers: {
    'inner': function (v) { log('obs inner', JSON.stringify(v)) },
    'inner.**': function (v) { log('obs inner.**') },
    's, n': function (s, n) { log('obs s,n', s, n) },
    'list[0]': function (v) { log('obs list0', v) },
  },
  methods: {
    fire() { this.triggerEvent('change', {v: 1}) },
    fire2() { this.triggerEvent('x', null, {bubbles: true, composed: true}) },
  },
})
"""


def attach(h, props, cid="c1"):
    """What the view posts for a component: the instance, then its hooks once it has rendered."""
    h.life("componentAttach", id=cid, path="components/card/card", pageId="p1", ownerId="p1", props=props)
    h.life("componentsCreated", created=[cid], attached=[cid])


def boot(tmp_path):
    h = Harness(tmp_path, {"components/card/card.js": CARD,
                           "pages/a/a.js": "Page({onShow(){console.log('page onShow')}})"})
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    return h


def test_property_defaults_and_coercion(tmp_path):
    h = boot(tmp_path)
    attach(h, {"s": 123, "n": "4.5", "b": {}})
    d = h.host.instance_data("c1")
    assert (d["s"], d["n"], d["b"], d["arr"], d["obj"]) == ("123", 4.5, True, [], None)
    attach(h, {}, "c2")
    d = h.host.instance_data("c2")
    assert (d["s"], d["n"], d["b"], d["title"]) == ("", 5, False, "dflt")


def test_lifetimes_win_observer_initial_and_order(tmp_path):
    h = boot(tmp_path)
    h.msgs.clear()
    attach(h, {"title": "T"})
    logs = h.logs()
    assert ["top-created"] not in logs
    assert logs[0] == ["created", "dflt"]
    assert ["title", "T", "dflt"] in logs
    assert logs[-1] == ["attached", "T"]
    kinds = [m["kind"] for m in h.msgs]
    assert kinds.index("instanceInit") < len(kinds) - 1
    init = h.kinds("instanceInit")[0]
    assert init["instanceId"] == "c1" and init["data"]["title"] == "T"


def test_observers_paths(tmp_path):
    h = boot(tmp_path)
    attach(h, {})
    h.msgs.clear()
    h.host.set_data("c1", {"inner.x": 5})
    assert h.logs() == [["obs inner.**"]]
    h.msgs.clear()
    h.host.set_data("c1", {"inner": {"x": 9}})
    assert ["obs inner", '{"x":9}'] in h.logs() and ["obs inner.**"] in h.logs()
    h.msgs.clear()
    h.host.set_data("c1", {"n": 2})
    assert h.logs() == [["obs s,n", "", 2]]
    h.msgs.clear()
    h.host.set_data("c1", {"list[0]": 7})
    assert h.logs() == [["obs list0", 7]]


def test_props_message_updates_and_posts_coerced(tmp_path):
    h = boot(tmp_path)
    attach(h, {})
    h.msgs.clear()
    h.send("props", id="c1", props={"title": 42})
    assert h.logs() == [["title", "42", "dflt"]]
    assert h.kinds("setData")[0]["changes"] == [[["title"], "42"]]


def test_trigger_event_defaults(tmp_path):
    h = boot(tmp_path)
    attach(h, {})
    h.send("event", instanceId="c1", handler="fire", event={})
    h.send("event", instanceId="c1", handler="fire2", event={})
    a, b = h.kinds("triggerEvent")
    assert a == {"instanceId": "c1", "name": "change", "detail": {"v": 1},
                 "options": {"bubbles": False, "composed": False, "capturePhase": False}}
    assert b["options"] == {"bubbles": True, "composed": True, "capturePhase": False}


def test_page_lifetimes_before_page_and_unload_detaches_children(tmp_path):
    h = boot(tmp_path)
    attach(h, {})
    h.msgs.clear()
    h.life("pageShow", pageId="p1")
    assert h.logs() == [["pageShow"], ["page onShow"]]
    h.life("componentReady", id="c1")
    h.life("pageUnload", pageId="p1")
    assert h.logs()[-2:] == [["ready"], ["detached"]]


def test_behaviors_merge_order_and_diamond(tmp_path):
    base = "module.exports = Behavior({data: {o: {a: 1, b: 1}, s: 'base'}, created() { console.log('base') }," \
           " methods: {who() { return 'base' }, shared() { return 'base' }}})"
    left = "const b = require('./base'); module.exports = Behavior({behaviors: [b], data: {o: {b: 2}}," \
           " created() { console.log('left') }})"
    right = "const b = require('./base'); module.exports = Behavior({behaviors: [b], data: {s: 'right'}," \
            " created() { console.log('right') }, methods: {shared() { return 'right' }}})"
    comp = "Component({behaviors: [require('../b/left'), require('../b/right')], data: {o: {c: 3}}," \
           " created() { console.log('own') }, methods: {who() { return 'own' }}})"
    h = Harness(tmp_path, {"b/base.js": base, "b/left.js": left, "b/right.js": right, "c/c.js": comp,
                           "pages/a/a.js": "Page({})"})
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    h.life("componentAttach", id="c1", path="c/c", pageId="p1", ownerId="p1", props={})
    h.life("componentsCreated", created=["c1"], attached=["c1"])
    assert h.logs() == [["base"], ["left"], ["right"], ["own"]]
    assert h.host.instance_data("c1")["o"] == {"a": 1, "b": 2, "c": 3}
    assert h.host.instance_data("c1")["s"] == "right"
    assert h.host.call_method("c1", "who") == "own"
    assert h.host.call_method("c1", "shared") == "right"


def test_component_page_gets_query_as_properties(tmp_path):
    page = "Component({properties: {a: String, n: Number}, methods: {onLoad(q) { console.log('load', this.data.a," \
           " this.data.n, q.a) }, onShow() { console.log('show') }}})"
    h = Harness(tmp_path, {"pages/c/c.js": page})
    h.life("pageLoad", pageId="p1", route="pages/c/c", query={"a": "abc", "n": "3"})
    h.life("pageShow", pageId="p1")
    assert h.logs() == [["load", "abc", 3, "abc"], ["show"]]
    assert h.host.evaluate("getCurrentPages()[0].route") == "pages/c/c"
