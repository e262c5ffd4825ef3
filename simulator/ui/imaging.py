"""PNG cropping and comparison for element screenshots and visual assertions.

Kept beside the screenshot code because it needs Qt's image decoder; the pixel counting is
done by Qt's own conversions and `bytes.translate`, so a full-screen comparison stays fast
without an array library.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect
from PySide6.QtGui import QColor, QImage, QPainter

# A channel difference up to this (of 255) is anti-aliasing noise, not a changed pixel.
NOISE_LEVEL = 24


@dataclass(frozen=True)
class Comparison:
    """How two screenshots differ: `ratio` of changed pixels, and a PNG marking them in red."""

    same_size: bool
    changed: int
    total: int
    diff_png: bytes

    @property
    def ratio(self) -> float:
        return 1.0 if not self.same_size else (self.changed / self.total if self.total else 0.0)


def _decode(png: bytes) -> QImage:
    image = QImage.fromData(QByteArray(png), "PNG")
    if image.isNull():
        raise ValueError("not a PNG image")
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def encode_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def png_size(png: bytes) -> tuple[int, int]:
    image = _decode(png)
    return image.width(), image.height()


def crop_png(png: bytes, x: float, y: float, width: float, height: float, ratio: float) -> bytes:
    """The part of a screen PNG under a rect given in CSS px, at the device pixel ratio."""
    image = _decode(png)
    rect = QRect(round(x * ratio), round(y * ratio), max(1, round(width * ratio)), max(1, round(height * ratio)))
    rect = rect.intersected(image.rect())
    if rect.isEmpty():
        raise ValueError("the rect lies outside the screen")
    return encode_png(image.copy(rect))


def _changed_mask(actual: QImage, expected: QImage) -> QImage:
    """Grayscale image of |actual - expected| per pixel (brightest channel difference, roughly)."""
    diff = QImage(actual)
    painter = QPainter(diff)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
    painter.drawImage(0, 0, expected)
    painter.end()
    return diff.convertToFormat(QImage.Format.Format_Grayscale8)


def compare_png(actual_png: bytes, expected_png: bytes) -> Comparison:
    """Count changed pixels and draw the diff: the actual image faded, changed pixels red."""
    actual, expected = _decode(actual_png), _decode(expected_png)
    if actual.size() != expected.size():
        return Comparison(False, 0, 0, encode_png(actual))
    mask = _changed_mask(actual, expected)
    width, height, stride = mask.width(), mask.height(), mask.bytesPerLine()
    raw = bytes(mask.constBits())
    table = bytes(0 if v <= NOISE_LEVEL // 3 else 1 for v in range(256))
    flags = bytearray()
    for row in range(height):
        flags += raw[row * stride: row * stride + width].translate(table)
    changed = flags.count(1)
    return Comparison(True, changed, width * height, _diff_image(actual, flags, width, height))


def _diff_image(actual: QImage, flags: bytearray, width: int, height: int) -> bytes:
    out = QImage(actual).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    alpha = bytes(flags.translate(bytes([0, 255]) + bytes(254)))
    mask = QImage(alpha, width, height, width, QImage.Format.Format_Alpha8)
    red = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    red.fill(QColor(255, 0, 0))
    painter = QPainter(red)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
    painter.drawImage(0, 0, mask)
    painter.end()
    painter = QPainter(out)
    painter.fillRect(out.rect(), QColor(255, 255, 255, 190))
    painter.drawImage(0, 0, red)
    painter.end()
    return encode_png(out)
