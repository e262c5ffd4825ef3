"""PageWidget: one page view on screen — painting, scrolling, touches and live text editors.

Mouse input becomes touches at page coordinates (`view.touch_start/move/end`); a press held
350 ms without moving is a longpress (`view.long_press()`), a drag of more than 10 px scrolls
the page like a finger. The page is repainted whenever the view reports an update.
"""

from __future__ import annotations

import posixpath
from typing import Any

from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QWidget

from renderer.qt.app import ensure_app
from renderer.qt.field_editor import FieldEditor
from renderer.qt.images import ImageStore
from renderer.qt.painter import invalidate_bounds, paint_box_tree
from renderer.view import scroll

LONGPRESS_MS = 350
DRAG_SLOP = 10.0
EDITABLE = ("input", "textarea")


def images_for(view: Any) -> ImageStore | None:
    """The view's ImageStore (made on first use; kept on the view so each page loads an image once)."""
    store = getattr(view, "_qt_images", None)
    if store is not None:
        return store
    services = getattr(view, "services", None)
    project = getattr(services, "project", None)
    root = getattr(project, "root", None) or getattr(view, "project_root", None)
    route = str(getattr(view, "route", "") or "")
    report = getattr(services, "report", None)
    resources = getattr(services, "resources", None)
    store = ImageStore(root, posixpath.dirname(route), report, file=f"{route}.wxml" if route else None,
                       local_files=getattr(services, "local_files", None),
                       remote=resources.cached if resources is not None else None)
    try:
        view._qt_images = store
    except AttributeError:  # a view with __slots__: just don't cache
        pass
    return store


def editable_ancestor(node: Any) -> Any:
    """The input/textarea at or above `node`, if any (a tap on its inside edits it)."""
    while node is not None:
        if getattr(node, "tag", None) in EDITABLE:
            return node
        node = getattr(node, "parent", None)
    return None


