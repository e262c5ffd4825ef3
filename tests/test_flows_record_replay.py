"""Recording through the page view's input, replaying the result: selectors, coalescing,
assertions, failures with screenshots, deterministic time and randomness."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.automation import MiniProgram
from simulator.clock import VirtualClock
from simulator.flows.model import load_flow, parse_flow
from simulator.flows.recorder import FlowRecorder
from simulator.flows.runner import FlowRunner
from simulator.runtime import Simulator

PROJECT = Path(__file__).resolve().parent / "projects" / "flows_clock"
SHOP = Path(__file__).resolve().parents[1] / "assets" / "examples" / "shop"


def _start(project: Path, storage: Path) -> MiniProgram:
    sim = Simulator(project, storage_dir=storage, clock=VirtualClock())
    sim.start(None)
    mp = MiniProgram(sim)
    mp.wait_idle()
    return mp


def _flow(steps: list, project: Path = PROJECT, **launch) -> dict:
    return {"wxsimFlow": 1, "name": "t", "launch": {"project": str(project), **launch}, "steps": steps}


def test_flows_recorder_names_targets_and_coalesces_typing_and_scrolls(tmp_path: Path) -> None:
    mp = _start(PROJECT, tmp_path / "s")
    recorder = FlowRecorder(mp.sim, snapshot_storage=False)
    recorder.start()
    page = mp.current_page()
    page.query(".label").tap()                      # inner text: the handler's node is named
    mp.current_page().query_all(".item")[3].tap()
    field = page.query("input")
    field.input("L")
    field.input("Li")
    page.query(".press").longpress()
    page.scroll_to(100)
    page.scroll_to(250)
    recorder.assert_data("pressed")
    recorder.stop()
    page.query("#start").tap()                      # after stop(): not recorded
    steps = [s.to_json() for s in recorder.steps]
    assert steps == [
        {"tap": 'view.item[data-n="1"]'},
        {"tap": 'view.item[data-n="4"]'},
        {"input": "input.name", "value": "Li"},
        {"longpress": "view.press"},
        {"scroll": "page", "top": 250.0},
        {"assert_data": "pressed", "equals": 1},
    ]
    mp.close()


def test_flows_saved_flow_replays_green_and_keeps_project_relative(tmp_path: Path) -> None:
    mp = _start(SHOP, tmp_path / "s")
    recorder = FlowRecorder(mp.sim, snapshot_storage=False)
    recorder.start()
    mp.current_page().query_all(".goods-name")[2].tap()
    recorder.assert_page()
    mp.current_page().query("stepper").query(".plus").tap()
    recorder.assert_data("count")
    out = recorder.save(tmp_path / "flows" / "pick.flow.json") if (tmp_path / "flows").mkdir() is None else None
    mp.close()
    raw = json.loads(out.read_text(encoding="utf-8"))
    assert Path(raw["launch"]["project"]) != SHOP and (out.parent / raw["launch"]["project"]).resolve() == SHOP
    assert raw["steps"][1] == {"assert_page": "pages/detail/detail", "query": {"id": "3"}}
    result = FlowRunner().run(load_flow(out))
    assert result.passed, result.message
    assert [s.status for s in result.steps] == ["passed"] * 4


def test_flows_failure_stops_with_message_and_screenshot(tmp_path: Path) -> None:
    flow = parse_flow(_flow([{"tap": "#start"}, {"assert_exists": ".status"}, {"tap": "#start"}]))
    result = FlowRunner(screenshots=tmp_path / "shots").run(flow)
    assert result.status == "failed"
    assert [s.status for s in result.steps] == ["passed", "failed", "skipped"]
    assert "'.status' is not on page pages/index/index" in result.message
    assert result.screenshot is not None and result.screenshot.read_bytes()[:4] == b"\x89PNG"


def test_flows_virtual_clock_runs_timers_only_when_the_flow_waits() -> None:
    flow = parse_flow(_flow([
        {"tap": "#start"}, {"wait_for": 1999}, {"assert_exists": ".status", "exists": False},
        {"wait_for": 1}, {"assert_exists": ".status"}, {"assert_data": "stamp", "equals": 1704067202000},
    ]))
    result = FlowRunner().run(flow)
    assert result.passed, result.message


def test_flows_wait_for_selector_advances_simulated_time_and_times_out() -> None:
    ok = FlowRunner().run(parse_flow(_flow([{"tap": "#start"}, {"wait_for": ".status"}])))
    assert ok.passed, ok.message
    late = FlowRunner().run(parse_flow(_flow([{"tap": "#start"}, {"wait_for": ".status", "timeout": 1}])))
    assert late.status == "failed" and "did not appear" in late.message


def test_flows_date_and_random_are_the_same_every_run() -> None:
    def values(seed: int) -> tuple:
        runner = FlowRunner()
        seen: dict = {}
        runner.progress = lambda event, result, step: None
        flow = parse_flow(_flow([{"assert_data": "rnd", "equals": 0}], seed=seed, epochMs=1000))
        result = runner.run(flow)
        seen["message"] = result.message
        return result.message

    first, again, other = values(1), values(1), values(2)
    assert "data 'rnd' is 0." in first and first == again and other != first


def test_flows_storage_fixture_seeds_a_fresh_folder_per_flow(tmp_path: Path) -> None:
    (tmp_path / "fixture.json").write_text('{"seen": "alice"}', encoding="utf-8")
    flow_file = tmp_path / "a.flow.json"
    flow_file.write_text(json.dumps(_flow([{"assert_text": ".seen", "equals": "alice"}], storage="fixture.json")))
    assert FlowRunner(storage_root=tmp_path / "st").run(load_flow(flow_file)).passed
    assert list((tmp_path / "st").iterdir()) == []   # the flow's own folder is removed afterwards
    bare = FlowRunner().run(parse_flow(_flow([{"assert_text": ".seen", "equals": "nobody"}])))
    assert bare.passed, bare.message


@pytest.mark.parametrize("raw, message", [
    ({"steps": []}, "not a wxsim flow"),
    ({"wxsimFlow": 1, "steps": [{"tapp": "#a"}]}, "step 1: unknown action 'tapp'"),
    ({"wxsimFlow": 1, "steps": [{"input": "#a"}]}, "input needs a \"value\""),
    ({"wxsimFlow": 1, "steps": [{"tap": "#a", "value": 1}]}, "tap does not take 'value'"),
])
def test_flows_malformed_files_are_rejected_with_the_step(raw: dict, message: str) -> None:
    from simulator.flows.model import FlowError

    with pytest.raises(FlowError, match=message.replace("(", r"\(")):
        parse_flow(raw)
