"""ES2022/ES2023 built-ins WeChat's engines have and QuickJS lacks (Array/String `at`,
`Object.hasOwn`, `findLast`, change-array-by-copy) behave per the specification, and stay
non-enumerable so `for…in` over arrays is unchanged."""

from __future__ import annotations

from simulator import launch
from tests.miniprogram import write_project

JS = """
Page({
  data: { out: null },
  onLoad() {
    const a = [3, 1, 2]
    const keys = []
    for (const k in a) keys.push(k)
    this.setData({ out: {
      at: [a.at(-1), a.at(0), a.at(5) === undefined, 'abc'.at(-1), new Uint8Array([7, 8]).at(-1)],
      hasOwn: [Object.hasOwn({ x: 1 }, 'x'), Object.hasOwn({}, 'toString')],
      findLast: [a.findLast(n => n > 1), a.findLastIndex(n => n > 5)],
      copies: [a.toSorted(), a.toReversed(), a.toSpliced(1, 1), a.with(-1, 9), a],
      keys,
    } })
  },
})
"""


def test_modern_builtins_match_the_specification(tmp_path):
    root = write_project(tmp_path / "p", {"pages/a/a": {"wxml": "<view/>", "js": JS}})
    with launch(root, storage=tmp_path / "s") as mp:
        out = mp.current_page().data("out")
        assert out["at"] == [2, 3, True, "c", 8]
        assert out["hasOwn"] == [True, False]
        assert out["findLast"] == [2, -1]
        assert out["copies"] == [[1, 2, 3], [2, 1, 3], [3, 2], [3, 1, 9], [3, 1, 2]]
        assert out["keys"] == ["0", "1", "2"]
        assert not [d for d in mp.diagnostics() if d.severity == "error"]