class PageWidget(QWidget):
    """Shows `view` (a PageView) at 1:1 CSS px; `scroll_y` is the page's scroll offset."""

    def __init__(self, view: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.background = QColor("#FFFFFF")
        self.view: Any = None
        self.scroll_y = 0.0
        self.editor = FieldEditor(self, lambda: self.view)
        self.on_error: Any = _print_error  # (where, exception): the window shows it on screen
        self._unsubscribe: Any = None
        self._press: QPointF | None = None
        self._press_scroll = 0.0
        self._dragging = False
        self._drag_node: Any = None
        self._drag_origin = (0.0, 0.0)
        self._longpressed = False
        self._clock = QElapsedTimer()
        self._long_timer = QTimer(self)
        self._long_timer.setSingleShot(True)
        self._long_timer.timeout.connect(self._on_longpress)
        self.set_view(view)

    # ---------------------------------------------------------------- view
    def set_view(self, view: Any) -> None:
        """Show another page (the previous one keeps its state but is no longer watched)."""
        if self._unsubscribe is not None:
            try:
                self._unsubscribe()
            except ValueError:
                pass
            self._unsubscribe = None
        self.editor.close()
        self.view = view
        self.scroll_y = float(getattr(view, "scroll_top", 0.0) or 0.0) if view is not None else 0.0
        if view is not None and hasattr(view, "subscribe"):
            self._unsubscribe = view.subscribe(self._on_view_changed)
        self._on_view_changed()

    def _on_view_changed(self, *_: Any) -> None:
        root = self._root()
        if root is not None:
            invalidate_bounds(root)
        # the view's offset is the truth: automation and the page itself may scroll it
        self.set_scroll(float(getattr(self.view, "scroll_top", self.scroll_y) or 0.0))
        node = self.editor.node
        if node is not None:
            box = getattr(node, "box", None)
            if box is None:
                self.editor.close()
            else:
                self.editor.place(self.box_rect(box))
        self.update()

    def _root(self) -> Any:
        return self.view.root_box() if self.view is not None else None

    def max_scroll(self) -> float:
        height = float(self.view.content_height()) if self.view is not None else 0.0
        return max(0.0, height - self.height())

    def set_scroll(self, y: float) -> None:
        """Scroll to `y`, clamped to the content; tells the view (for touch clientY and onPageScroll)."""
        y = max(0.0, min(float(y), self.max_scroll()))
        if y == self.scroll_y and getattr(self.view, "scroll_top", y) == y:
            return
        self.scroll_y = y
        if self.view is not None:
            scroll_to = getattr(self.view, "scroll_to", None)
            if callable(scroll_to):
                scroll_to(y)
            else:
                try:
                    self.view.scroll_top = y
                except AttributeError:
                    pass
        if self.editor.node is not None and getattr(self.editor.node, "box", None) is not None:
            self.editor.place(self.box_rect(self.editor.node.box))
        self.update()

    def box_rect(self, box: Any) -> QRectF:
        """A box's rect in widget coordinates (moved by the page's and scroll-views' offsets)."""
        node = getattr(box, "node", None)
        dx, dy = scroll.visual_shift(node) if hasattr(node, "ancestors") else (0.0, 0.0)
        return QRectF(box.x - dx, box.y - dy - self.scroll_y, box.width, box.height)

    def page_point(self, pos: QPointF) -> tuple[float, float]:
        return (float(pos.x()), float(pos.y()) + self.scroll_y)

    # ---------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        p = QPainter(self)
        try:
            p.fillRect(event.rect(), self.background)
            root = self._root()
            if root is not None:
                paint_box_tree(p, root, QRectF(event.rect()), self.scroll_y, images=images_for(self.view),
                               editing=self.editor.node)
        except Exception as exc:  # a paint bug must not take the window down: report it instead
            self.on_error("painting the page", exc)
        finally:
            p.end()

    # ---------------------------------------------------------------- input
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        dx, dy = event.pixelDelta().x(), event.pixelDelta().y()
        if dx == 0 and dy == 0:
            dx = event.angleDelta().x() / 120.0 * 60.0
            dy = event.angleDelta().y() / 120.0 * 60.0
        vertical = abs(dy) >= abs(dx)
        inner = self.scroller_at(event.position(), vertical)
        if inner is not None:
            self.view.scroll_view_by(inner, 0.0 if vertical else -dx, -dy if vertical else 0.0)
        elif vertical:
            self.set_scroll(self.scroll_y - dy)
        event.accept()

    def scroller_at(self, pos: QPointF, vertical: bool) -> Any:
        """The innermost scroll-view under `pos` that scrolls along the axis, if any."""
        hit = getattr(self.view, "hit_test", None)
        if not callable(hit) or not hasattr(self.view, "scroll_view_by"):
            return None
        target = hit(*self.page_point(pos))
        if target is None:
            return None
        return scroll.scrollable_at([target, *target.ancestors()], vertical)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or self.view is None:
            return
        self._press = event.position()
        self._press_scroll = self.scroll_y
        self._drag_node = self.scroller_at(event.position(), True) or self.scroller_at(event.position(), False)
        self._drag_origin = scroll.offsets(self._drag_node) if self._drag_node is not None else (0.0, 0.0)
        self._dragging = False
        self._longpressed = False
        self._clock.start()
        self.view.touch_start(*self.page_point(event.position()))
        self._long_timer.start(LONGPRESS_MS)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None or self.view is None:
            return
        d = event.position() - self._press
        if not self._dragging and (abs(d.x()) > DRAG_SLOP or abs(d.y()) > DRAG_SLOP):
            self._dragging = True
            self._long_timer.stop()
        if self._dragging:
            if self._drag_node is not None:  # a finger on a scroll-view moves its content
                left, top = self._drag_origin
                self.view.scroll_view_to(self._drag_node, top - d.y(), left - d.x())
            elif not getattr(self.view, "captures_touch", lambda: False)():  # a dragged movable-view keeps it
                self.set_scroll(self._press_scroll - d.y())
        self.view.touch_move(*self.page_point(event.position()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is None or self.view is None:
            return
        self._long_timer.stop()
        if not self._dragging and not self._longpressed and self._clock.isValid() \
                and self._clock.elapsed() >= LONGPRESS_MS:
            self._on_longpress()  # the timer could not run (a busy event loop): the press was long
        x, y = self.page_point(event.position())
        tapped = not self._dragging and not self._longpressed
        self._press = None
        self.view.touch_end(x, y)
        if tapped:
            self._after_tap(x, y)

    def _on_longpress(self) -> None:
        if self._press is None or self._dragging or self._longpressed or self.view is None:
            return
        self._longpressed = True
        long_press = getattr(self.view, "long_press", None)
        if callable(long_press):
            long_press()

    def _after_tap(self, x: float, y: float) -> None:
        hit = getattr(self.view, "hit_test", None)
        node = editable_ancestor(hit(x, y)) if callable(hit) else None
        if node is None:
            self.editor.close()
            return
        from renderer.qt.controls import attr, truthy

        if truthy(attr(node, "disabled", False)):
            return
        self.open_editor(node)

    def open_editor(self, node: Any) -> None:
        """Start editing `node` (also called when the page focuses an input by itself)."""
        box = getattr(node, "box", None)
        if box is None:
            return
        self.editor.open(node, self.box_rect(box))
        self.update()


def _print_error(where: str, exc: BaseException) -> None:
    import sys
    import traceback

    print(f"wxsim: internal error {where}: {exc!r}", file=sys.stderr)
    traceback.print_exception(exc, file=sys.stderr)


def render_page_image(view: Any, width: int, height: int, scroll_y: float = 0.0, dpr: float = 1.0,
                      background: QColor | str = "#FFFFFF") -> QImage:
    """Paint `view` into an image of `width`×`height` CSS px at device pixel ratio `dpr`, without a window."""
    ensure_app()
    img = QImage(max(1, round(width * dpr)), max(1, round(height * dpr)), QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(dpr)
    img.fill(QColor(background))
    root = view.root_box() if view is not None else None
    if root is not None:
        p = QPainter(img)
        paint_box_tree(p, root, QRectF(0, 0, width, height), scroll_y, images=images_for(view))
        p.end()
    return img
