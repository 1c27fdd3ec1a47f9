"""Values kept in the user's cache folder between runs: each a pure function of installed
files (word tables, the gazetteers' alias table), so each may be deleted at any time.

A value is stored under a name that holds everything it was computed from (a package version,
a file's content, the code that computed it: `file_key`, `code_stamp`); it is rebuilt when its
file is missing or unreadable, and never needed: without a writable cache folder each process
computes the values itself.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import platformdirs

from briefing_app import __version__

# Bump when how values are stored changes.
FORMAT = 2
CACHE_ENV_VAR = "BRIEFING_CACHE_DIR"

T = TypeVar("T")


def cache_dir() -> Path:
    """$BRIEFING_CACHE_DIR, else the user's cache folder for Briefing."""
    return Path(
        os.environ.get(CACHE_ENV_VAR) or platformdirs.user_cache_dir("Briefing", appauthor=False)
    )


def cached(name: str, kind: type[T], build: Callable[[], T]) -> T:
    """The value stored under `name` (a marshal-able `kind`), built and stored when missing,
    damaged or of another kind. `name` must change whenever `build` would give another
    value."""
    path = cache_dir() / f"{name}-v{FORMAT}.marshal"
    try:
        stored: Any = marshal.loads(path.read_bytes())  # (marshal.load reads piecemeal)
        if isinstance(stored, kind):
            return stored
    except (OSError, EOFError, ValueError, TypeError):
        pass  # missing or damaged: built again below
    value = build()
    store(path, value)
    return value


def file_key(path: Path) -> str:
    """A cache name part that changes whenever the file's content does (and not when the
    same file is checked out or installed elsewhere)."""
    digest = hashlib.blake2b(path.read_bytes(), digest_size=8).hexdigest()
    return f"{path.stem}-{digest}"


def code_stamp(*modules: ModuleType) -> str:
    """A short hash of the modules' source files; the package version where a module has no
    readable file (a frozen bundle: its code changes only with its version)."""
    digest = hashlib.blake2b(digest_size=8)
    for module in modules:
        try:
            with open(module.__file__ or "", "rb") as source:
                digest.update(source.read())
        except OSError:
            digest.update(f"{module.__name__}-{__version__}".encode())
    return digest.hexdigest()


def store(path: Path, value: Any) -> None:
    """Write atomically, so a process reading meanwhile sees the whole file or none."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(marshal.dumps(value))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        pass  # a read-only or full cache folder costs speed only


def store_table(path: Path, rows: Iterable[tuple[Any, Any]]) -> None:
    """Write a lookup file atomically (another process may be reading the old one)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        os.close(handle)
        try:
            db = sqlite3.connect(temporary)
            try:
                db.execute("PRAGMA journal_mode = OFF")
                db.execute("CREATE TABLE t (k PRIMARY KEY, v) WITHOUT ROWID")
                db.executemany("INSERT OR IGNORE INTO t VALUES (?, ?)", rows)
                db.commit()
            finally:
                db.close()
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, sqlite3.Error):
        pass  # a read-only or full cache folder costs speed only
