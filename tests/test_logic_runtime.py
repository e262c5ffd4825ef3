from __future__ import annotations

import json

from test_logic_helpers import Harness

PAGE = "Page({})"


def test_require_cache_relative_absolute_json_and_npm(tmp_path):
    files = {
        "utils/a.js": "console.log('eval a'); exports.n = 1",
        "utils/conf.json": '{"k": [1, 2]}',
        "miniprogram_npm/lib/package.json": '{"main": "dist/main.js"}',
        "miniprogram_npm/lib/dist/main.js": "module.exports = function () { return 'lib' }",
        "pages/a/a.js": "const a1 = require('../../utils/a'); const a2 = require('/utils/a.js');"
                        "console.log(a1 === a2, require('../../utils/conf.json').k[1], require('lib')()); Page({})",
    }
    h = Harness(tmp_path, files)
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    assert h.logs() == [["eval a"], [True, 2, "lib"]]


def test_require_missing_module_is_reported_with_file_and_line(tmp_path):
    h = Harness(tmp_path, {"pages/a/a.js": "\nconst x = require('./nope')\nPage({})"})
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    err = h.errors()[0]
    assert (err.file, err.line) == ("pages/a/a.js", 2)
    assert 'module "./nope" is not defined' in err.message


def test_esm_modules_load(tmp_path):
    files = {
        "utils/m.js": "export const a = 1, {b} = {b: 2}\nexport default function hi() { return 'hi' }\n"
                      "export function f() { return a + b }",
        "utils/re.js": "export {default as hello, f} from './m'\nexport * from './m'",
        "pages/a/a.js": "import hi, {a as aa} from '../../utils/m'\nimport * as ns from '../../utils/re'\n"
                        "console.log(hi(), aa, ns.hello(), ns.f(), ns.b)\nPage({})",
    }
    h = Harness(tmp_path, files)
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    assert h.errors() == []
    assert h.logs() == [["hi", 1, "hi", 3, 2]]


def test_uncaught_error_names_file_line_and_calls_on_error(tmp_path):
    app = "App({onError(m) { console.log('onError', m.split('\\n')[0]) }})"
    page = "Page({\n  onTap() {\n    const o = null\n    return o.x\n  },\n})"
    h = Harness(tmp_path, {"app.js": app, "pages/a/a.js": page})
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    h.send("event", instanceId="p1", handler="onTap", event={})
    (err,) = h.errors()
    assert (err.file, err.line) == ("pages/a/a.js", 4)
    assert err.message.startswith("TypeError")
    payload = h.kinds("error")[0]
    assert "pages/a/a.js:4" in payload["stack"] and payload["line"] == 4
    assert h.logs()[-1][0] == "onError"


def test_syntax_error_reports_line(tmp_path):
    h = Harness(tmp_path, {"pages/a/a.js": "Page({\n  a: 1,\n  b: ,\n})"})
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    err = h.errors()[0]
    assert (err.file, err.line) == ("pages/a/a.js", 3) and "SyntaxError" in err.message


def test_infinite_loop_is_interrupted_and_host_stays_usable(tmp_path):
    page = "Page({\n  spin() {\n    let i = 0\n    while (true) { i++ }\n  },\n  ok() { console.log('ok') },\n})"
    h = Harness(tmp_path, {"pages/a/a.js": page}, time_limit_s=0.2)
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    h.send("event", instanceId="p1", handler="spin", event={})
    (err,) = h.errors()
    assert err.message == "script ran longer than 0.2 s and was interrupted (spin)"
    assert (err.file, err.line) == ("pages/a/a.js", 4)
    h.send("event", instanceId="p1", handler="ok", event={})
    assert h.logs()[-1] == ["ok"]
    assert h.host.evaluate("1 + 1") == 2


def test_interrupt_swallowed_by_a_catch_is_still_reported_once(tmp_path):
    page = ("Page({\n  spin() {\n    try { while (true) {} } catch (e) { console.log('caught') }\n"
            "    try { for (;;) {} } catch (e) { console.log('again') }\n  },\n})")
    h = Harness(tmp_path, {"pages/a/a.js": page}, time_limit_s=0.2)
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    h.send("event", instanceId="p1", handler="spin", event={})
    (err,) = h.errors()
    assert err.message == "script ran longer than 0.2 s and was interrupted (spin)"
    assert (err.file, err.line) == ("pages/a/a.js", 3)
    assert h.logs()[-2:] == [["caught"], ["again"]]


