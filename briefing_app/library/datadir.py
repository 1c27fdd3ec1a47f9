"""Where a library keeps its data: --data-dir, else $BRIEFING_DATA_DIR, else a default that
depends on where Briefing runs from (a checkout's ./index/ or the user data folder)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENV_VAR = "BRIEFING_DATA_DIR"
APP_NAME = "Briefing"


@dataclass(frozen=True)
class DataDir:
    """The data folder in use and why that one (shown by --help and the About box)."""

    path: Path
    source: str


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def checkout_dir() -> Path | None:
    """The source checkout this code runs from, if any.

    `python main.py`, `python -m briefing_app` and the `briefing` of an editable install
    (`make run`, `make test`) all run the checkout's own code, so they all share its
    ./index/, wherever they are started from; an installed wheel has no checkout.
    """
    root = Path(__file__).resolve().parents[2]
    if (root / "main.py").is_file() and (root / "pyproject.toml").is_file():
        return root
    return None


def locate_data_dir(
    explicit: str | os.PathLike[str] | None, default: Path | None = None
) -> DataDir:
    """The data folder to use; `default` overrides the checkout's and the user's folder."""
    if explicit:
        return DataDir(Path(explicit).expanduser().resolve(), "given with --data-dir")
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return DataDir(Path(from_env).expanduser().resolve(), f"from ${ENV_VAR}")
    if default is not None:
        return DataDir(default.resolve(), "the launcher's default")
    checkout = checkout_dir()
    if checkout is not None:
        return DataDir(
            (checkout / "index").resolve(), "the index/ of the checkout Briefing runs from"
        )
    return DataDir(user_data_dir().resolve(), "the user data folder")


def resolve_data_dir(explicit: str | os.PathLike[str] | None, default: Path | None = None) -> Path:
    """The data folder to use (see locate_data_dir)."""
    return locate_data_dir(explicit, default).path
