"""Which `wx:for` loops may reuse the output of the previous render item by item.

A setData usually changes a few items of a long list, yet the template renders every item
again. A loop qualifies for reuse (`$W.eachm` in prelude.js) when what each item renders is a
pure function of values the view can tell unchanged from the setData's paths:

- it is in the file's main body (not a `<template>` body or an included file), outside any
  other loop, and iterates one data field (`wx:for="{{list}}"`);
- its body reads data only through names (recorded here: any change under one of them
  renders every item again), the loop item and index, and nothing else: no WXS module, no
  `<template is>` or `<include>`, and no expression that may throw (calls, spread), which
  would report its error again on every render.

Everything else renders as before. prelude.js decides per item from the change paths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from renderer.wxml.expressions import Scope

_FIELD = re.compile(r"^\s*\{\{\s*([A-Za-z_$][\w$]*)\s*\}\}\s*$")


@dataclass
class Reads:
    """What a loop body reads: data names, and whether anything rules reuse out."""

    names: set[str] = field(default_factory=set)
    impure: bool = False


@dataclass
class TrackingScope(Scope):
    """A Scope that records into `reads` every data name and WXS module its expressions use."""

    reads: list[Reads] = field(default_factory=list)

    def child(self, **names: str) -> TrackingScope:
        return TrackingScope(self.data, {**self.locals, **names}, self.modules, self.reads)

    def resolve(self, name: str) -> str:
        if name not in self.locals:
            for r in self.reads:
                if name in self.modules:
                    r.impure = True
                else:
                    r.names.add(name)
        return super().resolve(name)


def loop_field(value: str | None, scope: Scope) -> str | None:
    """The data field a loop iterates when its items are exactly `{{name}}` of the data."""
    m = _FIELD.match(value or "")
    if m is None:
        return None
    name = m.group(1)
    if name in scope.locals or name in scope.modules or name in ("true", "false", "null", "undefined"):
        return None
    return name


def mark_impure(scope: Scope) -> None:
    """Something in the loop bodies being generated cannot be reused (see the module docs)."""
    for r in getattr(scope, "reads", ()):
        r.impure = True
