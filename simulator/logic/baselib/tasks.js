// Base library, part 8: APIs that hand back an object. wx.request / uploadFile / downloadFile /
// connectSocket return their task at once (the call id is the task id; methods are `Task.method`
// invokes, host events arrive as `taskEvent`); wx.getFileSystemManager() returns the manager whose
// methods are `FileSystemManager.*` invokes. Binary data crosses the bridge as base64.
(function (W, g) {
  'use strict';
  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

  W.toBase64 = function (buf) {
    var bytes = new Uint8Array(buf), out = '', i;
    for (i = 0; i + 2 < bytes.length; i += 3) {
      var n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
    }
    var rest = bytes.length - i;
    if (rest === 1) { var a = bytes[i] << 16; out += B64[a >> 18] + B64[(a >> 12) & 63] + '=='; }
    if (rest === 2) { var b = (bytes[i] << 16) | (bytes[i + 1] << 8); out += B64[b >> 18] + B64[(b >> 12) & 63] + B64[(b >> 6) & 63] + '='; }
    return out;
  };
  W.fromBase64 = function (text) {
    text = String(text).replace(/[^A-Za-z0-9+/]/g, '');
    var bytes = new Uint8Array(Math.floor(text.length * 3 / 4)), j = 0, bits = 0, acc = 0;
    for (var i = 0; i < text.length; i++) {
      acc = (acc << 6) | B64.indexOf(text[i]); bits += 6;
      if (bits >= 8) { bits -= 8; bytes[j++] = (acc >> bits) & 255; }
    }
    return bytes.buffer.slice(0, j);
  };
  function isBuffer(v) { return v instanceof ArrayBuffer || ArrayBuffer.isView(v); }
  function binaryArgs(opts, key) {
    var out = {};
    Object.keys(opts || {}).forEach(function (k) { out[k] = opts[k]; });
    if (isBuffer(out[key])) { out[key] = W.toBase64(out[key].buffer || out[key]); out.$binary = true; }
    return out;
  }
  function unbinary(r) {
    if (r && r.$binary) { r.data = W.fromBase64(r.data); delete r.$binary; }
    return r;
  }

  // --- tasks ----------------------------------------------------------------------------
  var EVENTS = {
    request: ['HeadersReceived', 'ChunkReceived'],
    uploadFile: ['ProgressUpdate', 'HeadersReceived'],
    downloadFile: ['ProgressUpdate', 'HeadersReceived'],
    connectSocket: ['Open', 'Message', 'Close', 'Error'],
  };
  var CLASS = { request: 'RequestTask', uploadFile: 'UploadTask', downloadFile: 'DownloadTask', connectSocket: 'SocketTask' };
  var latestSocket = 0;

  function makeTask(name, id, hint) {
    var handlers = {}, task = {};
    EVENTS[name].forEach(function (ev) {
      task['on' + ev] = function (fn) { if (typeof fn === 'function') (handlers[ev] = handlers[ev] || []).push(fn); };
      task['off' + ev] = function (fn) {
        var list = handlers[ev] || [];
        if (typeof fn !== 'function') list.length = 0;
        else if (list.indexOf(fn) >= 0) list.splice(list.indexOf(fn), 1);
      };
    });
    task.__event = function (ev, data) {
      if (ev === 'Message' && data && data.$binary) data = unbinary(data);
      (handlers[ev] || []).slice().forEach(function (fn) { W.guard(fn, task, [data], hint); });
      if (name === 'connectSocket' && id === latestSocket) W.emitWxEvent('onSocket' + ev, data);
      if (ev === 'Close' || ev === 'done') delete W.tasks[id];
    };
    if (name === 'connectSocket') {
      task.send = function (opts) { return W.invokeAsync('SocketTask.send', binaryArgs(Object.assign({ taskId: id }, opts || {}), 'data')); };
      task.close = function (opts) { return W.invokeAsync('SocketTask.close', Object.assign({ taskId: id }, opts || {})); };
    } else {
      task.abort = function () { W.invokeWith(CLASS[name] + '.abort', { taskId: id }, function () {}, hint); };
    }
    W.tasks[id] = task;
    return task;
  }

  function taskApi(name) {
    return function (opts) {
      opts = opts && typeof opts === 'object' ? opts : {};
      var id = W.nextTaskId(), task = makeTask(name, id, W.currentFile());
      if (name === 'connectSocket') latestSocket = id;
      var usePromise = !['success', 'fail', 'complete'].some(function (k) { return typeof opts[k] === 'function'; });
      var wrapped = {};
      Object.keys(opts).forEach(function (k) { wrapped[k] = opts[k]; });
      if (name === 'request' && isBuffer(opts.data)) { wrapped = binaryArgs(opts, 'data'); }
      var done = function (r) { if (name !== 'connectSocket') delete W.tasks[id]; return r; };
      ['success', 'fail'].forEach(function (k) {
        var fn = opts[k];
        wrapped[k] = function (r) { done(r); if (r && r.$binary) unbinary(r); if (typeof fn === 'function') return fn.call(opts, r); };
      });
      var promise = W.invokeAsync(name, usePromise ? plainPromiseOpts(wrapped) : wrapped, id);
      return usePromise && name !== 'connectSocket' ? promise : task;
    };
  }
  // In the promise form the success/fail wrappers above must not turn it into the callback form.
  function plainPromiseOpts(o) { var out = {}; Object.keys(o).forEach(function (k) { if (k !== 'success' && k !== 'fail') out[k] = o[k]; }); return out; }

  // --- file system manager ------------------------------------------------------------------
  var SYNC_PARAMS = {
    readFile: ['filePath', 'encoding', 'position', 'length'], writeFile: ['filePath', 'data', 'encoding'],
    appendFile: ['filePath', 'data', 'encoding'], access: ['path'], mkdir: ['dirPath', 'recursive'],
    rmdir: ['dirPath', 'recursive'], readdir: ['dirPath'], unlink: ['filePath'], stat: ['path', 'recursive'],
  };
  var SYNC_RETURNS = { readFile: 'data', readdir: 'files', stat: 'stats' };

  function withStatMethods(stats) {
    function wrap(s) {
      var d = !!s.isDirectory, f = !!s.isFile;
      s.isDirectory = function () { return d; }; s.isFile = function () { return f; };
      return s;
    }
    if (Array.isArray(stats)) stats.forEach(function (e) { wrap(e.stats); });
    else if (stats) wrap(stats);
    return stats;
  }

  var fsm = null;
  function fileSystemManager() {
    if (fsm) return fsm;
    fsm = {};
    Object.keys(SYNC_PARAMS).forEach(function (m) {
      fsm[m] = function (opts) {
        opts = opts && typeof opts === 'object' ? opts : {};
        var wrapped = binaryArgs(opts, 'data');
        ['success'].forEach(function (k) {
          var fn = opts[k];
          wrapped[k] = function (r) { unbinary(r); if (m === 'stat') withStatMethods(r.stats); if (typeof fn === 'function') fn.call(opts, r); };
        });
        W.invokeAsync('FileSystemManager.' + m, wrapped);
      };
      fsm[m + 'Sync'] = function () {
        var args = {}, names = SYNC_PARAMS[m];
        for (var i = 0; i < names.length && i < arguments.length; i++) args[names[i]] = arguments[i];
        args = binaryArgs(args, 'data');
        var r = unbinary(W.invokeSync('FileSystemManager.' + m + 'Sync', args));
        var key = SYNC_RETURNS[m];
        if (!key) return undefined;
        return m === 'stat' ? withStatMethods(r[key]) : r[key];
      };
    });
    return fsm;
  }

  var boot = W.bootWx;
  W.bootWx = function (names) {
    boot(names);
    var wx = g.wx;
    Object.keys(EVENTS).forEach(function (name) { if (names.indexOf(name) >= 0) wx[name] = taskApi(name); });
    if (names.indexOf('sendSocketMessage') >= 0) {
      wx.sendSocketMessage = function (opts) { return W.invokeAsync('sendSocketMessage', binaryArgs(Object.assign({ taskId: latestSocket }, opts || {}), 'data')); };
      wx.closeSocket = function (opts) { return W.invokeAsync('closeSocket', Object.assign({ taskId: latestSocket }, opts || {})); };
    }
    wx.getFileSystemManager = fileSystemManager;
  };
})(__wxsim, globalThis);
