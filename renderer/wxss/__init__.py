"""WXSS: parsing stylesheets, the cascade and computed styles (no Qt)."""

from __future__ import annotations

from .cascade import StyleResolver, StyleTarget
from .computed import ComputedStyle, compute_style
from .defaults import default_stylesheet
from .stylesheet import Declaration, Rule, StyleSheet, parse_declarations, parse_stylesheet
from .viewport import Viewport
from . import animation_props, motion_props  # noqa: E402,F401 - registers transition/animation validators

__all__ = [
    "ComputedStyle", "Declaration", "Rule", "StyleResolver", "StyleSheet", "StyleTarget", "Viewport",
    "compute_style", "default_stylesheet", "parse_declarations", "parse_stylesheet",
]
