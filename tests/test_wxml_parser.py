from __future__ import annotations

import pytest

from bridge.diagnostics import DiagnosticLog, WxsimError
from renderer.wxml.ast import Element, Text
from renderer.wxml.parser import parse_wxml


def parse(src: str):
    log = DiagnosticLog()
    doc = parse_wxml(src, "pages/a/a.wxml", log)
    return doc, [str(d) for d in log.items]


def test_positions_of_elements_attributes_and_text():
    doc, diags = parse('<view class="a">\n  hi <text id=x bare/>\n</view>')
    assert diags == []
    view = doc.children[0]
    assert isinstance(view, Element) and (view.line, view.column) == (1, 1)
    attr = view.attrs[0]
    assert (attr.name, attr.value, attr.line, attr.column, attr.value_line, attr.value_column) == (
        "class", "a", 1, 7, 1, 14)
    text = view.children[0]
    assert isinstance(text, Text) and (text.line, text.column) == (1, 17)
    inner = view.children[1]
    assert isinstance(inner, Element) and inner.tag == "text" and inner.self_closing
    assert (inner.line, inner.column) == (2, 6)
    assert [(a.name, a.value) for a in inner.attrs] == [("id", "x"), ("bare", None)]
    assert inner.attrs[1].column == 17


def test_single_quotes_comments_and_mustache_with_angle_brackets():
    doc, diags = parse("<!-- c --><view a='x \"y\"'>{{a < b ? 1 : 2}}</view>")
    assert diags == []
    view = doc.children[0]
    assert view.attrs[0].value == 'x "y"'
    assert view.children[0].text == "{{a < b ? 1 : 2}}"


def test_wxs_content_is_raw():
    doc, diags = parse('<wxs module="m">var a = 1 < 2 && "<view>";</wxs><view/>')
    assert diags == []
    wxs = doc.children[0]
    assert wxs.raw is not None and wxs.raw.text == 'var a = 1 < 2 && "<view>";'
    assert wxs.children == [] and doc.children[1].tag == "view"


def test_unclosed_tag_is_reported_and_closed_by_parent():
    doc, diags = parse("<view>\n  <text>hi\n</view><view/>")
    assert diags == ["pages/a/a.wxml:2:3: error: <text> is not closed (closed by </view>)"]
    assert [c.tag for c in doc.children if isinstance(c, Element)] == ["view", "view"]


def test_stray_closing_tag_is_ignored():
    doc, diags = parse("<view>a</span></view>")
    assert diags == ["pages/a/a.wxml:1:8: error: unexpected closing tag </span>"]
    assert doc.children[0].children[0].text == "a"


def test_unclosed_at_end_of_file():
    _, diags = parse("<view><text>")
    assert diags == [
        "pages/a/a.wxml:1:7: error: <text> is not closed",
        "pages/a/a.wxml:1:1: error: <view> is not closed",
    ]


def test_unclosed_quote_recovers_on_the_same_line():
    doc, diags = parse('<view a="x>\n<text>t</text>\n</view>')
    assert diags == ['pages/a/a.wxml:1:9: error: attribute a has an unclosed " quote']
    view = doc.children[0]
    assert view.attrs[0].value == "x"
    assert any(isinstance(c, Element) and c.tag == "text" for c in view.children)


def test_missing_value_after_equals():
    doc, diags = parse("<view a= ></view>")
    assert diags == ["pages/a/a.wxml:1:10: error: attribute a has '=' but no value"]
    assert doc.children[0].attrs[0].value == ""


def test_duplicate_attribute_warns_and_last_wins():
    doc, diags = parse('<view a="1" a="2"/>')
    assert diags == ["pages/a/a.wxml:1:13: warning: duplicate attribute a"]
    assert doc.children[0].get("a").value == "2"


def test_unclosed_comment():
    doc, diags = parse("<view/><!-- oops")
    assert diags == ["pages/a/a.wxml:1:8: error: comment is not closed (missing '-->')"]
    assert len(doc.children) == 1


def test_binary_input_raises():
    with pytest.raises(WxsimError):
        parse_wxml("\x00\x01", "x.wxml", DiagnosticLog())
