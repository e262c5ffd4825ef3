// Base library, part 9: canvas. wx.createCanvasContext(id, comp) returns a legacy CanvasContext
// that records drawing calls as [method, ...args]; draw(reserve, cb) sends the list in one
// `CanvasContext.draw` invoke and the host keeps it as the display list of <canvas canvas-id>.
// <canvas type="2d"> nodes come from SelectorQuery fields({node: true}) as {"$canvas": ...};
// the Canvas object's getContext('2d') records the same commands (property setters included)
// and sends them at the end of the current job (`Canvas.draw`, always reserving).
(function (W, g) {
  'use strict';

  function scopeOf(comp) {
    var top = W.pageStack[W.pageStack.length - 1];
    if (!comp || !comp.__wx) return { pageId: top ? top.__wx.id : null, scopeId: null };
    return { pageId: comp.__wx.pageId || comp.__wx.id, scopeId: comp.__wx.id };
  }

  var STYLE_OF = { fillStyle: 'setFillStyle', strokeStyle: 'setStrokeStyle', lineWidth: 'setLineWidth',
                   font: 'font', textAlign: 'setTextAlign', textBaseline: 'setTextBaseline',
                   globalAlpha: 'setGlobalAlpha', lineCap: 'setLineCap', lineJoin: 'setLineJoin' };
  var DRAWING = ['fillRect', 'strokeRect', 'clearRect', 'beginPath', 'moveTo', 'lineTo', 'arc', 'rect',
                 'closePath', 'fill', 'stroke', 'fillText', 'strokeText', 'save', 'restore', 'translate',
                 'rotate', 'scale', 'quadraticCurveTo', 'bezierCurveTo', 'clip', 'setLineDash'];

  function plain(v) {
    if (v && typeof v === 'object' && v.__gradient) return { gradient: v.__gradient };
    return v;
  }
  function gradient(kind, coords) {
    var g = { __gradient: { kind: kind, coords: coords, stops: [] } };
    g.addColorStop = function (offset, color) { g.__gradient.stops.push([Number(offset), String(color)]); };
    return g;
  }
  function addMethods(proto) {
    DRAWING.forEach(function (m) { proto[m] = function () {
      this._push([m].concat(Array.prototype.slice.call(arguments).map(plain)));
    }; });
    proto.drawImage = function (img) {
      var rest = Array.prototype.slice.call(arguments, 1);
      var src = img && typeof img === 'object' ? img.src : img;
      this._push(['drawImage', String(src || '')].concat(rest));
    };
    proto.createLinearGradient = function (x0, y0, x1, y1) { return gradient('linear', [x0, y0, x1, y1]); };
    proto.createCircularGradient = function (x, y, r) { return gradient('radial', [x, y, r]); };
    proto.createRadialGradient = function (x0, y0, r0, x1, y1, r1) { return gradient('radial', [x1, y1, r1]); };
    proto.measureText = function (text) {
      return { width: W.invokeSync('CanvasContext.measureText', { text: String(text), font: this._font }).width };
    };
  }

  // --- legacy CanvasContext -----------------------------------------------------------------
  function CanvasContext(canvasId, comp) {
    this._id = String(canvasId); this._comp = comp || null; this._actions = [];
    this._font = '10px sans-serif';
  }
  CanvasContext.prototype._push = function (a) { this._actions.push(a); };
  addMethods(CanvasContext.prototype);
  Object.keys(STYLE_OF).forEach(function (prop) {
    var m = STYLE_OF[prop];
    if (m !== 'font') CanvasContext.prototype[m] = function (v) { this._push([m, plain(v)]); };
    Object.defineProperty(CanvasContext.prototype, prop, {
      set: function (v) { if (prop === 'font') this._font = String(v); this._push([m, plain(v)]); },
      get: function () { return prop === 'font' ? this._font : undefined; },
    });
  });
  CanvasContext.prototype.setFontSize = function (size) {
    this._font = Number(size) + 'px sans-serif';
    this._push(['setFontSize', Number(size)]);
  };
  CanvasContext.prototype.setShadow = function () {};
  CanvasContext.prototype.draw = function (reserve, cb) {
    if (typeof reserve === 'function') { cb = reserve; reserve = false; }
    var where = scopeOf(this._comp), actions = this._actions, hint = W.currentFile();
    this._actions = [];
    W.invokeWith('CanvasContext.draw', { pageId: where.pageId, scopeId: where.scopeId, canvasId: this._id,
                                         reserve: !!reserve, actions: actions }, function () {
      if (typeof cb === 'function') W.guard(cb, null, [], hint);
    }, hint);
  };

  // --- <canvas type="2d"> ---------------------------------------------------------------------
  function Context2D(canvas) {
    Object.defineProperty(this, 'canvas', { value: canvas, enumerable: false });  // no cycle in JSON
    this._font = '10px sans-serif'; this._state = {};
  }
  Context2D.prototype._push = function (a) { this.canvas._push(a); };
  addMethods(Context2D.prototype);
  Object.keys(STYLE_OF).forEach(function (prop) {
    var m = STYLE_OF[prop];
    Object.defineProperty(Context2D.prototype, prop, {
      set: function (v) { this._state[prop] = v; if (prop === 'font') this._font = String(v); this._push([m, plain(v)]); },
      get: function () { return this._state[prop]; },
    });
  });

  function Canvas(info) {
    this._ref = info; this._actions = []; this._queued = false; this._ctx = null;
    this._width = info.width || 300; this._height = info.height || 150;
  }
  Canvas.prototype._push = function (a) {
    var self = this;
    this._actions.push(a);
    if (this._queued) return;
    this._queued = true;
    Promise.resolve().then(function () { self._flush(); });
  };
  Canvas.prototype._flush = function () {
    this._queued = false;
    if (!this._actions.length) return;
    var actions = this._actions;
    this._actions = [];
    W.invokeWith('Canvas.draw', { pageId: this._ref.pageId, nodeRef: this._ref.nodeRef, width: this._width,
                                  height: this._height, actions: actions }, function () {});
  };
  ['width', 'height'].forEach(function (dim) {
    Object.defineProperty(Canvas.prototype, dim, {
      get: function () { return this['_' + dim]; },
      set: function (v) { this['_' + dim] = Number(v) || 0; this._push(['reset']); },  // resizing clears the bitmap
    });
  });
  // Pending actions travel with the (sync) call, so the picture is complete.
  Canvas.prototype.toDataURL = function (type, quality) {
    var actions = this._actions;
    this._actions = [];
    var r = W.invokeSync('Canvas.toDataURL', { pageId: this._ref.pageId, nodeRef: this._ref.nodeRef, width: this._width,
                                               height: this._height, actions: actions, type: type || 'image/png',
                                               quality: quality });
    return r.data;
  };
  Canvas.prototype.getContext = function (kind) {
    if (kind !== '2d') return null;
    if (!this._ctx) this._ctx = new Context2D(this);
    return this._ctx;
  };
  Canvas.prototype.createImage = function () {
    var img = { src: '', width: 0, height: 0, onload: null, onerror: null };
    var src = '';
    Object.defineProperty(img, 'src', {
      get: function () { return src; },
      set: function (v) {
        src = String(v);
        Promise.resolve().then(function () { if (typeof img.onload === 'function') img.onload(); });
      },
    });
    return img;
  };
  Canvas.prototype.requestAnimationFrame = function (fn) { return setTimeout(function () { fn(Date.now()); }, 16); };
  Canvas.prototype.cancelAnimationFrame = function (id) { clearTimeout(id); };

  // Replace {"$canvas": ...} markers in SelectorQuery answers with Canvas objects (one per node).
  var canvases = {};
  W.reviveNodes = function (value) {
    if (Array.isArray(value)) { value.forEach(W.reviveNodes); return value; }
    if (value && typeof value === 'object' && value.node && value.node.$canvas) {
      var info = value.node.$canvas, key = info.pageId + '/' + info.nodeRef;
      value.node = canvases[key] || (canvases[key] = new Canvas(info));
    }
    return value;
  };

  var boot = W.bootWx;
  W.bootWx = function (names) {
    boot(names);
    var wx = g.wx;
    wx.createCanvasContext = function (canvasId, comp) { return new CanvasContext(canvasId, comp); };
    if (names.indexOf('canvasToTempFilePath') >= 0) {
      wx.canvasToTempFilePath = function (opts, comp) {
        opts = opts && typeof opts === 'object' ? opts : {};
        var where = scopeOf(comp), args = {};
        Object.keys(opts).forEach(function (k) { args[k] = opts[k]; });
        if (opts.canvas instanceof Canvas) { args.nodeRef = opts.canvas._ref.nodeRef; opts.canvas._flush(); }
        delete args.canvas;
        args.pageId = where.pageId; args.scopeId = where.scopeId;
        return W.invokeAsync('canvasToTempFilePath', args);
      };
    }
  };
})(__wxsim, globalThis);