def test_endless_iterator_in_for_of_is_interrupted(tmp_path):
    page = ("const forever = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }) } } }\n"
            "Page({\n  spin() {\n    for (const x of forever) { }\n  },\n})")
    h = Harness(tmp_path, {"pages/a/a.js": page}, time_limit_s=0.2)
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    h.send("event", instanceId="p1", handler="spin", event={})
    (err,) = h.errors()
    assert "interrupted (spin)" in err.message and (err.file, err.line) == ("pages/a/a.js", 4)


def test_console_previews(tmp_path):
    h = Harness(tmp_path, {"app.js": "const o = {a: [1, undefined], f() {}}; o.self = o;"
                                     "console.warn('x', o, NaN, null); App({})"})
    (p,) = h.kinds("console")
    assert p["level"] == "warn"
    assert p["args"] == ["x", {"a": [1, "undefined"], "f": "[Function f]", "self": "[Circular]"}, "NaN", None]
    json.dumps(p)


def test_timers(tmp_path):
    app = ("setTimeout((a) => console.log('t1', a), 100, 'arg'); const k = setTimeout(() => console.log('no'), 50);"
           "clearTimeout(k); let n = 0; const iv = setInterval(() => { n++; console.log('iv', n);"
           " if (n === 2) clearInterval(iv) }, 30); App({})")
    h = Harness(tmp_path, {"app.js": app})
    assert h.host.next_timer_ms() == 1030
    h.host.run_due_timers(1030)
    h.host.run_due_timers(1060)
    h.host.run_due_timers(1200)
    assert h.logs() == [["iv", 1], ["iv", 2], ["t1", "arg"]]
    assert h.host.next_timer_ms() is None


def test_promises_drained_and_wx_next_tick(tmp_path):
    app = "Promise.resolve(1).then(v => console.log('then', v)); wx.nextTick(() => console.log('tick'));" \
          "(async () => { await null; console.log('async') })(); App({})"
    h = Harness(tmp_path, {"app.js": app})
    assert h.logs() == [["then", 1], ["tick"], ["async"]]


def test_async_handler_rejection_is_reported(tmp_path):
    page = "Page({\n  async go() {\n    await null\n    throw new Error('late')\n  },\n})"
    h = Harness(tmp_path, {"pages/a/a.js": page})
    h.life("pageLoad", pageId="p1", route="pages/a/a", query={})
    h.send("event", instanceId="p1", handler="go", event={})
    (err,) = h.errors()
    assert err.message == "Error: late" and err.file == "pages/a/a.js"


def test_wx_callbacks_and_promise_forms(tmp_path):
    app = """
wx.navigateTo({url: '/pages/b/b', success: r => console.log('ok', r.errMsg), fail: () => console.log('bad'),
               complete: () => console.log('complete')})
wx.request({url: 'x'}).then(r => console.log('then', r.data), e => console.log('catch', e.errMsg))
App({})
"""
    h = Harness(tmp_path, {"app.js": app})
    a, b = h.kinds("invoke")
    assert a == {"name": "navigateTo", "args": {"url": "/pages/b/b"}, "callId": a["callId"], "sync": False}
    assert b["name"] == "request"
    h.send("callback", callId=a["callId"], result={"errMsg": "navigateTo:ok"})
    h.send("callback", callId=b["callId"], result={"errMsg": "request:fail timeout"})
    assert h.logs() == [["ok", "navigateTo:ok"], ["complete"], ["catch", "request:fail timeout"]]


def test_wx_sync_apis(tmp_path):
    sync = {"getStorageSync": "v", "setStorageSync": {"errMsg": "setStorageSync:fail quota"}}
    app = "console.log(wx.getStorageSync('k')); try { wx.setStorageSync('a', 1) } catch (e) " \
          "{ console.log('threw', e.message) }; console.log(wx.env.USER_DATA_PATH); App({})"
    h = Harness(tmp_path, {"app.js": app}, sync=sync)
    assert h.sync_calls == [("getStorageSync", {"key": "k"}), ("setStorageSync", {"key": "a", "data": 1})]
    assert h.logs() == [["v"], ["threw", "setStorageSync:fail quota"], ["wxfile://usr"]]


def test_evaluate_expression_function_and_promise(tmp_path):
    h = Harness(tmp_path, {})
    assert h.host.evaluate("({a: [1, 2]})") == {"a": [1, 2]}
    assert h.host.evaluate("function () { return 5 }") == 5
    assert h.host.evaluate("async () => 7") == 7
    assert h.host.evaluate("[1, 2].map(x => x * 2)") == [2, 4]
