"""Shared fixtures. Tests never touch the real user folders: HOME, XDG dirs and the data-dir
environment variable point into a temporary folder for every test."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_DIR = SHARED / "seeds"
REAL_RELEASES = SHARED / "data" / "rijksoverheid-2018"
ENTITIES_DEV = SHARED / "data" / "entities-dev"


def shared_or_skip(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not available beside the checkout")
    return path


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("BRIEFING_DATA_DIR", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    # Nor the checkout's own ./index/, which a Briefing run from the checkout uses by default.
    monkeypatch.setattr("briefing_app.library.datadir.checkout_dir", lambda: None)
