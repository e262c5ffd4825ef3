"""`wxsim serve`: the WebSocket loop. It runs in the main thread with asyncio, answers one
request at a time and pumps the simulator between requests, so every call into the
Simulator happens on this one thread (the simulator is not thread-safe)."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any, Callable

import websockets
from websockets.asyncio.server import ServerConnection, serve

from simulator.automation import MiniProgram
from simulator.automator.dispatch import Dispatcher

HOST = "127.0.0.1"  # never reachable from other machines: the protocol runs code in the app
PUMP_INTERVAL_S = 0.01


class AutomatorServer:
    """Serves one mini program to any number of sequential (or concurrent) clients."""

    def __init__(self, mp: MiniProgram):
        self.mp = mp
        self.dispatcher = Dispatcher(mp)
        self.logging: set[ServerConnection] = set()
        self._connections: set[ServerConnection] = set()
        self._console_sent = len(mp.console())
        self._errors_sent = len(mp.sim.errors)
        self.stopped = asyncio.Event()

    async def handle(self, ws: ServerConnection) -> None:
        try:
            async for raw in ws:
                reply = self._reply(ws, raw)
                if reply is not None:
                    await ws.send(json.dumps(reply, ensure_ascii=False))
                await self.flush_events()
                if self.stopped.is_set():
                    break
        except websockets.ConnectionClosed:
            pass
        finally:
            self.logging.discard(ws)

    def _reply(self, ws: ServerConnection, raw: str | bytes) -> dict | None:
        try:
            request = json.loads(raw)
        except ValueError:
            return {"id": None, "error": {"message": "the request is not JSON"}}
        if not isinstance(request, dict):
            return {"id": None, "error": {"message": "the request must be a JSON object"}}
        method = request.get("method")
        if method == "App.enableLog":
            self.logging.add(ws)
            return {"id": request.get("id"), "result": {}}
        if method == "Tool.close":
            asyncio.get_running_loop().call_soon(lambda: asyncio.ensure_future(ws.close()))
            return {"id": request.get("id"), "result": {}}
        if method == "App.exit":
            self.stopped.set()
            return {"id": request.get("id"), "result": {}}
        return self.dispatcher.answer(request)

    async def flush_events(self) -> None:
        """Console messages become App.logAdded (for clients that enabled logs), uncaught errors
        App.exceptionThrown (for every client)."""
        console, errors = self.mp.console(), self.mp.sim.errors
        logs = [{"method": "App.logAdded", "params": {"type": c.get("level", "log"), "args": c.get("args", [])}}
                for c in console[self._console_sent:]]
        thrown = [{"method": "App.exceptionThrown",
                   "params": {"message": e.get("message", ""), "stack": e.get("stack", "")}}
                  for e in errors[self._errors_sent:]]
        self._console_sent, self._errors_sent = len(console), len(errors)
        for ws in list(self.logging):
            for event in logs:
                await _send_quietly(ws, event)
        if thrown:
            for ws in list(self._connections):
                for event in thrown:
                    await _send_quietly(ws, event)

    async def pump_forever(self) -> None:
        """Timers, wx.request answers and animations keep running between requests."""
        while not self.stopped.is_set():
            self.mp.sim.pump()
            await self.flush_events()
            await asyncio.sleep(PUMP_INTERVAL_S)

    async def run(self, port: int, ready: Callable[[int], Any] | None = None) -> None:
        async with serve(self._track, HOST, port, max_size=None, ping_interval=None) as server:
            bound = server.sockets[0].getsockname()[1] if server.sockets else port
            if ready is not None:
                ready(bound)
            pump = asyncio.ensure_future(self.pump_forever())
            await self.stopped.wait()
            await pump

    async def _track(self, ws: ServerConnection) -> None:
        self._connections.add(ws)
        try:
            await self.handle(ws)
        finally:
            self._connections.discard(ws)


async def _send_quietly(ws: ServerConnection, event: dict) -> None:
    try:
        await ws.send(json.dumps(event, ensure_ascii=False))
    except websockets.ConnectionClosed:
        pass


def serve_forever(mp: MiniProgram, port: int) -> None:
    """Serve until App.exit or Ctrl-C; prints the endpoint once listening."""

    def ready(bound: int) -> None:
        print(f"wxsim: automator listening on ws://{HOST}:{bound}", flush=True)

    try:
        asyncio.run(AutomatorServer(mp).run(port, ready))
    except KeyboardInterrupt:
        print("wxsim: stopped", file=sys.stderr)
