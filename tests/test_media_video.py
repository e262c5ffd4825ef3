"""`<video>` on the simulated player: events on the clock, VideoContext, taps, how it looks."""

from __future__ import annotations

import json
import time

import pytest
from miniprogram import write_project

from simulator.automation import MiniProgram, launch
from simulator.clock import VirtualClock
from simulator.runtime import Simulator

LOG_JS = """
function log(name) { return function (e) {
  this.data.log.push([name, e.detail]);
  this.setData({ log: this.data.log });
}; }
Page({
  data: { log: [], src: '/media/clip.mp4', loop: false },
  onPlay: log('play'), onPause: log('pause'), onEnded: log('ended'), onTime: log('time'),
  onMeta: log('meta'), onSeek: log('seek'), onError: log('error'), onFull: log('full'),
  onToggle: log('toggle'),
  ctx() { return wx.createVideoContext('v'); },
  play() { this.ctx().play(); }, pause() { this.ctx().pause(); }, stop() { this.ctx().stop(); },
  seek(s) { this.ctx().seek(s); }, rate(r) { this.ctx().playbackRate(r); },
  full() { this.ctx().requestFullScreen({ direction: 90 }); }, unfull() { this.ctx().exitFullScreen(); },
});
"""
EVENTS = ('bindplay="onPlay" bindpause="onPause" bindended="onEnded" bindtimeupdate="onTime" '
          'bindloadedmetadata="onMeta" bindseekcomplete="onSeek" binderror="onError" '
          'bindfullscreenchange="onFull" bindcontrolstoggle="onToggle"')


def project(root, video_attrs="", files=None):
    wxml = f'<video id="v" src="{{{{src}}}}" loop="{{{{loop}}}}" {video_attrs} {EVENTS}></video>'
    extra = {"media/clip.mp4": "not really a video", **(files or {})}
    return write_project(root, {"pages/v/v": {"wxml": wxml, "js": LOG_JS}}, files=extra)


def virtual(root, **kw):
    sim = Simulator(root, storage_dir=root / "st", clock=VirtualClock(), **kw)
    sim.start()
    mp = MiniProgram(sim)
    mp.wait_idle()
    return mp


def events(page, *names):
    return [e for e in page.data("log") if not names or e[0] in names]


def test_video_autoplay_plays_then_time_updates_every_250ms_on_the_clock(tmp_path):
    mp = virtual(project(tmp_path, 'autoplay duration="3"'))
    page = mp.current_page()
    assert events(page) == [["meta", {"width": 1280, "height": 720, "duration": 3}], ["play", {}]]
    mp.sim.advance_clock(1000)
    assert events(page, "time") == [["time", {"currentTime": t, "duration": 3}] for t in (0.25, 0.5, 0.75, 1.0)]
    mp.sim.advance_clock(2500)  # the end at 3 s: a last timeupdate, then ended; nothing after
    ticks = [e[1]["currentTime"] for e in events(page, "time")]
    assert ticks[-1] == 3 and ticks == sorted(ticks) and len(ticks) == 12
    assert events(page)[-1] == ["ended", {}]
    assert events(page, "play", "pause", "ended") == [["play", {}], ["ended", {}]]
    mp.close()


def test_video_events_are_marked_simulated_in_the_traffic_log(tmp_path):
    mp = virtual(project(tmp_path, 'autoplay duration="3"'))
    sent = [m for m in mp.traffic() if m["kind"] == "event" and m.get("source") == "simulated"]
    assert [m["payload"]["handler"] for m in sent][:2] == ["onMeta", "onPlay"]
    calls = [m for m in mp.traffic() if m["kind"] == "callback" and m.get("source") == "simulated"]
    mp.current_page().call_method("pause")
    assert len([m for m in mp.traffic() if m["kind"] == "callback" and m.get("source") == "simulated"]) > len(calls)
    assert not [d for d in mp.diagnostics() if "video" in d.message]  # rendered, not "not supported yet"
    mp.close()


