// Built-ins that WeChat's JavaScript engines have (ES2022/ES2023: V8 on Android, JavaScriptCore
// on iOS) and the embedded QuickJS lacks, written from the ECMAScript specification so that code
// calling them (`list.at(-1)`, `Object.hasOwn`, `findLast`, `toSorted`) runs as it does on a phone.
// Each is added only when missing, non-enumerable like the engine's own.
(function () {
  function define(target, name, fn) {
    if (typeof target[name] === 'function') return;
    Object.defineProperty(target, name, { value: fn, writable: true, configurable: true, enumerable: false });
  }
  function toIntegerOrInfinity(v) {
    var n = Number(v);
    if (n !== n || n === 0) return 0;
    if (n === Infinity || n === -Infinity) return n;
    return n < 0 ? Math.ceil(n) : Math.floor(n);
  }
  function relativeIndex(len, index) {
    var k = toIntegerOrInfinity(index);
    return k >= 0 ? k : len + k;
  }

  // ES2022 §23.1.3.1 Array.prototype.at, §22.1.3.1 String.prototype.at (and typed arrays).
  function at(index) {
    var o = Object(this), len = o.length >>> 0, k = relativeIndex(len, index);
    return k < 0 || k >= len ? undefined : o[k];
  }
  define(Array.prototype, 'at', at);
  define(String.prototype, 'at', function (index) {
    var s = String(this), k = relativeIndex(s.length, index);
    return k < 0 || k >= s.length ? undefined : s.charAt(k);
  });
  if (typeof Uint8Array === 'function') define(Object.getPrototypeOf(Uint8Array.prototype), 'at', at);

  // ES2022 §20.1.2.13 Object.hasOwn.
  define(Object, 'hasOwn', function (obj, key) {
    if (obj === null || obj === undefined) throw new TypeError('Cannot convert undefined or null to object');
    return Object.prototype.hasOwnProperty.call(Object(obj), key);
  });

  // ES2023 §23.1.3.11-12 Array.prototype.findLast / findLastIndex.
  define(Array.prototype, 'findLast', function (predicate, thisArg) {
    var o = Object(this);
    for (var k = (o.length >>> 0) - 1; k >= 0; k--) if (predicate.call(thisArg, o[k], k, o)) return o[k];
    return undefined;
  });
  define(Array.prototype, 'findLastIndex', function (predicate, thisArg) {
    var o = Object(this);
    for (var k = (o.length >>> 0) - 1; k >= 0; k--) if (predicate.call(thisArg, o[k], k, o)) return k;
    return -1;
  });

  // ES2023 §23.1.3.33-39 change-array-by-copy: toReversed, toSorted, toSpliced, with.
  define(Array.prototype, 'toReversed', function () {
    return Array.prototype.slice.call(Object(this)).reverse();
  });
  define(Array.prototype, 'toSorted', function (compare) {
    if (compare !== undefined && typeof compare !== 'function') throw new TypeError('The comparison function must be either a function or undefined');
    return Array.prototype.slice.call(Object(this)).sort(compare);
  });
  define(Array.prototype, 'toSpliced', function (start, skip) {
    var copy = Array.prototype.slice.call(Object(this));
    Array.prototype.splice.apply(copy, arguments.length ? Array.prototype.slice.call(arguments) : [0, 0]);
    return copy;
  });
  define(Array.prototype, 'with', function (index, value) {
    var copy = Array.prototype.slice.call(Object(this)), k = relativeIndex(copy.length, index);
    if (k < 0 || k >= copy.length) throw new RangeError('Invalid index : ' + index);
    copy[k] = value;
    return copy;
  });
})();
