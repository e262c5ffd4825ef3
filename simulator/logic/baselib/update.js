// Base library: wx.getUpdateManager() returns the app's one UpdateManager. Its first use runs
// WeChat's update check (the `UpdateManager.checkForUpdate` invoke, answered by the simulated
// world); the answer fires onCheckForUpdate({hasUpdate}) and then, with an update,
// onUpdateReady() or onUpdateFailed(). applyUpdate() is the `UpdateManager.applyUpdate` invoke.
(function (W, g) {
  'use strict';
  var manager = null;

  function makeManager(hint) {
    var listeners = { CheckForUpdate: [], UpdateReady: [], UpdateFailed: [] };
    var m = {};
    function fire(ev, data) {
      listeners[ev].slice().forEach(function (fn) { W.guard(fn, m, [data], hint); });
    }
    Object.keys(listeners).forEach(function (ev) {
      m['on' + ev] = function (fn) { if (typeof fn === 'function') listeners[ev].push(fn); };
    });
    m.applyUpdate = function () { W.invokeWith('UpdateManager.applyUpdate', {}, function () {}, hint); };
    W.invokeWith('UpdateManager.checkForUpdate', {}, function (r) {
      if (!r || String(r.errMsg || '').indexOf(':fail') >= 0) return;
      fire('CheckForUpdate', { hasUpdate: !!r.hasUpdate });
      if (r.hasUpdate) fire(r.updateReady ? 'UpdateReady' : 'UpdateFailed', {});
    }, hint);
    return m;
  }

  var boot = W.bootWx;
  W.bootWx = function (names) {
    boot(names);
    if (names.indexOf('getUpdateManager') < 0) return;
    g.wx.getUpdateManager = function () {
      W.invokeSync('getUpdateManager', {});
      if (!manager) manager = makeManager(W.currentFile());
      return manager;
    };
  };
})(__wxsim, globalThis);
