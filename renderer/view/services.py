"""What every page view of one running mini program shares: compiled templates, parsed
stylesheets, the viewport and text measurer, and the way out to the bridge.

Compiling a template or parsing a stylesheet happens once per file and is dropped when the
file changes (`invalidate`), which is what hot reload relies on.
"""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any, Callable

from bridge.diagnostics import Diagnostic, WxsimError
from renderer.anim.engine import Animator
from renderer.layout.session import LayoutSession
from renderer.view.resources import Resources, data_uri_bytes
from renderer.view.nodes import TEXT, ViewNode, is_virtual_host, mark_changed
from renderer.view.pseudo_boxes import update_pseudos
from renderer.view.scopes import external_map, external_sheet, style_files
from renderer.view.tags import check_tags
from renderer.view.wxs_host import WxsHost
from renderer.wxml.compiler import compile_wxml
from renderer.wxml.runtime import TemplateRuntime
from renderer.wxss.cascade import StyleResolver
from renderer.wxss.computed import compute_style
from renderer.wxss.defaults import default_stylesheet
from renderer.wxss.stylesheet import StyleSheet, parse_stylesheet
from renderer.wxss.viewport import Viewport

Post = Callable[..., Any]


class ViewServices:
    def __init__(self, project: Any, viewport: Viewport, measurer: Any, post: Post,
                 report: Callable[[Diagnostic], None], navigate: Callable[[str, str, int], None],
                 mark_applied: Callable[[int], None], focus: Callable[[Any, ViewNode], None] | None = None):
        self.project = project
        self.viewport = viewport
        self.measurer = measurer
        self.post = post
        self.report = report
        self.navigate = navigate
        self.mark_applied = mark_applied
        self._focus = focus
        self.animator = Animator(report=report)
        self.animator.viewport = viewport
        self.animator.css.keyframes_for = self.keyframes_for
        self.animator.css.site_of = self.site_of
        self.templates = TemplateRuntime()
        self.wxs = WxsHost(self)  # WXS event handlers and change: observers
        self._compiled: set[str] = set()
        self._sheets: dict[str, StyleSheet | None] = {}
        self._resolvers: dict[tuple, StyleResolver] = {}
        self._resolver_gen = 0  # bumped when resolvers are dropped (instances' cached picks go stale)
        self._using: dict[str, dict[str, str]] = {}
        self._ids = itertools.count(1)
        self._ua = default_stylesheet()
        self._layouts: dict[int, tuple[ViewNode, LayoutSession]] = {}
        self._warned_tags: set[tuple[str, str]] = set()
        self._window_viewports: dict[float, Viewport] = {}
        # image sources and remote fonts (renderer/view/resources.py); the simulator wires its
        # local files, thread-safe queue and traffic log into it
        self.resources = Resources(project, report)
        # encoded image bytes → natural (width, height); set by the Qt side (renderer/qt/images.py)
        self.image_size: Callable[[bytes], tuple[int, int] | None] | None = None
        # fn(page_view, kind, info) for user input ("tap", "longpress", "input", "scroll"): the flow recorder
        self.input_observers: list[Callable[[Any, str, dict], None]] = []
        # set by the simulator: runs a function on the view's thread (a remote font arrived) and
        # is told which page roots must be laid out again with the new font
        self.post_threadsafe: Callable[[Callable[[], None]], None] | None = None
        self.fonts_arrived: Callable[[list[ViewNode]], None] | None = None

    def new_component_id(self) -> str:
        return f"c{next(self._ids)}"

    def focus(self, view: Any, node: ViewNode) -> None:
        if self._focus is not None:
            self._focus(view, node)

    def invalidate(self) -> None:
        """Forget compiled templates, stylesheets and component tables (files changed)."""
        self.templates = TemplateRuntime()
        self._compiled.clear()
        self._sheets.clear()
        self._resolvers.clear()
        self._resolver_gen += 1
        self.animator.css.restart_all()  # running @keyframes animations pick up the new rules
        self._using.clear()
        for _root, session in self._layouts.values():
            session.release()
        self._layouts.clear()

    # templates -------------------------------------------------------------
    def using_components(self, base: str) -> dict[str, str]:
        """The file's component table; a json that does not parse is reported once and counts as
        empty, so the page still renders its built-in tags."""
        if base not in self._using:
            try:
                self._using[base] = self.project.using_components(base)
            except WxsimError as exc:
                self.report(exc.diagnostic)
                self._using[base] = {}
        return self._using[base]

    def render(self, base: str, data: dict, report: Callable[[Diagnostic], None], instance: str | None = None,
               changes: list | None = None) -> list:
        """The vnodes of `base`'s template with `data` (see TemplateRuntime.render for `instance`
        and `changes`: loops may reuse items an instance rendered last time)."""
        rel = base + ".wxml"
        try:
            if rel not in self._compiled:
                compiled = compile_wxml(self.project.read_text, rel, report)
                self.templates.load(compiled)
                self._compiled.add(rel)
                check_tags(self.project.read_text(rel), rel, self.using_components(base), self._warned_tags, report)
            return self.templates.render(rel, data, instance, changes)
        except WxsimError as exc:
            report(exc.diagnostic)
            return []

    # styles ------------------------------------------------------------------
    def _sheet(self, rel: str) -> StyleSheet | None:
        if rel not in self._sheets:
            sheet = None
            if self.project.exists(rel):
                try:
                    sheet = parse_stylesheet(self.project.read_text(rel), rel, self.project.read_text, self.report)
                except WxsimError as exc:
                    self.report(exc.diagnostic)
                if sheet is not None and sheet.font_faces and hasattr(self.measurer, "register_font_faces"):
                    self._register_faces(sheet.font_faces)
            self._sheets[rel] = sheet
        return self._sheets[rel]

    def _register_faces(self, faces: list[Any]) -> None:
        """Load a sheet's @font-face fonts; remote ones arrive later (`_faces_arrived`)."""
        def fetch(url: str) -> bytes | None:
            return self.resources.font(url, lambda: self._faces_arrived(faces))

        self.measurer.register_font_faces(faces, self._read_bytes, self.report, fetch)

    def _faces_arrived(self, faces: list[Any]) -> None:
        """A remote font came (or failed): register it and lay out again the pages using it."""
        self._register_faces(faces)
        self._relayout_families({f.family.lower() for f in faces})

    def load_font_face(self, family: str, url: str, done: Callable[[str], None]) -> None:
        """wx.loadFontFace: fetch `url` (https or a data: URL) and make `family` name it; `done(why)`
        runs once with "" when the font is usable, else the reason it is not."""
        register = getattr(self.measurer, "register_font_bytes", None)
        if register is None:
            done("fonts cannot be loaded without Qt")
            return
        if url.startswith("data:"):
            data = data_uri_bytes(url)
        else:
            try:
                data = self.resources.font(url, lambda: self.load_font_face(family, url, done))
            except OSError as exc:
                done(f"cannot fetch {url} ({exc})")
                return
            if data is None:
                return  # fetching: called again when it arrived
        if not data or not register(family, data):
            done(f"{url[:80]} is not a font the simulator can read")
            return
        self._relayout_families({family.lower()})
        done("")

    def _relayout_families(self, families: set[str]) -> None:
        stale: list[ViewNode] = []
        for key, (root, session) in list(self._layouts.items()):
            if any(_node_uses(n, families) for n in root.walk()):
                session.release()  # measured widths are stale: the next pass lays out afresh
                del self._layouts[key]
                stale.append(root)
        if stale and self.fonts_arrived is not None:
            self.fonts_arrived(stale)

    def _read_bytes(self, rel: str) -> bytes:
        path = self.project.path(rel)
        return path.read_bytes()

    def resolver_for(self, base: str, is_page: bool) -> StyleResolver:
        """Pages see app.wxss and their own sheet; components only their own (isolated)."""
        files = ("app.wxss", base + ".wxss") if is_page else (base + ".wxss",)
        key = files
        resolver = self._resolvers.get(key)
        if resolver is None:
            sheets = [self._ua] + [s for s in (self._sheet(f) for f in files) if s is not None]
            resolver = StyleResolver(sheets, self.viewport, self.report)
            self._resolvers[key] = resolver
        return resolver

    def window_viewport(self, height: float | None) -> Viewport:
        """The viewport a page's styles see: the device's width and the page window's height
        (the screen less the navigation and tab bars), which is what `vh` counts in WeChat."""
        if height is None or height == self.viewport.height:
            return self.viewport
        found = self._window_viewports.get(height)
        if found is None:
            found = self._window_viewports[height] = dataclasses.replace(self.viewport, height=height)
        return found

    def resolver_for_instance(self, inst: Any, viewport: Viewport | None = None) -> StyleResolver:
        """The resolver for an instance's template: its isolation mode and external classes.

        Asked once per styled node; the pick is kept on the instance while its options (set by
        instanceInit) and the viewport stay the same objects, unless it maps external classes
        (those follow the host's attributes, which a render may change).
        """
        viewport = viewport or self.viewport
        kept = getattr(inst, "style_resolver", None)
        if kept is not None and kept[0] == self._resolver_gen and kept[1] is inst.options and kept[3] is viewport:
            return kept[2]
        resolver = self._resolver_for_instance(inst, viewport)
        if not inst.options.get("externalClasses"):
            inst.style_resolver = (self._resolver_gen, inst.options, resolver, viewport)
        return resolver

    def _resolver_for_instance(self, inst: Any, viewport: Viewport) -> StyleResolver:
        files = style_files(inst, self.project.json_of)
        mapped = frozenset(c for cs in external_map(inst).values() for c in cs)
        owner_files = style_files(inst.host.owner, self.project.json_of) if mapped else ()
        key = (files, owner_files, mapped, viewport)
        resolver = self._resolvers.get(key)
        if resolver is None:
            sheets = [self._ua] + [s for s in (self._sheet(f) for f in files) if s is not None]
            if mapped:
                owner = [s for s in (self._sheet(f) for f in owner_files) if s is not None]
                sheets.append(external_sheet(owner, mapped))
            resolver = self._resolvers[key] = StyleResolver(sheets, viewport, self.report)
        return resolver

    def keyframes_for(self, node: ViewNode, name: str) -> Any:
        """The @keyframes rule `name` for an element: from the sheets that style its template,
        else (WeChat's WebView keeps every sheet of the page in one document, where keyframe
        names are global) from app.wxss or any other sheet loaded so far, the latest first."""
        found = self.resolver_for_instance(node.owner).keyframes.get(name)
        if found is not None:
            return found
        for sheet in [self._sheet("app.wxss"), *reversed(list(self._sheets.values()))]:
            for rule, _media in reversed(getattr(sheet, "keyframes", None) or ()):
                if rule.name == name:
                    return rule
        return None

    def site_of(self, node: ViewNode, longhand: str) -> tuple:
        """(file, line, column) of the rule declaration that gives an element its `longhand`."""
        host = self.resolver_for_instance(node.component) if node.component is not None else None
        return self.resolver_for_instance(node.owner).site_of(node, longhand, host)

    def _virtual_style(self, parent: Any) -> Any:
        """A virtual host's style: `display: contents`, everything else inherited."""
        cache = self.__dict__.setdefault("_virtual_styles", {})
        style = cache.get(parent)
        if style is None:
            style = cache[parent] = compute_style({"display": "contents"}, parent, self.viewport)
        return style

    def position_sensitive(self, parent: ViewNode) -> bool:
        """Whether a rule that can style `parent`'s children depends on sibling positions."""
        owners = {child.owner for child in parent.children} or {parent.owner}
        return any(self.resolver_for_instance(owner).position_sensitive for owner in owners)

    def style_tree(self, root: ViewNode, since: int = -1, view: Any = None) -> None:
        """Compute styles where something changed: dirty nodes, and below a changed style.

        Subtrees with no change stamped after generation `since` are skipped whole. Animated
        values (`animator`) lie over the cascade's result; `view` is the page they belong to.
        """
        html = root.state.get("htmlStyle") if root.state else None  # page-meta's root-font-size (rem)
        viewport = self.window_viewport(getattr(view, "visible_height", None))
        stack: list[tuple[ViewNode, Any, bool]] = [(root, html, False)]
        while stack:
            node, parent_style, parent_changed = stack.pop()
            if node.tag == TEXT:
                if node.style is not parent_style:
                    node.style = parent_style
                    mark_changed(node)
                continue
            if node.style is None or node.style_dirty or parent_changed:
                before = self.animator.child_parent(node)
                if is_virtual_host(node):  # no element: its class and style do not apply
                    style = self._virtual_style(parent_style)
                else:
                    resolver = self.resolver_for_instance(node.owner, viewport)
                    host = (self.resolver_for_instance(node.component, viewport)
                            if node.component is not None else None)
                    style = resolver.compute(node, parent_style, host)
                    style = self.animator.overlay(node, style, node.style, view)
                changed = style is not node.style
                node.style = style
                node.style_dirty = False
                if changed:
                    mark_changed(node)
                inherit = self.animator.child_parent(node)  # an animation may leave it unchanged
                kids_changed = inherit is not before
                if not is_virtual_host(node):
                    update_pseudos(node, resolver, inherit,
                                   lambda pn, base: self.animator.overlay(pn, base, pn.style, view))
            elif node.changed_at <= since:
                continue
            else:
                inherit, kids_changed = self.animator.child_parent(node), False
            kids = node.children
            for child in reversed(kids):
                stack.append((child, inherit, kids_changed))

    # layout -------------------------------------------------------------------
    def layout(self, root: ViewNode, since: int = -1, window_height: float | None = None) -> Any:
        """Lay out a page tree; each page keeps its Taffy tree so an update relayouts what changed.

        Sets `box` on every node (None for nodes that are not displayed). `window_height` is the
        page area's height, which fixed-position boxes are placed against (None: the screen's).
        """
        entry = self._layouts.get(id(root))
        if entry is None or entry[0] is not root:
            entry = self._layouts[id(root)] = (root, LayoutSession(self.viewport, self.measurer, assign_boxes=True))
            entry[1].calc.report = self.report
        entry[1].set_window_height(window_height)
        return entry[1].layout(root, since)

    def release_layout(self, root: ViewNode) -> None:
        """Free the layout kept for a page tree (the page was unloaded)."""
        entry = self._layouts.pop(id(root), None)
        if entry is not None:
            entry[1].release()


def _node_uses(node: ViewNode, families: set[str]) -> bool:
    """The node, or its ::before/::after box, is styled in one of `families`."""
    if _uses_family(node.style, families):
        return True
    state = node.state or {}
    return any(_uses_family(getattr(state.get(k), "style", None), families) for k in ("::before", "::after"))


def _uses_family(style: Any, families: set[str]) -> bool:
    names = style.get("font-family") if style is not None else None
    return bool(names) and any(str(n).lower() in families for n in names)
