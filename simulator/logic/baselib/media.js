// Base library, part 10: media. wx.createVideoContext(id, comp) / wx.createAudioContext(id, comp)
// return objects whose methods are `VideoContext.*` / `AudioContext.*` invokes aimed at the element
// with that id in the page's (or the component's) template. wx.createInnerAudioContext() and
// wx.getBackgroundAudioManager() return an object backed by a simulated player on the host: property
// writes go out as one `InnerAudioContext.set` per job (methods send pending writes first), events
// arrive as taskEvents `{state, detail}` and the read-only fields (duration, currentTime, paused,
// buffered) follow the last reported state, as WeChat's follow the native player's reports.
(function (W, g) {
  'use strict';
  function noop() {}

  function scopeOf(comp) {
    var top = W.pageStack[W.pageStack.length - 1];
    if (!comp || !comp.__wx) return { pageId: top ? top.__wx.id : null, scopeId: null };
    return { pageId: comp.__wx.pageId || comp.__wx.id, scopeId: comp.__wx.id };
  }

  // --- <video> / <audio> contexts -------------------------------------------------------------
  var VIDEO = { play: null, pause: null, stop: null, seek: 'position', playbackRate: 'rate',
                requestFullScreen: 'object', exitFullScreen: null, sendDanmu: 'object', showStatusBar: null,
                hideStatusBar: null, exitPictureInPicture: null, requestBackgroundPlayback: null,
                exitBackgroundPlayback: null };
  var AUDIO = { setSrc: 'src', play: null, pause: null, seek: 'position' };

  function elementContext(cls, key, methods, id, comp) {
    var where = scopeOf(comp), ctx = {};
    Object.keys(methods).forEach(function (m) {
      ctx[m] = function (arg) {
        var args = { pageId: where.pageId, scopeId: where.scopeId };
        args[key] = String(id);
        var kind = methods[m];
        if (kind === 'object' && arg && typeof arg === 'object') {
          Object.keys(arg).forEach(function (k) { if (typeof arg[k] !== 'function') args[k] = arg[k]; });
        } else if (kind && kind !== 'object') {
          args[kind] = arg;
        }
        W.invokeWith(cls + '.' + m, args, noop);
      };
    });
    return ctx;
  }

  // --- InnerAudioContext / BackgroundAudioManager ----------------------------------------------
  var AUDIO_EVENTS = ['Canplay', 'Play', 'Pause', 'Stop', 'Ended', 'TimeUpdate', 'Error', 'Waiting', 'Seeking', 'Seeked'];
  var INNER_PROPS = { src: '', startTime: 0, autoplay: false, loop: false, obeyMuteSwitch: true, volume: 1,
                      playbackRate: 1, referrerPolicy: 'origin' };
  var BACKGROUND_PROPS = { src: '', startTime: 0, title: '', epname: '', singer: '', coverImgUrl: '', webUrl: '',
                           protocol: 'http', playbackRate: 1, referrerPolicy: 'origin' };

  function audioObject(create, cls, defaults, events) {
    var obj = {}, props = {}, state = { duration: 0, currentTime: 0, paused: true, buffered: 0 };
    var handlers = {}, pending = null, destroyed = false, hint = W.currentFile();
    var id = W.invokeWith(create, {}, noop, hint);

    function flush() {
      if (!pending || destroyed) { pending = null; return; }
      var p = pending;
      pending = null;
      W.invokeWith(cls + '.set', { taskId: id, props: p }, noop, hint);
    }
    Object.keys(defaults).forEach(function (k) {
      props[k] = defaults[k];
      Object.defineProperty(obj, k, {
        enumerable: true,
        get: function () { return props[k]; },
        set: function (v) {
          props[k] = typeof defaults[k] === 'number' ? Number(v) : typeof defaults[k] === 'boolean' ? !!v : String(v);
          if (!pending) { pending = {}; Promise.resolve().then(flush); }
          pending[k] = props[k];
        },
      });
    });
    ['duration', 'currentTime', 'paused', 'buffered'].forEach(function (k) {
      Object.defineProperty(obj, k, { enumerable: true, get: function () { return state[k]; } });
    });
    function method(m, argName) {
      return function (arg) {
        if (destroyed) return;
        flush();
        var args = { taskId: id };
        if (argName) args[argName] = arg;
        if (m === 'destroy') { destroyed = true; delete W.tasks[id]; }
        W.invokeWith(cls + '.' + m, args, noop, hint);
      };
    }
    obj.play = method('play'); obj.pause = method('pause'); obj.stop = method('stop');
    obj.seek = method('seek', 'position');
    if (cls === 'InnerAudioContext') obj.destroy = method('destroy');
    events.forEach(function (ev) {
      obj['on' + ev] = function (fn) { if (typeof fn === 'function') (handlers[ev] = handlers[ev] || []).push(fn); };
      obj['off' + ev] = function (fn) {
        var list = handlers[ev] || [];
        if (typeof fn !== 'function') list.length = 0;
        else if (list.indexOf(fn) >= 0) list.splice(list.indexOf(fn), 1);
      };
    });
    obj.__event = function (ev, data) {
      if (destroyed) return;
      if (data && data.state) Object.keys(data.state).forEach(function (k) { state[k] = data.state[k]; });
      var args = ev === 'Error' && data ? [data.detail] : [];
      (handlers[ev] || []).slice().forEach(function (fn) { W.guard(fn, obj, args, hint); });
    };
    W.tasks[id] = obj;
    return obj;
  }

  var background = null;
  var boot = W.bootWx;
  W.bootWx = function (names) {
    boot(names);
    var wx = g.wx;
    if (names.indexOf('createVideoContext') >= 0) {
      wx.createVideoContext = function (id, comp) { return elementContext('VideoContext', 'videoId', VIDEO, id, comp); };
    }
    if (names.indexOf('createAudioContext') >= 0) {
      wx.createAudioContext = function (id, comp) { return elementContext('AudioContext', 'audioId', AUDIO, id, comp); };
    }
    if (names.indexOf('createInnerAudioContext') >= 0) {
      wx.createInnerAudioContext = function () {
        return audioObject('createInnerAudioContext', 'InnerAudioContext', INNER_PROPS, AUDIO_EVENTS);
      };
    }
    if (names.indexOf('getBackgroundAudioManager') >= 0) {
      wx.getBackgroundAudioManager = function () {
        return background || (background = audioObject('getBackgroundAudioManager', 'BackgroundAudioManager',
                                                       BACKGROUND_PROPS, AUDIO_EVENTS.concat(['Next', 'Prev'])));
      };
    }
  };
})(__wxsim, globalThis);
