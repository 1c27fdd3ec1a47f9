"""Word tables kept decoded in the user's cache folder: simplemma's lemma dictionaries and
the compound splitter's word list.

simplemma keeps each dictionary front-coded and LZMA-compressed; decoding one takes 0.5-1 s
(Dutch), and reading the splitter's word list another 0.2 s, in every process that analyses
text: each import worker, the search process, each `briefing search`. Decoded once, each
table is kept as a marshal file, which loads in a tenth of that, and as a SQLite file that
answers one word at a time: a search looks up tens of words, and `WordTable` reads those
from disk, loading the whole table only for a process that looks up many (an import worker).
Each file is a cache of a pure function of installed files: keyed by their version, rebuilt
when missing or unreadable, and never needed (without a writable cache folder each process
decodes the tables itself).
"""

from __future__ import annotations

import importlib.util
import os
import re
import sqlite3
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from briefing_app.disk_cache import (
    CACHE_ENV_VAR,
    FORMAT,
    cache_dir,
    cached,
    file_key,
    store_table,
)

__all__ = ["CACHE_ENV_VAR", "WordTable", "cache_dir", "cached", "file_key"]

K = TypeVar("K", str, bytes)
V = TypeVar("V")

# Lookups after which a process is better off with the whole table in memory: a search
# looks up tens of words, an import worker thousands in its first documents.
LOAD_AFTER = 20_000


class WordTable(Generic[K, V]):
    """A table of words read from its SQLite file in the cache folder a lookup at a time,
    until this process has looked up `load_after` words: then it loads the whole table
    (the marshal file of `name`, else `build`). A set of words is a table whose values are
    None. Safe to share between threads; a forked child opens the file again."""

    def __init__(
        self,
        name: str,
        kind: type[dict] | type[frozenset],
        build: Callable[[], dict[K, V] | frozenset[K]],
        *,
        load_after: int = LOAD_AFTER,
    ) -> None:
        self.name = name
        self._kind = kind
        self._build: Callable[[], dict[K, V] | frozenset[K]] = build
        self._load_after = load_after
        self._lookups = 0
        self._whole: dict[K, V] | frozenset[K] | None = None
        self._db: sqlite3.Connection | None = None
        self._db_pid = 0
        self._lock = threading.Lock()

    @overload
    def get(self, key: K) -> V | None: ...
    @overload
    def get(self, key: K, default: V) -> V: ...
    def get(self, key: K, default: V | None = None) -> V | None:
        found = self._find(key)
        return default if found is None else found[0]

    def __contains__(self, key: object) -> bool:
        return self._find(key) is not None  # type: ignore[arg-type]

    def whole(self) -> dict[K, V] | frozenset[K]:
        """The whole table, loaded now if it was not."""
        with self._lock:
            if self._whole is None:
                self._whole = cached(self.name, self._kind, self._build)
            return self._whole

    def prepare(self) -> None:
        """Writes the lookup file now if there is none (or a damaged one)."""
        if self._query("SELECT 1 FROM t LIMIT 1", ()) is _UNREADABLE:
            self._rebuild()

    def _find(self, key: K) -> tuple[V | None] | None:
        """(value,) for a word in the table, None for a word not in it."""
        self._lookups += 1
        whole = self._whole
        if whole is None:
            if self._lookups <= self._load_after:
                row = self._row(key)
                if row is not _UNREADABLE:
                    return row  # type: ignore[return-value]
                whole = self._rebuild()
            else:
                whole = self.whole()
        if isinstance(whole, dict):
            value = whole.get(key, _MISSING)
            return None if value is _MISSING else (value,)  # type: ignore[return-value]
        return (None,) if key in whole else None

    def _row(self, key: K) -> tuple[V | None] | object | None:
        """The file's row for `key`, or _UNREADABLE when there is no file (or a damaged one)."""
        return self._query("SELECT v FROM t WHERE k = ?", (key,))

    def _query(self, sql: str, parameters: tuple[K, ...] | tuple[()]) -> Any:
        """The first row `sql` finds in the lookup file (opened once per process), or
        _UNREADABLE when there is no file (or a damaged one)."""
        with self._lock:
            if self._db is None or self._db_pid != os.getpid():
                try:
                    # immutable: no locks nor change checks per lookup (a file is replaced
                    # whole, never changed; an open connection keeps reading the old one).
                    self._db = sqlite3.connect(
                        f"{self._path().as_uri()}?mode=ro&immutable=1",
                        uri=True,
                        check_same_thread=False,
                    )
                    self._db_pid = os.getpid()
                except sqlite3.Error:
                    self._db = None
                    return _UNREADABLE
            try:
                return self._db.execute(sql, parameters).fetchone()
            except sqlite3.Error:
                self._db = None
                return _UNREADABLE

    def _rebuild(self) -> dict[K, V] | frozenset[K]:
        """The whole table, kept as a lookup file for the next process."""
        whole = self.whole()
        rows = whole.items() if isinstance(whole, dict) else ((k, None) for k in whole)
        store_table(self._path(), rows)
        return whole

    def _path(self) -> Path:
        return cache_dir() / f"{self.name}-v{FORMAT}.sqlite3"


