// Deterministic mode for replays (simulator/flows): Date reads a fixed epoch plus the host
// clock's elapsed time (a virtual clock during a replay) and Math.random is a seeded PRNG
// (mulberry32), so the same flow sees the same times and "random" numbers on every run.
(function (W, g) {
  'use strict';
  W.deterministic = function (epochMs, seed) {
    var RealDate = g.Date;
    var start = __wxsim_now();
    function now() { return Math.floor(epochMs + (__wxsim_now() - start)); }
    function FixedDate() {
      if (!(this instanceof FixedDate)) return new RealDate(now()).toString();
      if (arguments.length === 0) return new RealDate(now());
      var args = [null].concat(Array.prototype.slice.call(arguments));
      return new (Function.prototype.bind.apply(RealDate, args))();
    }
    FixedDate.prototype = RealDate.prototype;
    FixedDate.now = now;
    FixedDate.UTC = RealDate.UTC;
    FixedDate.parse = RealDate.parse;
    g.Date = FixedDate;

    var state = seed >>> 0;
    Math.random = function () {
      state = (state + 0x6D2B79F5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  };
})(__wxsim, globalThis);
