"""float (CSS 2.1 §9.5), approximated: floats line up and wrap like atomic inlines of the line
they start in, a right float goes to the end of its line, a following block starts below."""

from __future__ import annotations

from simulator import launch
from tests.miniprogram import write_project


def boxes(tmp_path, wxml, wxss=""):
    root = write_project(tmp_path / "p", {"pages/a/a": {"wxml": wxml, "wxss": wxss, "js": "Page({})"}})
    with launch(root, storage=tmp_path / "s") as mp:
        page = mp.current_page()
        return {e.node.attrs["id"]: (e.offset()["left"], e.offset()["top"], e.size()["width"], e.size()["height"])
                for e in page.query_all("[id]")}


def test_half_width_left_floats_make_a_two_column_grid(tmp_path):
    wxml = ('<view id="list" class="clearfix">' + "".join(f'<view id="i{n}" class="item">{n}</view>' for n in range(3))
            + '</view><view id="after">after</view>')
    wxss = (".item { float: left; width: 50%; height: 40px; }"
            " .clearfix::after { content: ''; display: block; clear: both; }")
    b = boxes(tmp_path, wxml, wxss)
    assert b["i0"][:2] == (0, 0) and b["i1"][:2] == (187.5, 0) and b["i2"][:2] == (0, 40)
    assert b["after"][1] == 80  # below the floats


def test_right_float_shares_the_line_with_text(tmp_path):
    b = boxes(tmp_path, '<view id="row">商品 <text id="price" style="float:right">¥10</text></view>')
    row, price = b["row"], b["price"]
    assert price[1] == row[1] and abs(price[0] + price[2] - 375) < 0.5


def test_floats_inside_inline_hosts_line_up(tmp_path):
    """Component-library grids float their items inside the (inline) component hosts."""
    wxml = "<view>" + "".join(f'<text><view id="g{n}" style="float:left;width:25%">{n}</view></text>'
                              for n in range(4)) + "</view>"
    b = boxes(tmp_path, wxml)
    assert [b[f"g{n}"][0] for n in range(4)] == [0, 93.75, 187.5, 281.25]
    assert len({b[f"g{n}"][1] for n in range(4)}) == 1


def test_float_has_no_effect_on_a_flex_item(tmp_path):
    b = boxes(tmp_path, '<view style="display:flex"><view id="a" style="float:right;width:50px">a</view></view>')
    assert b["a"][0] == 0
