"""weui-miniprogram from the npm registry: every component page renders; common components
fire their documented events (tests/libs/weui.py has the usages and the known gaps)."""

from __future__ import annotations

from tests.libs.testing import make_tests

lib_mp, test_component_renders, test_documented_interaction, test_known_gaps_still_needed = make_tests("weui")
