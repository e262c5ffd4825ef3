// Base library, part 7: node queries. wx.createSelectorQuery() / this.createSelectorQuery() collect
// requests here; exec() sends them in one `SelectorQuery.exec` invoke and the host answers from
// the page view's layout; each request's callback runs in order, then exec's with every result.
// wx.createIntersectionObserver() / this.createIntersectionObserver(): observe() registers a
// watch on the host, which posts `taskEvent`s ("intersection") when the visible ratio changes.
(function (W, g) {
  'use strict';

  function topPageId() {
    var top = W.pageStack[W.pageStack.length - 1];
    return top ? top.__wx.id : null;
  }
  function scopeOf(comp) {
    if (!comp || !comp.__wx) return { pageId: topPageId(), scopeId: null };
    return { pageId: comp.__wx.pageId || comp.__wx.id, scopeId: comp.__wx.id };
  }

  function SelectorQuery(comp) { this._comp = comp || null; this._reqs = []; this._cbs = []; }
  SelectorQuery.prototype.in = function (comp) { this._comp = comp; return this; };
  SelectorQuery.prototype.select = function (sel) { return new NodesRef(this, String(sel), true, false); };
  SelectorQuery.prototype.selectAll = function (sel) { return new NodesRef(this, String(sel), false, false); };
  SelectorQuery.prototype.selectViewport = function () { return new NodesRef(this, null, true, true); };
  SelectorQuery.prototype.exec = function (cb) {
    var cbs = this._cbs.slice(), where = scopeOf(this._comp), hint = W.currentFile();
    var args = { pageId: where.pageId, scopeId: where.scopeId, requests: this._reqs.slice() };
    W.invokeWith('SelectorQuery.exec', args, function (r) {
      var res = (r && r.results) || [];
      if (W.reviveNodes) W.reviveNodes(res);
      cbs.forEach(function (fn, i) { if (typeof fn === 'function') W.guard(fn, null, [res[i] === undefined ? null : res[i]], hint); });
      if (typeof cb === 'function') W.guard(cb, null, [res], hint);
    }, hint);
    return new NodesRef(this, null, true, true);
  };

  function NodesRef(query, selector, single, viewport) {
    this._q = query; this._sel = selector; this._single = single; this._viewport = viewport;
  }
  NodesRef.prototype._push = function (fields, cb) {
    this._q._reqs.push({ selector: this._sel, single: this._single, viewport: this._viewport, fields: fields });
    this._q._cbs.push(cb);
    return this._q;
  };
  NodesRef.prototype.boundingClientRect = function (cb) {
    return this._push({ id: true, dataset: true, rect: true, size: true }, cb);
  };
  NodesRef.prototype.scrollOffset = function (cb) {
    return this._push({ id: true, dataset: true, scrollOffset: true }, cb);
  };
  NodesRef.prototype.fields = function (fields, cb) {
    var f = {};
    Object.keys(fields || {}).forEach(function (k) { f[k] = fields[k]; });
    return this._push(f, cb);
  };
  NodesRef.prototype.node = function (cb) { return this._push({ node: true }, cb); };
  NodesRef.prototype.context = function (cb) { return this._push({ context: true }, cb); };

  function IntersectionObserver(comp, options) {
    this._comp = comp || null;
    this._opts = options && typeof options === 'object' ? options : {};
    this._relatives = [];
    this._id = 0;
  }
  IntersectionObserver.prototype.relativeTo = function (sel, margins) {
    this._relatives.push({ selector: String(sel), margins: margins || {} });
    return this;
  };
  IntersectionObserver.prototype.relativeToViewport = function (margins) {
    this._relatives.push({ viewport: true, margins: margins || {} });
    return this;
  };
  IntersectionObserver.prototype.observe = function (sel, cb) {
    var self = this, hint = W.currentFile(), where = scopeOf(this._comp), o = this._opts;
    if (this._id) this.disconnect();
    this._id = W.nextTaskId();
    W.tasks[this._id] = { __event: function (ev, data) {
      if (ev === 'intersection' && typeof cb === 'function') W.guard(cb, self._comp, [data], hint);
    } };
    W.invokeWith('IntersectionObserver.observe', {
      observerId: this._id, pageId: where.pageId, scopeId: where.scopeId, targetSelector: String(sel),
      relatives: this._relatives.length ? this._relatives : [{ viewport: true, margins: {} }],
      thresholds: Array.isArray(o.thresholds) ? o.thresholds : [0], initialRatio: o.initialRatio || 0,
      observeAll: !!o.observeAll,
    }, function (r) { if (r && String(r.errMsg).indexOf(':fail') >= 0) W.warn('IntersectionObserver.' + r.errMsg, hint); }, hint);
  };
  IntersectionObserver.prototype.disconnect = function () {
    if (!this._id) return;
    delete W.tasks[this._id];
    W.invokeWith('IntersectionObserver.disconnect', { observerId: this._id }, function () {});
    this._id = 0;
  };

  W.SelectorQuery = SelectorQuery;
  W.baseProto.createSelectorQuery = function () { return new SelectorQuery(this); };
  W.baseProto.createIntersectionObserver = function (options) { return new IntersectionObserver(this, options); };

  var boot = W.bootWx;
  W.bootWx = function (names) {
    boot(names);
    g.wx.createSelectorQuery = function () { return new SelectorQuery(null); };
    g.wx.createIntersectionObserver = function (comp, options) {
      if (comp && !comp.__wx) { options = comp; comp = null; }
      return new IntersectionObserver(comp, options);
    };
  };
})(__wxsim, globalThis);
