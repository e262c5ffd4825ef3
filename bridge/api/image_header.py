"""What an image file's header says: format, size and EXIF orientation, without decoding it.

Qt-free, so wx.getImageInfo and the pickers answer without a screen. Formats and orientation
names follow wx.getImageInfo: type "jpeg" / "png" / "gif" / "tiff" / "unknown"; orientation
"up" … "left" from the EXIF Orientation tag (1–8), "up" when there is none.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

ORIENTATIONS = {1: "up", 2: "up-mirrored", 3: "down", 4: "down-mirrored", 5: "left-mirrored", 6: "right",
                7: "right-mirrored", 8: "left"}
_SOF = set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # JPEG start-of-frame markers


@dataclass(frozen=True)
class ImageHeader:
    type: str  # jpeg, png, gif, tiff, webp, bmp or unknown
    width: int
    height: int
    orientation: str = "up"


def read_header(data: bytes) -> ImageHeader:
    """The header of an encoded image; type "unknown" and 0 × 0 when it is not one we know."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        w, h = struct.unpack(">II", data[16:24])
        return ImageHeader("png", w, h)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        w, h = struct.unpack("<HH", data[6:10])
        return ImageHeader("gif", w, h)
    if data[:2] == b"\xff\xd8":
        return _jpeg(data)
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return _tiff(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    if data[:2] == b"BM" and len(data) >= 26:
        w, h = struct.unpack("<ii", data[18:26])
        return ImageHeader("bmp", abs(w), abs(h))
    return ImageHeader("unknown", 0, 0)


def _jpeg(data: bytes) -> ImageHeader:
    i, size, orientation = 2, (0, 0), "up"
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            i += 1
            continue
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
            i += 1 if marker == 0xFF else 2
            continue
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        body = data[i + 4:i + 2 + length]
        if marker == 0xE1 and body[:6] == b"Exif\x00\x00":
            orientation = _exif_orientation(body[6:])
        elif marker in _SOF and len(body) >= 5:
            h, w = struct.unpack(">HH", body[1:5])
            size = (w, h)
            break
        elif marker == 0xDA:  # image data starts: no frame header before it
            break
        i += 2 + length
    return ImageHeader("jpeg", size[0], size[1], orientation)


def _ifd0(tiff: bytes) -> tuple[str, list[tuple[int, int, int, bytes]]]:
    """The byte order and IFD0 entries (tag, type, count, value bytes) of a TIFF structure."""
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return "<", []
    order = "<" if tiff[:2] == b"II" else ">"
    offset = struct.unpack(order + "I", tiff[4:8])[0]
    if offset + 2 > len(tiff):
        return order, []
    count = struct.unpack(order + "H", tiff[offset:offset + 2])[0]
    entries = []
    for n in range(count):
        at = offset + 2 + 12 * n
        if at + 12 > len(tiff):
            break
        tag, kind, num = struct.unpack(order + "HHI", tiff[at:at + 8])
        entries.append((tag, kind, num, tiff[at + 8:at + 12]))
    return order, entries


def _short_or_long(order: str, kind: int, raw: bytes) -> int:
    return struct.unpack(order + "H", raw[:2])[0] if kind == 3 else struct.unpack(order + "I", raw)[0]


def _exif_orientation(tiff: bytes) -> str:
    order, entries = _ifd0(tiff)
    for tag, kind, _num, raw in entries:
        if tag == 0x0112:
            return ORIENTATIONS.get(_short_or_long(order, kind, raw), "up")
    return "up"


def _tiff(data: bytes) -> ImageHeader:
    order, entries = _ifd0(data)
    fields = {tag: _short_or_long(order, kind, raw) for tag, kind, _n, raw in entries if kind in (3, 4)}
    return ImageHeader("tiff", fields.get(0x0100, 0), fields.get(0x0101, 0),
                       ORIENTATIONS.get(fields.get(0x0112, 1), "up"))


def _webp(data: bytes) -> ImageHeader:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30:
        w, h = struct.unpack("<HH", data[26:30])
        return ImageHeader("webp", w & 0x3FFF, h & 0x3FFF)
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return ImageHeader("webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X" and len(data) >= 30:
        return ImageHeader("webp", int.from_bytes(data[24:27], "little") + 1,
                           int.from_bytes(data[27:30], "little") + 1)
    return ImageHeader("webp", 0, 0)
