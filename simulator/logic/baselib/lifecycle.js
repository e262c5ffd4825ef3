// Base library, part 5: the messages the logic layer receives (docs/internals.md, "Logic layer").
(function (W, g) {
  'use strict';
  var H = {};

  function loadDef(path) {
    if (!W.pageDefs[path]) W.require('', '/' + path + '.js');
    return W.pageDefs[path] || null;
  }

  function children(pageId) { return (W.pageChildren[pageId] = W.pageChildren[pageId] || []); }

  H.appLaunch = function (p) {
    var app = W.app;
    if (!app) return;
    var opts = p.options || {};
    W.launchOptions = opts;
    W.pageHook(app, 'onLaunch', [opts]);
    W.pageHook(app, 'onShow', [opts]);
  };
  H.appShow = function (p) { if (W.app) W.pageHook(W.app, 'onShow', [p.options || W.launchOptions || {}]); };
  H.appHide = function () { if (W.app) W.pageHook(W.app, 'onHide', []); };

  H.pageLoad = function (p) {
    var entry = loadDef(p.route);
    if (!entry) {
      W.warn('Page "' + p.route + '" has not been registered yet.', p.route + '.js');
      return;
    }
    var query = p.query || {};
    var inst;
    // deferOnLoad: the host sends `pageOnLoad` once the view has attached the page's components
    // (WeChat: components' attached runs before the page's onLoad).
    var defer = !!p.deferOnLoad;
    if (entry.kind === 'page') {
      inst = W.newPage(entry, p.pageId, p.route, query);
      W.pageStack.push(inst);
      W.sendInit(inst);
      if (!defer) W.pageHook(inst, 'onLoad', [query]);
      return;
    }
    inst = W.newComponent(entry.def, p.pageId, p.route, p.pageId, null);
    inst.route = inst.__route__ = p.route;
    inst.options = query;
    W.pageStack.push(inst);
    W.hook(inst, 'created');
    W.setProps(inst, query);
    W.sendInit(inst);
    W.hook(inst, 'attached');
    if (!defer) W.pageHook(inst, 'onLoad', [query]);
  };
  H.pageOnLoad = function (p) {
    var inst = W.instances[p.pageId];
    if (inst) W.pageHook(inst, 'onLoad', [p.query || {}]);
  };

  function pageOf(p) {
    var inst = W.instances[p.pageId];
    if (!inst) W.warn('no page instance "' + p.pageId + '"');
    return inst;
  }

  function eachChild(pageId, fn) {
    children(pageId).slice().forEach(function (id) { var c = W.instances[id]; if (c) fn(c); });
  }

  H.pageShow = function (p) {
    var inst = pageOf(p);
    if (!inst) return;
    eachChild(p.pageId, function (c) { W.pageLifetime(c, 'show'); });
    W.pageLifetime(inst, 'show');
    W.pageHook(inst, 'onShow');
  };
  H.pageHide = function (p) {
    var inst = pageOf(p);
    if (!inst) return;
    eachChild(p.pageId, function (c) { W.pageLifetime(c, 'hide'); });
    W.pageLifetime(inst, 'hide');
    W.pageHook(inst, 'onHide');
  };
  H.pageResize = function (p) {
    var inst = pageOf(p);
    if (!inst) return;
    eachChild(p.pageId, function (c) { W.pageLifetime(c, 'resize', [p.size || {}]); });
    W.pageLifetime(inst, 'resize', [p.size || {}]);
    W.pageHook(inst, 'onResize', [p.size || {}]);
  };
  H.pageReady = function (p) {
    var inst = pageOf(p);
    if (!inst) return;
    W.hook(inst, 'ready');
    W.pageHook(inst, 'onReady');
  };
  // Scrolling (view layer → page): onPageScroll({scrollTop}) and onReachBottom().
  H.pageScroll = function (p) {
    var inst = pageOf(p);
    if (inst) W.pageHook(inst, 'onPageScroll', [{ scrollTop: p.scrollTop }]);
  };
  H.pullDownRefresh = function (p) {
    var inst = pageOf(p);
    if (inst) W.pageHook(inst, 'onPullDownRefresh', []);
  };
  H.reachBottom = function (p) {
    var inst = pageOf(p);
    if (inst) W.pageHook(inst, 'onReachBottom', []);
  };
  H.pageUnload = function (p) {
    var inst = pageOf(p);
    if (!inst) return;
    children(p.pageId).slice().reverse().forEach(function (id) { H.componentDetach({ id: id }); });
    W.pageHook(inst, 'onUnload');
    W.hook(inst, 'detached');
    var i = W.pageStack.indexOf(inst);
    if (i >= 0) W.pageStack.splice(i, 1);
    delete W.instances[p.pageId];
    delete W.pageChildren[p.pageId];
  };

  // The view found a component host: make the instance and send the data its template is
  // first built with. Its hooks wait for `componentsCreated`, posted once the whole subtree
  // is built, so `created` runs innermost first and `attached` outermost first.
  H.componentAttach = function (p) {
    var entry = loadDef(p.path);
    if (!entry || entry.kind !== 'component') {
      W.warn('Component is not found in path "' + p.path + '" (Component() was not called)', p.path + '.js');
      return;
    }
    var inst = W.newComponent(entry.def, p.id, p.path, p.pageId, p);
    inst.__wx.ownerId = p.ownerId;
    inst.__wx.pendingProps = p.props || {};
    inst.__wx.stage = 'new';
    children(p.pageId).push(p.id);
    W.treeAdd(inst, p);
    W.sendInit(inst, W.dataWithProps(inst, p.props));
  };
  H.componentsCreated = function (p) {
    (p.created || []).forEach(function (id) {
      var c = W.instances[id];
      if (c && c.__wx.stage === 'new') { c.__wx.stage = 'created'; W.hook(c, 'created'); }
    });
    (p.attached || []).forEach(function (id) {
      var c = W.instances[id];
      if (!c || c.__wx.stage !== 'created') return;
      var props = c.__wx.pendingProps;
      c.__wx.pendingProps = null;
      W.setProps(c, props);
      c.__wx.stage = 'attached';
      W.hook(c, 'attached');
      W.relationsAttached(c);
    });
  };
  H.componentTree = function (p) { W.treeUpdate(p.pageId, p.nodes || []); };
  H.componentReady = function (p) { var c = W.instances[p.id]; if (c) W.hook(c, 'ready'); };
  H.componentMoved = function (p) { var c = W.instances[p.id]; if (c) W.hook(c, 'moved'); };
  H.componentDetach = function (p) {
    var c = W.instances[p.id];
    if (!c) return;
    if (c.__wx.stage === 'attached' || c.__wx.stage === undefined) {
      W.relationsDetached(c);
      W.hook(c, 'detached');
    }
    var list = children(c.__wx.pageId);
    var i = list.indexOf(p.id);
    if (i >= 0) list.splice(i, 1);
    W.treeRemove(p.id);
    delete W.instances[p.id];
  };

  function onEvent(p) {
    var inst = W.instances[p.instanceId];
    if (!inst) { W.warn('event for unknown instance "' + p.instanceId + '"'); return; }
    var fn = inst[p.handler];
    if (typeof fn !== 'function') {
      var ev = p.event && p.event.type ? p.event.type : 'event';
      W.warn('Component "' + inst.is + '" does not have a method "' + p.handler + '" to handle event "' + ev + '".',
             inst.__wx.file);
      return;
    }
    W.guard(fn, inst, [p.event], inst.__wx.file);
  }

  // Property updates before `attached` join the pending initial properties.
  function onProps(p) {
    var c = W.instances[p.id];
    if (!c) return;
    if (c.__wx.pendingProps) Object.keys(p.props || {}).forEach(function (k) { c.__wx.pendingProps[k] = p.props[k]; });
    else W.setProps(c, p.props);
  }

  // `model:value="{{path}}"`: the view typed a new value; write it back with setData.
  function onModel(p) {
    var inst = W.instances[p.instanceId];
    if (!inst) return;
    var change = {};
    change[p.path] = p.value;
    inst.setData(change);
  }

  // The single entry point the host calls with each message.
  W.deliver = function (kind, payload) {
    if (kind === 'lifecycle') {
      var h = H[payload.event];
      if (!h) { W.warn('unknown lifecycle event "' + payload.event + '"'); return; }
      h(payload);
    } else if (kind === 'event') onEvent(payload);
    else if (kind === 'props') onProps(payload);
    else if (kind === 'modelUpdate') onModel(payload);
    else if (kind === 'setDataApplied') W.runSetDataCallbacks(payload.callbacks);
    else if (kind === 'callback') W.resolveCall(payload.callId, payload.result);
    else if (kind === 'wxEvent') W.emitWxEvent(payload.name, payload.data);
    else if (kind === 'taskEvent') W.emitTaskEvent(payload.taskId, payload.event, payload.data);
    else W.warn('logic layer got an unknown message kind "' + kind + '"');
  };

  // Host-facing helpers (automation API): read data, call a method, set data.
  W.instanceData = function (id) { var i = W.instances[id]; return i ? i.data : null; };
  W.callMethod = function (id, name, args) {
    var inst = W.instances[id];
    if (!inst) throw new Error('no instance "' + id + '"');
    if (typeof inst[name] !== 'function') throw new Error('"' + inst.is + '" has no method "' + name + '"');
    return inst[name].apply(inst, args || []);
  };
})(__wxsim, globalThis);
