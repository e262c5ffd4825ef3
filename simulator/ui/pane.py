"""The simulator pane's commands: device, zoom, background/foreground, back, compile modes,
recompile, screenshot, copy page path, and the File menu's projects — as a toolbar and menus
on the `SimulatorWindow`, like the simulator toolbar of WeChat DevTools.

Every command is also a method, so tests and scripts drive exactly what the buttons do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlencode

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QMenu, QToolBar

from bridge.api.devices import load_devices
from simulator.settings import CompileMode, ProjectSettings, Settings
from simulator.ui.compile_dialog import CompileModeDialog
from simulator.ui.zoom import ZOOM_LEVELS

NORMAL_COMPILE = "Normal compile"


class SimulatorPane:
    """Owns the pane's toolbar and menus on `window`; `settings` None keeps nothing on disk."""

    def __init__(self, window: Any, settings: Settings | None = None) -> None:
        self.window = window
        self.settings = settings
        self.ask_screenshot_path: Callable[[str], str | None] = self._ask_path
        self.ask_compile_mode: Callable[[CompileMode | None], CompileMode | None] = self._ask_mode
        self.last_screenshot: Path | None = None
        self._memory_modes = ProjectSettings()
        self.launch_mode = self._launch_mode()  # `wxsim open --page/--scene`: this run's own condition
        self._build_toolbar()
        self._build_menus()
        self.sync()

    # building -------------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: str | QKeySequence | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda *_: slot())
        self.window.addAction(action)  # shortcuts work with the menus hidden too
        return action

    def _build_toolbar(self) -> None:
        bar = QToolBar("Simulator", self.window)
        bar.setObjectName("simulator-toolbar")
        bar.setMovable(False)
        self.toolbar = bar
        self.device_combo = QComboBox(bar)
        self.device_combo.setToolTip("Device")
        self.device_combo.addItems(list(load_devices()))
        self.device_combo.activated.connect(lambda i: self.set_device(self.device_combo.itemText(i)))
        self.zoom_combo = QComboBox(bar)
        self.zoom_combo.setToolTip("Zoom")
        for level in ZOOM_LEVELS:
            self.zoom_combo.addItem(f"{round(level * 100)}%", level)
        self.zoom_combo.activated.connect(lambda i: self.set_zoom(float(self.zoom_combo.itemData(i))))
        self.compile_combo = QComboBox(bar)
        self.compile_combo.setToolTip("Compile mode")
        self.compile_combo.activated.connect(self._compile_combo_chosen)
        bar.addWidget(self.device_combo)
        bar.addWidget(self.zoom_combo)
        bar.addSeparator()
        bar.addWidget(self.compile_combo)
        self.recompile_action = self._action("Compile", self.recompile, "Ctrl+R")
        bar.addAction(self.recompile_action)
        bar.addSeparator()
        self.back_action = self._action("Back", self.go_back, "Alt+Left")
        bar.addAction(self.back_action)
        self.screenshot_action = self._action("Screenshot", self.screenshot, QKeySequence.StandardKey.Save)
        bar.addAction(self.screenshot_action)
        self.copy_path_action = self._action("Copy path", self.copy_page_path, "Ctrl+Shift+C")
        bar.addAction(self.copy_path_action)
        self.window.addToolBar(bar)

    def _build_menus(self) -> None:
        menubar = self.window.menuBar()
        file_menu = menubar.addMenu("&File")
        file_menu.addAction(self._action("Open Project…", self.choose_project, QKeySequence.StandardKey.Open))
        self.recent_menu = file_menu.addMenu("Recent Projects")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self.screenshot_action)
        sim_menu = menubar.addMenu("&Simulator")
        sim_menu.addAction(self.recompile_action)
        sim_menu.addAction(self.back_action)
        sim_menu.addAction(self.copy_path_action)
        sim_menu.addSeparator()
        self.background_action = self._action("Go to Background", self.enter_background, "Ctrl+Shift+H")
        self.foreground_action = self._action("Return to Foreground", self.enter_foreground, "Ctrl+Shift+F")
        sim_menu.addAction(self.background_action)
        sim_menu.addAction(self.foreground_action)
        sim_menu.addAction(self._action("Pull-down Refresh", self.pull_down_refresh))
        sim_menu.addSeparator()
        sim_menu.addAction(self._action("Zoom In", lambda: self.step_zoom(1), QKeySequence.StandardKey.ZoomIn))
        sim_menu.addAction(self._action("Zoom Out", lambda: self.step_zoom(-1), QKeySequence.StandardKey.ZoomOut))
        sim_menu.addAction(self._action("Actual Size", lambda: self.set_zoom(1.0), "Ctrl+0"))
        self.compile_menu = menubar.addMenu("&Compile")
        self.compile_menu.aboutToShow.connect(self._fill_compile_menu)
        self._fill_compile_menu()

    # state shown in the controls ---------------------------------------------------------------
    def sync(self) -> None:
        """Bring the combos and menu states in line with the window (after a relaunch too)."""
        session = self.window.session
        device = self.window.screen_widget.sim.device
        self.device_combo.setCurrentText(str(device.get("name") or session.device or ""))
        index = self.zoom_combo.findData(self.window.zoom_view.zoom)
        if index >= 0:
            self.zoom_combo.setCurrentIndex(index)
        else:
            self.zoom_combo.setEditText(f"{round(self.window.zoom_view.zoom * 100)}%")
        sim = self.window.sim
        background = bool(getattr(sim, "in_background", False))
        self.background_action.setEnabled(sim is not None and not background)
        self.foreground_action.setEnabled(sim is not None and background)
        self._fill_compile_combo()

    # device and zoom -----------------------------------------------------------------------------
    def set_device(self, name: str) -> bool:
        """Rebuild the program on device `name` at the same page stack."""
        ok = self.window.session.switch_device(name)
        if ok:
            self.window.reattach()
            if self.settings is not None:
                self.settings.set("device", name)
        self.sync()
        return ok

    def set_zoom(self, zoom: float) -> float:
        applied = self.window.zoom_view.set_zoom(zoom)
        if self.settings is not None:
            self.settings.set("zoom", applied)
        self.sync()
        return applied

    def step_zoom(self, direction: int) -> float:
        return self.set_zoom(self._next_level(direction))

    def _next_level(self, direction: int) -> float:
        zoom = self.window.zoom_view.zoom
        ups = [z for z in ZOOM_LEVELS if z > zoom + 1e-6]
        downs = [z for z in ZOOM_LEVELS if z < zoom - 1e-6]
        if direction > 0:
            return ups[0] if ups else zoom
        return downs[-1] if downs else zoom

    # the app's life ----------------------------------------------------------------------------
    def enter_background(self) -> None:
        if self.window.sim is not None:
            self.window.sim.enter_background()
        self.sync()

    def enter_foreground(self) -> None:
        if self.window.sim is not None:
            self.window.sim.enter_foreground()
        self.sync()

    def go_back(self) -> bool:
        return self.window.screen_widget.go_back()

    def pull_down_refresh(self) -> None:
        if self.window.sim is not None:
            self.window.sim.pull_down_refresh()
            self.window.screen_widget.refresh()

    # screenshot and path ---------------------------------------------------------------------------
    def _ask_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self.window, "Save screenshot", suggested, "PNG image (*.png)")
        return path or None

    def screenshot(self, path: str | Path | None = None) -> Path | None:
        """Save the device screen as PNG (at the device pixel ratio); asks where unless `path` is given."""
        from simulator.ui.screenshot import screen_png

        shown = self.window.screen_widget.sim
        if path is None:
            route = (getattr(shown, "current_route", lambda: None)() or "screen").replace("/", "-")
            path = self.ask_screenshot_path(f"{route}.png")
            if not path:
                return None
        target = Path(path)
        if target.suffix.lower() != ".png":
            target = target.with_name(target.name + ".png")
        target.write_bytes(screen_png(shown))
        self.last_screenshot = target
        self.window.statusBar().showMessage(f"Screenshot saved to {target}", 4000)
        return target

    def page_path(self) -> str:
        """The current page as a URL: `pages/detail/detail?id=3` (empty when nothing is open)."""
        sim = self.window.sim
        top = sim.router.top() if sim is not None else None
        if top is None:
            return ""
        query = urlencode(top.query) if top.query else ""
        return top.route + (f"?{query}" if query else "")

    def copy_page_path(self) -> str:
        path = self.page_path()
        QApplication.clipboard().setText(path)
        if path:
            self.window.statusBar().showMessage(f"Copied {path}", 3000)
        return path

    # compile modes ---------------------------------------------------------------------------------
    def project_settings(self) -> ProjectSettings:
        project = self.window.session.project_dir
        if self.settings is None or project is None:
            return self._memory_modes
        return self.settings.project(project)

    def _store(self, value: ProjectSettings) -> None:
        project = self.window.session.project_dir
        if self.settings is None or project is None:
            self._memory_modes = value
        else:
            self.settings.set_project(project, value)

    def _launch_mode(self) -> CompileMode | None:
        session = self.window.session
        page = getattr(session, "page", None)
        scene = int(getattr(session, "scene", 1001) or 1001)
        active = self.project_settings().active_mode()
        if not page or (active is not None and active.url() == page.lstrip("/") and active.scene == scene):
            return None
        route, _, query = page.lstrip("/").partition("?")
        return CompileMode(f"Launch: {page.lstrip('/')}", route, query, scene)

    def current_mode(self) -> CompileMode | None:
        """What a compile launches with: this run's command-line condition, else the active saved mode."""
        return self.launch_mode or self.project_settings().active_mode()

    def recompile(self) -> None:
        """Relaunch at the current compile mode's page (or the app's entry page), fresh page stack."""
        mode = self.current_mode()
        session = self.window.session
        if mode is not None:
            session.recompile(mode.url(), mode.scene)
        else:
            session.recompile(None, 1001)
        self.window.reattach()
        self.sync()

    def choose_compile_mode(self, name: str | None) -> None:
        """Make `name` the active mode (None: normal compile) and compile with it."""
        value = self.project_settings()
        if name is not None and all(m.name != name for m in value.modes):
            return
        self.launch_mode = None
        value.active = name
        self._store(value)
        self.recompile()

    def add_compile_mode(self, mode: CompileMode | None = None) -> CompileMode | None:
        """Save a compile mode (asking for it when not given), make it active and compile."""
        mode = mode or self.ask_compile_mode(self.project_settings().active_mode())
        if mode is None:
            return None
        value = self.project_settings()
        value.put(mode)
        value.active = mode.name
        self.launch_mode = None
        self._store(value)
        self.recompile()
        return mode

    def remove_compile_mode(self, name: str) -> None:
        value = self.project_settings()
        value.remove(name)
        self._store(value)
        self.sync()

    def _ask_mode(self, current: CompileMode | None) -> CompileMode | None:
        sim = self.window.sim
        pages = list(getattr(getattr(sim, "project", None), "pages", []) or [])
        dialog = CompileModeDialog(pages, current, self.window)
        return dialog.mode() if dialog.exec() else None

    def _fill_compile_combo(self) -> None:
        value = self.project_settings()
        self.compile_combo.blockSignals(True)
        self.compile_combo.clear()
        self.compile_combo.addItem(NORMAL_COMPILE, None)
        if self.launch_mode is not None:
            self.compile_combo.addItem(self.launch_mode.name, "\0launch")
        for mode in value.modes:
            self.compile_combo.addItem(mode.name, mode.name)
        self.compile_combo.addItem("Add compile mode…", "\0add")
        wanted = "\0launch" if self.launch_mode is not None else value.active if value.active_mode() else None
        active = self.compile_combo.findData(wanted) if wanted is not None else 0
        self.compile_combo.setCurrentIndex(max(0, active))
        self.compile_combo.blockSignals(False)

    def _compile_combo_chosen(self, index: int) -> None:
        data = self.compile_combo.itemData(index)
        if data == "\0launch":
            self.recompile()
            return
        if data == "\0add":
            if self.add_compile_mode() is None:
                self.sync()
            return
        self.choose_compile_mode(data)

    def _fill_compile_menu(self) -> None:
        menu = self.compile_menu
        menu.clear()
        value = self.project_settings()
        group = QActionGroup(menu)
        normal = menu.addAction(NORMAL_COMPILE)
        normal.setCheckable(True)
        normal.setChecked(self.current_mode() is None)
        normal.triggered.connect(lambda *_: self.choose_compile_mode(None))
        group.addAction(normal)
        if self.launch_mode is not None:
            launch = menu.addAction(f"{self.launch_mode.name}  (scene {self.launch_mode.scene})")
            launch.setCheckable(True)
            launch.setChecked(True)
            launch.triggered.connect(lambda *_: self.recompile())
            group.addAction(launch)
        for mode in value.modes:
            act = menu.addAction(f"{mode.name}  —  {mode.url()}  (scene {mode.scene})")
            act.setCheckable(True)
            act.setChecked(self.launch_mode is None and mode.name == value.active)
            act.triggered.connect(lambda *_, n=mode.name: self.choose_compile_mode(n))
            group.addAction(act)
        menu.addSeparator()
        menu.addAction("Add Compile Mode…").triggered.connect(lambda *_: self.add_compile_mode())
        active = value.active_mode()
        if active is not None:
            menu.addAction(f"Delete “{active.name}”").triggered.connect(
                lambda *_: self.remove_compile_mode(active.name))

    # projects ------------------------------------------------------------------------------------
    def choose_project(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Open mini program project")
        if folder:
            self.window.open_project(folder)

    def _fill_recent(self) -> None:
        menu: QMenu = self.recent_menu
        menu.clear()
        recent = self.settings.recent_projects() if self.settings is not None else []
        for path in recent:
            act = menu.addAction(path)
            act.setEnabled(Path(path).is_dir())
            act.triggered.connect(lambda *_, p=path: self.window.open_project(p))
        if not recent:
            menu.addAction("(none)").setEnabled(False)

    # window geometry --------------------------------------------------------------------------------
    def restore_geometry(self) -> bool:
        saved = self.settings.get("geometry") if self.settings is not None else None
        if not isinstance(saved, str):
            return False
        return bool(self.window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))))

    def save_geometry(self) -> None:
        if self.settings is not None:
            self.settings.set("geometry", bytes(self.window.saveGeometry().toBase64().data()).decode("ascii"))
