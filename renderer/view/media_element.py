"""`<video>` and the legacy `<audio>` as simulated players in the view (Qt-free).

wxsim cannot decode media, so each node gets a `MediaPlayer` (`node.state["media"]`) whose
playhead moves on the simulator's clock, and fires the component's events the way WeChat
does (WeChat docs 组件/video, 组件/audio):
- video: `loadedmetadata` {width, height, duration} when the source loads, then `play` when
  `autoplay`; `play`, `pause`, `ended`, `timeupdate` {currentTime, duration} every 250 ms,
  `seekcomplete` {position}, `error` {errMsg}, `fullscreenchange` {fullScreen, direction},
  `controlstoggle` {show}; `initial-time`, `duration`, `loop` honoured; `stop()` pauses
  (a `pause` event when it was playing) and goes back to the start and the poster.
- audio: `play`, `pause`, `ended`, `timeupdate` {currentTime, duration}, `error`
  {errMsg: MediaError code, 4 for a source that cannot be played}.
Events are posted with `source="simulated"`, so the traffic log says media is simulated.
A tap on the centre play button or the controls' play button plays or pauses; elsewhere
on a video it shows or hides the controls. Durations: the `duration` attribute, else
`"$simulate": {"media": ...}` (bridge/api/media_source.py) through `services.media_source`.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

from bridge.diagnostics import Diagnostic
from renderer.view import media_layout
from renderer.view.events import propagate
from renderer.view.media_player import MediaPlayer, MediaSource
from renderer.view.nodes import ViewNode
from renderer.view.scroll import SHIFTED, offsets

if TYPE_CHECKING:
    from renderer.view.page import PageView

MEDIA_TAGS = frozenset({"video", "audio"})
AUDIO_SRC_NOT_SUPPORTED = 4  # MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED, the audio component's errMsg


def player_of(node: Any) -> MediaPlayer | None:
    found = (getattr(node, "state", None) or {}).get("media")
    return found if isinstance(found, MediaPlayer) else None




def sync(view: PageView, node: ViewNode) -> None:
    """Apply changed attributes: a new `src` loads (with `autoplay`, `initial-time`), `loop`, `duration`."""
    player = player_of(node)
    if player is None:
        player = MediaPlayer(_clock(view), _schedule(view), lambda event, detail: _on_event(view, node, event, detail),
                             alive=lambda: _attached(view, node))
        node.state["media"] = player
    src = node.attrs.get("src")
    src = src.strip() if isinstance(src, str) else ""
    if node.state.get("mediaSrc") != src:
        node.state["mediaSrc"] = src
        player.autoplay = node.tag == "video" and media_layout.flag(node, "autoplay", False)
        player.start_time = _number(node.attrs.get("initial-time"), 0.0) if node.tag == "video" else 0.0
        player.load(source_for(view, node, src) if src else None)
    player.set_loop(media_layout.flag(node, "loop", False))
    if node.tag == "video" and player.ready:
        player.set_duration(_number(node.attrs.get("duration"), 0.0))
    poster = node.attrs.get("poster")
    if isinstance(poster, str) and node.state.get("mediaPoster") != poster:
        node.state["mediaPoster"] = poster
        _fetch_poster(view, poster.strip())


def _fetch_poster(view: PageView, poster: str) -> None:
    """A remote poster is fetched through the page's resources, like an image (the painter
    only draws what has arrived); the page repaints when it comes."""
    resources = getattr(view.services, "resources", None)
    if resources is None or not poster.lower().startswith(("http://", "https://", "//")):
        return
    resources.read(poster, "", lambda: None if view.closed else view._changed())


def source_for(view: PageView, node: ViewNode, src: str) -> MediaSource:
    """What the simulator assumes about `src`, relative to the folder of the node's template."""
    base = posixpath.dirname(str(getattr(node.owner, "base", "") or view.route))
    describe = getattr(view.services, "media_source", None)
    source = describe(src, base, node.tag) if callable(describe) else MediaSource(src)
    duration = _number(node.attrs.get("duration"), 0.0) if node.tag == "video" else 0.0
    if duration > 0 and source.error is None:
        source = MediaSource(source.src, duration, source.width, source.height)
    return source


# --- what a VideoContext / AudioContext asks ------------------------------------------------------
def find(view: PageView, scope_id: str | None, tag: str, element_id: str) -> ViewNode | None:
    """The `<video id>` / `<audio id>` of the page's (or a component's) own template."""
    scope = view.instances.get(scope_id or view.page_id) or view.instance
    for node in view.root.walk():
        if node.tag == tag and node.owner is scope and str(node.attrs.get("id", "")) == element_id:
            return node
    return None


def control(view: PageView, node: ViewNode, method: str, args: dict) -> str | None:
    """Run a context method on the node's player; a fail reason for an unknown method."""
    if player_of(node) is None:
        sync(view, node)
    player = player_of(node)
    assert player is not None
    if method == "play":
        player.play()
    elif method == "pause":
        player.pause()
    elif method == "stop":
        player.stop()
    elif method == "seek":
        player.seek(args.get("position"))
    elif method == "playbackRate":
        player.set_rate(args.get("rate"))
    elif method == "setSrc":  # the legacy AudioContext
        node.state["mediaSrc"] = src = str(args.get("src") or "").strip()
        player.load(source_for(view, node, src) if src else None)
    elif method in ("requestFullScreen", "exitFullScreen"):
        _full_screen(view, node, method == "requestFullScreen", args.get("direction"))
    elif method in ("sendDanmu", "showStatusBar", "hideStatusBar", "exitPictureInPicture",
                    "requestBackgroundPlayback", "exitBackgroundPlayback"):
        node.state.setdefault("mediaCalls", []).append({"method": method, **args})  # nothing to show
    else:
        return f"unknown method {method}"
    view._changed()
    return None


