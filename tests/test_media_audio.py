"""InnerAudioContext, the background audio manager and the legacy `<audio>` on the simulated player."""

from __future__ import annotations

from miniprogram import write_project

from simulator.automation import MiniProgram
from simulator.clock import VirtualClock
from simulator.runtime import Simulator

AUDIO_JS = """
var EVENTS = ['Canplay', 'Play', 'Pause', 'Stop', 'Ended', 'TimeUpdate', 'Error', 'Seeking', 'Seeked'];
Page({
  data: { log: [] },
  note(entry) { this.data.log.push(entry); this.setData({ log: this.data.log }); },
  make(src, opts) {
    var page = this, a = wx.createInnerAudioContext();
    this.audio = a;
    this.listeners = {};
    EVENTS.forEach(function (ev) {
      var fn = function (res) {
        page.note(ev === 'Error' ? [ev, res] : [ev, a.currentTime, a.duration, a.paused]);
      };
      page.listeners[ev] = fn;
      a['on' + ev](fn);
    });
    Object.assign(a, opts || {});
    a.src = src;
  },
  call(method, arg) { this.audio[method](arg); },
  off(ev) { this.audio['off' + ev](this.listeners[ev]); },
  set(key, value) { this.audio[key] = value; },
  fields() { var a = this.audio; return [a.src, a.currentTime, a.duration, a.paused, a.loop, a.volume]; },
  legacy(method, arg) { wx.createAudioContext('au')[method](arg); },
  onLegacy(e) { this.note(['legacy:' + e.type, e.detail]); },
  background(src) {
    var page = this, m = wx.getBackgroundAudioManager();
    ['Play', 'TimeUpdate', 'Ended'].forEach(function (ev) { m['on' + ev](function () { page.note(['bg:' + ev, m.currentTime]); }); });
    m.title = 'Song';
    m.src = src;
    return wx.getBackgroundAudioManager() === m;
  },
});
"""
AUDIO_WXML = ('<audio id="au" src="/media/song.mp3" controls bindplay="onLegacy" bindpause="onLegacy" '
              'bindtimeupdate="onLegacy" bindended="onLegacy" binderror="onLegacy"></audio>')


def launch_audio(root, mock: str | None = None) -> MiniProgram:
    files = {"media/song.mp3": "not really audio", "media/readme.txt": "text"}
    if mock:
        files["wxsim.mock.json"] = mock
    write_project(root, {"pages/a/a": {"wxml": AUDIO_WXML, "js": AUDIO_JS}}, files=files)
    sim = Simulator(root, storage_dir=root / "st", clock=VirtualClock())
    sim.start()
    mp = MiniProgram(sim)
    mp.wait_idle()
    return mp


def log(page):
    return page.data("log")


def test_inner_audio_lifecycle_events_and_current_time(tmp_path):
    mock = '{"$simulate": {"media": {"files": {"*/song.mp3": 2}}}}'
    mp = launch_audio(tmp_path, mock)
    page = mp.current_page()
    page.call_method("make", "/media/song.mp3")
    assert log(page) == [["Canplay", 0, 2, True]]  # loaded: duration known, not playing
    page.call_method("call", "play")
    mp.sim.advance_clock(500)
    assert log(page)[1:] == [["Play", 0, 2, False], ["TimeUpdate", 0.25, 2, False], ["TimeUpdate", 0.5, 2, False]]
    page.call_method("call", "pause")
    mp.sim.advance_clock(500)
    assert log(page)[-1] == ["Pause", 0.5, 2, True]
    page.call_method("call", "seek", 1.5)
    assert log(page)[-3:] == [["Seeking", 0.5, 2, True], ["Seeked", 1.5, 2, True], ["TimeUpdate", 1.5, 2, True]]
    page.call_method("call", "play")
    mp.sim.advance_clock(1000)
    assert [e[0] for e in log(page)[-4:]] == ["Play", "TimeUpdate", "TimeUpdate", "Ended"]
    assert log(page)[-1] == ["Ended", 2, 2, True]
    assert page.call_method("fields") == ["/media/song.mp3", 2, 2, True, False, 1]
    page.call_method("call", "play")  # after the end, playing starts over
    mp.sim.advance_clock(250)
    assert log(page)[-1] == ["TimeUpdate", 0.25, 2, False]
    page.call_method("call", "stop")
    assert log(page)[-1] == ["Stop", 0, 2, True]
    mp.close()


