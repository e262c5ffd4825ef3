"""The automator WebSocket protocol, spoken by a plain websockets client to `wxsim serve`."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any, Iterator

import pytest
from websockets.sync.client import connect

from automator_server import start_server


class Client:
    def __init__(self, ws: Any):
        self.ws = ws
        self.events: list[dict] = []

    def raw(self, _method: str, **params: Any) -> dict:
        rid = str(uuid.uuid4())
        self.ws.send(json.dumps({"id": rid, "method": _method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv(timeout=30))
            if msg.get("id") == rid:
                return msg
            self.events.append(msg)

    def send(self, _method: str, **params: Any) -> Any:
        msg = self.raw(_method, **params)
        if "error" in msg:
            raise AssertionError(f"{_method}: {msg['error']['message']}")
        return msg["result"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from (endpoint for endpoint, _ in start_server(tmp_path_factory.mktemp("serve-data")))


@pytest.fixture
def client(server: str) -> Iterator[Client]:
    with connect(server, max_size=None) as ws:
        c = Client(ws)
        c.send("App.callWxMethod", method="reLaunch", args=[{"url": "/pages/index/index"}])
        yield c


def test_tool_info_passes_the_client_version_check(client: Client) -> None:
    assert client.send("Tool.getInfo")["SDKVersion"] == "dev"


def test_unknown_method_is_an_error_naming_it(client: Client) -> None:
    msg = client.raw("Page.fly", pageId=1)
    assert "Page.fly" in msg["error"]["message"] and "result" not in msg


def test_page_stack_and_routing(client: Client) -> None:
    page = client.send("App.getCurrentPage")
    assert page["path"] == "pages/index/index" and isinstance(page["pageId"], int)
    result = client.send("App.callWxMethod", method="navigateTo", args=[{"url": "/pages/detail/detail?id=2"}])
    assert result["result"]["errMsg"] == "navigateTo:ok"
    stack = client.send("App.getPageStack")["pageStack"]
    assert [p["path"] for p in stack] == ["pages/index/index", "pages/detail/detail"]
    assert stack[-1]["query"] == {"id": "2"}
    client.send("App.callWxMethod", method="navigateBack", args=[{}])
    assert client.send("App.getCurrentPage")["path"] == "pages/index/index"
    failed = client.raw("App.callWxMethod", method="navigateTo", args=[{"url": "/pages/nope/nope"}])
    assert "navigateTo:fail" in failed["error"]["message"]


def test_elements_read_and_tap(client: Client) -> None:
    page_id = client.send("App.getCurrentPage")["pageId"]
    missing = client.raw("Page.getElement", pageId=page_id, selector=".no-such-thing")
    assert ".no-such-thing" in missing["error"]["message"]
    goods = client.send("Page.getElements", pageId=page_id, selector=".goods")["elements"]
    assert len(goods) == 4 and goods[0]["tagName"] == "view" and "nodeId" not in goods[0]
    first = dict(goods[0], pageId=page_id)
    name = client.send("Element.getElement", selector=".goods-name", **first)
    ref = {"elementId": name["elementId"], "pageId": page_id}
    assert client.send("Element.getDOMProperties", names=["innerText"], **ref)["properties"] == ["云南小粒咖啡豆"]
    offset = client.send("Element.getOffset", **first)
    width, height = client.send("Element.getDOMProperties", names=["offsetWidth", "offsetHeight"], **first)["properties"]
    assert offset["left"] > 0 and width > 100 and height > 20
    assert client.send("Element.getAttributes", names=["class", "data-id"], **first)["attributes"] == ["goods card", "1"]
    color = client.send("Element.getStyles", names=["color"], **dict(ref))["styles"][0]
    assert color.startswith("rgb")
    assert "goods-name" in client.send("Element.getWXML", type="outer", **ref)["wxml"]
    client.send("Element.tap", **first)
    assert client.send("App.getCurrentPage")["path"] == "pages/detail/detail"
    client.send("App.callWxMethod", method="reLaunch", args=[{"url": "/pages/index/index"}])
    gone = client.raw("Element.tap", **first)
    assert "not in the page stack" in gone["error"]["message"]


def test_page_data_methods_and_window(client: Client) -> None:
    page_id = client.send("App.getCurrentPage")["pageId"]
    assert len(client.send("Page.getData", pageId=page_id)["data"]["list"]) == 4
    client.send("Page.setData", pageId=page_id, data={"updatedText": "from the wire"})
    assert client.send("Page.getData", pageId=page_id, path="updatedText")["data"] == "from the wire"
    tip = client.send("Page.getElement", pageId=page_id, selector=".tip")
    assert client.send("Element.getDOMProperties", names=["innerText"], pageId=page_id,
                       elementId=tip["elementId"])["properties"] == ["from the wire"]
    client.send("Page.callMethod", pageId=page_id, method="loadList", args=[])
    width, height = client.send("Page.getWindowProperties", pageId=page_id, names=[
        "document.documentElement.scrollWidth", "document.documentElement.scrollHeight"])["properties"]
    assert width > 300 and height > 0
    assert "nope" in client.raw("Page.getWindowProperties", pageId=page_id, names=["nope"])["error"]["message"]


def test_input_through_call_function(client: Client) -> None:
    client.send("App.callWxMethod", method="navigateTo", args=[{"url": "/pages/form/form"}])
    page_id = client.send("App.getCurrentPage")["pageId"]
    field = client.send("Page.getElement", pageId=page_id, selector=".name-input")
    ref = {"elementId": field["elementId"], "pageId": page_id}
    client.send("Element.callFunction", functionName="input.input", args=["张三"], **ref)
    assert client.send("Page.getData", pageId=page_id, path="name")["data"] == "张三"
    assert client.send("Element.getDOMProperties", names=["value"], **ref)["properties"] == ["张三"]
    assert client.send("Element.getProperties", names=["__propPublic"], **ref)["properties"][0]["value"] is True
    wrong = client.raw("Element.callFunction", functionName="swiper.swipeTo", args=[1], **ref)
    assert "swiper.swipeTo" in wrong["error"]["message"]


def test_mocks_functions_and_restore(client: Client) -> None:
    client.send("App.mockWxMethod", method="getStorageSync", result="mocked")
    assert client.send("App.callWxMethod", method="getStorageSync", args=["k"])["result"] == "mocked"
    client.send("App.mockWxMethod", method="getStorageSync",
                functionDeclaration="function (key, fallback) { return key === 'name' ? 'wx' : fallback }",
                args=["unknown"])
    assert client.send("App.callWxMethod", method="getStorageSync", args=["name"])["result"] == "wx"
    assert client.send("App.callWxMethod", method="getStorageSync", args=["x"])["result"] == "unknown"
    client.send("App.mockWxMethod", method="getStorageSync")
    assert client.send("App.callWxMethod", method="getStorageSync", args=["name"])["result"] == ""
    client.send("App.mockWxMethod", method="getLocation", result={"latitude": 1.5, "longitude": 2.5})
    located = client.send("App.callWxMethod", method="getLocation", args=[{}])["result"]
    assert located["latitude"] == 1.5
    client.send("App.mockWxMethod", method="getLocation")
    summed = client.send("App.callFunction", functionDeclaration="function (a, b) { return a + b + getCurrentPages().length }",
                         args=[1, 2])
    assert summed["result"] == 4


def test_screenshot_and_logs(client: Client) -> None:
    png = base64.b64decode(client.send("App.captureScreenshot")["data"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    client.send("App.enableLog")
    client.send("App.callFunction", functionDeclaration="function () { console.log('hello', 42) }", args=[])
    client.send("Tool.getInfo")
    logs = [e for e in client.events if e.get("method") == "App.logAdded"]
    assert logs and logs[-1]["params"]["type"] == "log" and logs[-1]["params"]["args"][:2] == ["hello", 42]


def test_malformed_requests_are_answered(client: Client) -> None:
    client.ws.send("not json")
    assert "not JSON" in json.loads(client.ws.recv(timeout=10))["error"]["message"]
    page_id = client.send("App.getCurrentPage")["pageId"]
    assert "selector" in client.raw("Page.getElement", pageId=page_id)["error"]["message"]