def test_video_context_pause_seek_play_stop(tmp_path):
    mp = virtual(project(tmp_path, 'duration="10"'))
    page = mp.current_page()
    assert events(page) == [["meta", {"width": 1280, "height": 720, "duration": 10}]]  # no autoplay
    page.call_method("play")
    mp.sim.advance_clock(500)
    page.call_method("pause")
    mp.sim.advance_clock(1000)  # paused: the clock moves, the playhead does not
    assert events(page, "play", "pause") == [["play", {}], ["pause", {}]]
    assert [e[1]["currentTime"] for e in events(page, "time")] == [0.25, 0.5]
    page.call_method("seek", 7.5)
    assert events(page)[-2:] == [["seek", {"position": 7.5}], ["time", {"currentTime": 7.5, "duration": 10}]]
    page.call_method("play")
    mp.sim.advance_clock(250)
    assert events(page)[-1] == ["time", {"currentTime": 7.75, "duration": 10}]
    page.call_method("rate", 2)
    mp.sim.advance_clock(250)
    assert events(page)[-1] == ["time", {"currentTime": 8.25, "duration": 10}]
    page.call_method("stop")  # stop: a pause while playing, then back to the start
    assert events(page)[-1] == ["pause", {}]
    page.call_method("play")
    mp.sim.advance_clock(250)
    assert events(page)[-1] == ["time", {"currentTime": 0.5, "duration": 10}]  # from 0 at rate 2
    mp.close()


def test_video_loop_wraps_without_ended_and_initial_time(tmp_path):
    mp = virtual(project(tmp_path, 'autoplay duration="1" initial-time="0.5"'))
    page = mp.current_page()
    page.set_data({"loop": True})
    mp.sim.advance_clock(1500)
    times = [e[1]["currentTime"] for e in events(page, "time")]
    assert times == [0.75, 0.0, 0.25, 0.5, 0.75, 0.0]
    assert not events(page, "ended")
    page.set_data({"loop": False})
    mp.sim.advance_clock(1000)
    assert events(page)[-1] == ["ended", {}] and events(page, "time")[-1][1]["currentTime"] == 1
    mp.close()


def test_video_without_duration_uses_the_simulated_one(tmp_path):
    mock = {"$simulate": {"media": {"files": {"*.mp4": {"duration": 2.5, "width": 640, "height": 360}}}}}
    root = project(tmp_path, "autoplay", {"wxsim.mock.json": json.dumps(mock)})
    mp = virtual(root)
    assert events(mp.current_page(), "meta") == [["meta", {"width": 640, "height": 360, "duration": 2.5}]]
    mp.close()
    mp = virtual(project(tmp_path / "plain", "autoplay"))
    assert events(mp.current_page(), "meta")[0][1]["duration"] == 60  # the default
    mp.close()


def test_video_missing_file_fires_error_and_a_warning(tmp_path):
    mp = virtual(project(tmp_path, "autoplay"))
    page = mp.current_page()
    page.set_data({"src": "/media/missing.mp4", "log": []})
    assert events(page) == [["error", {"errMsg": "MEDIA_ERR_SRC_NOT_SUPPORTED"}]]
    assert any("missing.mp4" in d.message and d.file == "pages/v/v.wxml" for d in mp.diagnostics())
    page.call_method("play")  # playing a bad source reports the error again, never plays
    assert [e[0] for e in events(page)] == ["error", "error"]
    mp.close()


def test_video_full_screen_events(tmp_path):
    mp = virtual(project(tmp_path, 'duration="5"'))
    page = mp.current_page()
    page.call_method("full")
    page.call_method("full")  # already full screen: no second event
    page.call_method("unfull")
    assert events(page, "full") == [["full", {"fullScreen": True, "direction": "horizontal"}],
                                    ["full", {"fullScreen": False, "direction": "vertical"}]]
    mp.close()


def test_video_tap_center_button_plays_and_control_bar_pauses(tmp_path):
    mp = virtual(project(tmp_path, 'duration="5"'))
    page = mp.current_page()
    video = page.query("#v")
    video.tap()  # the centre play button
    assert events(page, "play") == [["play", {}]]
    box = video.node.box
    page.view.tap(box.x + 20, box.y + box.height - 20)  # the play/pause button of the controls bar
    mp.wait_idle()
    assert events(page, "play", "pause") == [["play", {}], ["pause", {}]]
    page.view.tap(box.x + 150, box.y + 40)  # elsewhere: the controls hide
    mp.wait_idle()
    assert events(page, "toggle") == [["toggle", {"show": False}]]
    mp.close()


def test_autoplaying_looping_video_lets_the_program_settle(tmp_path):
    mp = launch(project(tmp_path, 'autoplay loop duration="1"'), storage=tmp_path / "st")
    start = time.monotonic()
    for _ in range(5):
        mp.wait_idle(timeout=2)
    png = mp.screenshot()
    assert png.startswith(b"\x89PNG") and time.monotonic() - start < 4
    assert events(mp.current_page(), "play") == [["play", {}]]
    mp.close()


