"""The pressed state of a touch: `:active` and WeChat's `hover-class` attributes.

`:active` (Selectors 4 §9.2) holds for the touched element and its ancestors while the finger
is down; a move of more than 10 px or the end of the touch clears it.

`hover-class` (view, button, navigator; developers.weixin.qq.com/miniprogram/dev/component/
view.html, button.html, navigator.html) adds a class `hover-start-time` ms after the press and
removes it `hover-stay-time` ms after the release; `hover-class="none"` disables it. Every
element on the touched path with a hover class gets it unless a nearer element says
`hover-stop-propagation`. Defaults per component: view none/50/400, button
`button-hover`/20/70, navigator `navigator-hover`/50/600.
"""

from __future__ import annotations

from typing import Any, Callable

from renderer.view.nodes import ViewNode, mark_changed

DEFAULTS = {"view": (None, 50.0, 400.0), "button": ("button-hover", 20.0, 70.0),
            "navigator": ("navigator-hover", 50.0, 600.0)}

Schedule = Callable[[float, Callable[[], None]], Any]


def _flag(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value not in ("", "false"))


def _ms(value: Any, default: float) -> float:
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return default


def hover_targets(target: ViewNode) -> list[tuple[ViewNode, str, float, float]]:
    """(node, class, start ms, stay ms) for every element on the path that shows a hover class."""
    out = []
    node: ViewNode | None = target
    while node is not None:
        defaults = DEFAULTS.get(node.tag)
        if defaults is not None and not _flag(node.attrs.get("disabled")):
            cls = node.attrs.get("hover-class", defaults[0])
            if isinstance(cls, str) and cls.strip() and cls.strip() != "none":
                out.append((node, cls.strip(), _ms(node.attrs.get("hover-start-time"), defaults[1]),
                            _ms(node.attrs.get("hover-stay-time"), defaults[2])))
            if _flag(node.attrs.get("hover-stop-propagation")):
                break
        node = node.parent
    return out


def _touch(node: ViewNode) -> None:
    node.style_dirty = True
    mark_changed(node)


class PressState:
    """The pressed state of one page; `changed()` asks the page to restyle."""

    def __init__(self, changed: Callable[[], None], schedule: Schedule | None = None):
        self.changed = changed
        self.schedule = schedule
        self.active: list[ViewNode] = []
        self.press_id = 0
        self.pending: list[tuple[ViewNode, str, float, float]] = []

    def press(self, target: ViewNode) -> None:
        """A finger went down on `target`."""
        self.release_active()
        self.press_id += 1
        node: ViewNode | None = target
        while node is not None:
            node.state["active"] = True
            _touch(node)
            self.active.append(node)
            node = node.parent
        self.pending = hover_targets(target)
        press = self.press_id
        for item in self.pending:
            self._later(item[2], lambda item=item: item in self.pending and self._show(item, press))
        self.changed()

    def release(self, cancelled: bool = False) -> None:
        """The finger went up (or moved away: `cancelled`, then no hover stays)."""
        self.release_active()
        press = self.press_id
        pending, self.pending = self.pending, []
        for item in pending:
            node, cls, _, stay = item
            if cancelled:
                self._hide(node, cls)
                continue
            self._show(item, press)  # a tap shorter than hover-start-time still flashes the class
            self._later(stay, lambda node=node, cls=cls: self._hide(node, cls))
        self.changed()

    def release_active(self) -> None:
        for node in self.active:
            node.state.pop("active", None)
            _touch(node)
        self.active = []

    def _later(self, ms: float, fn: Callable[[], None]) -> None:
        if self.schedule is None or ms <= 0:
            fn()
        else:
            self.schedule(ms, fn)

    def _show(self, item: tuple, press: int) -> None:
        node, cls = item[0], item[1]
        if press != self.press_id or cls in node.state.get("hover", ()):
            return
        node.state["hover"] = (*node.state.get("hover", ()), cls)
        _touch(node)
        self.changed()

    def _hide(self, node: ViewNode, cls: str) -> None:
        if any(p[0] is node and p[1] == cls for p in self.pending):
            return  # a newer press on the same element owns the class now
        have = node.state.get("hover", ())
        if cls in have:
            rest = tuple(c for c in have if c != cls)
            if rest:
                node.state["hover"] = rest
            else:
                node.state.pop("hover", None)
            _touch(node)
            self.changed()
