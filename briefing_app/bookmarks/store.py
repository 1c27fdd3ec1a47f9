"""Bookmarks in SQLite: WAL, foreign keys, a versioned schema, one transaction per change.

Every public method commits before it returns and runs with synchronous=FULL, so a process
killed at any moment keeps every bookmark it reported as saved and never corrupts the file.
"""

from __future__ import annotations

import builtins
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from briefing_app.bookmarks.model import Anchor, Bookmark, BookmarkStatus, clean_tags, utc_now
from briefing_app.sqlite_read_only import connect_read_only

BUSY_TIMEOUT_S = 10.0

# MIGRATIONS[n] takes the schema from version n to n + 1; PRAGMA user_version records n + 1.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE bookmarks (
            id TEXT PRIMARY KEY,
            doc_content_hash TEXT NOT NULL,
            doc_path TEXT NOT NULL,
            doc_title TEXT NOT NULL DEFAULT '',
            doc_date TEXT,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" >= start),
            anchor_hash TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL
                CHECK (status IN ('anchored', 'moved', 'approximate', 'orphaned')),
            previous_quote TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        "CREATE INDEX bookmarks_doc_hash ON bookmarks(doc_content_hash)",
        "CREATE INDEX bookmarks_doc_path ON bookmarks(doc_path)",
        "CREATE INDEX bookmarks_status ON bookmarks(status)",
        "CREATE INDEX bookmarks_created ON bookmarks(created)",
        """CREATE TABLE bookmark_tags (
            bookmark_id TEXT NOT NULL REFERENCES bookmarks(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            tag TEXT NOT NULL,
            tag_folded TEXT NOT NULL,
            PRIMARY KEY (bookmark_id, tag_folded)
        )""",
        "CREATE INDEX bookmark_tags_tag ON bookmark_tags(tag_folded)",
        """CREATE TABLE bookmark_entities (
            bookmark_id TEXT NOT NULL REFERENCES bookmarks(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            entity TEXT NOT NULL,
            entity_folded TEXT NOT NULL,
            key_folded TEXT NOT NULL,
            PRIMARY KEY (bookmark_id, entity_folded)
        )""",
        "CREATE INDEX bookmark_entities_entity ON bookmark_entities(entity_folded)",
        "CREATE INDEX bookmark_entities_key ON bookmark_entities(key_folded)",
    ),
]
SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = (
    'id, doc_content_hash, doc_path, doc_title, doc_date, quote, prefix, suffix, start, "end", '
    "anchor_hash, note, status, previous_quote, created, updated"
)


class BookmarkStoreError(Exception):
    pass


class BookmarkNotFoundError(BookmarkStoreError, LookupError):
    def __init__(self, bookmark_id: str) -> None:
        super().__init__(f"no bookmark with id {bookmark_id!r}")
        self.bookmark_id = bookmark_id


