"""Opening a library's SQLite files without writing anything: for data folders that are
read-only (permissions, a read-only mount, a library shared from someone else's folder)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect_read_only(
    path: Path, *, timeout: float, check_same_thread: bool = True
) -> sqlite3.Connection:
    """A connection that can only read `path`; raises sqlite3.Error when it cannot read it.

    A WAL database needs its -shm file even to be read. SQLite creates that file next to the
    database, which a read-only folder does not allow; then the file is read as immutable,
    which is safe because nothing can write the database in that folder either."""
    uri = Path(path).resolve().as_uri()
    try:
        return _open(f"{uri}?mode=ro", timeout, check_same_thread)
    except sqlite3.OperationalError:
        return _open(f"{uri}?mode=ro&immutable=1", timeout, check_same_thread)


def _open(uri: str, timeout: float, check_same_thread: bool) -> sqlite3.Connection:
    db = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=check_same_thread)
    try:
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # SQLite opens lazily
    except sqlite3.Error:
        db.close()
        raise
    return db
