"""The catalog: a small SQLite database of imported documents (the index is only a cache).

WAL journal and one transaction per batch, so a crash never leaves half a batch behind.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from briefing_app.sqlite_read_only import connect_read_only

# 2: documents.fingerprint (near-duplicate detection) and the duplicate_groups table.
# 3: document_entities.evidence (why each entity was recognised, its first mention).
CATALOG_VERSION = 3
BUSY_TIMEOUT_S = 10.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime REAL NOT NULL,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    kind TEXT NOT NULL,
    source TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    warnings TEXT NOT NULL DEFAULT '[]',
    imported_at TEXT NOT NULL,
    fingerprint BLOB
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents(content_hash);
CREATE TABLE IF NOT EXISTS roots (
    path TEXT PRIMARY KEY,
    added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS document_entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    count INTEGER NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    evidence TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (doc_id, type, key)
);
-- (type, key) lookups, and the library-wide people rule reads (type, key, doc_id) from the
-- index alone instead of visiting every row.
DROP INDEX IF EXISTS document_entities_key;
CREATE INDEX IF NOT EXISTS document_entities_type_key ON document_entities(type, key, doc_id);
CREATE TABLE IF NOT EXISTS duplicate_groups (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL
);
-- Tables computed from the documents and their entities (the library-wide people rule), kept
-- so that a new process need not compute them again: each is valid for the catalog revision
-- it was computed at (meta 'revision', counted up by every change to documents).
CREATE TABLE IF NOT EXISTS derived (
    name TEXT PRIMARY KEY,
    revision INTEGER NOT NULL,
    value TEXT NOT NULL
);
"""

# Counts up in the transaction of every change to documents or their entities.
_BUMP_REVISION = (
    "INSERT INTO meta(key, value) VALUES ('revision', '1')"
    " ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
)


@dataclass(frozen=True)
class CatalogEntry:
    id: str
    path: str
    content_hash: str
    size: int
    mtime: float
    language: str
    title: str
    date: str | None
    kind: str
    source: str | None
    tags: tuple[str, ...]
    warnings: tuple[str, ...]
    imported_at: str
    # MinHash of the text (library/duplicates.py); None: too short, or imported before v2.
    fingerprint: bytes | None = None


