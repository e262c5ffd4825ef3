"""paint_box_tree: draws a laid-out Box tree with QPainter.

Reads positions from the Box (CSS px, page coordinates) and looks from the computed style;
it makes no layout decisions. Subtrees entirely outside the clip are skipped using cached
subtree bounds, so a 6,000-node list that shows 20 rows costs about 20 rows of painting.
`position: fixed` subtrees are painted last, in viewport coordinates (they do not scroll).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from renderer.qt import controls
from renderer.qt.canvas import paint_canvas
from renderer.qt.backgrounds import paint_image_layer
from renderer.qt.gradients import apply_mask, blank_layer, paint_gradient
from renderer.qt.icons import DEFAULT_SIZE, draw_icon
from renderer.qt.images import ImageStore, image_rects
from renderer.qt.map import paint_map
from renderer.qt.media import paint_media
from renderer.view import top_layer
from renderer.view.builtins import paint_layer
from renderer.view.canvas import state_of as canvas_state
from renderer.view.cover import paint_order
from renderer.view.scroll import SHIFTED, offsets as scroll_offsets
from renderer.qt.shadows import paint_shadows
from renderer.qt.transforms import box_transform
from renderer.qt.style import TEXT_TAG, px, qcolor, radii, sget, style_of, text_font

Bounds = tuple[float, float, float, float]  # x0, y0, x1, y1

# Box.lines hold (text, x, y, width) in page coordinates, like the Box itself.
LINES_ARE_ABSOLUTE = True

_BORDER_PEN = {"dashed": Qt.PenStyle.DashLine, "dotted": Qt.PenStyle.DotLine}
_CLIPPING = ("hidden", "scroll", "auto", "clip")


@dataclass
class _Ctx:
    painter: QPainter
    images: ImageStore | None
    editing: Any
    fixed: list[tuple[Any, QColor | None]] = field(default_factory=list)
    painted: int = 0
    in_fixed: bool = False


def invalidate_bounds(root: Any = None) -> None:
    """Kept for callers of the old cache: bounds now live on each Box (see `box_bounds`)."""


def box_bounds(box: Any) -> Bounds:
    """The union of `box` and its descendants, computed once per Box and kept on it.

    Layout makes a new Box wherever a subtree changed and shifts kept ones (bounds included),
    so after a small update only the new boxes and their ancestors are measured again; layout
    fills in the bounds of the boxes it builds (renderer/layout/readback.py, the same union),
    so this walk only runs for boxes made elsewhere.
    """
    cached = getattr(box, "bounds", None)
    if cached is not None:
        return cached
    x0, y0 = box.x, box.y
    x1, y1 = x0 + max(0.0, box.width), y0 + max(0.0, box.height)
    for line in getattr(box, "lines", None) or ():
        try:
            (lx, ly), lw = _line_origin(box, line[1], line[2]), float(line[3])
        except (TypeError, IndexError, ValueError):
            continue
        x0, y0 = min(x0, lx), min(y0, ly)
        x1 = max(x1, lx + lw)
    for child in getattr(box, "children", None) or ():
        cx0, cy0, cx1, cy1 = box_bounds(child)
        if cx0 < x0:
            x0 = cx0
        if cy0 < y0:
            y0 = cy0
        if cx1 > x1:
            x1 = cx1
        if cy1 > y1:
            y1 = cy1
    bounds = (x0, y0, x1, y1)
    try:
        box.bounds = bounds
    except AttributeError:  # a box type without the slot (hand-made test trees): recompute next time
        pass
    return bounds


def paint_box_tree(painter: QPainter, root_box: Any, clip: QRectF, scroll_y: float = 0.0, *,
                   images: ImageStore | None = None, editing: Any = None) -> int:
    """Paint `root_box` into `painter` whose origin is the top-left of the page viewport.

    `clip` is the visible part of the viewport (viewport coordinates); the page is shifted up
    by `scroll_y`. `editing` is a node whose value a live editor widget is showing (its text is
    not painted twice). Returns how many boxes were painted (for tests and profiling).
    """
    if root_box is None:
        return 0
    ctx = _Ctx(painter, images, editing)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
    canvas = qcolor(sget(style_of(root_box), "background-color"))
    if canvas is not None and canvas.alpha() > 0:  # CSS 2 §14.2: the root's background paints the canvas
        painter.fillRect(clip, canvas)
    painter.translate(0, -scroll_y)
    visible = (clip.left(), clip.top() + scroll_y, clip.right(), clip.bottom() + scroll_y)
    _paint(ctx, root_box, visible, None)
    painter.restore()
    if ctx.fixed:
        painter.save()
        painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
        view = (clip.left(), clip.top(), clip.right(), clip.bottom())
        ctx.in_fixed = True
        ctx.fixed.sort(key=lambda entry: top_layer.rank(getattr(entry[0], "node", None)))  # top layers last
        for box, override in ctx.fixed:
            _paint(ctx, box, view, override, fixed_root=True)
        painter.restore()
    return ctx.painted


def _intersects(b: Bounds, v: tuple[float, float, float, float]) -> bool:
    return b[0] < v[2] and b[2] > v[0] and b[1] < v[3] and b[3] > v[1]


def _paint(ctx: _Ctx, box: Any, visible: tuple, override: QColor | None, fixed_root: bool = False,
           masked: bool = False) -> None:
    style = style_of(box)
    node = getattr(box, "node", None)
    if not ctx.in_fixed and not fixed_root and (getattr(box, "fixed", False) or sget(style, "position") == "fixed"):
        ctx.fixed.append((box, override))
        return
    if not _intersects(box_bounds(box), visible):
        return
    mask = sget(style, "mask-image", "none")
    if mask != "none" and not masked:
        _paint_masked(ctx, box, visible, override, fixed_root, mask)
        return
    p = ctx.painter
    opacity = sget(style, "opacity", 1.0)
    try:
        opacity = float(opacity)
    except (TypeError, ValueError):
        opacity = 1.0
    if _is_text(node):  # a text run carries its element's style: the element applied its opacity
        opacity = 1.0
    if opacity <= 0.0:
        return
    tag = getattr(node, "tag", "") if node is not None else ""
    rect = QRectF(box.x, box.y, box.width, box.height)
    saved = False
    if opacity < 1.0:
        p.save()
        saved = True
        p.setOpacity(p.opacity() * opacity)
    matrix = box_transform(style, box.x, box.y, box.width, box.height) if not _is_text(node) else None
    if matrix is not None:  # CSS Transforms 1 §6: the box and its descendants are drawn transformed
        if not saved:
            p.save()
            saved = True
        p.setTransform(matrix, True)
    shown = sget(style, "visibility", "visible") not in ("hidden", "collapse")
    own = (box.x, box.y, box.x + box.width, box.y + box.height)
    if shown and _intersects(own, visible) and not _is_text(node):
        ctx.painted += 1
        r = radii(style, box.width, box.height)
        paint_shadows(p, style, rect, r, _rounded_path)
        _paint_background(p, style, rect, r, ctx.images)
        override = _paint_builtin(ctx, box, node, tag, style, rect, override) or override
        _paint_border(p, style, rect, r)
    pieces = getattr(box, "pieces", None)
    lines = getattr(box, "lines", None)
    if shown and (pieces or lines):
        if _is_text(node):
            ctx.painted += 1
        if pieces:
            _paint_pieces(p, pieces, override, visible)
        else:
            _paint_lines(p, box, style, lines, override, visible)
    children = getattr(box, "children", None)
    if children:
        clips = sget(style, "overflow-x", "visible") in _CLIPPING or sget(style, "overflow-y", "visible") in _CLIPPING
        child_visible = visible
        if clips:
            if not saved:
                p.save()
                saved = True
            r = radii(style, box.width, box.height)
            if any(r):
                p.setClipPath(_rounded_path(rect, r), Qt.ClipOperation.IntersectClip)
            else:
                p.setClipRect(rect, Qt.ClipOperation.IntersectClip)
            child_visible = (max(visible[0], own[0]), max(visible[1], own[1]),
                             min(visible[2], own[2]), min(visible[3], own[3]))
        dx, dy = scroll_offsets(node) if tag in SHIFTED else (0.0, 0.0)
        if dx or dy:  # a scrolled scroll-view: its content moves, its box and clip stay
            if not saved:
                p.save()
                saved = True
            p.translate(-dx, -dy)
            child_visible = (child_visible[0] + dx, child_visible[1] + dy,
                             child_visible[2] + dx, child_visible[3] + dy)
        for child in _stacked(paint_order(children, _tag_of)):  # covers over native components
            _paint(ctx, child, child_visible, override)
    if saved:
        p.restore()
    if tag == "swiper" and shown:  # the dots paint over the items, fixed to the swiper box
        _paint_swiper_dots(p, node, rect, matrix)


def _paint_masked(ctx: _Ctx, box: Any, visible: tuple, override: QColor | None, fixed_root: bool,
                  mask: Any) -> None:
    """CSS Masking 1 §3.2: paint the box and its descendants into a transparent layer, keep it
    where the mask (a gradient or a url() image) over the border box is opaque, then draw the
    layer in place. A url() that cannot be loaded masks everything away, as in a browser."""
    p = ctx.painter
    layer = blank_layer(p.device())
    lp = QPainter(layer)
    lp.setRenderHints(p.renderHints())
    lp.setTransform(p.transform())
    lp.setOpacity(p.opacity())
    ctx.painter = lp
    try:
        _paint(ctx, box, visible, override, fixed_root, masked=True)
    finally:
        ctx.painter = p
    style = style_of(box)
    matrix = box_transform(style, box.x, box.y, box.width, box.height)
    if matrix is not None:  # the mask follows the box's own transform
        lp.setTransform(matrix, True)
    rect = QRectF(box.x, box.y, box.width, box.height)
    draw = None
    if type(mask) is tuple and mask[0] == "url":  # an image's alpha (WeUI's SVG icons)
        img = ctx.images.get(mask[1]) if ctx.images is not None else None

        def draw(mp: QPainter) -> None:
            if img is not None:
                paint_image_layer(mp, img, style, rect, None, "mask")
    apply_mask(lp, mask, rect, draw)
    lp.end()
    p.save()
    p.resetTransform()
    p.setOpacity(1.0)
    p.drawImage(QPointF(0, 0), layer)
    p.restore()


def _stacked(children: Any) -> Any:
    """Siblings in painting order: by z-index and positioning (`builtins.paint_layer`), the same
    order hit testing uses, so what is drawn on top is what a tap reaches."""
    layers = [paint_layer(c.node) if getattr(c, "node", None) is not None else (0, 0) for c in children]
    if all(layer == (0, 0) for layer in layers):
        return children
    order = sorted(range(len(children)), key=lambda i: (layers[i], i))
    return [children[i] for i in order]


def _tag_of(box: Any) -> str:
    return getattr(getattr(box, "node", None), "tag", "")


def _is_text(node: Any) -> bool:
    return node is not None and getattr(node, "tag", None) == TEXT_TAG


# ---------------------------------------------------------------- boxes
def _rounded_path(rect: QRectF, r: tuple[float, float, float, float]) -> QPainterPath:
    tl, tr, br, bl = r
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    path = QPainterPath()
    path.moveTo(x + tl, y)
    path.lineTo(x + w - tr, y)
    if tr:
        path.arcTo(QRectF(x + w - 2 * tr, y, 2 * tr, 2 * tr), 90, -90)
    path.lineTo(x + w, y + h - br)
    if br:
        path.arcTo(QRectF(x + w - 2 * br, y + h - 2 * br, 2 * br, 2 * br), 0, -90)
    path.lineTo(x + bl, y + h)
    if bl:
        path.arcTo(QRectF(x, y + h - 2 * bl, 2 * bl, 2 * bl), 270, -90)
    path.lineTo(x, y + tl)
    if tl:
        path.arcTo(QRectF(x, y, 2 * tl, 2 * tl), 180, -90)
    path.closeSubpath()
    return path


def _paint_background(p: QPainter, style: Any, rect: QRectF, r: tuple, images: ImageStore | None = None) -> None:
    """CSS Backgrounds 3 §2: the colour, then the image (a gradient or a url()) over it."""
    color = qcolor(sget(style, "background-color"))
    image = sget(style, "background-image", "none")
    if rect.isEmpty():
        return
    if color is not None and color.alpha() > 0:
        if any(r):
            p.fillPath(_rounded_path(rect, r), QBrush(color))
        else:
            p.fillRect(rect, color)
    if type(image) is tuple and image[0] == "url":
        img = images.get(image[1]) if images is not None else None
        if img is not None:
            paint_image_layer(p, img, style, rect, _rounded_path(rect, r) if any(r) else None)
    elif image != "none":
        paint_gradient(p, image, rect, _rounded_path(rect, r) if any(r) else None)


def _border_sides(style: Any) -> list[tuple[float, QColor | None, str]]:
    current = qcolor(sget(style, "color")) or QColor(0, 0, 0)
    sides = []
    for side in ("top", "right", "bottom", "left"):
        kind = sget(style, f"border-{side}-style", "none")
        width = px(sget(style, f"border-{side}-width"), 0.0, 0.0) if kind not in ("none", "hidden") else 0.0
        color = qcolor(sget(style, f"border-{side}-color", "currentcolor"), current)
        sides.append((width, color, kind))
    return sides


def _paint_border(p: QPainter, style: Any, rect: QRectF, r: tuple) -> None:
    sides = _border_sides(style)
    if not any(w > 0 and c is not None and c.alpha() > 0 for w, c, _ in sides):
        return
    uniform = all(s[0] == sides[0][0] and s[1] == sides[0][1] and s[2] == sides[0][2] for s in sides)
    if uniform:
        w, c, kind = sides[0]
        pen = QPen(c, w)
        pen.setStyle(_BORDER_PEN.get(kind, Qt.PenStyle.SolidLine))
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        p.save()
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        inner = rect.adjusted(w / 2, w / 2, -w / 2, -w / 2)
        if any(r):
            p.drawPath(_rounded_path(inner, tuple(max(0.0, x - w / 2) for x in r)))
        else:
            p.drawRect(inner)
        p.restore()
        return
    # Different sides: each side is a trapezoid between the outer and inner edges (CSS corner joins).
    (wt, ct, st), (wr, cr, sr), (wb, cb, sb), (wl, cl, sl) = sides
    x0, y0, x1, y1 = rect.left(), rect.top(), rect.right(), rect.bottom()
    quads = [
        (wt, ct, [(x0, y0), (x1, y0), (x1 - wr, y0 + wt), (x0 + wl, y0 + wt)]),
        (wr, cr, [(x1, y0), (x1, y1), (x1 - wr, y1 - wb), (x1 - wr, y0 + wt)]),
        (wb, cb, [(x1, y1), (x0, y1), (x0 + wl, y1 - wb), (x1 - wr, y1 - wb)]),
        (wl, cl, [(x0, y1), (x0, y0), (x0 + wl, y0 + wt), (x0 + wl, y1 - wb)]),
    ]
    if any(r):
        _paint_rounded_sides(p, rect, r, sides)
        return
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.setPen(Qt.PenStyle.NoPen)
    for w, c, pts in quads:
        if w <= 0 or c is None or c.alpha() == 0:
            continue
        path = QPainterPath(QPointF(*pts[0]))
        for pt in pts[1:]:
            path.lineTo(QPointF(*pt))
        path.closeSubpath()
        p.fillPath(path, QBrush(c))
    p.restore()


def _paint_rounded_sides(p: QPainter, rect: QRectF, r: tuple, sides: list) -> None:
    """Sides of different colours on a rounded box: the ring between the outer and inner curves,
    split where each corner's outer-to-inner line runs (CSS Backgrounds 3 §5.5), so a circle
    with only `border-top-color` set shows its top quarter arc (a loading spinner)."""
    (wt, _, _), (wr, _, _), (wb, _, _), (wl, _, _) = sides
    inner_r = (max(0.0, r[0] - max(wt, wl)), max(0.0, r[1] - max(wt, wr)),
               max(0.0, r[2] - max(wb, wr)), max(0.0, r[3] - max(wb, wl)))
    ring = _rounded_path(rect, r).subtracted(_rounded_path(rect.adjusted(wl, wt, -wr, -wb), inner_r))
    x0, y0, x1, y1 = rect.left(), rect.top(), rect.right(), rect.bottom()
    e = 0.01  # a zero-width side still splits its corners
    corners = {"tl": ((x0, y0), (max(wl, e), max(wt, e))), "tr": ((x1, y0), (-max(wr, e), max(wt, e))),
               "br": ((x1, y1), (-max(wr, e), -max(wb, e))), "bl": ((x0, y1), (max(wl, e), -max(wb, e)))}
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    for (w, c, _), (a, b) in zip(sides, (("tl", "tr"), ("tr", "br"), ("br", "bl"), ("bl", "tl"))):
        if w <= 0 or c is None or c.alpha() == 0:
            continue
        (pa, da), (pb, db) = corners[a], corners[b]
        apex = _meet(pa, da, pb, db)
        wedge = QPainterPath(QPointF(*pa))
        wedge.lineTo(QPointF(*pb))
        wedge.lineTo(QPointF(*apex))
        wedge.closeSubpath()
        p.fillPath(ring.intersected(wedge), QBrush(c))
    p.restore()


def _meet(pa: tuple, da: tuple, pb: tuple, db: tuple) -> tuple[float, float]:
    """Where the line through `pa` along `da` meets the line through `pb` along `db`."""
    den = da[0] * db[1] - da[1] * db[0]
    if abs(den) < 1e-9:
        return ((pa[0] + pb[0]) / 2 + da[0], (pa[1] + pb[1]) / 2 + da[1])
    t = ((pb[0] - pa[0]) * db[1] - (pb[1] - pa[1]) * db[0]) / den
    return (pa[0] + t * da[0], pa[1] + t * da[1])


# ---------------------------------------------------------------- text
def _line_origin(box: Any, lx: float, ly: float) -> tuple[float, float]:
    if LINES_ARE_ABSOLUTE:
        return float(lx), float(ly)
    return box.x + float(lx), box.y + float(ly)


def _paint_lines(p: QPainter, box: Any, style: Any, lines: Any, override: QColor | None, visible: tuple) -> None:
    tf = text_font(style)
    color = override or qcolor(sget(style, "color")) or QColor(0, 0, 0)
    if color.alpha() == 0:
        return
    p.setFont(tf.qfont)
    p.setPen(color)
    half = (tf.line_height - (tf.ascent + tf.descent)) / 2
    for line in lines:
        try:
            text, lx, ly = line[0], line[1], line[2]
        except (TypeError, IndexError):
            continue
        x, y = _line_origin(box, lx, ly)
        if y > visible[3] or y + tf.line_height < visible[1]:
            continue
        if text:
            p.drawText(QPointF(x, y + half + tf.ascent), str(text))


def _paint_pieces(p: QPainter, pieces: Any, override: QColor | None, visible: tuple) -> None:
    """Layout's TextPieces: each run on a line with its own style, glyphs centred in the piece's height."""
    for piece in pieces:
        try:
            text, x, y, _w, h, style = piece[:6]
        except (TypeError, ValueError):
            continue
        if not text or y > visible[3] or y + h < visible[1]:
            continue
        if sget(style, "visibility", "visible") in ("hidden", "collapse"):
            continue
        tf = text_font(style)
        color = override or qcolor(sget(style, "color")) or QColor(0, 0, 0)
        if color.alpha() == 0:
            continue
        p.setFont(tf.qfont)
        p.setPen(color)
        p.drawText(QPointF(x, y + (h - (tf.ascent + tf.descent)) / 2 + tf.ascent), str(text))


# ---------------------------------------------------------------- built-in components
def _first_line_rect(box: Any) -> QRectF | None:
    for child in getattr(box, "children", None) or ():
        lines = getattr(child, "lines", None)
        if lines:
            text, lx, ly, lw = lines[0][:4]
            x, y = _line_origin(child, lx, ly)
            tf = text_font(style_of(child))
            return QRectF(x, y, lw, tf.line_height)
        found = _first_line_rect(child)
        if found is not None:
            return found
    return None


def _paint_builtin(ctx: _Ctx, box: Any, node: Any, tag: str, style: Any, rect: QRectF,
                   override: QColor | None) -> QColor | None:
    """Draw a built-in component's own look; may return a text colour for its subtree."""
    p = ctx.painter
    if tag == "button":
        return controls.paint_button(p, node, style, rect, _first_line_rect(box))
    if tag == "switch":
        controls.paint_switch(p, node, rect)
    elif tag == "checkbox":
        controls.paint_checkbox(p, node, rect)
    elif tag == "radio":
        controls.paint_radio(p, node, rect)
    elif tag in ("input", "textarea"):
        if node is not ctx.editing:
            color = override or qcolor(sget(style, "color")) or QColor(0, 0, 0)
            controls.paint_field(p, node, style, rect, tag == "textarea", color)
    elif tag == "icon":
        _paint_icon(p, node, style, rect)
    elif tag in ("image", "img", "cover-image"):  # rich-text's <img>
        _paint_image(ctx, node, style, rect)
    elif tag == "progress":
        controls.paint_progress(p, node, rect)
    elif tag == "slider":
        controls.paint_slider(p, node, rect)
    elif tag == "canvas":
        paint_canvas(p, canvas_state(node), controls.content_rect(style, rect), ctx.images)
    elif tag in ("video", "audio"):
        paint_media(p, node, style, rect, ctx.images)
    elif tag == "map":
        paint_map(p, node, rect, ctx.images)
    return None


