// Base library, part 9: animations. wx.createAnimation() builds Animation objects whose
// export() gives `{actions: [...]}` for a node's `animation` attribute (the view plays it);
// this.animate() / this.clearAnimation() ask the host to animate nodes of the instance's own
// template (`Component.animate` / `Component.clearAnimation` invokes, answered when done).
(function (W, g) {
  'use strict';
  var STYLES = ['opacity', 'backgroundColor', 'width', 'height', 'top', 'left', 'bottom', 'right'];
  var TRANSFORMS = ['rotate', 'rotateX', 'rotateY', 'rotateZ', 'rotate3d', 'scale', 'scaleX', 'scaleY', 'scaleZ',
                    'scale3d', 'translate', 'translateX', 'translateY', 'translateZ', 'translate3d', 'skew',
                    'skewX', 'skewY', 'matrix', 'matrix3d'];
  var CSS_NAME = { backgroundColor: 'background-color' };

  function options(o, base) {
    o = o && typeof o === 'object' ? o : {};
    base = base || {};
    function pick(k, d) { return o[k] !== undefined ? o[k] : (base[k] !== undefined ? base[k] : d); }
    return { duration: pick('duration', 400), timingFunction: pick('timingFunction', 'linear'),
             delay: pick('delay', 0), transformOrigin: pick('transformOrigin', '50% 50% 0') };
  }

  function length(v) { return typeof v === 'number' ? v + 'px' : v; }

  function Animation(opts) {
    this.option = options(opts);
    this.actions = [];        // groups closed by step(), not yet exported
    this.currentStepAnimates = [];
  }
  STYLES.forEach(function (name) {
    Animation.prototype[name] = function (value) {
      var css = CSS_NAME[name] || name;
      this.currentStepAnimates.push({ type: 'style', args: [css, name === 'opacity' ? value : length(value)] });
      return this;
    };
  });
  TRANSFORMS.forEach(function (name) {
    Animation.prototype[name] = function () {
      this.currentStepAnimates.push({ type: name, args: Array.prototype.slice.call(arguments) });
      return this;
    };
  });
  Animation.prototype.step = function (opts) {
    var o = options(opts, this.option);
    this.actions.push({ animates: this.currentStepAnimates,
                        option: { transformOrigin: o.transformOrigin,
                                  transition: { duration: o.duration, timingFunction: o.timingFunction, delay: o.delay } } });
    this.currentStepAnimates = [];
    return this;
  };
  // Groups not closed by step() stay for the next step(); exported groups are dropped.
  Animation.prototype.export = function () {
    var actions = this.actions;
    this.actions = [];
    return { actions: actions };
  };

  function where(inst) {
    return { pageId: inst.__wx.pageId || inst.__wx.id, scopeId: inst.__wx.id };
  }

  W.baseProto.animate = function (selector, keyframes, duration, callback) {
    var self = this, hint = this.__wx.file, at = where(this);
    W.invokeWith('Component.animate', {
      pageId: at.pageId, scopeId: at.scopeId, selector: String(selector),
      keyframes: Array.isArray(keyframes) ? keyframes : [], duration: Number(duration) || 0,
    }, function (r) {
      if (r && String(r.errMsg).indexOf(':fail') >= 0) W.warn('this.animate: ' + r.errMsg, hint);
      if (typeof callback === 'function') W.guard(callback, self, [], hint);
    }, hint);
  };
  W.baseProto.clearAnimation = function (selector, opts, callback) {
    if (typeof opts === 'function') { callback = opts; opts = null; }
    var self = this, hint = this.__wx.file, at = where(this);
    var names = opts && typeof opts === 'object'
      ? Object.keys(opts).filter(function (k) { return opts[k]; }) : null;
    W.invokeWith('Component.clearAnimation', { pageId: at.pageId, scopeId: at.scopeId, selector: String(selector),
                                               properties: names }, function () {
      if (typeof callback === 'function') W.guard(callback, self, [], hint);
    }, hint);
  };

  var boot = W.bootWx;
  W.bootWx = function (names) {
    boot(names);
    g.wx.createAnimation = function (opts) { return new Animation(opts); };
  };
  W.Animation = Animation;
})(__wxsim, globalThis);
