"""User-configurable answers for wx.* APIs (see docs/mocks.md).

Rules come from the project-local `wxsim.mock.json` and from run-time additions
(`MiniProgram.mock_wx_method`). Run-time rules win; among file rules the first match wins;
an unmatched call falls back to the built-in behaviour.
"""

from __future__ import annotations

import copy
import fnmatch
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bridge.diagnostics import Diagnostic

MOCK_FILE = "wxsim.mock.json"


@dataclass
class MockRule:
    api: str
    response: Any
    match: dict = field(default_factory=dict)
    delay_ms: float = 0
    source: str = "mock:runtime"

    def matches(self, args: dict) -> bool:
        return _match_fields(self.match, args, self.api)


@dataclass
class MockMatch:
    """A matched rule: `result(name)` is the answer, errMsg filled in."""

    response: Any
    source: str
    delay_ms: float = 0

    def result(self, name: str) -> dict:
        if isinstance(self.response, dict):
            result = copy.deepcopy(self.response)
        else:  # a bare value: the answer of a value-returning API (getStorageSync → data)
            result = {"data": copy.deepcopy(self.response)}
        if name == "request" and ":fail" not in str(result.get("errMsg", "")):
            result.setdefault("statusCode", 200)
            result.setdefault("header", {})
            result.setdefault("cookies", [])
            result.setdefault("data", "")
        result.setdefault("errMsg", f"{name}:ok")
        return result


def _match_fields(pattern: dict, args: Any, api: str, path: str = "") -> bool:
    """Nested equality; the `url` field of network APIs matches as a glob."""
    if not isinstance(args, dict):
        return False
    for key, want in pattern.items():
        if key == "method" and isinstance(want, str):
            if str(args.get("method") or "GET").upper() != want.upper():
                return False
            continue
        have = args.get(key)
        if isinstance(want, dict):
            if not _match_fields(want, have, api, f"{path}{key}."):
                return False
        elif key == "url" and not path and isinstance(want, str):
            if not isinstance(have, str) or not fnmatch.fnmatchcase(have, want):
                return False
        elif have != want:
            return False
    return True


class MockRules:
    """All mock rules of one run."""

    def __init__(self, report: Callable[[Diagnostic], None] | None = None):
        self._report = report or (lambda d: None)
        self._file_rules: dict[str, list[MockRule]] = {}
        self._runtime: dict[str, MockRule] = {}
        self.file: Path | None = None

    @classmethod
    def load(cls, project_root: Path | str, report: Callable[[Diagnostic], None] | None = None) -> MockRules:
        rules = cls(report)
        path = Path(project_root) / MOCK_FILE
        if path.is_file():
            rules.load_file(path)
        return rules

    def load_file(self, path: Path) -> None:
        """(Re)read a mock file; a broken file is reported and leaves no file rules."""
        self.file = path
        self._file_rules = {}
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            line = getattr(exc, "lineno", None)
            self._report(Diagnostic("error", f"cannot read mock rules: {exc}", MOCK_FILE, line))
            return
        if not isinstance(doc, dict):
            self._report(Diagnostic("error", "mock file must be a JSON object {api: [rules]}", MOCK_FILE))
            return
        for api, rules in doc.items():
            if api.startswith(("$", "//")):
                continue  # room for comments / schema keys
            if not isinstance(rules, list):
                self._report(Diagnostic("error", f"mock rules for '{api}' must be a list", MOCK_FILE))
                continue
            for index, rule in enumerate(rules):
                parsed = self._parse(api, index, rule)
                if parsed:
                    self._file_rules.setdefault(api, []).append(parsed)

    def _parse(self, api: str, index: int, rule: Any) -> MockRule | None:
        where = f"{MOCK_FILE}#{index}"
        if not isinstance(rule, dict) or "response" not in rule:
            self._report(Diagnostic("error", f"mock rule {api}[{index}] needs a \"response\"", MOCK_FILE))
            return None
        match = rule.get("match", {})
        if not isinstance(match, dict):
            self._report(Diagnostic("error", f"mock rule {api}[{index}]: \"match\" must be an object", MOCK_FILE))
            match = {}
        delay = rule.get("delay", 0)
        if not isinstance(delay, (int, float)) or isinstance(delay, bool) or delay < 0:
            self._report(Diagnostic("warning", f"mock rule {api}[{index}]: bad \"delay\" ignored", MOCK_FILE))
            delay = 0
        return MockRule(api, rule["response"], match, float(delay), f"mock:{where}")

    def add(self, api: str, result: Any, match: dict | None = None, delay_ms: float = 0) -> None:
        """A run-time rule (mock_wx_method): beats the file's rules until removed."""
        self._runtime[api] = MockRule(api, result, match or {}, delay_ms, "mock:runtime")

    def remove(self, api: str) -> None:
        self._runtime.pop(api, None)

    def rules(self, api: str) -> list[MockRule]:
        head = [self._runtime[api]] if api in self._runtime else []
        return head + self._file_rules.get(api, [])

    def match(self, api: str, args: dict) -> MockMatch | None:
        for rule in self.rules(api):
            if rule.matches(args):
                return MockMatch(rule.response, rule.source, rule.delay_ms)
        return None
