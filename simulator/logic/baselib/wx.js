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

  function invokeAsync(name, opts, id) {
    opts = opts && typeof opts === 'object' ? opts : {};
    id = id || nextCallId++;
    var usePromise = !['success', 'fail', 'complete'].some(function (k) { return typeof opts[k] === 'function'; });
    var call = { name: name, opts: opts, hint: W.currentFile() };
    pending[id] = call;
    var promise = usePromise ? new Promise(function (res, rej) { call.resolve = res; call.reject = rej; }) : undefined;
    W.post('invoke', 'logic→host', null, { name: name, args: plainArgs(opts), callId: id, sync: false });
    return promise;
  }

  // An invoke answered to a function of the base library (SelectorQuery.exec, task methods…):
  // `done(result)` runs on the callback; returns the call id.
  W.invokeWith = function (name, args, done, hint) {
    var id = nextCallId++;
    pending[id] = { name: name, opts: {}, hint: hint || W.currentFile(), done: done };
    W.post('invoke', 'logic→host', null, { name: name, args: args, callId: id, sync: false });
    return id;
  };
  W.invokeSync = function (name, obj) { return invokeSync(name, [obj]); };
  W.nextTaskId = function () { return nextCallId++; };
  // The callbacks of a call made with user options (success/fail/complete or a Promise).
  W.invokeAsync = function (name, opts, id) { return invokeAsync(name, opts, id); };

  // Task objects (RequestTask, SocketTask, IntersectionObserver…) get host events by id.
  W.tasks = {};
  W.emitTaskEvent = function (id, event, data) {
    var t = W.tasks[id];
    if (t && typeof t.__event === 'function') t.__event(event, data);
  };

  W.resolveCall = function (id, result) {
    var call = pending[id];
    if (!call) { W.warn('callback for unknown wx call ' + id); return; }
    delete pending[id];
    if (call.done) { W.guard(call.done, null, [result], call.hint); return; }
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

  // Event APIs: wx.onX(fn) / wx.offX(fn) keep listeners here (also announced to the host as an
  // invoke, for the traffic log); the host fires them with a `wxEvent` message.
  var LISTENER_API = /^(on|off)[A-Z]/;
  var listeners = {};

  function listenerApi(name) {
    var on = name.indexOf('on') === 0, key = name.replace(/^(on|off)/, '');
    return function (fn) {
      var list = listeners[key] || (listeners[key] = []);
      if (on && typeof fn === 'function' && list.indexOf(fn) < 0) list.push(fn);
      if (!on && typeof fn === 'function' && list.indexOf(fn) >= 0) list.splice(list.indexOf(fn), 1);
      if (!on && typeof fn !== 'function') list.length = 0;
      var id = nextCallId++;
      pending[id] = { name: name, opts: {}, hint: W.currentFile() };
      W.post('invoke', 'logic→host', null, { name: name, args: {}, callId: id, sync: false });
    };
  }

  W.emitWxEvent = function (name, data) {
    var list = listeners[String(name).replace(/^on/, '')] || [];
    list.slice().forEach(function (fn) { W.guard(fn, null, [data], W.appFile); });
  };

  W.bootWx = function (names) {
    names.forEach(function (name) {
      if (name === 'nextTick' || name === 'env') return;
      if (LISTENER_API.test(name)) { wx[name] = listenerApi(name); return; }
      wx[name] = W.isSyncApi(name)
        ? function () { return invokeSync(name, Array.prototype.slice.call(arguments)); }
        : function (opts) { return invokeAsync(name, opts); };
    });
  };
  // Function mocks (the automation API's mock_wx_method(name, fn=...)): the function gets the
  // call's arguments and its (possibly promised) return value is the answer. The call is
  // recorded on the bridge as an `invoke` answered by the mock, never run by the host.
  var mocked = {};

  function recordMocked(name, args, result, sync) {
    W.post('invoke', 'logic→host', null, { name: name, args: args, sync: sync, result: result, mockedBy: 'function' });
  }

  function settle(name, opts, result) {
    result = result && typeof result === 'object' ? result : {};
    if (!result.errMsg) result.errMsg = name + ':ok';
    var failed = String(result.errMsg).indexOf(':fail') >= 0;
    if (failed && typeof opts.fail === 'function') opts.fail(result);
    if (!failed && typeof opts.success === 'function') opts.success(result);
    if (typeof opts.complete === 'function') opts.complete(result);
    if (failed) throw result;
    return result;
  }

  W.mockWithFunction = function (name, source) {
    var fn = (0, eval)('(' + source + '\n)');
    if (typeof fn !== 'function') throw new TypeError('the mock for wx.' + name + ' is not a function');
    if (!Object.prototype.hasOwnProperty.call(mocked, name)) mocked[name] = wx[name];
    if (W.isSyncApi(name)) {
      wx[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var value = fn.apply(null, args);
        recordMocked(name, syncArgs(name, args), value === undefined ? null : value, true);
        return value;
      };
      return;
    }
    wx[name] = function (opts) {
      opts = opts && typeof opts === 'object' ? opts : {};
      var usePromise = !['success', 'fail', 'complete'].some(function (k) { return typeof opts[k] === 'function'; });
      var answer = Promise.resolve().then(function () { return fn.call(null, opts); }).then(function (result) {
        recordMocked(name, plainArgs(opts), result === undefined ? null : result, false);
        return settle(name, opts, result);
      });
      if (usePromise) return answer;
      answer.catch(function () {});
    };
  };

  W.restoreMock = function (name) {
    if (Object.prototype.hasOwnProperty.call(mocked, name)) {
      wx[name] = mocked[name];
      delete mocked[name];
    }
  };

  g.wx = wx;
})(__wxsim, globalThis);