_MISSING = object()
_UNREADABLE = object()


@cache
def forms_table(language: str) -> WordTable[bytes, bytes]:
    """simplemma's table of a language: form -> lemma, both UTF-8 (separable Dutch verbs
    written "uit_breiden")."""
    return WordTable(
        f"lemmas-{language}-simplemma-{_dictionary_key(language)}",
        dict,
        lambda: _decode(language),
    )


@cache
def lemmas_table(language: str) -> WordTable[str, None]:
    """The lemmas of simplemma's table of a language, as written and lower-cased, without
    the underscore of separable verbs."""
    return WordTable(
        f"lemma-set-{language}-simplemma-{_dictionary_key(language)}",
        frozenset,
        lambda: _lemma_set(language),
    )


def load_forms(language: str) -> dict[bytes, bytes]:
    """The whole of `forms_table`."""
    return forms_table(language).whole()  # type: ignore[return-value]


def load_lemmas(language: str) -> frozenset[str]:
    """The whole of `lemmas_table`."""
    return lemmas_table(language).whole()  # type: ignore[return-value]


def _lemma_set(language: str) -> frozenset[str]:
    lemmas = {lemma.decode().replace("_", "") for lemma in load_forms(language).values()}
    return frozenset(lemmas | {lemma.lower() for lemma in lemmas})


def _dictionary_key(language: str) -> str:
    """simplemma's version and its file of the language's dictionary (size and time), found
    without importing simplemma, which takes longer than a search."""
    spec = importlib.util.find_spec("simplemma")
    if spec is not None and spec.origin:
        package = Path(spec.origin).parent
        data = package / "strategies" / "dictionaries" / "data" / f"{language}.plzma"
        try:
            info = data.stat()
            return f"{_version_of(package)}-{info.st_size}-{info.st_mtime_ns}"
        except OSError:
            pass
    import simplemma  # a frozen bundle, or a layout of another version

    return str(getattr(simplemma, "__version__", "unknown"))


def _version_of(package: Path) -> str:
    """The version in the package's __metadata__.py, "" when not found."""
    try:
        text = (package / "__metadata__.py").read_text(encoding="utf-8")
    except OSError:
        return ""
    found = re.search(r"""__version__\s*=\s*["']([^"']+)""", text)
    return found.group(1) if found else ""


def _decode(language: str) -> dict[bytes, bytes]:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    mapping = DefaultDictionaryFactory().get_dictionary(language)
    raw = getattr(mapping, "_dict", None)  # simplemma keeps a bytes dict behind its Mapping
    if isinstance(raw, dict):
        return raw
    return {form.encode(): lemma.encode() for form, lemma in mapping.items()}
