"""Shared fixtures. Tests never touch the real user folders: HOME, XDG dirs and the data-dir
environment variable point into a temporary folder for every test."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# The tests' own copies of the project's test material (sources and licences in
# tests/data/README.md): the whole suite runs in a plain clone.
DATA = REPO / "tests" / "data"
SEED_DIR = DATA / "seeds"
REAL_RELEASES = DATA / "rijksoverheid-2018"
ENTITIES_DEV = DATA / "entities-dev"
# The bigger sets beside the checkout, where present: for extra checks only.
SHARED = REPO.parent / "shared"


def shared_or_skip(path: Path) -> Path:
    """`path` under ../shared, or a skip: only for extra checks on the bigger sets there."""
    if not path.exists():
        pytest.skip(f"{path} is not available beside the checkout")
    return path


@pytest.fixture(scope="session")
def _shared_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the session: what is kept there (decoded word tables) is a pure
    function of installed files, and building it again for every test would only cost time.
    The word tables' lookup files are written first, as a first run's search process does
    while idle: otherwise every process a test starts would build them."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_CACHE_DIR", str(folder))
        from briefing_app.search.analysis import prepare_word_tables

        prepare_word_tables()
    return folder


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    _shared_cache_dir: Path,
):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(_shared_cache_dir))
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("BRIEFING_DATA_DIR", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    # Nor the checkout's own ./index/, which a Briefing run from the checkout uses by default.
    monkeypatch.setattr("briefing_app.library.datadir.checkout_dir", lambda: None)
