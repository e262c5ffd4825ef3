"""A page that calls wx.* APIs the way mini programs do, for the API tests: `cb` passes
success/fail/complete callbacks, `promise` uses the returned Promise; results land in `log`."""

from __future__ import annotations

CALLS_JS = """
Page({
  data: {log: []},
  add(entry) { this.setData({log: this.data.log.concat([entry])}) },
  cb(name, opts) {
    wx[name](Object.assign({}, opts, {
      success: r => this.add(['success', r]), fail: e => this.add(['fail', e]),
      complete: () => this.add(['complete']) }))
  },
  promise(name, opts) { wx[name](opts).then(r => this.add(['then', r]), e => this.add(['catch', e])) },
  sync(name, args) { try { this.add(['return', wx[name].apply(wx, args)]) } catch (e) { this.add(['throw', e.message]) } },
})
"""
CALLS_PAGE = {"wxml": "<view>calls</view>", "js": CALLS_JS}


def results(page) -> list:
    """The page's log, then cleared."""
    log = page.data("log")
    page.set_data({"log": []})
    return log


def call_sources(mp, name: str) -> list[str]:
    """The traffic-log `source` of every answered async `wx.<name>` call, in order."""
    traffic = mp.traffic()
    ids = [m["payload"].get("callId") for m in traffic
           if m["kind"] == "invoke" and (m.get("payload") or {}).get("name") == name
           and not (m.get("payload") or {}).get("sync")]
    by_id = {m["payload"].get("callId"): m.get("source") for m in traffic
             if m["kind"] == "callback" and isinstance(m.get("payload"), dict)}
    return [by_id[i] for i in ids if i in by_id]
