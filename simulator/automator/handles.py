"""Wire ids for pages and elements: WeChat's client sends numeric page ids and opaque element ids."""

from __future__ import annotations

import itertools
from typing import Any

from simulator.automation import Element, MiniProgram, Page


class ProtocolError(Exception):
    """A request that cannot be answered; its message goes back as `error.message`."""


class Handles:
    """Maps pages (by their simulator id) to numbers and view nodes to element ids."""

    def __init__(self, mp: MiniProgram):
        self.mp = mp
        self._page_numbers: dict[str, int] = {}
        self._elements: dict[str, tuple[str, Any]] = {}
        self._element_ids: dict[int, str] = {}
        self._next = itertools.count(1)

    def page_number(self, page: Page) -> int:
        key = page.page_id
        if key not in self._page_numbers:
            digits = "".join(c for c in key if c.isdigit())
            number = int(digits) if digits else len(self._page_numbers) + 1
            if number in self._page_numbers.values():
                number = max(self._page_numbers.values()) + 1
            self._page_numbers[key] = number
        return self._page_numbers[key]

    def describe_page(self, page: Page) -> dict:
        return {"pageId": self.page_number(page), "path": page.path, "query": dict(page.query)}

    def page(self, params: dict) -> Page:
        number = params.get("pageId")
        for page in self.mp.page_stack():
            if self.page_number(page) == number:
                return page
        raise ProtocolError(f"page {number} is not in the page stack (it was closed)")

    def describe_element(self, element: Element) -> dict:
        node = element.node
        eid = self._element_ids.get(id(node))
        if eid is None:
            eid = f"{element.page.page_id}-e{next(self._next)}"
            self._element_ids[id(node)] = eid
            self._elements[eid] = (element.page.page_id, node)
        found = {"elementId": eid, "tagName": element.tag_name}
        if node.component is not None:
            found["nodeId"] = node.component.id
        return found

    def element(self, params: dict) -> Element:
        page = self.page(params)
        eid = params.get("elementId")
        entry = self._elements.get(str(eid))
        if entry is None or entry[0] != page.page_id:
            raise ProtocolError(f"element {eid} is unknown on page {params.get('pageId')}")
        node = entry[1]
        if not any(n is node for n in page.view.root.walk()):
            raise ProtocolError(f"element {eid} <{node.tag}> is no longer on the page")
        return Element(page, node)
