// Base library, part 3: App/Page/Component/Behavior definitions, normalised once per file so
// instances can be made cheaply. Behaviors flatten depth-first, each once (diamonds included).
(function (W, g) {
  'use strict';
  var LIFETIMES = ['created', 'attached', 'ready', 'moved', 'detached', 'error'];
  var PAGE_LIFETIMES = ['show', 'hide', 'resize', 'routeDone'];
  W.pageDefs = {};       // route/path without .js -> {kind: 'page'|'component', def, file}
  W.app = undefined;
  W.appDefault = undefined;

  function isPlain(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }

  // Behavior data merges deeply: nested objects merge, everything else takes the later value.
  W.deepMerge = function (into, from) {
    Object.keys(from).forEach(function (k) {
      if (isPlain(into[k]) && isPlain(from[k])) W.deepMerge(into[k], from[k]);
      else into[k] = W.simpleClone(from[k]);
    });
    return into;
  };

  W.typeDefault = function (type) {
    if (type === String) return '';
    if (type === Number) return 0;
    if (type === Boolean) return false;
    if (type === Array) return [];
    return null;
  };

  function normProp(spec) {
    if (spec === null || typeof spec === 'function') spec = { type: spec };
    else if (typeof spec !== 'object') spec = { type: null, value: spec };
    var type = spec.type === undefined ? null : spec.type;
    return {
      type: type,
      optionalTypes: Array.isArray(spec.optionalTypes) ? spec.optionalTypes : [],
      hasValue: 'value' in spec,
      value: 'value' in spec ? spec.value : W.typeDefault(type),
      observer: spec.observer,
    };
  }

  function emptyNorm(file) {
    var n = { file: file, properties: {}, data: {}, methods: {}, lifetimes: {}, pageLifetimes: {},
              observers: [], behaviors: [], builtin: [], options: {}, exportFn: null, relations: {},
              externalClasses: [] };
    LIFETIMES.forEach(function (l) { n.lifetimes[l] = []; });
    PAGE_LIFETIMES.forEach(function (l) { n.pageLifetimes[l] = []; });
    return n;
  }

  // Flatten `behaviors` in definition order, each behavior once.
  function collectBehaviors(list, seen, out) {
    (list || []).forEach(function (b) {
      if (typeof b === 'string') { out.push(b); return; }
      if (!b || !b.__wxBehavior) throw new TypeError('behaviors: each entry must come from Behavior()');
      if (seen.indexOf(b) >= 0) return;
      seen.push(b);
      collectBehaviors(b.raw.behaviors, seen, out);
      out.push(b);
    });
    return out;
  }

  function mergeOne(n, raw) {
    var props = raw.properties || {};
    Object.keys(props).forEach(function (k) { n.properties[k] = normProp(props[k]); });
    if (raw.data) W.deepMerge(n.data, raw.data);
    var methods = raw.methods || {};
    Object.keys(methods).forEach(function (k) { n.methods[k] = methods[k]; });
    var lt = raw.lifetimes || {};
    LIFETIMES.forEach(function (l) {
      var fn = typeof lt[l] === 'function' ? lt[l] : raw[l];
      if (typeof fn === 'function') n.lifetimes[l].push(fn);
    });
    var plt = raw.pageLifetimes || {};
    PAGE_LIFETIMES.forEach(function (l) { if (typeof plt[l] === 'function') n.pageLifetimes[l].push(plt[l]); });
    var obs = raw.observers || {};
    Object.keys(obs).forEach(function (key) {
      n.observers.push({ key: key, paths: key.split(',').map(W.parseObserverPath), fn: obs[key] });
    });
    if (raw.options) Object.keys(raw.options).forEach(function (k) { n.options[k] = raw.options[k]; });
    if (raw.relations) Object.keys(raw.relations).forEach(function (k) { n.relations[k] = raw.relations[k]; });
    if (typeof raw['export'] === 'function') n.exportFn = raw['export'];
    (raw.externalClasses || []).forEach(function (c) {
      if (n.externalClasses.indexOf(String(c)) < 0) n.externalClasses.push(String(c));
    });
  }

  W.normalize = function (raw, file) {
    var n = emptyNorm(file);
    collectBehaviors(raw.behaviors, [], []).forEach(function (b) {
      if (typeof b === 'string') {
        n.builtin.push(b);
        if (b === 'wx://form-field') mergeOne(n, { properties: { name: String, value: null } });
        return;
      }
      n.behaviors.push(b);
      mergeOne(n, b.raw);
    });
    mergeOne(n, raw);
    n.proto = W.makeProto(n);
    return n;
  };

  g.Behavior = function (raw) {
    if (!raw || typeof raw !== 'object') throw new TypeError('Behavior() takes an object');
    return { __wxBehavior: true, raw: raw };
  };

  function currentPath() {
    var f = W.currentFile();
    return f ? f.replace(/\.js$/, '') : null;
  }

  g.Component = function (raw) {
    if (!raw || typeof raw !== 'object') throw new TypeError('Component() takes an object');
    var path = currentPath();
    W.pageDefs[path] = { kind: 'component', def: W.normalize(raw, W.currentFile()), file: W.currentFile() };
  };

  g.Page = function (raw) {
    if (!raw || typeof raw !== 'object') throw new TypeError('Page() takes an object');
    var path = currentPath();
    W.pageDefs[path] = { kind: 'page', def: raw, file: W.currentFile() };
  };

  g.App = function (raw) {
    if (!raw || typeof raw !== 'object') throw new TypeError('App() takes an object');
    if (W.app) { W.warn('App() has been called more than once; only the first call counts.'); return; }
    var app = W.appDefault || {};
    Object.keys(raw).forEach(function (k) {
      app[k] = typeof raw[k] === 'function' ? raw[k] : W.simpleClone(raw[k]);
    });
    W.app = app;
    W.appFile = W.currentFile();
  };

  g.getApp = function (opts) {
    if (W.app) return W.app;
    if (opts && opts.allowDefault) return (W.appDefault = W.appDefault || {});
    return undefined;
  };

  g.getCurrentPages = function () { return W.pageStack.slice(); };

  // The logic layer has a `global` object shared by every module (bundlers such as webpack
  // read it for their runtime); it is not the page's window.
  if (typeof g.global === 'undefined') g.global = {};

  // The app's onError hears every uncaught error (but its own errors do not loop back).
  var inOnError = false;
  W.onAppError = function (message) {
    if (inOnError || !W.app || typeof W.app.onError !== 'function') return;
    inOnError = true;
    try { W.guard(W.app.onError, W.app, [message], W.appFile); } finally { inOnError = false; }
  };
})(__wxsim, globalThis);