def _paint_swiper_dots(p: QPainter, node: Any, rect: QRectF, matrix: Any) -> None:
    from renderer.view import swiper  # noqa: PLC0415

    p.save()
    if matrix is not None:
        p.setTransform(matrix, True)
    pages = swiper.last_index(node) + 1 if swiper.items(node) else 0
    controls.paint_swiper_dots(p, node, rect, pages, swiper.current(node), swiper.vertical(node))
    p.restore()


def _paint_icon(p: QPainter, node: Any, style: Any, rect: QRectF) -> None:
    size_attr = controls.attr(node, "size", DEFAULT_SIZE)
    try:
        size = float(str(size_attr).replace("px", "").strip())
    except ValueError:
        size = DEFAULT_SIZE
    color_attr = controls.attr(node, "color")
    color = QColor(str(color_attr)) if isinstance(color_attr, str) and color_attr else None
    if color is not None and not color.isValid():
        color = None
    square = QRectF(rect.center().x() - size / 2, rect.center().y() - size / 2, size, size)
    draw_icon(p, str(controls.attr(node, "type", "")), square, color)


def _paint_image(ctx: _Ctx, node: Any, style: Any, rect: QRectF) -> None:
    if ctx.images is None:
        return
    img = ctx.images.get(controls.attr(node, "src"))
    if img is None:
        return
    inner = controls.content_rect(style, rect)
    target, source = image_rects(str(controls.attr(node, "mode", "scaleToFill") or "scaleToFill"), inner,
                                 img.width(), img.height())
    p = ctx.painter
    p.save()
    r = radii(style, rect.width(), rect.height())
    if any(r):
        p.setClipPath(_rounded_path(rect, r), Qt.ClipOperation.IntersectClip)
    else:
        p.setClipRect(inner, Qt.ClipOperation.IntersectClip)
    p.drawImage(target, img, source)
    p.restore()
