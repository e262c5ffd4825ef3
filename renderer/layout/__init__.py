"""Layout: styled node tree → Box tree (CSS px, page coordinates) using the Taffy engine."""

from __future__ import annotations

from .box import Box, TextPiece
from .engine import layout_tree
from .text import ApproxMeasurer, FontSpec, TextMeasurer, break_lines

__all__ = ["ApproxMeasurer", "Box", "FontSpec", "TextMeasurer", "TextPiece", "break_lines", "layout_tree"]
