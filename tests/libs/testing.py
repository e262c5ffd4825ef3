"""pytest glue shared by the test_libs_* modules: one launched project per library module,
one render test per component page, one test per documented interaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from tests.libs.install import LibraryUnavailable
from tests.libs.libraries import LIBRARIES
from tests.libs.project import build_project
from tests.libs.runner import interact, open_library, render_page


def make_tests(key: str) -> tuple[Callable, Callable, Callable, Callable]:
    """(fixture `lib_mp`, `test_component_renders`, `test_documented_interaction`,
    `test_known_gaps_still_needed`) for a library."""
    lib = LIBRARIES[key]
    known = dict(getattr(lib, "known_failures", ()))
    rendered: set[str] = set()  # usages rendered in this session
    explained: list[str] = []   # the explained diagnostics they gave

    @pytest.fixture(scope="module")
    def lib_mp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
        try:
            root = build_project(lib, tmp_path_factory.mktemp("project"))
        except LibraryUnavailable as exc:
            pytest.skip(str(exc))
        mp = open_library(root, Path(tmp_path_factory.mktemp("storage")))
        try:
            yield mp
        finally:
            mp.close()

    def _known(name: str) -> None:
        if name in known:
            pytest.xfail(known[name])  # documented gap; see the library spec for why

    @pytest.mark.parametrize("usage", lib.usages, ids=lambda u: u.name)
    def test_component_renders(lib_mp: Any, usage: Any) -> None:
        result = render_page(lib_mp, lib, usage)
        rendered.add(usage.name)
        explained.extend(result.explained)
        if not result.ok:
            _known(usage.name)
        assert not result.errors, result.errors
        assert not result.warnings, f"unexplained diagnostics: {result.warnings}"
        assert not result.problems, result.problems

    interactive = [u for u in lib.usages if u.interaction is not None]

    @pytest.mark.parametrize("usage", interactive, ids=lambda u: u.name)
    def test_documented_interaction(lib_mp: Any, usage: Any) -> None:
        passed, what = interact(lib_mp, usage)
        if not passed:
            _known("interact:" + usage.name)
        assert passed, what

    def test_known_gaps_still_needed(lib_mp: Any) -> None:
        """Every explained gap still explains a diagnostic: a gap that was closed leaves the list
        (so the list stays a true account of what is missing). Runs after all pages rendered."""
        if rendered != {u.name for u in lib.usages}:
            pytest.skip("needs every component page rendered in this session")
        offline = {res.offline_warning for res in lib.resources}  # only when a CDN file is out of reach
        unused = [(needle, reason) for needle, reason in lib.known_warnings
                  if needle not in offline and not any(needle in text for text in explained)]
        assert not unused, f"known gaps that no longer occur: {unused}"

    return lib_mp, test_component_renders, test_documented_interaction, test_known_gaps_still_needed
