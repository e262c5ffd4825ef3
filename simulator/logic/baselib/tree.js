// Base library, part 4b: the logic layer's mirror of the component tree, kept up to date by
// the view (`componentTree`: every component of a page in tree order with its owner, nearest
// component ancestor, id and classes). selectComponent/selectAllComponents/
// selectOwnerComponent and `relations` read it; the instances themselves stay in W.instances.
(function (W) {
  'use strict';
  W.tree = {};          // pageId -> [{id, ownerId, parentId, domId, classes}] in tree order
  var where = {};       // component id -> pageId

  W.treeAdd = function (inst, p) {
    var list = (W.tree[p.pageId] = W.tree[p.pageId] || []);
    list.push({ id: p.id, ownerId: p.ownerId, parentId: p.parentId || p.ownerId, domId: p.nodeId || '',
                classes: p.classes || [] });
    where[p.id] = p.pageId;
  };
  W.treeUpdate = function (pageId, nodes) {
    W.tree[pageId] = nodes.filter(function (n) { return !!W.instances[n.id]; });
    nodes.forEach(function (n) {
      var c = W.instances[n.id];
      if (c) { c.id = n.domId || ''; c.dataset = n.dataset || c.dataset; }
    });
  };
  W.treeRemove = function (id) {
    var list = W.tree[where[id]];
    if (list) for (var i = 0; i < list.length; i++) if (list[i].id === id) { list.splice(i, 1); break; }
    delete where[id];
  };
  function entry(id) {
    var list = W.tree[where[id]] || [];
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
    return null;
  }
  function pageList(inst) { return W.tree[inst.__wx.pageId] || []; }

  // Selectors selectComponent understands: compound `#id` / `.class` parts, `,` groups and
  // `>>>` (into descendant components' trees). Anything else is reported, not guessed.
  var COMPOUND = /^(?:[#.][A-Za-z_\-][\w\-]*)+$/;
  function parseCompound(text) {
    var id = null, classes = [];
    text.replace(/([#.])([\w\-]+)/g, function (_, k, v) { if (k === '#') id = v; else classes.push(v); return ''; });
    return { id: id, classes: classes };
  }
  function parseSelector(sel, hint) {
    var groups = String(sel).split(',').map(function (g) {
      var parts = g.trim().split(/\s*>>>\s*/);
      for (var i = 0; i < parts.length; i++) if (!COMPOUND.test(parts[i])) return null;
      return parts.map(parseCompound);
    });
    if (groups.some(function (g) { return g === null; })) {
      W.warn('selectComponent: unsupported selector "' + sel + '" (wxsim understands #id, .class, "," and ">>>")', hint);
      return null;
    }
    return groups;
  }
  function matches(n, c) {
    if (c.id !== null && n.domId !== c.id) return false;
    return c.classes.every(function (k) { return n.classes.indexOf(k) >= 0; });
  }
  function ownedBy(list, n, scopeIds) { return scopeIds.indexOf(n.ownerId) >= 0; }
  function within(list, ownerId) {   // components whose owner is ownerId or inside it
    var ids = [ownerId], out = [];
    list.forEach(function (n) { if (ids.indexOf(n.ownerId) >= 0) { ids.push(n.id); out.push(n); } });
    return out;
  }

  function selectIds(inst, sel) {
    var groups = parseSelector(sel, inst.__wx.file);
    if (!groups) return [];
    var list = pageList(inst);
    var hit = {};
    groups.forEach(function (chain) {
      var scopes = [inst.__wx.id];
      chain.forEach(function (c, i) {
        var found = [];
        scopes.forEach(function (s) {
          var pool = i === 0 ? list.filter(function (n) { return ownedBy(list, n, [s]); }) : within(list, s);
          pool.forEach(function (n) { if (matches(n, c) && found.indexOf(n.id) < 0) found.push(n.id); });
        });
        scopes = found;
      });
      scopes.forEach(function (id) { hit[id] = true; });
    });
    return list.filter(function (n) { return hit[n.id]; }).map(function (n) { return n.id; });
  }

  // The value selectComponent returns: the instance, or its export() with wx://component-export.
  function exposed(id) {
    var c = W.instances[id];
    var def = c && c.__wx.def;
    if (def && def.exportFn && def.builtin.indexOf('wx://component-export') >= 0) {
      return W.guard(def.exportFn, c, [], c.__wx.file);
    }
    return c || null;
  }

  var base = W.baseProto;
  base.selectComponent = function (sel) {
    var ids = selectIds(this, sel);
    return ids.length ? exposed(ids[0]) : null;
  };
  base.selectAllComponents = function (sel) { return selectIds(this, sel).map(exposed); };
  base.selectOwnerComponent = function () {
    var owner = this.__wx.ownerId ? W.instances[this.__wx.ownerId] : null;
    return owner || null;
  };

  // relations ------------------------------------------------------------------------------
  var INVERSE = { parent: 'child', child: 'parent', ancestor: 'descendant', descendant: 'ancestor' };

  function resolvePath(from, rel) {
    var parts = rel.charAt(0) === '/' ? [] : from.split('/').slice(0, -1);
    rel.replace(/^\//, '').split('/').forEach(function (seg) {
      if (seg === '..') parts.pop(); else if (seg && seg !== '.') parts.push(seg);
    });
    return parts.join('/');
  }
  function relationsOf(inst) {
    var def = inst.__wx.def;
    var out = [];
    if (!def) return out;
    Object.keys(def.relations).forEach(function (key) {
      var r = def.relations[key] || {};
      if (r.target) W.warn('relations: "target" (a behavior) is not supported by wxsim yet', inst.__wx.file);
      out.push({ key: key, path: resolvePath(inst.is, key), type: r.type, spec: r });
    });
    return out;
  }
  function reciprocal(target, inst, type) {
    var want = INVERSE[type];
    var rs = relationsOf(target);
    for (var i = 0; i < rs.length; i++) if (rs[i].path === inst.is && rs[i].type === want) return rs[i];
    return null;
  }
  function findUp(inst, r) {
    var e = entry(inst.__wx.id);
    var pid = e ? e.parentId : null;
    while (pid) {
      var t = W.instances[pid];
      if (!t) return null;
      if (t.is === r.path) return t;
      if (r.type === 'parent') return null;
      var pe = entry(pid);
      pid = pe ? pe.parentId : null;
    }
    return null;
  }
  function links(inst) { return (inst.__wx.links = inst.__wx.links || []); }
  function call(inst, r, name, other) {
    if (typeof r.spec[name] === 'function') W.guard(r.spec[name], inst, [other], inst.__wx.file);
  }

  // A component attached: link it to the parent/ancestor its relations name (both sides).
  W.relationsAttached = function (inst) {
    relationsOf(inst).forEach(function (r) {
      if (r.type !== 'parent' && r.type !== 'ancestor') return;
      var t = findUp(inst, r);
      var back = t && reciprocal(t, inst, r.type);
      if (!back) return;
      links(inst).push({ other: t.__wx.id, r: r });
      links(t).push({ other: inst.__wx.id, r: back });
      call(t, back, 'linked', inst);
      call(inst, r, 'linked', t);
    });
  };
  W.relationsDetached = function (inst) {
    links(inst).slice().forEach(function (l) {
      var t = W.instances[l.other];
      if (!t) return;
      var theirs = links(t).filter(function (x) { return x.other === inst.__wx.id; });
      t.__wx.links = links(t).filter(function (x) { return x.other !== inst.__wx.id; });
      theirs.forEach(function (x) { call(t, x.r, 'unlinked', inst); });
      call(inst, l.r, 'unlinked', t);
    });
    inst.__wx.links = [];
  };
  base.getRelationNodes = function (key) {
    var list = pageList(this);
    var ids = links(this).filter(function (l) { return l.r.key === key; }).map(function (l) { return l.other; });
    return list.filter(function (n) { return ids.indexOf(n.id) >= 0; }).map(function (n) { return W.instances[n.id]; });
  };
})(__wxsim);
