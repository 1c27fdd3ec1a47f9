"""A stamp of everything the entities package computes from, besides the documents."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import babel

from briefing_app import __version__
from briefing_app.disk_cache import file_key
from briefing_app.resources import resource_path


@cache
def entities_stamp() -> str:
    """The package's code, its gazetteers and CLDR's names (Babel's version): a value kept
    between runs (the alias table, the library-wide rules for names) under this stamp goes
    stale with any of them. A frozen bundle has no source files: its version stands for them."""
    sources = sorted(Path(__file__).resolve().parent.glob("*.py"))
    gazetteers = sorted(p for p in resource_path("gazetteers").iterdir() if p.is_file())
    parts = [file_key(path) for path in [*sources, *gazetteers]]
    parts.append(getattr(babel, "__version__", ""))
    if not sources:
        parts.append(__version__)
    return hashlib.blake2b("/".join(parts).encode(), digest_size=8).hexdigest()
