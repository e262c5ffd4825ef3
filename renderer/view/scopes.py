"""Which stylesheets style a node, following WeChat's component style isolation.

A page sees app.wxss and its own sheet. A component sees only its own sheet (`isolated`, the
default) unless `styleIsolation` is `apply-shared` or `shared` (or `addGlobalClass: true`),
when app.wxss and the page's sheet apply to it too. A component that declares
`externalClasses` gets, for the class names its owner maps in (`<inner my-class="abc">`),
the owner's rules whose subject is one of those classes.
Source: 组件模板和样式 (developers.weixin.qq.com/miniprogram/dev/framework/custom-component/wxml-wxss.html).
`shared` is treated as `apply-shared`: its own rules do not flow back to the page (not modelled).
"""

from __future__ import annotations

from typing import Any

from renderer.wxss.stylesheet import StyleSheet

from renderer.view.nodes import ViewInstance

SHARED_MODES = ("apply-shared", "shared", "page-apply-shared", "page-shared")


def page_of(inst: ViewInstance) -> ViewInstance:
    while inst.host is not None:
        inst = inst.host.owner
    return inst


def isolation(inst: ViewInstance, json_of: Any) -> str:
    """The component's styleIsolation: options first, then its json, `addGlobalClass` → apply-shared."""
    if "_isolation" in inst.options:
        return inst.options["_isolation"]
    mode = inst.options.get("styleIsolation")
    if not mode:
        try:
            mode = (json_of(inst.base) or {}).get("styleIsolation")
        except Exception:  # noqa: BLE001 - a broken json is reported where it is loaded
            mode = None
    if not mode and inst.options.get("addGlobalClass"):
        mode = "apply-shared"
    inst.options["_isolation"] = str(mode or "isolated")
    return inst.options["_isolation"]


def style_files(inst: ViewInstance, json_of: Any) -> tuple[str, ...]:
    """The sheets (in cascade order) whose rules apply to `inst`'s template."""
    if inst.host is None:
        return ("app.wxss", inst.base + ".wxss")
    if isolation(inst, json_of) in SHARED_MODES:
        return ("app.wxss", page_of(inst).base + ".wxss", inst.base + ".wxss")
    return (inst.base + ".wxss",)


def external_map(inst: ViewInstance) -> dict[str, tuple[str, ...]]:
    """Declared external class → the classes the host gives it (empty when not given)."""
    names = inst.options.get("externalClasses") or ()
    if not names or inst.host is None:
        return {}
    attrs = inst.host.attrs
    return {name: tuple(str(attrs.get(name) or "").split()) for name in names}


def external_sheet(owner_sheets: list[StyleSheet], mapped: frozenset[str]) -> StyleSheet:
    """The owner's rules that style the mapped external classes: single compounds whose
    classes are all mapped (descendant selectors through the host are not followed)."""
    rules = [rule for sheet in owner_sheets for rule in sheet.rules
             if not rule.selector.combinators and rule.selector.subject.classes
             and set(rule.selector.subject.classes) <= mapped]
    return StyleSheet("externalClasses", rules)
