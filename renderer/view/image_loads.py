"""`<image>` loading as WeChat does it: `bindload` / `binderror`, and the widthFix/heightFix box.

When an image's `src` is set or changes, its bytes are read through the page's `Resources`
(a remote url arrives later, on the view's thread) and the natural size is read from them.
Then, as in WeChat's image component:
- `load` fires with `detail: {width, height}` (natural px), `error` with `detail: {errMsg}`;
  neither bubbles.
- `mode="widthFix"` keeps the width and makes the height follow the picture's ratio,
  `heightFix` the other way round: the image gets `height: auto` (or `width: auto`) and an
  `aspect-ratio`, set like an inline style the component writes, so only `!important` rules beat it.
Until it loads, an image keeps the size its styles give it (320 × 240 by default).
`background-image: url()` needs no events: a remote one is fetched (`sync_backgrounds`) and the
element repainted when it arrives; a package file named in a stylesheet is shown with a warning,
since WeChat on phones does not load local files from WXSS (docs: WXSS 背景图片; an inline
`style` may name them).
No Qt here: the natural size comes from `size_of`, which the Qt side provides.
"""

from __future__ import annotations

import posixpath
from typing import Any, Callable

from bridge.diagnostics import Diagnostic
from renderer.view.nodes import TEXT, ViewNode, mark_changed
from renderer.view.remote import remote_url
from renderer.view.resources import Loaded

IMAGE_TAGS = frozenset({"image", "cover-image"})  # cover-image loads like an image (docs)
FIT_MODES = {"widthFix": "height", "heightFix": "width"}  # mode → the side that follows the ratio

SizeOf = Callable[[bytes], "tuple[int, int] | None"]




def sync(view: Any, node: ViewNode) -> None:
    src = node.attrs.get("src")
    src = src.strip() if isinstance(src, str) else ""
    state = node.state
    if state.get("imageSrc") != src:
        state["imageSrc"] = src
        state["naturalSize"] = None
        if src:
            _begin(view, node, src)
    _fit(node)


def natural_size(node: ViewNode) -> tuple[int, int] | None:
    """The loaded picture's (width, height) in px, None before it loaded (or when it failed)."""
    return node.state.get("naturalSize") if node.state else None


def _begin(view: Any, node: ViewNode, src: str) -> None:
    resources = getattr(view.services, "resources", None)
    if resources is None:
        return
    base_dir = posixpath.dirname(str(getattr(view, "route", "") or ""))
    loaded = resources.read(src, base_dir, lambda: _arrived(view, node, src))
    if loaded is not None:
        _finish(view, node, src, loaded)


def _arrived(view: Any, node: ViewNode, src: str) -> None:
    """A remote source came (or failed): finish the load if the image still shows it."""
    if node.state.get("imageSrc") != src or getattr(view, "closed", False):
        return
    _begin(view, node, src)


def _finish(view: Any, node: ViewNode, src: str, loaded: Loaded) -> None:
    size_of: SizeOf | None = getattr(view.services, "image_size", None)
    size = size_of(loaded.data) if loaded.data is not None and size_of is not None else None
    if loaded.data is not None and size is None:
        loaded = Loaded(None, f"GET {src} failed: not a picture the simulator can decode", loaded.source)
    if size is not None:
        node.state["naturalSize"] = size
        if _fit(node):
            view.layout_dirty = True
        view.fire(node, "load", {"width": size[0], "height": size[1]}, bubbles=False)
    else:
        view.fire(node, "error", {"errMsg": loaded.error}, bubbles=False)
    mark_changed(node)  # the painter shows the picture (or drops the old one)
    view.layout_dirty = True


def _fit(node: ViewNode) -> bool:
    """Set or clear the widthFix/heightFix style; True when it changed."""
    mode = node.attrs.get("mode")
    side = FIT_MODES.get(mode.strip()) if isinstance(mode, str) else None
    size = natural_size(node)
    style = ""
    if side is not None and size is not None and size[0] > 0 and size[1] > 0:
        style = f"{side}:auto;aspect-ratio:{size[0]}/{size[1]}"
    if node.state.get("builtinStyle", "") == style:
        return False
    node.state["builtinStyle"] = style
    node.style_dirty = True
    mark_changed(node)
    return True


def sync_backgrounds(view: Any, root: ViewNode, since: int) -> None:
    """Fetch the remote background and mask images of elements restyled after generation `since`."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag == TEXT or node.changed_at <= since:
            continue
        stack.extend(node.children)
        if node.style is None:
            continue
        image = node.style.get("background-image")
        if type(image) is tuple and image[0] == "url":
            _background(view, node, image[1], from_wxss=len(image) > 2)
        mask = node.style.get("mask-image")
        if type(mask) is tuple and mask[0] == "url" and remote_url(mask[1]) is not None:
            _background(view, node, mask[1], from_wxss=False)


def _background(view: Any, node: ViewNode, src: str, from_wxss: bool) -> None:
    resources = getattr(view.services, "resources", None)
    if resources is None or src.startswith("data:"):
        return
    if remote_url(src) is None:
        if from_wxss and not src.startswith(("wxfile://", "http://tmp/", "http://usr/")):
            _warn_local(view, node, src)
        return
    if node.state.get("backgroundSrc") == src:
        return
    node.state["backgroundSrc"] = src

    def arrived() -> None:
        if node.state.get("backgroundSrc") == src and not getattr(view, "closed", False):
            mark_changed(node)
            view.layout_dirty = True

    resources.read(src, "", arrived)


def _warn_local(view: Any, node: ViewNode, src: str) -> None:
    warned = view.services.__dict__.setdefault("_local_background_warned", set())
    if src in warned:
        return
    warned.add(src)
    owner = getattr(node.owner, "base", None) or str(getattr(view, "route", "") or "")
    view.services.report(Diagnostic(
        "warning", f"background-image url({src!r}) in WXSS is a file in the package: WeChat on a phone does not "
                   "load local files from WXSS (use a network url, a data: URI, an inline style or <image>); "
                   "shown here anyway",
        f"{owner}.wxml" if owner else None))
