"""Diagnostics that point at the user's files.

Every stage reports problems as a `Diagnostic` naming the mini-program file, line and column,
so the window, the CLI and the automation API can show the user where to look.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Callable


@dataclass(frozen=True)
class Diagnostic:
    severity: str  # "error" | "warning"
    message: str
    file: str | None = None  # relative to the mini-program root, forward slashes
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def location(self) -> str:
        parts = [p for p in (self.file, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.severity}: {self.message}" if where else f"{self.severity}: {self.message}"

    def to_json(self) -> dict:
        return asdict(self)


Report = Callable[[Diagnostic], None]


class WxsimError(Exception):
    """A user-file problem that stops the stage that met it."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


def error(message: str, file: str | None = None, line: int | None = None, column: int | None = None) -> WxsimError:
    return WxsimError(Diagnostic("error", message, file, line, column))


class DiagnosticLog:
    """Collects diagnostics; the default `report` target."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def __call__(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]
