"""The same corpus and the same queries in SQLite FTS5 (stdlib sqlite3): the yardstick that
makes figures from a noisy machine comparable (read Briefing/FTS5 ratios, not absolutes).

Build = read + parse every file (the same reader Briefing uses) + insert title and body, one
transaction, optimize. Entities are not extracted here (FTS5 has no such step); the country of
each document for filtered queries is copied from Briefing's catalog outside the timing.
Queries return the top 20 by bm25 with `snippet()` and count the countries of all matches in
Python, as Briefing's facets do.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections import Counter
from pathlib import Path

from briefing_app.documents import read_document

_WORD = re.compile(r"\w+")


def build(folder: Path, db_path: Path) -> dict[str, float]:
    db_path.unlink(missing_ok=True)
    started = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, title, body, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    with db:
        for path in sorted(folder.rglob("*.txt")):
            document = read_document(path)
            db.execute(
                "INSERT INTO docs(path, title, body) VALUES (?, ?, ?)",
                (str(document.path), document.title, document.searchable_text),
            )
        db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    db.close()
    seconds = time.perf_counter() - started
    return {"build_s": seconds, "docs_per_s": sum(1 for _ in folder.rglob("*.txt")) / seconds}


def add_countries(db_path: Path, countries_by_path: dict[str, list[str]]) -> None:
    db = sqlite3.connect(db_path)
    with db:
        db.execute("CREATE TABLE IF NOT EXISTS countries (path TEXT, code TEXT)")
        db.execute("DELETE FROM countries")
        db.executemany(
            "INSERT INTO countries VALUES (?, ?)",
            [(p, c) for p, codes in countries_by_path.items() for c in codes],
        )
        db.execute("CREATE INDEX IF NOT EXISTS countries_path ON countries(path)")
        db.execute("CREATE INDEX IF NOT EXISTS countries_code ON countries(code)")
    db.close()


def to_match(query: str) -> str:
    """Briefing query syntax (words, "phrases", prefix*) to an FTS5 MATCH expression."""
    if query.startswith('"'):
        return query
    parts = []
    for word in query.split():
        if word.endswith("*"):
            parts.append(f'"{word[:-1]}"*')
        else:
            parts.append(f'"{word}"')
    return " AND ".join(parts)


class Fts5Searcher:
    def __init__(self, db_path: Path) -> None:
        started = time.perf_counter()
        self.db = sqlite3.connect(db_path)
        self.open_ms = (time.perf_counter() - started) * 1000

    def search(self, query: str, country: str | None = None) -> tuple[int, list[str], Counter[str]]:
        match = to_match(query)
        where = "docs MATCH ?"
        args: list[str] = [match]
        if country is not None:
            where += " AND path IN (SELECT path FROM countries WHERE code = ?)"
            args.append(country)
        top = self.db.execute(
            f"SELECT path, snippet(docs, 2, '<mark>', '</mark>', '…', 24) FROM docs "
            f"WHERE {where} ORDER BY rank LIMIT 20",
            args,
        ).fetchall()
        facets: Counter[str] = Counter()
        matched: set[str] = set()
        for path, code in self.db.execute(
            f"SELECT m.path, c.code FROM (SELECT path FROM docs WHERE {where}) m "
            "LEFT JOIN countries c ON c.path = m.path",
            args,
        ):
            matched.add(path)
            if code:
                facets[code] += 1
        return len(matched), [snippet for _, snippet in top], facets

    def close(self) -> None:
        self.db.close()
