// Base library, part 1: the namespace, host calls, modules, console, timers and error routing.
// Host functions (added by simulator/logic/host.py): __wxsim_post(json), __wxsim_sync(name, json),
// __wxsim_now(), __wxsim_load(fromRel, spec), __wxsim_error(json), __wxsim_warn(json).
var __wxsim = (function (g) {
  'use strict';
  var W = { modules: {}, factories: {}, loading: [] };

  W.post = function (kind, direction, target, payload) {
    __wxsim_post(JSON.stringify({ kind: kind, direction: direction, target: target, payload: payload }));
  };

  // An uncaught exception in user code: the host maps the stack to user files and reports it.
  W.reportError = function (err, hint) {
    var message = err instanceof Error ? String(err) : 'Uncaught ' + W.describe(err);
    var stack = err instanceof Error && err.stack ? String(err.stack) : '';
    if (!(err && err.__wxReported)) {
      __wxsim_error(JSON.stringify({ message: message, stack: stack, hint: hint || W.currentFile() || null,
                                     interrupted: !!(err && err.__wxInterrupted) }));
    }
    if (W.onAppError) W.onAppError(message + (stack ? '\n' + stack : ''));
  };

  // Runaway protection (see simulator/logic/loopguard.py): loop conditions call __wxtick().
  // The guard keeps wall-clock time even when a replay fixes Date (baselib/determinism.js).
  // The interruption is reported where it happens, once per entry: a try/catch around the loop
  // may swallow the error, and the program then goes on, but the developer still hears of it.
  var realNow = Date.now;
  var deadline = Infinity;
  var ticks = 0;
  var reported = false;
  W.limitMs = 5000;
  W.arm = function () { deadline = realNow() + W.limitMs; ticks = 0; reported = false; };
  g.__wxtick = function () {
    if ((++ticks & 1023) !== 0) return true;
    if (realNow() <= deadline) return true;
    ticks = 1023;
    var e = new Error('script ran longer than ' + W.limitMs / 1000 + ' s and was interrupted');
    Object.defineProperty(e, '__wxInterrupted', { value: true });
    if (!reported) {  // to the host now; App.onError hears of it only if nobody catches it
      reported = true;
      __wxsim_error(JSON.stringify({ message: String(e), stack: String(e.stack || ''),
                                     hint: W.currentFile() || null, interrupted: true }));
    }
    Object.defineProperty(e, '__wxReported', { value: true });
    throw e;
  };

  W.warn = function (message, hint) {
    __wxsim_warn(JSON.stringify({ message: message, hint: hint || W.currentFile() || null }));
  };

  // Run one user callback; an exception is reported and does not stop the caller.
  W.guard = function (fn, self, args, hint) {
    try {
      var r = fn.apply(self, args || []);
      if (r && typeof r.then === 'function') {
        r.then(undefined, function (e) { W.reportError(e, hint); });
      }
      return r;
    } catch (e) {
      W.reportError(e, hint);
      return undefined;
    }
  };

  W.currentFile = function () {
    return W.loading.length ? W.loading[W.loading.length - 1] : null;
  };

  // Clear transient state after the host interrupted a runaway script.
  W.recover = function () { W.loading.length = 0; };

  // ---- modules (CommonJS) ----
  W.define = function (path, factory) { W.factories[path] = factory; };

  W.require = function (fromRel, spec) {
    if (typeof spec !== 'string') throw new TypeError('require: module name must be a string');
    var r = JSON.parse(__wxsim_load(fromRel, spec));
    if (r.error) {
      var err = new Error(r.error);
      if (r.reported) Object.defineProperty(err, '__wxReported', { value: true });
      throw err;
    }
    var cached = W.modules[r.path];
    if (cached) return cached.exports;
    if (r.kind === 'json') { W.modules[r.path] = { exports: r.value, loaded: true }; return r.value; }
    var module = { id: r.path, exports: {}, loaded: false };
    W.modules[r.path] = module;
    W.loading.push(r.path);
    try {
      W.factories[r.path].call(module.exports, module, module.exports, W.makeRequire(r.path), W.esm);
    } catch (e) {
      delete W.modules[r.path];
      throw e;
    } finally {
      W.loading.pop();
    }
    module.loaded = true;
    return module.exports;
  };

  W.makeRequire = function (fromRel) {
    var req = function (spec) { return W.require(fromRel, spec); };
    req.async = function (spec) {
      return new Promise(function (resolve) { resolve(W.require(fromRel, spec)); });
    };
    return req;
  };

  // Helpers that the ES-module translation (simulator/logic/esm.py) calls.
  W.esm = {
    def: function (exports, name, get) {
      Object.defineProperty(exports, name, { enumerable: true, configurable: true, get: get });
    },
    mark: function (exports) { Object.defineProperty(exports, '__esModule', { value: true }); },
    dflt: function (m) { return m && m.__esModule ? m['default'] : m; },
    ns: function (m) {
      if (m && m.__esModule) return m;
      var ns = { 'default': m };
      if (m && typeof m === 'object') for (var k in m) if (k !== 'default') ns[k] = m[k];
      return ns;
    },
    star: function (m, exports) {
      if (!m) return;
      Object.keys(m).forEach(function (k) {
        if (k === 'default' || k === '__esModule' || Object.prototype.hasOwnProperty.call(exports, k)) return;
        W.esm.def(exports, k, function () { return m[k]; });
      });
    },
    dyn: function (req, spec) {
      return new Promise(function (resolve) { resolve(W.esm.ns(req(spec))); });
    },
  };

  // ---- console ----
  W.describe = function (v) {
    try { return typeof v === 'string' ? v : JSON.stringify(W.preview(v, 2)); } catch (e) { return String(v); }
  };

  // A JSON-safe preview of any value, for the console panel.
  W.preview = function (v, depth, seen) {
    seen = seen || [];
    var t = typeof v;
    if (v === null || t === 'boolean' || t === 'string') return v;
    if (t === 'number') return isFinite(v) ? v : String(v);
    if (t === 'undefined') return 'undefined';
    if (t === 'function') return '[Function ' + (v.name || 'anonymous') + ']';
    if (t !== 'object') return String(v);
    if (v instanceof Error) return String(v) + (v.stack ? '\n' + v.stack : '');
    if (seen.indexOf(v) >= 0) return '[Circular]';
    if (depth <= 0) return Array.isArray(v) ? '[Array(' + v.length + ')]' : '[Object]';
    seen.push(v);
    var out;
    if (Array.isArray(v)) {
      out = v.slice(0, 100).map(function (x) { return W.preview(x, depth - 1, seen); });
      if (v.length > 100) out.push('… ' + (v.length - 100) + ' more');
    } else {
      out = {};
      var keys = Object.keys(v);
      keys.slice(0, 100).forEach(function (k) { out[k] = W.preview(v[k], depth - 1, seen); });
    }
    seen.pop();
    return out;
  };

  function consoleMethod(level) {
    return function () {
      var args = [];
      for (var i = 0; i < arguments.length; i++) args.push(W.preview(arguments[i], 4));
      W.post('console', 'logic→host', null, { level: level, args: args });
    };
  }
  g.console = {};
  ['log', 'info', 'warn', 'error', 'debug', 'trace', 'group', 'groupEnd', 'table', 'dir'].forEach(function (l) {
    g.console[l] = consoleMethod(l);
  });

  // ---- timers ----
  var timers = {};
  var nextTimerId = 1;

  function addTimer(fn, ms, args, repeat) {
    if (typeof fn !== 'function') throw new TypeError('callback must be a function');
    var delay = Math.max(0, Number(ms) || 0);
    var id = nextTimerId++;
    timers[id] = { id: id, fn: fn, args: args, due: __wxsim_now() + delay, every: repeat ? Math.max(1, delay) : 0,
                   hint: W.currentFile() };
    return id;
  }
  g.setTimeout = function (fn, ms) { return addTimer(fn, ms, Array.prototype.slice.call(arguments, 2), false); };
  g.setInterval = function (fn, ms) { return addTimer(fn, ms, Array.prototype.slice.call(arguments, 2), true); };
  g.clearTimeout = g.clearInterval = function (id) { delete timers[id]; };

  // Run every timer due at `now` (in due order); intervals come back no earlier than the next call.
  W.runDueTimers = function (now) {
    var due = Object.keys(timers).map(function (k) { return timers[k]; })
      .filter(function (t) { return t.due <= now; })
      .sort(function (a, b) { return a.due - b.due || a.id - b.id; });
    due.forEach(function (t) {
      if (timers[t.id] !== t) return;
      if (t.every) t.due = Math.max(t.due + t.every, now + 1); else delete timers[t.id];
      W.guard(t.fn, undefined, t.args, t.hint);
    });
  };

  W.nextTimer = function () {
    var best = null;
    for (var k in timers) if (best === null || timers[k].due < best) best = timers[k].due;
    return best;
  };

  return W;
})(globalThis);
