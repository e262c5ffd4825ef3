"""The settings store (Qt-free): recent projects, compile modes per project, atomic writes."""

from __future__ import annotations

import json

from simulator.settings import MAX_RECENT, CompileMode, ProjectSettings, Settings


def test_settings_recent_projects_most_recent_first_and_persisted(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    s = Settings(tmp_path / "cfg")
    s.add_recent(a)
    s.add_recent(b)
    s.add_recent(a)
    again = Settings(tmp_path / "cfg")
    assert again.recent_projects() == [str(a.resolve()), str(b.resolve())]
    assert again.last_project() == str(a.resolve())


def test_settings_recent_list_is_bounded(tmp_path):
    s = Settings(tmp_path / "cfg")
    for i in range(MAX_RECENT + 3):
        s.add_recent(tmp_path / f"p{i}")
    assert len(s.recent_projects()) == MAX_RECENT
    assert s.recent_projects()[0].endswith(f"p{MAX_RECENT + 2}")


def test_settings_last_project_skips_deleted_folders(tmp_path):
    gone, kept = tmp_path / "gone", tmp_path / "kept"
    kept.mkdir()
    s = Settings(tmp_path / "cfg")
    s.add_recent(kept)
    s.add_recent(gone)  # never existed on disk
    assert s.last_project() == str(kept.resolve())
    assert Settings(tmp_path / "empty").last_project() is None


def test_settings_compile_modes_round_trip_per_project(tmp_path):
    s = Settings(tmp_path / "cfg")
    value = ProjectSettings()
    value.put(CompileMode("share card", "/pages/detail/detail", "?id=3&from=share", 1007))
    value.put(CompileMode("scan", "pages/index/index", "", 1011))
    value.active = "share card"
    s.set_project(tmp_path / "proj", value)
    loaded = Settings(tmp_path / "cfg").project(tmp_path / "proj")
    mode = loaded.active_mode()
    assert mode is not None and mode.url() == "pages/detail/detail?id=3&from=share" and mode.scene == 1007
    assert mode.query_dict() == {"id": "3", "from": "share"}
    assert [m.name for m in loaded.modes] == ["share card", "scan"]
    assert Settings(tmp_path / "cfg").project(tmp_path / "other").modes == []
    loaded.remove("share card")
    assert loaded.active is None and [m.name for m in loaded.modes] == ["scan"]


def test_settings_write_is_atomic_and_a_damaged_file_is_set_aside(tmp_path):
    cfg = tmp_path / "cfg"
    s = Settings(cfg)
    s.set("zoom", 1.5)
    assert json.loads((cfg / "settings.json").read_text())["zoom"] == 1.5
    assert [p.name for p in cfg.iterdir()] == ["settings.json"]  # no temp file left behind
    (cfg / "settings.json").write_text("{ not json", encoding="utf-8")
    fresh = Settings(cfg)
    assert fresh.get("zoom") is None
    assert (cfg / "settings.json.bad").read_text() == "{ not json"


def test_settings_default_folder_follows_xdg_config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert Settings().path == tmp_path / "xdg" / "wxsim" / "settings.json"
