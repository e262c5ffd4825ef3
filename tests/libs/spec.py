"""What a library test project is made of: one page per component, with its basic usage,
and for the common components one interaction and the event it must fire."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Interaction:
    """Do `action` ("tap" or "input") on the node `selector` names, then expect the page's
    `onEvent` to have recorded `event` with a detail for which `check(detail)` is true.

    `selector` is a chain of steps joined by `" >>> "`, each queried inside the element the
    previous step found (a custom component's own template, as automator's `element.$`);
    a step may end with `@n` to take the n-th match (0-based) instead of the first."""

    selector: str
    event: str
    action: str = "tap"
    text: str = ""
    check: Any = None            # callable(detail) -> bool, or None: any detail
    expect_data: dict = field(default_factory=dict)  # page data paths -> values after the event
    describe: str = ""


@dataclass(frozen=True)
class Usage:
    """A component page: `tags` are usingComponents (tag -> path inside the package)."""

    name: str
    tags: dict
    wxml: str
    data: dict = field(default_factory=dict)
    interaction: Interaction | None = None
    js: str = ""                 # extra page methods, as object-literal members


@dataclass(frozen=True)
class ResourceFile:
    """A file a library loads from a CDN, served from an npm package instead (the project's
    wxsim.mock.json `"$resources"` maps `url` to it): icon fonts, so tests run offline.
    `member` is the file inside the package; a stylesheet's first base64 `data:` URI is used."""

    url: str                     # url glob, as in "$resources"
    package: str
    version: str
    member: str
    target: str                  # file written into the project
    build: Any = None            # callable(bytes, library's miniprogram folder) -> bytes, or None: as is
    offline_warning: str = ""    # the known warning shown when it can be neither served nor fetched


@dataclass(frozen=True)
class Library:
    package: str
    version: str
    npm_name: str                # folder under miniprogram_npm
    usages: tuple
    known_warnings: tuple = ()   # (substring, reason): diagnostics explained and accepted
    known_failures: tuple = ()   # (component name or "interact:<name>", reason): expected to fail
    app_wxss: str = ""
    resources: tuple = ()        # ResourceFile entries
