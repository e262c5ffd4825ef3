// View-layer template runtime: file registry, template lookup, WXS modules and the helpers
// that compiled render functions call.
var __wxtick;
var $W = (function () {
  var files = {}, wxsDefs = {}, wxsCache = {}, errs = [];
  var has = Object.prototype.hasOwnProperty;
  function def(name, factory) { files[name] = factory(name); }
  function err(e, file, line, col) {
    var msg = e && e.name && e.message !== undefined ? e.name + ': ' + e.message : String(e);
    errs.push([msg, file, line, col]);
  }
  function tpl(file, name) {
    var f = files[file];
    if (!f || typeof name !== 'string') return null;
    if (has.call(f.tpls, name)) return f.tpls[name];
    for (var i = 0; i < f.imports.length; i++) {
      var g = files[f.imports[i]];
      if (g && has.call(g.tpls, name)) return g.tpls[name];
    }
    return null;
  }
  // An included file renders without item reuse (its data is the includer's scope).
  function inc(target, D, O) {
    var f = files[target];
    if (!f) return;
    var saved = memo;
    memo = null;
    try { f.body(D, O); } finally { memo = saved; }
  }
  // Runaway protection for WXS run outside a render: loop conditions call __wxtick()
  // (renderer/wxml/wxs.py); past the deadline armed by `arm` it keeps throwing.
  var deadline = Infinity, ticks = 0;
  function arm(ms) { deadline = ms > 0 ? Date.now() + ms : Infinity; ticks = 0; }
  __wxtick = function () {
    if ((++ticks & 1023) !== 0 || Date.now() <= deadline) return true;
    ticks = 1023;
    throw new Error('WXS ran longer than its time limit and was interrupted');
  };
  function getRegExp(p, f) { return new RegExp(p, f); }
  // WXS: `x.constructor` is a type name string ("Object", "Array", ...), not a function.
  // WXS sources read it through this non-enumerable getter (see renderer/wxml/wxs.py).
  Object.defineProperty(Object.prototype, '__wxsConstructor', {
    configurable: true, enumerable: false,
    get: function () {
      var t = Object.prototype.toString.call(this).slice(8, -1);
      return t === 'Array' || t === 'Function' || t === 'Date' || t === 'RegExp' || t === 'Number' ||
        t === 'String' || t === 'Boolean' ? t : 'Object';
    }
  });
  function getDate() {
    var a = Array.prototype.slice.call(arguments);
    return new (Function.prototype.bind.apply(Date, [null].concat(a)))();
  }
  function wxsRun(fn, where) {
    var module = { exports: {} };
    try { fn(module, module.exports, getRegExp, getDate); }
    catch (e) { var p = where.split(':'); err(e, p[0], +p[1], +p[2]); }
    return module.exports;
  }
  function wxsDef(rel, fn) { if (!has.call(wxsDefs, rel)) wxsDefs[rel] = fn; }
  function wxsGet(rel, where) {
    if (!has.call(wxsCache, rel)) wxsCache[rel] = wxsRun(wxsDefs[rel], where || (rel + ':1:1'));
    return wxsCache[rel];
  }
  function wxsRequire(map, from) {
    return function (spec) {
      if (!has.call(map, spec)) throw new Error('cannot require ' + spec + ' from ' + from);
      return wxsGet(map[spec]);
    };
  }
  // Item reuse (renderer/wxml/loop_memo.py): per instance, each reusing loop keeps the text
  // every item wrote last time; `changes` are the setData changes ([path, value]) since that
  // render (null: unknown, so nothing is reused).
  // Data mirrors (renderer/wxml/data_mirror.py): for a template that cannot change its data
  // (no calls, no WXS), the instance's data is kept here and `json` may be null: the changes
  // are applied to the kept copy instead; RESYNC asks for the whole data when they cannot be.
  var memos = {}, memo = null, mirrors = {}, RESYNC = '"resync"';
  function render(file, json, inst, changes, keep) {
    errs = [];
    var O = ['[['];
    memo = null;
    var list = changes == null ? null : JSON.parse(changes), data;
    if (json === null) {
      data = inst != null ? mirrors[inst] : undefined;
      if (data === undefined || list === null || !mirror(data, list)) { delete mirrors[inst]; return RESYNC; }
    } else {
      data = JSON.parse(json);
      if (inst != null) { if (keep) mirrors[inst] = data; else delete mirrors[inst]; }
    }
    if (inst != null) {
      var store = memos[inst];
      if (!store || list === null) store = memos[inst] = { gen: 0, sites: {} };
      store.gen++;  // markers numbered in this render; a site's numbers stay valid for the next one only
      memo = { store: store, marks: 0,
               changes: list === null ? [] : list.map(function (c) { return typeof c[0] === "string" ? [c[0]] : c[0]; }) };
    }
    var marks = 0;
    try { files[file].body(data, O); marks = memo === null ? 0 : memo.marks; }
    catch (e) { if (inst != null) { delete mirrors[inst]; delete memos[inst]; } throw e; }
    finally { memo = null; }
    $z(O, 1);
    O.push('],');
    O.push(JSON.stringify(errs), ',', String(marks), ']');
    return O.join('');
  }
  function forget(file) { delete files[file]; memos = {}; mirrors = {}; }
  function forgetMemos(inst) {
    if (inst == null) { memos = {}; mirrors = {}; } else { delete memos[inst]; delete mirrors[inst]; }
  }
  // Apply setData changes to a kept copy exactly as renderer/view/paths.py does to the view's
  // data; false (nothing to trust) for a path it does not handle the same way.
  function mirror(data, list) {
    for (var k = 0; k < list.length; k++) if (!setPath(data, list[k][0], list[k][1])) return false;
    return true;
  }
  function isBox(v) { return v !== null && typeof v === 'object'; }
  function okKey(key) {
    return typeof key === 'number' ? key >= 0 && Math.floor(key) === key && key < 4294967295
      : typeof key === 'string' && key !== '__proto__';
  }
  function setPath(data, path, value) {
    if (typeof path === 'string') path = [path];
    if (!Array.isArray(path) || path.length === 0) return false;
    for (var k = 0; k < path.length; k++) if (!okKey(path[k])) return false;
    var target = data;
    for (k = 0; k < path.length - 1; k++) {
      var key = path[k], child;
      if (Array.isArray(target)) {
        if (typeof key !== 'number') return false;  // the view ignores it on a list
        child = key < target.length ? target[key] : undefined;
      } else child = has.call(target, String(key)) ? target[String(key)] : undefined;
      if (!isBox(child)) {
        child = typeof path[k + 1] === 'number' ? [] : {};
        if (!put(target, key, child)) return false;
      }
      target = child;
    }
    return put(target, path[path.length - 1], value);
  }
  function put(target, key, value) {
    if (Array.isArray(target)) {
      if (typeof key !== 'number') return false;
      while (target.length < key) target.push(null);
      target[key] = value;
    } else target[String(key)] = value;
    return true;
  }
  // eachm: $each that writes an item's text from last time when neither the item (`field`[i])
  // nor any other data name its body reads (`reads`) was set since.
  function eachm(site, field, reads, v, fn, O) {
    if (memo === null || !Array.isArray(v)) {
      if (memo !== null) delete memo.store.sites[site];
      $each(v, fn);
      return;
    }
    var entry = memo.store.sites[site], prev = entry === undefined ? undefined : entry.items;
    // (a site skipped by the last render, e.g. under a false wx:if, has stale marker numbers)
    var numbered = entry !== undefined && entry.gen === memo.store.gen - 1;
    var ch = memo.changes, all = prev === undefined, dirty = {};
    for (var k = 0; k < ch.length && !all; k++) {
      var p = ch[k], head = p[0];
      if (reads.indexOf(head) >= 0) all = true;
      else if (head === field) {
        var ix = p.length > 1 ? p[1] : null;
        if (typeof ix === 'string' && /^(0|[1-9][0-9]*)$/.test(ix)) ix = +ix;
        if (typeof ix !== 'number' || ix !== Math.floor(ix) || ix < 0) all = true;
        else dirty[ix] = true;
      }
    }
    // Items go out wrapped in markers numbered in document order (renderer/wxml/vnode_pieces.py):
    // {"$n":[0,vnodes]} for an item written now, {"$r":k} for "the vnodes of marker k of the last
    // render", so the host neither parses nor compares an unchanged item again.
    var out = new Array(v.length), kept, text;
    for (var i = 0; i < v.length; i++) {
      kept = !all && i < prev.length && !dirty[i] && prev[i] !== undefined ? prev[i] : null;
      if (kept !== null) text = kept.t;
      else {
        var mark = O.length;
        fn(v[i], i);
        text = O.splice(mark, O.length - mark).join('');
      }
      if (text.charAt(0) === ',') {  // every vnode a loop body writes starts with its comma
        if (kept !== null && numbered && kept.k >= 0) O.push(',{"$r":' + kept.k + '}');
        else O.push(',{"$n":[0', text, ']}');  // (a 0 before the item's own comma: no copying)
        out[i] = { t: text, k: memo.marks++ };
      } else {
        if (text) O.push(text);  // (no empty entry: $z strips a container's first comma)
        out[i] = { t: text, k: -1 };
      }
    }
    memo.store.sites[site] = { gen: memo.store.gen, items: out };
  }
  function forgetWxs(rel) { delete wxsDefs[rel]; delete wxsCache[rel]; }
  return { files: files, def: def, err: err, tpl: tpl, inc: inc, render: render, forget: forget, forgetWxs: forgetWxs,
           forgetMemos: forgetMemos, eachm: eachm,
           wxsRun: wxsRun, wxsDef: wxsDef, arm: arm, wxsGet: wxsGet, wxsRequire: wxsRequire };
})();
function $g(o, k) { return o == null ? undefined : o[k]; }
function $c(o, k, a) {
  if (o == null) return undefined;
  var f = o[k];
  if (typeof f !== 'function') throw new TypeError(String(k) + ' is not a function');
  return f.apply(o, a);
}
function $f(f, a) {
  if (typeof f !== 'function') throw new TypeError(String(f) + ' is not a function');
  return f.apply(undefined, a);
}
// A `class` value: an array is joined with spaces (null and undefined items give nothing).
function $cls(v) { return Array.isArray(v) ? v.join(' ') : $s(v); }
function $s(v) { return typeof v === 'string' ? v : v == null ? '' : String(v); }
function $o(v) { return v == null ? {} : v; }
function $each(v, fn) {
  var i;
  if (Array.isArray(v)) { for (i = 0; i < v.length; i++) fn(v[i], i); }
  else if (typeof v === 'string') { for (i = 0; i < v.length; i++) fn(v[i], i); }
  else if (typeof v === 'number') { for (i = 0; i < v; i++) fn(i, i); }
  else if (v !== null && typeof v === 'object') { for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k)) fn(v[k], k); }
}
// JSON text of a value; undefined becomes null, a function (a WXS handler) {"$wxs": id}.
function $j(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'function') return '{"$wxs":' + $X.id(v) + '}';
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  var s = JSON.stringify(v);
  return s === undefined ? 'null' : s;
}
// Drop the leading comma of the first child written since O.length was `mark`.
function $z(O, mark) { if (O.length > mark) O[mark] = O[mark].slice(1); }
