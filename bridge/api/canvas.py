"""Canvas: wx.createCanvasContext, CanvasContext.draw, Canvas (type="2d") drawing, wx.canvasToTempFilePath.

https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.createCanvasContext.html,
https://developers.weixin.qq.com/miniprogram/dev/api/canvas/CanvasContext.draw.html,
https://developers.weixin.qq.com/miniprogram/dev/api/canvas/Canvas.html,
https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.canvasToTempFilePath.html
The contexts live in the logic layer (base library, canvas.js) and record drawing calls; a draw
sends them in one invoke and the host keeps them as the canvas node's display list
(renderer/view/canvas.py), which the Qt painter executes.
"""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path
from typing import Any

from bridge.api.media import temp_files
from bridge.api.registry import Call, api
from bridge.api.selector import _view
from renderer.view import canvas as display

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/canvas/"


def _repaint(call: Call) -> None:
    notify = getattr(call.ctx, "notify", None)
    if callable(notify):
        notify()


@api("createCanvasContext", sync=True, doc=DOC + "wx.createCanvasContext.html")
def create_canvas_context(call: Call) -> dict:
    """The context is built by the base library; its draw() is `CanvasContext.draw`."""
    return call.ok()


@api("CanvasContext.draw", member=True, label="drawCanvas", doc=DOC + "CanvasContext.draw.html")
def canvas_context_draw(call: Call) -> dict:
    """A legacy context's recorded actions become the display list of `<canvas canvas-id>`
    (cleared first unless `reserve`), painted into the canvas box."""
    view = _view(call)
    if view is None:
        return call.fail("page not found")
    canvas_id = str(call.args.get("canvasId") or "")
    node = display.legacy_canvas(view, call.args.get("scopeId"), canvas_id)
    if node is None:
        return call.fail(f"canvas {canvas_id!r} not found")
    display.record(node, list(call.args.get("actions") or []), bool(call.args.get("reserve")))
    _repaint(call)
    return call.ok()


@api("Canvas.draw", member=True, label="drawCanvas", doc=DOC + "Canvas.html")
def canvas_2d_draw(call: Call) -> dict:
    """A `type="2d"` canvas's actions since the last job, added to its display list in bitmap
    pixels (`canvas.width` × `canvas.height`, scaled onto the box)."""
    view = _view(call)
    node = display.by_ref(view, call.args.get("nodeRef")) if view is not None else None
    if node is None:
        return call.fail("canvas node not found")
    size = (float(call.args.get("width") or 0), float(call.args.get("height") or 0))
    display.record(node, list(call.args.get("actions") or []), True, size)
    _repaint(call)
    return call.ok()


@api("CanvasContext.measureText", sync=True, member=True, label="measureText",
     doc=DOC + "CanvasContext.measureText.html")
def measure_text(call: Call) -> dict:
    """The text's advance in the context's font, from the view's font metrics."""
    text = str(call.args.get("text") or "")
    measurer = getattr(call.ctx, "measurer", None)
    spec = display.font_spec(str(call.args.get("font") or ""))
    if measurer is None:
        return call.ok(width=len(text) * spec.size * 0.6)
    width, _, _ = measurer.measure(text, spec, None)
    return call.ok(width=float(width))


@api("Canvas.toDataURL", sync=True, member=True, label="toDataURL", doc=DOC + "Canvas.toDataURL.html")
def canvas_to_data_url(call: Call) -> dict:
    """The canvas bitmap (`width` × `height` pixels) as a `data:image/png;base64,` URL."""
    view = _view(call)
    node = display.by_ref(view, call.args.get("nodeRef")) if view is not None else None
    if node is None:
        return call.fail("canvas node not found")
    size = (float(call.args.get("width") or 0), float(call.args.get("height") or 0))
    state = display.record(node, list(call.args.get("actions") or []), True, size)
    _repaint(call)
    if node.box is None or size[0] < 1 or size[1] < 1:  # an empty bitmap, as browsers answer it
        return call.ok(data="data:,")
    jpeg = call.args.get("type") in ("image/jpeg", "image/jpg")
    data = _render(call, view, node, state, (0.0, 0.0, float(node.box.width), float(node.box.height)),
                   (max(1, int(size[0])), max(1, int(size[1]))), jpeg)
    mime = "image/jpeg" if jpeg else "image/png"
    return call.ok(data=f"data:{mime};base64," + base64.b64encode(data).decode("ascii"))


def _render(call: Call, view: Any, node: Any, state: display.CanvasState, area: tuple[float, float, float, float],
            dest: tuple[int, int], jpeg: bool) -> bytes:
    from renderer.qt.canvas import render_image  # Qt only when a picture is asked for

    local = getattr(call.ctx, "local_file", None)
    return render_image(state, (float(node.box.width), float(node.box.height)), area, dest,
                        project_root=Path(call.ctx.project_root), route=view.route,
                        local_files=local if callable(local) else None, jpeg=jpeg,
                        quality=_num(call.args.get("quality"), 1.0))


def _find(call: Call, view: Any) -> Any:
    if call.args.get("nodeRef") is not None:
        return display.by_ref(view, call.args.get("nodeRef"))
    return display.legacy_canvas(view, call.args.get("scopeId"), str(call.args.get("canvasId") or ""))


def _num(value: Any, default: float) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else default


@api("canvasToTempFilePath", doc=DOC + "wx.canvasToTempFilePath.html")
def canvas_to_temp_file_path(call: Call) -> dict:
    """Renders the canvas's display list offscreen (x, y, width, height of the canvas area,
    scaled to destWidth × destHeight, default × pixel ratio) into a temp PNG or JPEG."""
    view = _view(call)
    node = _find(call, view) if view is not None else None
    if node is None or node.box is None:
        return call.fail("canvas not found")
    state = display.state_of(node) or display.CanvasState()
    box_w, box_h = float(node.box.width), float(node.box.height)
    x, y = _num(call.args.get("x"), 0.0), _num(call.args.get("y"), 0.0)
    width = _num(call.args.get("width"), box_w - x)
    height = _num(call.args.get("height"), box_h - y)
    ratio = float(call.ctx.device.get("pixelRatio") or 1)
    dest_w = int(round(_num(call.args.get("destWidth"), width * ratio)))
    dest_h = int(round(_num(call.args.get("destHeight"), height * ratio)))
    if dest_w <= 0 or dest_h <= 0:
        return call.fail("invalid size")
    jpg = call.args.get("fileType") == "jpg"
    data = _render(call, view, node, state, (x, y, width, height), (dest_w, dest_h), jpg)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / ("canvas.jpg" if jpg else "canvas.png")
        source.write_bytes(data)
        path = temp_files(call).add(source)
    return call.ok(tempFilePath=path)
