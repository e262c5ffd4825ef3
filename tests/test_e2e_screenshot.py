"""End to end: pixels of `mp.screenshot()` — navigation bar colour, price text colour, tabBar."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QColor, QImage  # noqa: E402

ORANGE = (0xFF, 0x6A, 0x00)


def _image(png: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(png, "PNG")
    return image


def _rgb(image: QImage, x: float, y: float, dpr: float) -> tuple[int, int, int]:
    c = QColor(image.pixel(int(x * dpr), int(y * dpr)))
    return c.red(), c.green(), c.blue()


def _close(a: tuple[int, int, int], b: tuple[int, int, int], tol: int = 40) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b))


def test_screenshot_is_device_pixels_with_nav_bar_colour(shop):
    device = shop.sim.device
    dpr = float(device["pixelRatio"])
    image = _image(shop.screenshot())
    assert (image.width(), image.height()) == (round(device["screenWidth"] * dpr),
                                               round(device["screenHeight"] * dpr))
    nav_y = device["statusBarHeight"] + device["navigationBarHeight"] / 2
    # left edge of the bar, away from the title text and the capsule
    assert _rgb(image, 4, nav_y, dpr) == ORANGE


def test_price_text_paints_in_its_colour_inside_its_box(shop):
    page = shop.current_page()
    price = page.query(".goods .price")
    assert price.style("color")[:3] == ORANGE
    device = shop.sim.device
    dpr = float(device["pixelRatio"])
    top = device["statusBarHeight"] + device["navigationBarHeight"]
    image = _image(shop.screenshot())
    box, size = price.offset(), price.size()
    found = 0
    inside = 0
    for iy in range(int(size["height"] * dpr)):
        for ix in range(int(size["width"] * dpr)):
            x = int(box["left"] * dpr) + ix
            y = int((box["top"] + top) * dpr) + iy
            inside += 1
            if _close(_rgb(image, x / dpr, y / dpr, dpr), ORANGE, 30):
                found += 1
    assert inside > 0
    assert found >= 10, f"no orange text pixels in the price box ({found} of {inside})"
    # a card's white background next to it is not orange
    card = page.query(".goods")
    cx = card.offset()["left"] + 4
    cy = card.offset()["top"] + top + 4
    assert _rgb(image, cx, cy, dpr) == (255, 255, 255)


def test_tab_bar_marks_the_selected_tab(shop):
    device = shop.sim.device
    dpr = float(device["pixelRatio"])
    image = _image(shop.screenshot())
    width, height = device["screenWidth"], device["screenHeight"]
    bottom_inset = height - device["safeArea"]["bottom"]
    bar_top = height - bottom_inset - 48

    def orange_pixels(x0: float, x1: float) -> int:
        count = 0
        for yy in range(int(bar_top * dpr), int((bar_top + 48) * dpr)):
            for xx in range(int(x0 * dpr), int(x1 * dpr)):
                if _close(_rgb(image, xx / dpr, yy / dpr, dpr), ORANGE, 30):
                    count += 1
        return count

    assert orange_pixels(0, width / 2) > 10      # 首页 is selected: #ff6a00
    assert orange_pixels(width / 2, width) == 0  # 我的 is not: #999999