class BookmarkStore:
    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._lock = threading.RLock()  # the GUI may call from a worker thread
        if read_only:
            self._db = connect_read_only(self.path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
            version = self.schema_version
            if version != SCHEMA_VERSION:  # an older file would need migrating: a write
                self._db.close()
                raise BookmarkStoreError(
                    f"{self.path} has bookmark schema version {version}; in a read-only "
                    f"folder Briefing reads version {SCHEMA_VERSION} only"
                )
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE ... COMMIT) below.
        self._db = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.execute("PRAGMA foreign_keys = ON")
        self._migrate()

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> BookmarkStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        with self._transaction():
            version = self.schema_version
            if version > SCHEMA_VERSION:
                raise BookmarkStoreError(
                    f"{self.path} has bookmark schema version {version}; this version of "
                    f"Briefing understands up to {SCHEMA_VERSION}"
                )
            for statements in MIGRATIONS[version:]:
                for statement in statements:
                    self._db.execute(statement)
            if version != SCHEMA_VERSION:
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise BookmarkStoreError(
                f"Cannot change bookmarks: the folder {self.path.parent} is read-only."
            )
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- changes -----------------------------------------------------------------------------

    def add(self, bookmark: Bookmark) -> Bookmark:
        """Save a new bookmark; raises BookmarkStoreError if its id is taken."""
        with self._transaction() as db:
            if self._exists(bookmark.id):
                raise BookmarkStoreError(f"a bookmark with id {bookmark.id!r} already exists")
            self._insert(db, bookmark)
        return bookmark

    def restore(self, bookmark: Bookmark) -> Bookmark:
        """Undo of remove: put the bookmark back exactly as it was, same id."""
        with self._transaction() as db:
            db.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark.id,))
            self._insert(db, bookmark)
        return bookmark

    def update(
        self, bookmark_id: str, *, note: str | None = None, tags: Iterable[str] | None = None
    ) -> Bookmark:
        """Change the note and/or tags; bumps `updated`."""
        with self._transaction() as db:
            current = self._require(bookmark_id)
            changed = replace(
                current,
                note=current.note if note is None else note,
                tags=current.tags if tags is None else clean_tags(list(tags)),
                updated=utc_now(),
            )
            self._rewrite(db, changed)
        return changed

    def remove(self, bookmark_id: str) -> Bookmark:
        """Delete a bookmark and return it, so the caller can offer undo via `restore`."""
        with self._transaction() as db:
            current = self._require(bookmark_id)
            db.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
        return current

    def set_anchor(
        self,
        bookmark_id: str,
        anchor: Anchor,
        status: BookmarkStatus,
        previous_quote: str | None = None,
        doc_path: str | None = None,
        doc_title: str | None = None,
        doc_date: str | None = None,
        doc_content_hash: str | None = None,
    ) -> Bookmark:
        """Record the outcome of re-anchoring (or of a library that moved: a new doc_path).

        `updated` is left alone: it tracks the user's edits, not the program's bookkeeping.
        The document hash defaults to the anchor's; pass it for orphans, whose anchor stays
        on the old text while the document has moved on.
        """
        with self._transaction() as db:
            current = self._require(bookmark_id)
            changed = replace(
                current,
                anchor=anchor,
                status=BookmarkStatus(status),
                previous_quote=previous_quote,
                doc_content_hash=doc_content_hash
                or anchor.content_hash
                or current.doc_content_hash,
                doc_path=current.doc_path if doc_path is None else doc_path,
                doc_title=current.doc_title if doc_title is None else doc_title,
                doc_date=current.doc_date if doc_date is None else doc_date,
            )
            self._rewrite(db, changed)
        return changed

    def relocate(self, old_path: str, new_path: str) -> int:
        """Point every bookmark of `old_path` at `new_path`; returns how many moved."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE bookmarks SET doc_path = ? WHERE doc_path = ?", (new_path, old_path)
            )
        return cursor.rowcount

    def reattach(self, bookmark_id: str, anchor: Anchor) -> Bookmark:
        """The user selected new text for a bookmark (typically an orphan): anchored again."""
        with self._transaction() as db:
            current = self._require(bookmark_id)
            changed = replace(
                current,
                anchor=anchor,
                status=BookmarkStatus.ANCHORED,
                previous_quote=None,
                doc_content_hash=anchor.content_hash or current.doc_content_hash,
                updated=utc_now(),
            )
            self._rewrite(db, changed)
        return changed

    # -- queries -----------------------------------------------------------------------------

    def get(self, bookmark_id: str) -> Bookmark | None:
        with self._lock:
            rows = self._select("WHERE b.id = ?", (bookmark_id,))
        return rows[0] if rows else None

    def list(
        self,
        *,
        tag: str | None = None,
        entity: str | None = None,
        status: BookmarkStatus | str | None = None,
        doc_content_hash: str | None = None,
        doc_path: str | None = None,
        text: str | None = None,
    ) -> builtins.list[Bookmark]:
        """Bookmarks in creation order, narrowed by every filter given.

        `tag` matches case-insensitively; `entity` matches "type:key" or just the key
        ("person:Mark Rutte" or "mark rutte"); `text` searches quote, note and tags.
        """
        clauses: builtins.list[str] = []
        params: builtins.list[object] = []
        if tag is not None:
            clauses.append("b.id IN (SELECT bookmark_id FROM bookmark_tags WHERE tag_folded = ?)")
            params.append(_fold(tag))
        if entity is not None:
            clauses.append(
                "b.id IN (SELECT bookmark_id FROM bookmark_entities"
                " WHERE entity_folded = ? OR key_folded = ?)"
            )
            params += [_fold(entity), _fold(entity)]
        if status is not None:
            clauses.append("b.status = ?")
            params.append(str(BookmarkStatus(status)))
        if doc_content_hash is not None:
            clauses.append("b.doc_content_hash = ?")
            params.append(doc_content_hash)
        if doc_path is not None:
            clauses.append("b.doc_path = ?")
            params.append(doc_path)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._lock:
            found = self._select(where, tuple(params))
        if text:
            # In Python: SQLite's LIKE folds ASCII only, and notes are Dutch.
            needle = _fold(text)
            found = [b for b in found if needle in _fold(" ".join((b.quote, b.note, *b.tags)))]
        return found

    def for_document(
        self, content_hash: str | None = None, path: str | None = None
    ) -> builtins.list[Bookmark]:
        """Bookmarks of a document known by its content hash, its path, or either."""
        clauses, params = [], []
        if content_hash:
            clauses.append("b.doc_content_hash = ?")
            params.append(content_hash)
        if path:
            clauses.append("b.doc_path = ?")
            params.append(path)
        if not clauses:
            return []
        with self._lock:
            found = self._select(f"WHERE {' OR '.join(clauses)}", tuple(params))
        return sorted(found, key=lambda b: (b.anchor.start, b.created))

    def tags(self) -> builtins.list[tuple[str, int]]:
        """Every tag with the number of bookmarks carrying it, most used first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT MIN(tag), COUNT(*) FROM bookmark_tags GROUP BY tag_folded"
            ).fetchall()
        return sorted(((tag, count) for tag, count in rows), key=lambda r: (-r[1], _fold(r[0])))

    def entity_counts(self) -> dict[str, int]:
        with self._lock:
            rows = self._db.execute(
                "SELECT MIN(entity), COUNT(*) FROM bookmark_entities GROUP BY entity_folded"
            ).fetchall()
        return {entity: count for entity, count in rows}

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM bookmarks").fetchone()[0])

    # -- rows --------------------------------------------------------------------------------

    def _exists(self, bookmark_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM bookmarks WHERE id = ?", (bookmark_id,))
        return row.fetchone() is not None

    def _require(self, bookmark_id: str) -> Bookmark:
        rows = self._select("WHERE b.id = ?", (bookmark_id,))
        if not rows:
            raise BookmarkNotFoundError(bookmark_id)
        return rows[0]

    def _insert(self, db: sqlite3.Connection, b: Bookmark) -> None:
        a = b.anchor
        db.execute(
            f"INSERT INTO bookmarks ({_COLUMNS}) VALUES ({', '.join('?' * 16)})",
            (
                b.id, b.doc_content_hash, b.doc_path, b.doc_title, b.doc_date, a.quote,
                a.prefix, a.suffix, a.start, a.end, a.content_hash, b.note, str(b.status),
                b.previous_quote, b.created, b.updated,
            ),
        )  # fmt: skip
        self._insert_children(db, b)

    def _insert_children(self, db: sqlite3.Connection, b: Bookmark) -> None:
        db.executemany(
            "INSERT INTO bookmark_tags (bookmark_id, position, tag, tag_folded)"
            " VALUES (?, ?, ?, ?)",
            [(b.id, i, tag, _fold(tag)) for i, tag in enumerate(b.tags)],
        )
        db.executemany(
            "INSERT OR IGNORE INTO bookmark_entities"
            " (bookmark_id, position, entity, entity_folded, key_folded) VALUES (?, ?, ?, ?, ?)",
            [
                (b.id, i, name, _fold(name), _fold(name.partition(":")[2] or name))
                for i, name in enumerate(b.entities)
            ],
        )

    def _rewrite(self, db: sqlite3.Connection, b: Bookmark) -> None:
        """Replace a bookmark's row in place, so its rowid (list order) stays the same."""
        a = b.anchor
        assignments = ", ".join(f"{column.strip()} = ?" for column in _COLUMNS.split(",")[1:])
        db.execute(
            f"UPDATE bookmarks SET {assignments} WHERE id = ?",
            (
                b.doc_content_hash, b.doc_path, b.doc_title, b.doc_date, a.quote, a.prefix,
                a.suffix, a.start, a.end, a.content_hash, b.note, str(b.status),
                b.previous_quote, b.created, b.updated, b.id,
            ),
        )  # fmt: skip
        db.execute("DELETE FROM bookmark_tags WHERE bookmark_id = ?", (b.id,))
        db.execute("DELETE FROM bookmark_entities WHERE bookmark_id = ?", (b.id,))
        self._insert_children(db, b)

    def _select(self, where: str, params: tuple[object, ...]) -> builtins.list[Bookmark]:
        columns = ", ".join(f"b.{c.strip()}" for c in _COLUMNS.split(","))
        rows = self._db.execute(
            f"SELECT {columns} FROM bookmarks b {where} ORDER BY b.created, b.rowid", params
        ).fetchall()
        if not rows:
            return []
        ids = [row[0] for row in rows]
        tags = self._children("SELECT bookmark_id, tag FROM bookmark_tags", ids)
        entities = self._children("SELECT bookmark_id, entity FROM bookmark_entities", ids)
        return [_bookmark(row, tags.get(row[0], ()), entities.get(row[0], ())) for row in rows]

    def _children(self, select: str, ids: builtins.list[str]) -> dict[str, tuple[str, ...]]:
        found: dict[str, builtins.list[str]] = {}
        # Chunked: SQLite caps the number of bound parameters per statement.
        for offset in range(0, len(ids), 500):
            chunk = ids[offset : offset + 500]
            marks = ", ".join("?" * len(chunk))
            query = f"{select} WHERE bookmark_id IN ({marks}) ORDER BY bookmark_id, position"
            for bookmark_id, value in self._db.execute(query, chunk):
                found.setdefault(bookmark_id, []).append(value)
        return {key: tuple(values) for key, values in found.items()}


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _bookmark(row: tuple, tags: tuple[str, ...], entities: tuple[str, ...]) -> Bookmark:
    (id_, doc_hash, doc_path, doc_title, doc_date, quote, prefix, suffix, start, end,
     anchor_hash, note, status, previous_quote, created, updated) = row  # fmt: skip
    return Bookmark(
        id=id_,
        doc_content_hash=doc_hash,
        doc_path=doc_path,
        doc_title=doc_title,
        doc_date=doc_date,
        anchor=Anchor(quote, prefix, suffix, start, end, anchor_hash),
        note=note,
        tags=tags,
        entities=entities,
        status=BookmarkStatus(status),
        previous_quote=previous_quote,
        created=created,
        updated=updated,
    )