def _full_screen(view: PageView, node: ViewNode, on: bool, direction: Any) -> None:
    if bool(node.state.get("fullScreen")) == on:
        return
    node.state["fullScreen"] = on
    turned = direction in (90, -90) if on else False
    if on and direction is None:
        turned = _number(node.attrs.get("direction"), 0.0) in (90.0, -90.0)
    _fire(view, node, "fullscreenchange", {"fullScreen": on, "direction": "horizontal" if turned else "vertical"})


def page_hidden(view: PageView) -> None:
    """The page went out of sight (another page opened, the app went to the background): its
    playing videos pause, unless `auto-pause-if-navigate="{{false}}"` (WeChat's default is true)."""
    for node in view.root.walk():
        player = player_of(node) if node.tag == "video" else None
        if player is not None and player.playing and media_layout.flag(node, "auto-pause-if-navigate", True):
            player.pause()


# --- taps ----------------------------------------------------------------------------------------
def after_tap(view: PageView, target: ViewNode, x: float, y: float) -> None:
    """A tap on a video/audio's own surface (not on content placed inside it)."""
    if target.tag not in MEDIA_TAGS or target.box is None:
        return
    player = player_of(target)
    if player is None:
        return
    lx, ly = _local(target, x, y)
    box = target.box
    if target.tag == "audio":
        if media_layout.flag(target, "controls", False) and media_layout.contains(
                media_layout.audio_parts(box.width, box.height)["poster"], lx, ly):
            _toggle(player)
        return
    parts = media_layout.video_parts(target, box.width, box.height)
    shown = controls_shown(target)
    if shown and media_layout.contains(parts.get("play"), lx, ly):
        _toggle(player)
    elif shown and media_layout.contains(parts.get("fullscreen"), lx, ly):
        _full_screen(view, target, not target.state.get("fullScreen"), None)
    elif center_button_shown(target) and media_layout.contains(parts["center"], lx, ly):
        player.play()
    elif media_layout.flag(target, "controls", True):
        target.state["controlsHidden"] = shown
        _fire(view, target, "controlstoggle", {"show": not shown})
    view._changed()


def controls_shown(node: ViewNode) -> bool:
    return media_layout.flag(node, "controls", True) and not node.state.get("controlsHidden")


def center_button_shown(node: ViewNode) -> bool:
    player = player_of(node)
    return (player is not None and not player.playing and media_layout.flag(node, "show-center-play-btn", True)
            and not player.failed)


def _toggle(player: MediaPlayer) -> None:
    if player.playing:
        player.pause()
    else:
        player.play()


def _local(node: ViewNode, x: float, y: float) -> tuple[float, float]:
    """The page point in the node's box, through the scroll offsets of its scrolled ancestors."""
    for anc in node.ancestors():
        if anc.tag in SHIFTED:
            dx, dy = offsets(anc)
            x, y = x + dx, y + dy
    return x - node.box.x, y - node.box.y


# --- events ----------------------------------------------------------------------------------------
def _on_event(view: PageView, node: ViewNode, event: str, detail: dict) -> None:
    player = player_of(node)
    if player is None or not _attached(view, node):
        return
    timing = {"currentTime": player.current_time(), "duration": round(player.duration, 6)}
    if event == "canplay" and node.tag == "video":
        source = player.source
        _fire(view, node, "loadedmetadata", {"width": source.width if source else 0,
                                             "height": source.height if source else 0,
                                             "duration": timing["duration"]})
    elif event in ("play", "pause", "ended"):
        _fire(view, node, event, {})
    elif event == "stop" and detail.get("wasPlaying"):
        _fire(view, node, "pause", {})
    elif event == "timeupdate":
        _fire(view, node, "timeupdate", timing)
    elif event == "seeked" and node.tag == "video":
        _fire(view, node, "seekcomplete", {"position": detail.get("position", timing["currentTime"])})
    elif event == "error":
        _report_error(view, node, detail)
        errmsg: Any = AUDIO_SRC_NOT_SUPPORTED if node.tag == "audio" else "MEDIA_ERR_SRC_NOT_SUPPORTED"
        _fire(view, node, "error", {"errMsg": errmsg})
    view._changed()  # the controls show the new time


def _fire(view: PageView, node: ViewNode, name: str, detail: dict) -> None:
    for call in propagate(node, name, detail, bubbles=False):
        view.services.post("event", "view→logic", call.instance.id,
                           {"instanceId": call.instance.id, "handler": call.handler, "event": call.event},
                           source="simulated")


def _report_error(view: PageView, node: ViewNode, detail: dict) -> None:
    reported = node.state.setdefault("mediaErrors", set())
    message = str(detail.get("message") or "cannot be played")
    if message in reported:
        return
    reported.add(message)
    owner = getattr(node.owner, "base", None)
    view.services.report(Diagnostic("warning", f"<{node.tag}> src: {message}",
                                    f"{owner}.wxml" if owner else None))


# --- plumbing ------------------------------------------------------------------------------------
def _clock(view: PageView) -> Any:
    """The simulator's clock (the animator runs on it too)."""
    return view.services.animator.clock


def _schedule(view: PageView) -> Any:
    """Work on the simulator's clock; 250 ms ticks never keep `wait_idle` busy."""
    services = view.services
    return getattr(services, "schedule_work", None) or services.schedule


def _attached(view: PageView, node: ViewNode) -> bool:
    if getattr(view, "closed", False):
        return False
    top = node
    while top.parent is not None:
        top = top.parent
    return top is view.root


def _number(value: Any, default: float) -> float:
    if isinstance(value, bool):
        return default
    try:
        return float(value)
    except (TypeError, ValueError):
        return default
