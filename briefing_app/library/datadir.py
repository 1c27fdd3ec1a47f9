"""Where a library keeps its data: --data-dir, else $BRIEFING_DATA_DIR, else a default that
depends on how Briefing was started (a checkout's ./index/ or the user data folder)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "BRIEFING_DATA_DIR"
APP_NAME = "Briefing"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None, default: Path | None = None) -> Path:
    """The data folder to use; `default` is what the launcher prefers (main.py: ./index)."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return (default or user_data_dir()).resolve()