@dataclass(frozen=True)
class EntityRow:
    type: str  # person | country | org
    key: str
    name: str
    count: int
    aliases: tuple[str, ...] = ()
    # Why it was recognised and its first mention (entities.evidence.Evidence as JSON); ""
    # for a row stored before version 3.
    evidence: str = ""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Catalog:
    def __init__(
        self, path: Path, *, busy_timeout: float = BUSY_TIMEOUT_S, read_only: bool = False
    ) -> None:
        self.path = path
        self._writes = 0
        self._busy_timeout = busy_timeout
        self._read_only = read_only
        if read_only:
            # Reads only: the schema was created (and is kept current) by a writable open.
            self._db = connect_read_only(path, timeout=busy_timeout)
            self._db.row_factory = sqlite3.Row
            return
        self._db = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA synchronous=NORMAL")
        with self.transaction():
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            self._migrate()
            self._db.execute(
                "INSERT INTO meta(key, value) VALUES ('catalog_version', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(CATALOG_VERSION),),
            )

    def _migrate(self) -> None:
        """Brings a catalog written by an older version up to this one (in the open's
        transaction). Version 1 had no fingerprints: its documents get theirs when they are
        next analysed (a rebuild of the index, or a changed file)."""
        if not self._has_column("documents", "fingerprint"):
            self._db.execute("ALTER TABLE documents ADD COLUMN fingerprint BLOB")
        # Version 2 kept no evidence: its rows show none until the document is next analysed.
        if not self._has_column("document_entities", "evidence"):
            self._db.execute(
                "ALTER TABLE document_entities ADD COLUMN evidence TEXT NOT NULL DEFAULT ''"
            )

    def _has_column(self, table: str, column: str) -> bool:
        rows = self._db.execute(f"PRAGMA table_info({table})").fetchall()
        return any(row["name"] == column for row in rows)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
        self._writes += 1

    # -- documents -------------------------------------------------------------------------

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def get(self, doc_id: str) -> CatalogEntry | None:
        row = self._db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return None if row is None else _entry(row)

    def get_by_path(self, path: str) -> CatalogEntry | None:
        row = self._db.execute("SELECT * FROM documents WHERE path = ?", (path,)).fetchone()
        return None if row is None else _entry(row)

    def find_by_id_prefix(self, prefix: str) -> list[CatalogEntry]:
        rows = self._db.execute(
            "SELECT * FROM documents WHERE id LIKE ? ORDER BY id LIMIT 5",
            (prefix.replace("%", "").replace("_", "") + "%",),
        )
        return [_entry(row) for row in rows]

    def all(self) -> list[CatalogEntry]:
        rows = self._db.execute(
            "SELECT * FROM documents ORDER BY COALESCE(date, '') DESC, title COLLATE NOCASE"
        )
        return [_entry(row) for row in rows]

    def paths_under(self, folder: str) -> dict[str, str]:
        """path -> id for every document whose file lies below `folder`."""
        prefix = folder.rstrip("/\\") + "/"
        rows = self._db.execute(
            "SELECT id, path FROM documents WHERE substr(path, 1, ?) = ?",
            (len(prefix), prefix),
        )
        return {row["path"]: row["id"] for row in rows}

    def save(
        self,
        entries: Iterable[CatalogEntry],
        entities: dict[str, list[EntityRow]] | None = None,
    ) -> None:
        with self.transaction() as db:
            for e in entries:
                db.execute(
                    "INSERT INTO documents(id, path, content_hash, size, mtime, language, title,"
                    " date, kind, source, tags, warnings, imported_at, fingerprint)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                    " ON CONFLICT(id) DO UPDATE SET path=excluded.path,"
                    " content_hash=excluded.content_hash, size=excluded.size,"
                    " mtime=excluded.mtime, language=excluded.language, title=excluded.title,"
                    " date=excluded.date, kind=excluded.kind, source=excluded.source,"
                    " tags=excluded.tags, warnings=excluded.warnings,"
                    " imported_at=excluded.imported_at, fingerprint=excluded.fingerprint",
                    (
                        e.id,
                        e.path,
                        e.content_hash,
                        e.size,
                        e.mtime,
                        e.language,
                        e.title,
                        e.date,
                        e.kind,
                        e.source,
                        json.dumps(list(e.tags), ensure_ascii=False),
                        json.dumps(list(e.warnings), ensure_ascii=False),
                        e.imported_at,
                        e.fingerprint,
                    ),
                )
                if entities is not None and e.id in entities:
                    db.execute("DELETE FROM document_entities WHERE doc_id = ?", (e.id,))
                    db.executemany(
                        "INSERT INTO document_entities(doc_id, type, key, name, count, aliases,"
                        " evidence) VALUES (?,?,?,?,?,?,?)",
                        [
                            (
                                e.id,
                                row.type,
                                row.key,
                                row.name,
                                row.count,
                                json.dumps(list(row.aliases), ensure_ascii=False),
                                row.evidence,
                            )
                            for row in entities[e.id]
                        ],
                    )
            db.execute(_BUMP_REVISION)

    def touch(self, doc_id: str, mtime: float) -> None:
        with self.transaction() as db:
            db.execute("UPDATE documents SET mtime = ? WHERE id = ?", (mtime, doc_id))

    def remove(self, doc_ids: Iterable[str]) -> None:
        with self.transaction() as db:
            db.executemany("DELETE FROM documents WHERE id = ?", [(i,) for i in doc_ids])
            db.execute(_BUMP_REVISION)

    # -- near duplicates -------------------------------------------------------------------

    def fingerprints(self) -> list[tuple[str, bytes]]:
        """(doc id, fingerprint) of every document that has one."""
        if not self._has_column("documents", "fingerprint"):  # read-only, older version
            return []
        rows = self._db.execute(
            "SELECT id, fingerprint FROM documents WHERE fingerprint IS NOT NULL"
        )
        return [(row[0], bytes(row[1])) for row in rows]

    def duplicate_groups(self) -> dict[str, str]:
        """doc id -> group id for the documents that have near duplicates."""
        try:
            rows = self._db.execute("SELECT doc_id, group_id FROM duplicate_groups")
            return {row[0]: row[1] for row in rows}
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):  # read-only, older version
                return {}
            raise

    def set_duplicate_groups(self, groups: dict[str, str]) -> bool:
        """Replaces the groups; False (and nothing written) when they are the same."""
        if groups == self.duplicate_groups():
            return False
        with self.transaction() as db:
            db.execute("DELETE FROM duplicate_groups")
            db.executemany(
                "INSERT INTO duplicate_groups(doc_id, group_id) SELECT ?, ? WHERE EXISTS"
                " (SELECT 1 FROM documents WHERE id = ?)",
                [(doc_id, group, doc_id) for doc_id, group in groups.items()],
            )
        return True

    # -- entities --------------------------------------------------------------------------

    def date_span(self) -> tuple[str | None, str | None]:
        """The earliest and latest document date (as written: "YYYY-MM" or "YYYY-MM-DD")."""
        row = self._db.execute(
            "SELECT MIN(date), MAX(date) FROM documents WHERE date IS NOT NULL AND date != ''"
        ).fetchone()
        return (row[0], row[1]) if row is not None else (None, None)

    def entities_of(self, doc_id: str) -> list[EntityRow]:
        # SELECT *: a read-only catalog of version 2 has no evidence column.
        rows = self._db.execute(
            "SELECT * FROM document_entities WHERE doc_id = ? ORDER BY type, count DESC, name",
            (doc_id,),
        )
        return [_entity_row(row) for row in rows]

    def person_names(self) -> list[str]:
        rows = self._db.execute("SELECT DISTINCT key FROM document_entities WHERE type = 'person'")
        return [row[0] for row in rows]

    def organization_keys(self) -> frozenset[str]:
        rows = self._db.execute("SELECT DISTINCT key FROM document_entities WHERE type = 'org'")
        return frozenset(row[0] for row in rows)

    def person_documents(self) -> list[tuple[str, str, int]]:
        """(person key, document language, documents) for every person in the library: how
        often each spelling of a name is used in each language."""
        # Counted here rather than by a join and GROUP BY: ~3x faster, from the index alone.
        language = dict(self._db.execute("SELECT id, language FROM documents").fetchall())
        counts = Counter(
            (key, language.get(doc_id, "und"))
            for key, doc_id in self._db.execute(
                "SELECT key, doc_id FROM document_entities WHERE type = 'person'"
            ).fetchall()
        )
        return sorted((key, lang, count) for (key, lang), count in counts.items())

    def generation(self) -> tuple[int, int]:
        """Changes whenever any connection commits: a key for caches derived from the catalog."""
        version = int(self._db.execute("PRAGMA data_version").fetchone()[0])
        return version, self._writes

    def revision(self) -> int:
        """Counts every change to documents or their entities, whichever process made it."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        return int(row[0]) if row is not None else 0

    def derived(self, name: str, revision: int) -> str | None:
        """The value stored under `name` if it was computed at `revision`, else None."""
        try:
            row = self._db.execute(
                "SELECT value FROM derived WHERE name = ? AND revision = ?", (name, revision)
            ).fetchone()
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):  # read-only, older version
                return None
            raise
        return None if row is None else str(row[0])

    def store_derived(self, name: str, revision: int, value: str) -> None:
        """Keeps a derived value, if that can be done at once: a reader never waits for
        another process's write, and a read-only catalog just computes it again next time."""
        if self._read_only:
            return
        try:
            self._db.execute("PRAGMA busy_timeout = 0")
            try:
                with self.transaction() as db:
                    db.execute(
                        "INSERT INTO derived(name, revision, value) VALUES (?, ?, ?)"
                        " ON CONFLICT(name) DO UPDATE SET revision = excluded.revision,"
                        " value = excluded.value",
                        (name, revision, value),
                    )
            finally:
                self._db.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout * 1000)}")
        except sqlite3.OperationalError:
            pass  # busy or read-only: not kept this time

    def documents_with_entity(self, entity_type: str, key: str) -> list[CatalogEntry]:
        rows = self._db.execute(
            "SELECT d.* FROM documents d JOIN document_entities e ON e.doc_id = d.id"
            " WHERE e.type = ? AND e.key = ?",
            (entity_type, key),
        )
        return [_entry(row) for row in rows]

    def entity_table(self, entity_type: str | None = None) -> list[tuple[EntityRow, int]]:
        """Library-wide: each entity with its total mentions and number of documents."""
        sql = (
            "SELECT type, key, MAX(name) AS name, SUM(count) AS count,"
            " json_group_array(aliases) AS aliases, COUNT(DISTINCT doc_id) AS docs"
            " FROM document_entities"
        )
        params: tuple[str, ...] = ()
        if entity_type:
            sql += " WHERE type = ?"
            params = (entity_type,)
        sql += " GROUP BY type, key ORDER BY docs DESC, count DESC, name"
        result = []
        for row in self._db.execute(sql, params):
            aliases: set[str] = set()
            for chunk in json.loads(row["aliases"]):
                aliases.update(json.loads(chunk))
            entity = EntityRow(
                row["type"], row["key"], row["name"], row["count"], tuple(sorted(aliases))
            )
            result.append((entity, int(row["docs"])))
        return result

    # -- roots -----------------------------------------------------------------------------

    def add_root(self, folder: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO roots(path, added_at) VALUES (?, ?)", (folder, now_iso())
            )

    def roots(self) -> list[str]:
        return [row["path"] for row in self._db.execute("SELECT path FROM roots ORDER BY path")]


def _entry(row: sqlite3.Row) -> CatalogEntry:
    return CatalogEntry(
        id=row["id"],
        path=row["path"],
        content_hash=row["content_hash"],
        size=row["size"],
        mtime=row["mtime"],
        language=row["language"],
        title=row["title"],
        date=row["date"],
        kind=row["kind"],
        source=row["source"],
        tags=tuple(json.loads(row["tags"])),
        warnings=tuple(json.loads(row["warnings"])),
        imported_at=row["imported_at"],
        fingerprint=_fingerprint(row),
    )


def _fingerprint(row: sqlite3.Row) -> bytes | None:
    try:
        value = row["fingerprint"]
    except IndexError:  # a read-only catalog of an older version
        return None
    return None if value is None else bytes(value)


def _entity_row(row: sqlite3.Row) -> EntityRow:
    evidence = row["evidence"] if "evidence" in row.keys() else ""  # noqa: SIM118 (a Row)
    return EntityRow(
        row["type"],
        row["key"],
        row["name"],
        row["count"],
        tuple(json.loads(row["aliases"])),
        evidence or "",
    )
