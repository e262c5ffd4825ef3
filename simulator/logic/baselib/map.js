// Base library, part 11: the map. wx.createMapContext(id, comp) returns an object whose methods are
// `MapContext.*` invokes aimed at the <map> with that id in the page's (or the component's) template;
// each takes WeChat's option object (success/fail/complete, or a Promise without them). The host answers
// from the simulated map. translateMarker's `animationEnd` runs when the host reports the marker
// arrived (a taskEvent), since the call itself is answered when the move starts.
(function (W, g) {
  'use strict';
  var METHODS = ['getCenterLocation', 'getScale', 'getRegion', 'getRotate', 'getSkew', 'moveToLocation',
                 'includePoints', 'translateMarker', 'toScreenLocation', 'fromScreenLocation'];

  function scopeOf(comp) {
    var top = W.pageStack[W.pageStack.length - 1];
    if (!comp || !comp.__wx) return { pageId: top ? top.__wx.id : null, scopeId: null };
    return { pageId: comp.__wx.pageId || comp.__wx.id, scopeId: comp.__wx.id };
  }

  function mapContext(id, comp) {
    var where = scopeOf(comp), ctx = {};
    METHODS.forEach(function (m) {
      ctx[m] = function (opts) {
        var args = {};
        if (opts && typeof opts === 'object') Object.keys(opts).forEach(function (k) { args[k] = opts[k]; });
        args.pageId = where.pageId;
        args.scopeId = where.scopeId;
        args.mapId = String(id);
        if (m === 'translateMarker' && typeof args.animationEnd === 'function') {
          var task = W.nextTaskId(), end = args.animationEnd, hint = W.currentFile();
          W.tasks[task] = { __event: function () { delete W.tasks[task]; W.guard(end, opts, [], hint); } };
          args.animationEndTask = task;
        }
        return W.invokeAsync('MapContext.' + m, args);
      };
    });
    return ctx;
  }

  var boot = W.bootWx;
  W.bootWx = function (names) {
    boot(names);
    if (names.indexOf('createMapContext') >= 0) {
      g.wx.createMapContext = function (id, comp) { return mapContext(id, comp); };
    }
  };
})(__wxsim, globalThis);