def test_inner_audio_autoplay_loop_start_time_and_off(tmp_path):
    mp = launch_audio(tmp_path, '{"$simulate": {"media": {"duration": 1}}}')
    page = mp.current_page()
    page.call_method("make", "/media/song.mp3", {"autoplay": True, "loop": True, "startTime": 0.5})
    assert [e[0] for e in log(page)] == ["Canplay", "Play"]
    page.call_method("off", "TimeUpdate")
    mp.sim.advance_clock(1000)
    assert [e[0] for e in log(page)] == ["Canplay", "Play"]  # no listener left, and looping: no Ended
    assert page.call_method("fields")[1] == 0.5  # wrapped once: 0.5 + 1.0 in a 1 s loop
    page.call_method("set", "loop", False)
    mp.sim.advance_clock(1000)
    assert log(page)[-1] == ["Ended", 1, 1, True]
    page.call_method("call", "destroy")
    page.call_method("call", "play")  # destroyed: nothing happens any more
    mp.sim.advance_clock(1000)
    assert log(page)[-1] == ["Ended", 1, 1, True]
    assert not mp.sim.apis.tasks
    mp.close()


def test_inner_audio_errors(tmp_path):
    mock = '{"$simulate": {"media": {"files": {"https://cdn.example.com/bad*": {"error": 10002}}}}}'
    mp = launch_audio(tmp_path, mock)
    page = mp.current_page()
    page.call_method("make", "/media/missing.mp3", {"autoplay": True})
    assert log(page) == [["Error", {"errMsg": "file not found: /media/missing.mp3", "errCode": 10003}]]
    page.call_method("make", "/media/readme.txt")
    assert log(page)[-1] == ["Error", {"errMsg": "not a audio file: /media/readme.txt", "errCode": 10004}]
    page.call_method("make", "https://cdn.example.com/bad.mp3")
    assert log(page)[-1] == ["Error", {"errMsg": "network error: https://cdn.example.com/bad.mp3", "errCode": 10002}]
    page.call_method("make", "https://cdn.example.com/fine.mp3")
    assert log(page)[-1] == ["Canplay", 0, 60, True]  # remote sources load; the default duration
    events = [m for m in mp.traffic() if m["kind"] == "taskEvent"]
    assert events and all(m.get("source") == "simulated" for m in events)
    mp.close()


def test_legacy_audio_component_and_context(tmp_path):
    mp = launch_audio(tmp_path, '{"$simulate": {"media": {"duration": 1}}}')
    page = mp.current_page()
    assert page.query("#au").size() == {"width": 300, "height": 66}  # controls: WeChat's card
    box = page.query("#au").node.box
    page.view.tap(box.x + 33, box.y + 33)  # the play button over the poster
    mp.sim.advance_clock(250)
    assert log(page) == [["legacy:play", {}], ["legacy:timeupdate", {"currentTime": 0.25, "duration": 1}]]
    page.call_method("legacy", "pause")
    page.call_method("legacy", "seek", 0.75)
    page.call_method("legacy", "play")
    mp.sim.advance_clock(250)
    assert [e[0] for e in log(page)[2:]] == ["legacy:pause", "legacy:timeupdate", "legacy:play",
                                              "legacy:timeupdate", "legacy:ended"]
    page.call_method("legacy", "setSrc", "/media/gone.mp3")
    page.call_method("legacy", "play")
    assert log(page)[-1] == ["legacy:error", {"errMsg": 4}]
    mp.close()


def test_background_audio_manager_plays_when_src_is_set(tmp_path):
    mp = launch_audio(tmp_path, '{"$simulate": {"media": {"duration": 0.5}}}')
    page = mp.current_page()
    assert page.call_method("background", "/media/song.mp3") is True  # one manager per app
    mp.sim.advance_clock(500)
    assert log(page) == [["bg:Play", 0], ["bg:TimeUpdate", 0.25], ["bg:TimeUpdate", 0.5], ["bg:Ended", 0.5]]
    mp.close()
