"""wx.createVideoContext and the legacy wx.createAudioContext: methods aimed at a `<video id>` / `<audio id>`.

https://developers.weixin.qq.com/miniprogram/dev/api/media/video/wx.createVideoContext.html,
https://developers.weixin.qq.com/miniprogram/dev/api/media/video/VideoContext.html,
https://developers.weixin.qq.com/miniprogram/dev/api/media/audio/wx.createAudioContext.html
The context objects live in the logic layer (base library, media.js); each method is one
`VideoContext.<method>` / `AudioContext.<method>` invoke naming the page, the component scope
and the element id. The node's simulated player (renderer/view/media_element.py) does the rest:
no media is decoded, the playhead moves on the simulator's clock.
"""

from __future__ import annotations

from bridge.api.registry import Call, api
from bridge.api.selector import _view
from bridge.diagnostics import Diagnostic
from renderer.view import media_element

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/media/"
VIDEO_METHODS = ("play", "pause", "stop", "seek", "playbackRate", "requestFullScreen", "exitFullScreen",
                 "sendDanmu", "showStatusBar", "hideStatusBar", "exitPictureInPicture",
                 "requestBackgroundPlayback", "exitBackgroundPlayback")
AUDIO_METHODS = ("setSrc", "play", "pause", "seek")


@api("createVideoContext", sync=True, source="simulated", doc=DOC + "video/wx.createVideoContext.html")
def create_video_context(call: Call) -> dict:
    """Simulated player: play/pause/stop/seek/playbackRate/requestFullScreen/exitFullScreen move the
    `<video id>`'s playhead on the simulator's clock and fire its events; no decoding."""
    return call.ok()


@api("createAudioContext", sync=True, source="simulated", doc=DOC + "audio/wx.createAudioContext.html")
def create_audio_context(call: Call) -> dict:
    """Legacy `<audio id>` control (setSrc/play/pause/seek) on the simulated player; no sound."""
    return call.ok()


def _method(tag: str, cls: str, method: str):
    def run(call: Call) -> dict:
        view = _view(call)
        element_id = str(call.args.get(f"{tag}Id") or "")
        node = media_element.find(view, call.args.get("scopeId"), tag, element_id) if view is not None else None
        if node is None:
            _warn_once(call, f"{cls}.{method}: no <{tag} id=\"{element_id}\"> in the page or component")
            return call.fail(f"<{tag} id=\"{element_id}\"> not found")
        reason = media_element.control(view, node, method, call.args)
        notify = getattr(call.ctx, "notify", None)
        if callable(notify):
            notify()
        return call.fail(reason) if reason else call.ok()

    run.__doc__ = f"{cls}.{method} on the `<{tag}>`'s simulated player."
    return run


def _warn_once(call: Call, message: str) -> None:
    warned = call.apis.__dict__.setdefault("_media_warned", set())
    if message not in warned:
        warned.add(message)
        call.ctx.report(Diagnostic("warning", message))


for _name in VIDEO_METHODS:
    api(f"VideoContext.{_name}", member=True, source="simulated", label=f"VideoContext.{_name}",
        doc=DOC + f"video/VideoContext.{_name}.html")(_method("video", "VideoContext", _name))
for _name in AUDIO_METHODS:
    api(f"AudioContext.{_name}", member=True, source="simulated", label=f"AudioContext.{_name}",
        doc=DOC + f"audio/AudioContext.{_name}.html")(_method("audio", "AudioContext", _name))