@pytest.fixture()
def poster_page(tmp_path):
    from PySide6.QtGui import QColor, QImage

    from simulator.ui.imaging import encode_png

    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(QColor(255, 0, 0))
    (tmp_path / "media").mkdir(parents=True)
    (tmp_path / "media/poster.png").write_bytes(encode_png(img))
    root = project(tmp_path, 'duration="5" poster="/media/poster.png" style="width: 300px; height: 225px"')
    mp = virtual(root)
    yield mp.current_page()
    mp.close()


def _pixel(img, x, y):
    c = img.pixelColor(int(x), int(y))
    return c.red(), c.green(), c.blue()


def test_paused_video_shows_poster_center_button_and_controls(poster_page):
    from renderer.qt.page_widget import render_page_image

    img = render_page_image(poster_page.view, 375, 400)
    assert _pixel(img, 30, 30) == (255, 0, 0)  # the poster, 300×225 for a 4:3 picture (contain)
    assert _pixel(img, 150, 112) == (255, 255, 255)  # the centre play button's triangle
    r, g, b = _pixel(img, 150 + 20, 112)  # its dark disc
    assert r < 200 and g < 120 and b < 120
    bar = _pixel(img, 200, 225 - 5)  # the controls bar darkens the bottom of the poster
    assert bar[0] < 200 and bar[1] == bar[2] == 0
    poster_page.call_method("play")
    img = render_page_image(poster_page.view, 375, 400)
    assert _pixel(img, 30, 60) == (0, 0, 0)  # playing: no poster, no centre button
    assert _pixel(img, 150, 112) == (0, 0, 0)


def test_video_hidden_controls_and_no_poster_without_controls(tmp_path):
    from PySide6.QtGui import QColor, QImage

    from renderer.qt.page_widget import render_page_image
    from simulator.ui.imaging import encode_png

    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(QColor(255, 0, 0))
    (tmp_path / "media").mkdir(parents=True)
    (tmp_path / "media/poster.png").write_bytes(encode_png(img))
    mp = virtual(project(tmp_path, 'controls="{{false}}" show-center-play-btn="{{false}}" poster="/media/poster.png"'))
    shot = render_page_image(mp.current_page().view, 375, 400)
    assert _pixel(shot, 30, 30) == (0, 0, 0) and _pixel(shot, 150, 112) == (0, 0, 0)
    assert _pixel(shot, 200, 220) == (0, 0, 0)
    mp.close()


def test_video_pauses_when_its_page_is_hidden(tmp_path):
    wxml = (f'<video id="v" src="/media/clip.mp4" autoplay duration="9" {EVENTS}></video>'
            '<video id="w" src="/media/clip.mp4" autoplay auto-pause-if-navigate="{{false}}" bindpause="onPause"></video>')
    root = write_project(tmp_path, {"pages/v/v": {"wxml": wxml, "js": LOG_JS}, "pages/b/b": {"wxml": "<view/>", "js": "Page({})"}},
                         files={"media/clip.mp4": "x"})
    mp = virtual(root)
    first = mp.current_page()
    mp.navigate_to("/pages/b/b")
    assert events(first, "play", "pause") == [["play", {}], ["pause", {}]]  # only #v pauses
    mp.sim.advance_clock(1000)
    assert not [e for e in events(first, "time") if e[1]["currentTime"] > 0]
    mp.close()


def test_remote_poster_is_fetched_and_drawn(tmp_path):
    from PySide6.QtGui import QColor, QImage

    from renderer.qt.page_widget import render_page_image
    from simulator.ui.imaging import encode_png

    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(QColor(0, 255, 0))
    (tmp_path / "mock").mkdir(parents=True)
    (tmp_path / "mock/poster.png").write_bytes(encode_png(img))
    mock = {"$resources": {"https://cdn.example.com/*": "mock/poster.png"}}
    root = project(tmp_path, 'poster="https://cdn.example.com/p.png"', {"wxsim.mock.json": json.dumps(mock)})
    mp = virtual(root)
    loads = [m["payload"] for m in mp.traffic() if m["kind"] == "resource"]
    assert [entry["url"] for entry in loads] == ["https://cdn.example.com/p.png"]  # loaded like an image
    shot = render_page_image(mp.current_page().view, 375, 400)
    assert _pixel(shot, 30, 30) == (0, 255, 0)
    mp.close()
