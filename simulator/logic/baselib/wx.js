// Base library, part 6: the `wx` object. Async APIs post `invoke` and settle on `callback`
// (success/fail/complete, or a Promise when no callback is given); sync APIs ask the host directly.
(function (W, g) {
  'use strict';
  var SYNC = ['canIUse', 'getMenuButtonBoundingClientRect', 'getWindowInfo', 'getDeviceInfo', 'getAppBaseInfo',
              'getSystemSetting', 'getAppAuthorizeSetting', 'getLaunchOptionsSync', 'getEnterOptionsSync',
              'getAccountInfoSync', 'reportAnalytics', 'reportEvent', 'reportMonitor'];
  // Positional arguments of the sync APIs that take them, by name.
  var SYNC_PARAMS = { getStorageSync: ['key'], setStorageSync: ['key', 'data'], removeStorageSync: ['key'],
                      canIUse: ['schema'], reportAnalytics: ['eventName', 'data'], reportEvent: ['eventId', 'data'],
                      reportMonitor: ['name', 'value'] };
  var pending = {};
  var nextCallId = 1;

  W.isSyncApi = function (name) { return /Sync$/.test(name) || SYNC.indexOf(name) >= 0; };

  function syncArgs(name, args) {
    var names = SYNC_PARAMS[name];
    if (!names) return args[0] && typeof args[0] === 'object' ? args[0] : {};
    var out = {};
    names.forEach(function (n, i) { if (i < args.length) out[n] = args[i]; });
    return out;
  }

  function invokeSync(name, args) {
    var r = JSON.parse(__wxsim_sync(name, JSON.stringify(syncArgs(name, args))));
    if (r.error) throw new Error(r.error);
    return r.value;
  }

  function plainArgs(opts) {
    var out = {};
    Object.keys(opts).forEach(function (k) { if (typeof opts[k] !== 'function') out[k] = opts[k]; });
    return out;
  }

  function invokeAsync(name, opts) {
    opts = opts && typeof opts === 'object' ? opts : {};
    var id = nextCallId++;
    var usePromise = !['success', 'fail', 'complete'].some(function (k) { return typeof opts[k] === 'function'; });
    var call = { name: name, opts: opts, hint: W.currentFile() };
    pending[id] = call;
    var promise = usePromise ? new Promise(function (res, rej) { call.resolve = res; call.reject = rej; }) : undefined;
    W.post('invoke', 'logic→host', null, { name: name, args: plainArgs(opts), callId: id, sync: false });
    return promise;
  }

  W.resolveCall = function (id, result) {
    var call = pending[id];
    if (!call) { W.warn('callback for unknown wx call ' + id); return; }
    delete pending[id];
    result = result && typeof result === 'object' ? result : { errMsg: call.name + ':ok' };
    if (!result.errMsg) result.errMsg = call.name + ':ok';
    var failed = String(result.errMsg).indexOf(':fail') >= 0;
    var o = call.opts;
    if (failed && typeof o.fail === 'function') W.guard(o.fail, o, [result], call.hint);
    if (!failed && typeof o.success === 'function') W.guard(o.success, o, [result], call.hint);
    if (typeof o.complete === 'function') W.guard(o.complete, o, [result], call.hint);
    if (failed && call.reject) call.reject(result);
    if (!failed && call.resolve) call.resolve(result);
  };

  var wx = { env: { USER_DATA_PATH: 'wxfile://usr' } };
  wx.nextTick = function (fn) {
    if (typeof fn !== 'function') throw new TypeError('wx.nextTick expects a function');
    Promise.resolve().then(function () { fn(); });
  };

  W.bootWx = function (names) {
    names.forEach(function (name) {
      if (name === 'nextTick' || name === 'env') return;
      wx[name] = W.isSyncApi(name)
        ? function () { return invokeSync(name, Array.prototype.slice.call(arguments)); }
        : function (opts) { return invokeAsync(name, opts); };
    });
  };
  g.wx = wx;
})(__wxsim, globalThis);
