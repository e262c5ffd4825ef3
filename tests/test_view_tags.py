"""Tags the view does not draw are reported once with file:line:col; inputs honour maxlength."""

from __future__ import annotations

from simulator import launch
from tests.miniprogram import write_project


def _project(tmp_path, wxml: str, js: str = "Page({data: {}})"):
    return write_project(tmp_path, {"pages/a/a": {"wxml": wxml, "js": js}})


def test_unknown_and_unsupported_tags_warn_once_with_position(tmp_path):
    project = _project(tmp_path, "<view>\n  <p>one</p><p>two</p>\n  <camera></camera>\n</view>")
    with launch(project, storage=tmp_path / "storage") as mp:
        warnings = [str(d) for d in mp.diagnostics() if d.severity == "warning"]
        page = mp.current_page()
        assert [e.text() for e in page.query_all("p")] == ["one", "two"]  # still rendered, as containers
    assert warnings.count("pages/a/a.wxml:2:3: warning: unknown tag <p> renders as a generic container") == 1
    assert "pages/a/a.wxml:3:3: warning: <camera> is not supported yet; it renders as an empty container" in warnings


def test_input_is_cut_at_maxlength(tmp_path):
    project = _project(
        tmp_path,
        '<input class="a" maxlength="5" bindinput="onInput"/><input class="b" maxlength="-1"/><input class="c"/>',
        "Page({data: {v: ''}, onInput(e) { this.setData({v: e.detail.value}) }})",
    )
    with launch(project, storage=tmp_path / "storage") as mp:
        page = mp.current_page()
        page.query(".a").input("abcdefgh")
        assert page.data("v") == "abcde"
        page.query(".b").input("x" * 300)
        assert len(page.query(".b").value()) == 300
        page.query(".c").input("y" * 300)
        assert len(page.query(".c").value()) == 140


def test_model_value_writes_the_typed_value_back_to_data(tmp_path):
    project = _project(
        tmp_path,
        '<input class="name" model:value="{{form.name}}"/><text class="echo">{{form.name}}</text>',
        "Page({data: {form: {name: 'a'}}})",
    )
    with launch(project, storage=tmp_path / "storage") as mp:
        page = mp.current_page()
        assert page.query(".name").value() == "a"
        page.query(".name").input("小明")
        assert page.data("form.name") == "小明"
        assert page.query(".echo").text() == "小明"
