"""`<image>` shows the program's own files: wxfile://usr paths and temp paths."""

from __future__ import annotations

import json

from simulator import launch


def test_image_store_resolves_user_files(tmp_path):
    from PySide6.QtGui import QImage

    from renderer.qt.app import ensure_app
    from renderer.qt.page_widget import images_for

    ensure_app()
    (tmp_path / "project.config.json").write_text(json.dumps({"appid": "wxabc"}))
    (tmp_path / "app.json").write_text(json.dumps({"pages": ["pages/a/a"]}))
    (tmp_path / "app.js").write_text("App({})")
    (tmp_path / "pages" / "a").mkdir(parents=True)
    (tmp_path / "pages" / "a" / "a.wxml").write_text('<image src="wxfile://usr/p.png"/>')
    (tmp_path / "pages" / "a" / "a.js").write_text("Page({})")
    with launch(tmp_path, storage=tmp_path / "storage") as mp:
        img = QImage(4, 3, QImage.Format.Format_RGB32)
        img.fill(0xFF0000)
        target = mp.sim.local_file("wxfile://usr/p.png")
        assert target == (tmp_path / "storage" / "usr" / "p.png").resolve()
        img.save(str(target))
        assert mp.sim.local_file("wxfile://usr/../../x") is None
        store = images_for(mp.sim.current_view())
        assert store.natural_size("wxfile://usr/p.png") == (4, 3)
