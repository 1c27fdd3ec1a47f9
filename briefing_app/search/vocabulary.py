"""The library's words, unstemmed, for spelling suggestions ("terorisme" -> "terrorisme").

A small SQLite table inside the index folder (so it is rebuilt and swapped with the index):
each word with the number of times the library uses it. As a field of every whoosh document
it would double the postings the single index writer sorts and writes, and a whoosh index of
its own costs ~25 us per distinct word per commit; SQLite upserts a commit's words in a
fraction of that. Words of deleted documents stay until the next rebuild, which is harmless: a
suggestion is only offered when it finds more documents.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping
from itertools import repeat
from pathlib import Path

from whoosh.automata.fsa import find_all_matches

from briefing_app.search.analysis import TOKEN_PATTERN, fold, word_positions
from briefing_app.search.whoosh_internals.fuzzy import edit_automaton

FILE_NAME = "vocabulary.sqlite3"
MAX_EDITS = 2
_WORD = re.compile(TOKEN_PATTERN)
_SCHEMA = "CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, uses INTEGER NOT NULL)"


def normalise(word: str) -> str:
    """A word as the vocabulary holds it: lower case, accents folded like the index does."""
    return fold(word)


def word_uses(texts: Iterable[str]) -> list[str]:
    """Every use of a word in `texts` (repeats included), each word normalised as the
    analyzers do: tokens of the text, then folded. A list, not counts: the index writer's
    process adds a document's uses to its Counter in C (Counter.update of ~650 keys), where
    adding a document's counts ran a Python loop (~10 % of that process's time).

    Runs in the analysis workers; a body's tokens are those its postings were made from
    (word_positions keeps them), so only its distinct words are folded here."""
    uses: list[str] = []
    for text in texts:
        for word, where in word_positions(_WORD, text).items():
            uses.extend(repeat(fold(word), len(where)))
    return uses


class Vocabulary:
    """The word table in `folder`. Written only while the main index's writer is held."""

    def __init__(self, folder: Path, *, timeout: float) -> None:
        self._path = Path(folder) / FILE_NAME
        self._timeout = timeout
        self._db: sqlite3.Connection | None = None

    @staticmethod
    def exists_in(folder: Path) -> bool:
        return (Path(folder) / FILE_NAME).is_file()

    @staticmethod
    def create_in(folder: Path) -> None:
        db = sqlite3.connect(Path(folder) / FILE_NAME)
        try:
            db.execute(_SCHEMA)
            db.commit()
        finally:
            db.close()

    def open(self) -> None:
        """Open the table; raises sqlite3.Error when the file is damaged."""
        # check_same_thread=False: the SearchIndex serialises every call with its own lock.
        db = sqlite3.connect(self._path, timeout=self._timeout, check_same_thread=False)
        try:
            db.execute("SELECT count(*) FROM words").fetchone()
        except sqlite3.Error:
            db.close()
            raise
        self._db = db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def add(self, counts: Mapping[str, int]) -> None:
        if not counts or self._db is None:
            return
        with self._db:
            self._db.executemany(
                "INSERT INTO words (word, uses) VALUES (?, ?) "
                "ON CONFLICT (word) DO UPDATE SET uses = uses + excluded.uses",
                counts.items(),
            )

    def knows(self, word: str) -> bool:
        row = (
            self._require()
            .execute("SELECT 1 FROM words WHERE word = ?", (normalise(word),))
            .fetchone()
        )
        return row is not None

    def suggest(self, word: str) -> str | None:
        """The closest known word within two edits of `word` with the same first letter (a
        letter more, fewer or other, or two neighbouring letters swapped, each one edit); of
        equally close words, the one the library uses most."""
        db = self._require()
        text = normalise(word)

        def first_at_or_after(key: str) -> str | None:
            row = db.execute(
                "SELECT word FROM words WHERE word >= ? ORDER BY word LIMIT 1", (key,)
            ).fetchone()
            return row[0] if row else None

        for edits in range(1, MAX_EDITS + 1):
            automaton = edit_automaton(text, edits, prefix=1)  # a swapped pair is one edit
            found = [w for w in find_all_matches(automaton, first_at_or_after) if w != text]
            if found:
                marks = ",".join("?" * len(found))
                query = f"SELECT word, uses FROM words WHERE word IN ({marks})"
                uses = dict(db.execute(query, found).fetchall())
                return max(found, key=lambda w: (uses.get(w, 0), w))
        return None

    def _require(self) -> sqlite3.Connection:
        if self._db is None:
            raise sqlite3.ProgrammingError("the vocabulary is not open")
        return self._db
