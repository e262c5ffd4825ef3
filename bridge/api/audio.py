"""wx.createInnerAudioContext and wx.getBackgroundAudioManager on a simulated player (no sound).

https://developers.weixin.qq.com/miniprogram/dev/api/media/audio/wx.createInnerAudioContext.html,
https://developers.weixin.qq.com/miniprogram/dev/api/media/audio/InnerAudioContext.html,
https://developers.weixin.qq.com/miniprogram/dev/api/media/background-audio/BackgroundAudioManager.html
The objects live in the logic layer (base library, media.js): property writes travel as one
`InnerAudioContext.set` per job, methods as `InnerAudioContext.<method>`; the create call's id
is the task id. Here each context is a `MediaPlayer` on the simulator's clock whose events
reach the object as `taskEvent`s (`source: "simulated"` in the traffic log) carrying
`{state: {duration, currentTime, paused, buffered}, detail}`; the object's read-only fields
follow that state, as WeChat's follow the native player's reports.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from bridge.api.media_source import describe
from bridge.api.registry import Call, api
from renderer.view.media_player import MediaPlayer

DOC = "https://developers.weixin.qq.com/miniprogram/dev/api/media/"
EVENTS = {"canplay": "Canplay", "play": "Play", "pause": "Pause", "stop": "Stop", "ended": "Ended",
          "timeupdate": "TimeUpdate", "error": "Error", "seeking": "Seeking", "seeked": "Seeked"}


class AudioTask:
    """One InnerAudioContext (or the background audio manager) and its simulated player."""

    busy = False  # playing is background work: it never holds up wait_idle

    def __init__(self, call: Call, background: bool):
        self.apis, self.ctx, self.task_id = call.apis, call.ctx, call.call_id
        self.background = background
        self.props: dict[str, Any] = {}
        self.player = MediaPlayer(_clock(call.ctx), call.ctx.schedule, self._emit)
        call.apis.tasks[self.task_id] = self

    def set(self, props: dict) -> None:
        """Property writes in the order WeChat applies them: settings first, then a new `src`."""
        self.props.update(props)
        player = self.player
        if "loop" in props:
            player.set_loop(bool(props["loop"]))
        if "playbackRate" in props:
            player.set_rate(props["playbackRate"])
        if "autoplay" in props:
            player.autoplay = bool(props["autoplay"])
        if "startTime" in props and isinstance(props["startTime"], (int, float)):
            player.start_time = max(0.0, float(props["startTime"]))
            if player.ready and not player.played:  # loaded, not started yet: it will start there
                player.timeline.seek(player.start_time)
        if "src" in props:
            src = str(props.get("src") or "").strip()
            if self.background:
                player.autoplay = bool(src)  # the background player starts as soon as src is set
            player.load(self._source(src) if src else None)

    def _source(self, src: str) -> Any:
        world = self.apis.world
        local = getattr(self.ctx, "local_file", None)
        return describe(src, "audio", root=Path(self.ctx.project_root), settings=world.settings.get("media"),
                        local_file=local if callable(local) else None)

    def _emit(self, event: str, detail: dict) -> None:
        name = EVENTS.get(event)
        emit = getattr(self.ctx, "emit_task", None)
        if name is None or not callable(emit):
            return
        out: dict[str, Any] = {}
        if event == "error":
            out = {"errMsg": str(detail.get("message") or ""), "errCode": detail.get("errCode", -1)}
        emit(self.task_id, name, {"state": self.player.state(), "detail": out}, source="simulated")

    def destroy(self) -> None:
        self.player.destroy()
        self.apis.tasks.pop(self.task_id, None)


def _clock(ctx: Any) -> Any:
    clock = getattr(getattr(ctx, "clock", None), "now_ms", None)
    return clock if callable(clock) else (lambda: time.monotonic() * 1000.0)


def _task(call: Call) -> AudioTask | None:
    task = call.apis.tasks.get(call.args.get("taskId"))
    return task if isinstance(task, AudioTask) else None


@api("createInnerAudioContext", source="simulated", doc=DOC + "audio/wx.createInnerAudioContext.html")
def create_inner_audio_context(call: Call) -> dict:
    """Simulated player, no sound: src checked (missing file → onError 10003), duration from the page
    or `"$simulate": {"media"}`; play/pause/stop/seek/destroy and every on*/off* event on the clock."""
    if call.call_id is not None:
        AudioTask(call, background=False)
    return call.ok()


@api("getBackgroundAudioManager", source="simulated", doc=DOC + "background-audio/wx.getBackgroundAudioManager.html")
def get_background_audio_manager(call: Call) -> dict:
    """The one background player (simulated like InnerAudioContext): setting `src` starts playing."""
    if call.call_id is not None and _task(call) is None:
        AudioTask(call, background=True)
    return call.ok()


def _run(cls: str, method: str):
    def run(call: Call) -> dict:
        task = _task(call)
        if task is None:
            return call.fail("audio context destroyed")
        if method == "set":
            task.set(call.args.get("props") if isinstance(call.args.get("props"), dict) else {})
        elif method == "seek":
            task.player.seek(call.args.get("position"))
        elif method == "destroy":
            task.destroy()
        else:
            getattr(task.player, method)()
        return call.ok()

    run.__doc__ = ("Property writes (one per job) on the simulated player." if method == "set"
                   else f"{cls}.{method} on the simulated player.")
    return run


for _cls, _folder, _methods in (("InnerAudioContext", "audio/", ("set", "play", "pause", "stop", "seek", "destroy")),
                                ("BackgroundAudioManager", "background-audio/", ("set", "play", "pause", "stop", "seek"))):
    for _method in _methods:
        api(f"{_cls}.{_method}", member=True, source="simulated", label=f"{_cls}.{_method}",
            doc=DOC + _folder + (f"{_cls}.html" if _method == "set" else f"{_cls}.{_method}.html"))(_run(_cls, _method))
