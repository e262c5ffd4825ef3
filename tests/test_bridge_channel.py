"""The bridge: ordered delivery, and a faithful record of every message."""

from __future__ import annotations

import json

import pytest

from bridge.channel import Bridge


def test_messages_are_delivered_in_order_to_their_side():
    bridge = Bridge()
    got: list[tuple[str, int]] = []
    bridge.connect("view", lambda m: got.append(("view", m["seq"])))
    bridge.connect("logic", lambda m: got.append(("logic", m["seq"])))
    bridge.post("setData", "logic→view", "p1", {"instanceId": "p1", "changes": []})
    bridge.post("event", "view→logic", "p1", {"handler": "onTap"})
    bridge.post("setData", "logic→view", "p1", {"instanceId": "p1", "changes": []})
    while bridge.deliver_next():
        pass
    assert got == [("view", 1), ("logic", 2), ("view", 3)]


def test_record_has_the_contract_fields_and_the_payload_as_it_crossed():
    bridge = Bridge()
    payload = {"instanceId": "p1", "changes": [[["list", 3, "title"], "x"], [["a"], 1]], "callback": None}
    bridge.post("setData", "logic→view", "p1", payload)
    payload["changes"].clear()  # a receiver mutating what it was given must not rewrite history
    record = bridge.recorder.export()[0]
    assert {"seq", "time", "direction", "kind", "target", "payload", "bytes"} <= set(record)
    assert record["payload"]["changes"][0] == [["list", 3, "title"], "x"]
    assert record["paths"] == ["list[3].title", "a"]
    text = json.dumps({"instanceId": "p1", "changes": [[["list", 3, "title"], "x"], [["a"], 1]], "callback": None},
                      ensure_ascii=False, separators=(",", ":"))
    assert record["bytes"] == len(text.encode("utf-8"))
    json.dumps(record)  # survives serialisation


def test_applied_time_is_noted_once_for_set_data():
    bridge = Bridge()
    message = bridge.post("setData", "logic→view", "p1", {"instanceId": "p1", "changes": []})
    assert bridge.recorder.export()[0]["applied_ms"] is None
    bridge.mark_applied(message["seq"])
    first = bridge.recorder.export()[0]["applied_ms"]
    bridge.mark_applied(message["seq"])
    assert first is not None and first >= 0
    assert bridge.recorder.export()[0]["applied_ms"] == first


def test_a_record_only_message_is_not_delivered():
    bridge = Bridge()
    got = []
    bridge.connect("host", got.append)
    bridge.post("invoke", "logic→host", None, {"name": "getStorageSync"}, deliver=False)
    assert not bridge.deliver_next()
    assert got == [] and len(bridge.recorder.export()) == 1


def test_unknown_direction_is_refused():
    with pytest.raises(ValueError):
        Bridge().post("event", "sideways", None, {})
