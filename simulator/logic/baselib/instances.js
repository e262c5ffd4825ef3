// Base library, part 4: page and component instances — setData, properties (coercion,
// observer), data observers and triggerEvent. Each instance keeps its state in `__wx`.
(function (W, g) {
  'use strict';
  W.instances = {};        // instanceId -> instance
  W.pageStack = [];
  W.pageChildren = {};     // pageId -> [component instanceIds in attach order]
  var callbacks = {};      // setData callback id -> fn
  var nextCallbackId = 1;

  function matchesType(type, v) {
    if (type === String) return typeof v === 'string';
    if (type === Number) return typeof v === 'number';
    if (type === Boolean) return typeof v === 'boolean';
    if (type === Array) return Array.isArray(v);
    if (type === Object) return typeof v === 'object';
    return true;
  }

  // Property values coerce to the declared type; a value that cannot become one takes the default.
  W.coerce = function (prop, v) {
    if (v === undefined) return W.simpleClone(prop.value);
    var types = [prop.type].concat(prop.optionalTypes);
    for (var i = 0; i < types.length; i++) if (types[i] === null || matchesType(types[i], v)) return v;
    var t = prop.type;
    if (t === String) return v === null ? W.simpleClone(prop.value) : String(v);
    if (t === Number) { var n = Number(v); return isNaN(n) ? W.simpleClone(prop.value) : n; }
    if (t === Boolean) return !!v;
    return W.simpleClone(prop.value);
  };

  function propsOf(inst) { return inst.__wx.def ? inst.__wx.def.properties : {}; }

  // Apply one batch of [segs, value] changes to `inst.data`; returns property observer calls due.
  function applyChanges(inst, changes) {
    var props = propsOf(inst);
    var due = [];
    changes.forEach(function (c) {
      var segs = c[0];
      var prop = segs.length === 1 && Object.prototype.hasOwnProperty.call(props, segs[0]) ? props[segs[0]] : null;
      if (prop) {
        // The observer runs when the value is not the one the property holds (compared before
        // setData's copy): setting this.data.list back after changing it in place runs none.
        var old = inst.data[segs[0]];
        var given = "given" in c ? c.given : c[1];
        c[1] = W.coerce(prop, c[1]);
        if (prop.observer && old !== given && old !== c[1]) due.push([prop.observer, c[1], old]);
      }
      W.setPath(inst.data, segs, c[1]);
    });
    return due;
  }

  // Property observers, then `observers` entries whose paths were touched (each at most once).
  function runObservers(inst, changes, due) {
    var hint = inst.__wx.file;
    due.forEach(function (d) {
      var fn = typeof d[0] === 'string' ? inst[d[0]] : d[0];
      if (typeof fn === 'function') W.guard(fn, inst, [d[1], d[2]], hint);
    });
    var def = inst.__wx.def;
    if (!def || !def.observers.length) return;
    def.observers.forEach(function (o) {
      var hit = o.paths.some(function (p) {
        return changes.some(function (c) { return W.pathTriggers(c[0], p); });
      });
      if (!hit || typeof o.fn !== 'function') return;
      var args = o.paths.map(function (p) { return W.getPath(inst.data, p.segs); });
      W.guard(o.fn, inst, args, hint);
    });
  }

  // Turn a setData object into [segs, value] changes, warning like WeChat on bad input.
  function toChanges(obj, hint) {
    var changes = [];
    Object.keys(obj).forEach(function (key) {
      var segs = W.parsePath(key);
      if (!segs) { W.warn('setData: invalid data path "' + key + '"', hint); return; }
      var value = obj[key];
      if (value === undefined) W.warn('Setting data field "' + key + '" to undefined is invalid.', hint);
      var change = [segs, W.simpleClone(value)];
      change.given = value;  // what the caller passed (not sent to the view)
      changes.push(change);
    });
    return changes;
  }

  W.update = function (inst, changes, cb, post) {
    var due = applyChanges(inst, changes);
    var cbId = null;
    if (typeof cb === 'function') { cbId = nextCallbackId++; callbacks[cbId] = { fn: cb, inst: inst }; }
    var shown = W.renderedChanges(inst, changes);
    if (post && inst.__wx.initSent && (shown.length || cbId !== null)) {
      W.post('setData', 'logic→view', inst.__wx.id, { instanceId: inst.__wx.id, changes: shown, callback: cbId });
    } else if (cbId !== null) {
      W.post('setData', 'logic→view', inst.__wx.id, { instanceId: inst.__wx.id, changes: [], callback: cbId });
    }
    runObservers(inst, changes, due);
  };

  W.runSetDataCallbacks = function (ids) {
    (ids || []).forEach(function (id) {
      var c = callbacks[id];
      if (!c) return;
      delete callbacks[id];
      W.guard(c.fn, c.inst, [], c.inst.__wx.file);
    });
  };

  var base = {
    setData: function (obj, cb) {
      if (!obj || typeof obj !== 'object') throw new TypeError('setData expects an object');
      W.update(this, toChanges(obj, this.__wx.file), cb, true);
    },
    triggerEvent: function (name, detail, options) {
      var o = options || {};
      W.post('triggerEvent', 'logic→view', this.__wx.id, {
        instanceId: this.__wx.id, name: String(name), detail: detail === undefined ? null : detail,
        options: { bubbles: !!o.bubbles, composed: !!o.composed, capturePhase: !!o.capturePhase },
      });
    },
    hasBehavior: function (b) { return !!this.__wx.def && this.__wx.def.behaviors.indexOf(b) >= 0; },
    getPageId: function () { return this.__wx.pageId; },
    groupSetData: function (fn) { if (typeof fn === 'function') fn.call(this); },
  };
  ['createSelectorQuery', 'createIntersectionObserver'].forEach(function (name) {
    base[name] = function () {
      W.warn('this.' + name + '() is not supported by wxsim yet', this.__wx.file);
      return name === 'selectAllComponents' || name === 'getRelationNodes' ? [] : null;
    };
  });
  W.baseProto = base;

  W.makeProto = function (n) {
    var proto = Object.create(base);
    Object.keys(n.methods).forEach(function (k) { proto[k] = n.methods[k]; });
    return proto;
  };

  function attachState(inst, state) {
    Object.defineProperty(inst, '__wx', { value: state, enumerable: false });
    W.instances[state.id] = inst;
  }

  // A component instance (also a Component()-built page): data = merged data + property defaults.
  W.newComponent = function (def, id, path, pageId, extra) {
    var inst = Object.create(def.proto);
    var data = W.simpleClone(def.data);
    Object.keys(def.properties).forEach(function (k) { data[k] = W.simpleClone(def.properties[k].value); });
    attachState(inst, { id: id, def: def, file: def.file, pageId: pageId, initSent: false, path: path });
    inst.data = data;
    inst.properties = data;
    inst.is = path;
    inst.id = (extra && extra.domId) || '';
    inst.dataset = (extra && extra.dataset) || {};
    inst.renderer = 'webview';  // the rendering backend a component runs on (webview / skyline)
    return inst;
  };

  // A Page() instance: every field of the definition, deep-copied per instance.
  W.newPage = function (entry, id, route, query) {
    var inst = Object.create(base);
    attachState(inst, { id: id, def: null, file: entry.file, pageId: id, initSent: false, path: route });
    Object.keys(entry.def).forEach(function (k) {
      var v = entry.def[k];
      inst[k] = typeof v === 'function' ? v : W.simpleClone(v);
    });
    if (!inst.data || typeof inst.data !== 'object') inst.data = {};
    inst.route = inst.__route__ = inst.is = route;
    inst.options = query;
    return inst;
  };

  // `options.pureDataPattern`: matching fields live in this.data but never reach the view.
  function isPure(inst, key) {
    var re = inst.__wx.def && inst.__wx.def.options.pureDataPattern;
    if (!(re instanceof RegExp)) return false;
    re.lastIndex = 0;
    return re.test(String(key));
  }
  W.renderedChanges = function (inst, changes) {
    return changes.filter(function (c) { return !isPure(inst, c[0][0]); });
  };

  // What the view needs of a component's options: slots, style scope, host, external classes.
  function viewOptions(def) {
    if (!def) return {};
    var o = def.options;
    return {
      multipleSlots: !!o.multipleSlots, styleIsolation: o.styleIsolation || null,
      addGlobalClass: !!o.addGlobalClass, virtualHost: !!o.virtualHost,
      externalClasses: def.externalClasses.slice(),
    };
  }

  // `data` defaults to the instance's data; a component's first render may show its initial
  // properties before `created` runs (the view builds the template first, as WeChat does).
  W.sendInit = function (inst, data) {
    inst.__wx.initSent = true;
    var src = data || inst.data;
    var shown = {};
    Object.keys(src).forEach(function (k) { if (!isPure(inst, k)) shown[k] = src[k]; });
    W.post('instanceInit', 'logic→view', inst.__wx.id,
           { instanceId: inst.__wx.id, data: shown, options: viewOptions(inst.__wx.def) });
  };

  // The initial data with `props` coerced in, without touching the instance (no observers).
  W.dataWithProps = function (inst, props) {
    var data = W.simpleClone(inst.data);
    var defs = propsOf(inst);
    Object.keys(props || {}).forEach(function (k) {
      if (Object.prototype.hasOwnProperty.call(defs, k)) data[k] = W.coerce(defs[k], W.simpleClone(props[k]));
    });
    return data;
  };

  W.setProps = function (inst, props) {
    var changes = Object.keys(props || {}).filter(function (k) {
      return Object.prototype.hasOwnProperty.call(propsOf(inst), k);
    }).map(function (k) { return [[k], props[k]]; });
    if (changes.length) W.update(inst, changes, null, true);
  };

  W.hook = function (inst, name) {
    var def = inst.__wx.def;
    var args = Array.prototype.slice.call(arguments, 2);
    if (def) {
      def.lifetimes[name].forEach(function (fn) { W.guard(fn, inst, args, inst.__wx.file); });
    }
  };

  W.pageHook = function (inst, name, args) {
    var fn = inst[name];
    if (typeof fn === 'function') return W.guard(fn, inst, args || [], inst.__wx ? inst.__wx.file : W.appFile);
    return undefined;
  };

  W.pageLifetime = function (inst, name, args) {
    var def = inst.__wx.def;
    if (def) def.pageLifetimes[name].forEach(function (fn) { W.guard(fn, inst, args || [], inst.__wx.file); });
  };
})(__wxsim, globalThis);
