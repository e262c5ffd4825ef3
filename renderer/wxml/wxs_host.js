// WXS functions used as event handlers (`bindtap="{{m.fn}}"`) and property observers
// (`change:prop="{{m.fn}}"`). A function value in an attribute is written as {"$wxs": id};
// the view calls back here with that id. ComponentDescriptor objects stand for view nodes by
// reference number; what they do to a node is done by the host (`__wxsHost(op, json)`).
// Source: WeChat docs, WXS 响应事件.
var $X = (function () {
  var fns = [], states = {}, frames = [], nextFrame = 1;

  function id(fn) {
    var i = fns.indexOf(fn);
    if (i < 0) { fns.push(fn); i = fns.length - 1; }
    return i;
  }
  function host(op, args) {
    var out = __wxsHost(op, JSON.stringify(args));
    return out === undefined || out === null || out === '' ? null : JSON.parse(out);
  }
  function kebab(name) { return String(name).replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); }); }
  function styleText(v) {
    if (v == null) return '';
    if (typeof v !== 'object') return String(v);
    var out = [];
    for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k)) out.push(kebab(k) + ':' + v[k]);
    return out.join(';');
  }

  function Descriptor(ref) { this.__ref = ref; }
  var P = Descriptor.prototype;
  P.selectComponent = function (sel) {
    var r = host('select', [this.__ref, String(sel), false]);
    return r === null ? null : new Descriptor(r);
  };
  P.selectAllComponents = function (sel) {
    return (host('select', [this.__ref, String(sel), true]) || []).map(function (r) { return new Descriptor(r); });
  };
  P.setStyle = function (v) { host('setStyle', [this.__ref, styleText(v)]); return this; };
  P.addClass = function (n) { host('class', [this.__ref, 'add', String(n)]); return this; };
  P.removeClass = function (n) { host('class', [this.__ref, 'remove', String(n)]); return this; };
  P.hasClass = function (n) { return !!host('class', [this.__ref, 'has', String(n)]); };
  P.getDataset = function () { return host('dataset', [this.__ref]) || {}; };
  P.getComputedStyle = function (names) { return host('computedStyle', [this.__ref, names || []]) || {}; };
  P.getState = function () {
    if (!Object.prototype.hasOwnProperty.call(states, this.__ref)) states[this.__ref] = {};
    return states[this.__ref];
  };
  P.callMethod = function (name, args) {
    host('callMethod', [this.__ref, String(name), args === undefined ? null : args]);
  };
  P.triggerEvent = function (name, detail) {
    host('triggerEvent', [this.__ref, String(name), detail === undefined ? null : detail]);
  };
  P.requestAnimationFrame = function (cb) {
    if (typeof cb !== 'function') return 0;
    var n = nextFrame++;
    frames.push([n, cb]);
    host('frame', []);
    return n;
  };

  // The event handler with id `fid`; true when it returned false (stop, like catch).
  function event(fid, eventJson, instRef, ownerRef) {
    var ev = JSON.parse(eventJson);
    ev.instance = new Descriptor(instRef);
    return fns[fid](ev, new Descriptor(ownerRef)) === false;
  }
  function observe(fid, newJson, oldJson, ownerRef, instRef) {
    var nv = newJson === null ? undefined : JSON.parse(newJson);
    var ov = oldJson === null ? undefined : JSON.parse(oldJson);
    fns[fid](nv, ov, new Descriptor(ownerRef), new Descriptor(instRef));
  }
  // Run the animation-frame callbacks requested so far (those requested meanwhile wait).
  function frame(now) {
    var due = frames;
    frames = [];
    for (var i = 0; i < due.length; i++) due[i][1](now);
    return frames.length;
  }
  function valid(fid) { return typeof fns[fid] === 'function'; }
  function forget(ref) { delete states[ref]; }
  return { id: id, event: event, observe: observe, frame: frame, valid: valid, forget: forget };
})();
