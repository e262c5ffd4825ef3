// Base library, last part: the one function the host calls. User errors are caught and
// reported inside; only interrupts (uncatchable) reach the host as exceptions.
(function (W, g) {
  'use strict';
  var box = null;
  var ops = {
    boot: function (a) { W.limitMs = a.limitMs; W.bootWx(a.names || []); },
    requireMain: function (a) { W.require('', '/' + a.path); },
    deliver: function (a) { W.deliver(a.kind, a.payload || {}); },
    timers: function (a) { W.runDueTimers(a.now); },
    nextTimer: function () { return W.nextTimer(); },
    recover: function () { W.recover(); },
    data: function (a) { return W.instanceData(a.id); },
    pageStack: function () {
      return W.pageStack.map(function (p) { return { pageId: p.__wx.id, route: p.route, query: p.options }; });
    },
    callMethod: function (a) { return W.settle(W.callMethod(a.id, a.name, a.args)); },
    setData: function (a) { var i = W.instances[a.id]; if (i) i.setData(a.data); },
    settled: function () { return box; },
  };

  // A result that may be a Promise: kept in `box` until the host has drained the jobs.
  W.settle = function (v) {
    box = { done: true, value: v };
    if (v && typeof v.then === 'function') {
      box = { done: false };
      v.then(function (r) { box = { done: true, value: r }; },
             function (e) { box = { done: true, error: String(e) + (e && e.stack ? '\n' + e.stack : '') }; });
    }
    return null;
  };

  g.__wxsim_entry = function (op, json) {
    var a = json ? JSON.parse(json) : {};
    if (op !== 'settled') W.arm();
    try {
      var r = ops[op](a);
      return r === undefined ? 'null' : JSON.stringify(r);
    } catch (e) {
      W.reportError(e, a.hint);
      return 'null';
    }
  };
})(__wxsim, globalThis);
