// Base library, part 2: setData paths ('a.b', 'list[3].x', 'a[0][1]'), applying them to
// this.data synchronously, and matching changed paths against `observers` keys.
(function (W) {
  'use strict';

  // 'list[3].x' -> ['list', 3, 'x']; null when the path is malformed.
  W.parsePath = function (path) {
    var out = [];
    var re = /([^.[\]]+)|\[(\d+)\]|(\.)/g;
    var m, pos = 0, expectKey = true;
    while ((m = re.exec(path)) !== null) {
      if (m.index !== pos) return null;
      pos = re.lastIndex;
      if (m[1] !== undefined) { if (!expectKey) return null; out.push(m[1]); expectKey = false; }
      else if (m[2] !== undefined) { if (expectKey && out.length) return null; out.push(Number(m[2])); expectKey = false; }
      else { if (expectKey) return null; expectKey = true; }
    }
    if (pos !== path.length || expectKey || !out.length) return null;
    return out;
  };

  // Observer keys accept 'arr[0]' and 'arr.0' for the same path; '**' matches everything below.
  W.parseObserverPath = function (key) {
    var k = key.trim();
    var deep = false;
    if (k === '**') return { segs: [], deep: true };
    if (/\.\*\*$/.test(k)) { deep = true; k = k.slice(0, -3); }
    var segs = W.parsePath(k) || [k];
    return { segs: segs.map(String), deep: deep };
  };

  W.simpleClone = function (v) {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(W.simpleClone);
    var proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
    var out = {};
    for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k)) out[k] = W.simpleClone(v[k]);
    return out;
  };

  // Set `value` at `segs` inside `data`, creating arrays/objects on the way (WeChat semantics).
  W.setPath = function (data, segs, value) {
    var cur = data;
    for (var i = 0; i < segs.length - 1; i++) {
      var k = segs[i];
      var next = cur[k];
      if (next === null || typeof next !== 'object') {
        next = typeof segs[i + 1] === 'number' ? [] : {};
        cur[k] = next;
      }
      cur = next;
    }
    cur[segs[segs.length - 1]] = value;
  };

  W.getPath = function (data, segs) {
    var cur = data;
    for (var i = 0; i < segs.length; i++) {
      if (cur === null || cur === undefined) return undefined;
      cur = cur[segs[i]];
    }
    return cur;
  };

  // Does a change at `changed` (segments) trigger observer path `obs`?
  W.pathTriggers = function (changed, obs) {
    var n = Math.min(changed.length, obs.segs.length);
    for (var i = 0; i < n; i++) if (String(changed[i]) !== obs.segs[i]) return false;
    return changed.length <= obs.segs.length || obs.deep;
  };
})(__wxsim);
