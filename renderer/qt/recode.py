"""Re-encoding an image (wx.compressImage): decode, scale, encode as JPEG with a quality or as PNG.

The bridge stays Qt-free and imports this only when a picture has to be produced, as it does
for canvasToTempFilePath.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage

from renderer.qt.app import ensure_app


def encode_image(image: QImage, jpeg: bool, quality: int = -1) -> bytes:
    """`image` as JPEG (quality 0–100, -1 for Qt's default) or PNG bytes."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "JPG" if jpeg else "PNG", quality if jpeg else -1)
    buf.close()
    return bytes(data.data())


def recode(data: bytes, jpeg: bool, quality: int, width: int | None = None,
           height: int | None = None) -> bytes | None:
    """The image in `data` scaled to width × height (one given: the other keeps the aspect ratio)
    and encoded again; None when `data` is not an image Qt can read."""
    ensure_app()
    image = QImage.fromData(QByteArray(data))
    if image.isNull():
        return None
    w, h = image.width(), image.height()
    if width and not height:
        height = max(1, round(h * width / w))
    elif height and not width:
        width = max(1, round(w * height / h))
    if width and height and (width, height) != (w, h):
        image = image.scaled(int(width), int(height), Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    if jpeg and image.hasAlphaChannel():
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    return encode_image(image, jpeg, max(0, min(100, int(quality))))
