"""The Library facade: the one object both front ends (CLI and GUI) talk to."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.bookmarks import (
    Bookmark,
    BookmarkNotFoundError,
    BookmarkStore,
    BookmarkStoreError,
)
from briefing_app.bookmarks.export import Cite, GroupBy
from briefing_app.documents import (
    DEFAULT_MAX_BYTES,
    Document,
    DocumentError,
    DocumentKind,
    read_document,
)
from briefing_app.entities import (
    EntityType,
    country_name,
    display_name,
    resolve_organization,
    resolve_people,
)
from briefing_app.entities.aliases import AliasTable, alias_table
from briefing_app.entities.corrections import Correction, CorrectionError, Corrections
from briefing_app.entities.countries import find_countries
from briefing_app.library import bookmarking
from briefing_app.library.analysis import AnalysedFile, document_id, index_record
from briefing_app.library.atomic import write_atomic
from briefing_app.library.catalog import Catalog, CatalogEntry, EntityRow
from briefing_app.library.duplicates import group_documents
from briefing_app.library.entity_rules import EntityRules
from briefing_app.search import (
    BUSY_TEXT,
    IndexCorruptError,
    IndexRecord,
    PreparedRecord,
    SearchError,
    SearchIndex,
    SearchRequest,
    SearchResults,
)
from briefing_app.search.expansion import Expansion, expand_query
from briefing_app.search.index import SUGGEST_BELOW

if TYPE_CHECKING:
    # Importing loads the process pool's modules: not for a process that only searches.
    from briefing_app.library.importer import (
        CancelCheck,
        CommitCallback,
        ImportReport,
        ProgressCallback,
    )

CATALOG_FILE = "library.sqlite3"
INDEX_DIR = "search-index"
CORRECTIONS_FILE = "entity-corrections.json"
# A rebuild saves the re-analysed files' catalog rows this many at a time.
REINDEX_CATALOG_BATCH = 500
# How long a writer waits for another process's lock before saying the library is busy.
LOCK_TIMEOUT_ENV = "BRIEFING_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT_S = 10.0
BOOKMARKS_FILE = "bookmarks.sqlite3"


class LibraryError(Exception):
    """Something the user must act on (a data folder that cannot be used, a missing id)."""


class LibraryBusyError(LibraryError):
    """Another process holds the library's write lock for longer than we wait."""


class LibraryReadOnlyError(LibraryError):
    """A change asked of a library whose data folder cannot be written."""


BUSY_MESSAGE = BUSY_TEXT  # one wording, whether the index or a database is the one held


def is_locked(error: BaseException) -> bool:
    """A SQLite database held by another process past the timeout: the library is busy."""
    return isinstance(error, sqlite3.OperationalError) and "locked" in str(error)


@dataclass(frozen=True)
class CorrectionChange:
    """What one entity correction changed: the corrections added (a person's every name)
    and the documents re-analysed; `Library.undo_correction` takes it back."""

    action: str
    entity_type: str
    key: str
    value: str
    added: tuple[Correction, ...]
    documents: tuple[str, ...]


@dataclass(frozen=True)
class HiddenEntity:
    type: str
    key: str
    names: tuple[str, ...] = ()  # other names hidden with it (a person's surname alone)


def _has_words(longer: list[str], words: list[str]) -> bool:
    """True when `words` is a run of `longer`'s words ("Blok" of "Stef Blok")."""
    size = len(words)
    return any(longer[i : i + size] == words for i in range(len(longer) - size + 1))


@dataclass(frozen=True)
class OpenedDocument:
    entry: CatalogEntry
    document: Document | None  # None when the source file cannot be read any more
    problem: str | None
    entities: list[EntityRow]
    bookmarks: list[Bookmark] = field(default_factory=list)


Notify = Callable[[str], None]


def read_only_message(data_dir: Path, action: str) -> str:
    return (
        f"The data folder {data_dir} is read-only: you can search and read this library, "
        f"but not {action}. Make the folder writable to do that."
    )


def folder_is_read_only(data_dir: Path) -> bool:
    """True when the data folder exists but this process may not write it, or the library's
    databases in it (permissions, a read-only mount)."""
    if not data_dir.is_dir():
        return False
    files = [data_dir / name for name in (CATALOG_FILE, BOOKMARKS_FILE)]
    return not all(os.access(p, os.W_OK) for p in [data_dir, *files] if p.exists())


def lock_timeout() -> float:
    """Seconds to wait for a lock; $BRIEFING_LOCK_TIMEOUT overrides (tests, scripts)."""
    try:
        return float(os.environ.get(LOCK_TIMEOUT_ENV, DEFAULT_LOCK_TIMEOUT_S))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT_S


class Library:
    def __init__(
        self,
        data_dir: Path,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        notify: Notify | None = None,
        rebuild_progress: Callable[[int, int], None] | None = None,
        language: str = "en",
    ) -> None:
        """`notify` hears what opening had to do (a rebuild of the index, for one); a rebuild
        on opening (another version of the index, or a damaged one) reports its documents
        done and in all to `rebuild_progress`. `language` ("en" or "nl") is the reader's:
        entities are named in it ("European Union" / "Europese Unie", "Vladimir Putin" /
        "Vladimir Poetin")."""
        self.data_dir = Path(data_dir)
        self.language = language if language in ("en", "nl") else "en"
        self.max_bytes = max_bytes
        self._notify = notify or (lambda message: None)
        self._rebuild_progress = rebuild_progress
        # A read-only folder still opens, for searching and reading; every change says why not.
        self.read_only = folder_is_read_only(self.data_dir)
        if self.read_only and not (self.data_dir / CATALOG_FILE).exists():
            raise LibraryReadOnlyError(
                f"Cannot use the data folder {self.data_dir}: it is read-only and holds no library."
            )
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self.catalog = Catalog(
                self.data_dir / CATALOG_FILE, busy_timeout=lock_timeout(), read_only=self.read_only
            )
            self.bookmarks = BookmarkStore(self.data_dir / BOOKMARKS_FILE, read_only=self.read_only)
        except sqlite3.OperationalError as error:
            if is_locked(error):
                raise LibraryBusyError(BUSY_MESSAGE) from error
            raise LibraryError(f"Cannot use the data folder {self.data_dir}: {error}") from error
        except (OSError, sqlite3.Error, BookmarkStoreError) as error:
            reason = getattr(error, "strerror", None) or error
            raise LibraryError(f"Cannot use the data folder {self.data_dir}: {reason}") from error
        self.index = SearchIndex(self.data_dir / INDEX_DIR, writer_timeout=lock_timeout())
        self.corrections = self._load_corrections()
        self._corrections_stamp = self._corrections_file_stamp()
        self.entity_rules = EntityRules(self.catalog, self.language)
        self._duplicates: tuple[tuple[int, int], dict[str, str]] | None = None
        # True when opening had to rebuild a stale or damaged index (a reindex asked for
        # right after would do the same work twice).
        self.rebuilt_on_open = False
        self._open_index()

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        self.index.close()
        self.catalog.close()
        self.bookmarks.close()

    def reopen_index(self) -> None:
        """Open the search index again: another process rebuilt it and swapped the folder."""
        self.index.close()
        self.index.open()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _open_index(self) -> None:
        try:
            self.index.open()
        except IndexCorruptError as problem:
            if self.read_only:
                self.close()
                raise LibraryReadOnlyError(
                    read_only_message(self.data_dir, f"rebuild its search index ({problem})")
                ) from problem
            if self.catalog.count() == 0:
                self._create_empty_index()
                return
            self._notify(f"Rebuilding the search index from the source files ({problem}).")
            self.reindex(self._rebuild_progress)
            self.rebuilt_on_open = True

    def read_only_notice(self) -> str:
        """What a front end says on opening a read-only library ("" when it is writable)."""
        if not self.read_only:
            return ""
        return read_only_message(self.data_dir, "import documents or save bookmarks")

    def _create_empty_index(self) -> None:
        # Two windows (or processes) opening a new library at once would both build the empty
        # index in the same staging folder and break each other's. The catalog's write lock
        # lets one build it; the other, once it has the lock, finds it there and opens it.
        with self.catalog.transaction():
            try:
                self.index.open()
            except IndexCorruptError:
                self.index.create_empty()

    def require_writable(self, action: str) -> None:
        """Raises LibraryReadOnlyError, saying what cannot be done, in a read-only folder."""
        if self.read_only:
            raise LibraryReadOnlyError(read_only_message(self.data_dir, action))

    # -- importing -------------------------------------------------------------------------

    def import_paths(
        self,
        paths: Iterable[Path | str],
        *,
        prune: bool = False,
        force: bool = False,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
        committed: CommitCallback | None = None,
    ) -> ImportReport:
        self.require_writable("import documents")
        from briefing_app.library.importer import Importer

        importer = Importer(
            self.catalog, self.index, max_bytes=self.max_bytes, corrections=self.corrections
        )
        report = importer.run(
            [Path(p) for p in paths],
            prune=prune,
            force=force,
            progress=progress,
            cancelled=cancelled,
            committed=committed,
        )
        self._reconcile_bookmarks([*report.updated, *report.added])
        if report.added or report.updated or report.removed:
            self.group_duplicates()
            self.entity_rules.refresh()
        return report

    def _reconcile_bookmarks(self, paths: Iterable[str]) -> None:
        """Re-anchor the bookmarks of re-imported documents (and of moved ones: same bytes)."""
        for path in paths:
            entry = self.catalog.get_by_path(path)
            if entry is None:
                continue
            if not self.bookmarks.for_document(content_hash=entry.content_hash, path=path):
                continue
            try:
                document = read_document(Path(path), max_bytes=self.max_bytes)
            except DocumentError:
                continue
            bookmarking.reconcile(self.bookmarks, document, self._document_is_gone)

    def _document_is_gone(self, path: str) -> bool:
        return self.catalog.get_by_path(path) is None or bookmarking.path_is_gone(path)

    def rescan(self, *, progress: ProgressCallback | None = None) -> ImportReport:
        """Re-import every folder imported before, and drop documents whose files are gone."""
        roots = [Path(root) for root in self.catalog.roots() if Path(root).exists()]
        loose = [
            Path(entry.path)
            for entry in self.catalog.all()
            if not any(Path(entry.path).is_relative_to(root) for root in roots)
        ]
        return self.import_paths([*roots, *loose], prune=True, progress=progress)

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Rebuild the index from the source files into a temporary folder, then swap.
        The files are read and analysed by the import's worker processes (a schema upgrade
        rebuilds every library once: serially it takes ~4 minutes per 10,000 documents)."""
        self.require_writable("rebuild its search index")
        entries = self.catalog.all()
        gone: list[str] = []

        def records() -> Iterator[IndexRecord | PreparedRecord]:
            from briefing_app.library.workers import analyse_files

            analysed = analyse_files(
                [Path(entry.path) for entry in entries], self.max_bytes, self.corrections
            )
            pending: list[AnalysedFile] = []
            try:
                for done, (entry, result) in enumerate(
                    zip(entries, analysed, strict=True), start=1
                ):
                    if progress is not None:
                        progress(done, len(entries))
                    if not isinstance(result, AnalysedFile):
                        gone.append(entry.id)
                        continue
                    pending.append(result)
                    if len(pending) >= REINDEX_CATALOG_BATCH:
                        self._save_analysed(pending)
                    yield result.indexable
                self._save_analysed(pending)
            finally:
                analysed.close()

        count = self.index.rebuild(records())
        if gone:
            self.catalog.remove(gone)
            dropped = (
                "1 document could not be read any more and was dropped."
                if len(gone) == 1
                else f"{len(gone)} documents could not be read any more and were dropped."
            )
            self._notify(dropped)
        self.group_duplicates()
        self.entity_rules.refresh()
        return count

    def _save_analysed(self, pending: list[AnalysedFile]) -> None:
        """Catalog rows of re-analysed files, one transaction per batch; empties `pending`."""
        if pending:
            self.catalog.save(
                [result.entry for result in pending],
                {result.entry.id: result.entities for result in pending},
            )
            pending.clear()

    # -- reading ---------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResults:
        request = replace(
            request,
            people=tuple(self._person_alternatives(str(name)) for name in request.people),
            organizations=tuple(
                self._organization_alternatives(str(name)) for name in request.organizations
            ),
            countries=tuple(self.country_code(str(name)) for name in request.countries),
        )
        typed, request = request, self._widened(request)
        people, organizations = self.person_resolution(), self.organization_resolution()
        results = self.index.search(
            request,
            duplicates=self.duplicate_groups() if request.collapse else None,
            # Each entity counted under the name it is shown by, before the commonest are
            # chosen: "Blok" adds to "Stef Blok" even when "Blok" alone would not make the cut.
            facet_merge={"people": people, "organizations": organizations},
        )
        for hit in results.hits:
            hit.people = list(dict.fromkeys(people.get(p, p) for p in hit.people))
            hit.organizations = list(
                dict.fromkeys(organizations.get(o, o) for o in hit.organizations)
            )
        if request.query != typed.query:
            self._report_widening(typed, results)
        return results

    # -- entity aliases widen the search ---------------------------------------------------

    def expand_query(self, query: str) -> Expansion:
        """The query with every name of a known entity in it widened to all the entity's names
        (entities/aliases.py: which names; search/expansion.py: how the query is rewritten)."""
        table = self.alias_table()
        return expand_query(query, table.names_for, table.longest)

    def alias_table(self) -> AliasTable:
        """The entities' names, with the corrections as saved now (another process's, too)."""
        return alias_table(self.fresh_corrections())

    def fresh_corrections(self) -> Corrections:
        """The entity corrections as saved now (another process's, too)."""
        stamp = self._corrections_file_stamp()
        if stamp != self._corrections_stamp:
            self._corrections_stamp = stamp
            self.corrections = self._load_corrections()
        return self.corrections

    def _corrections_file_stamp(self) -> tuple[int, int] | None:
        try:
            stat = self.corrections_path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def _widened(self, request: SearchRequest) -> SearchRequest:
        """The request with its query widened (unless literal). A widened query's spelling
        suggestion comes from the query as typed (`_report_widening`)."""
        if request.literal or not request.query.strip():
            return request
        expansion = self.expand_query(request.query)
        if not expansion.expanded:
            return request
        return replace(request, query=expansion.query, suggest=False)

    def _report_widening(self, typed: SearchRequest, results: SearchResults) -> None:
        results.query = typed.query
        results.expanded = self.expand_query(typed.query).expanded
        if typed.suggest and typed.count and results.total < SUGGEST_BELOW:
            literal = replace(typed, literal=True, limit=1, offset=0, snippets=False, facets=False)
            results.suggestion = self.index.search(literal).suggestion

    # -- near duplicates -------------------------------------------------------------------

    def group_duplicates(self) -> int:
        """Groups the library's near-duplicate documents again from their fingerprints (after
        every import, removal and rebuild); returns how many documents have a near duplicate."""
        groups = group_documents(self.catalog.fingerprints())
        self.catalog.set_duplicate_groups(groups)
        return len(groups)

    def duplicate_groups(self) -> dict[str, str]:
        """doc id -> group id (its smallest doc id) of the documents with near duplicates; the
        same dict until the catalog changes (the index keys its lookups on it)."""
        generation = self.catalog.generation()
        if self._duplicates is None or self._duplicates[0] != generation:
            groups = self.catalog.duplicate_groups()
            if self._duplicates is None or self._duplicates[1] != groups:
                self._duplicates = (generation, groups)
            else:
                self._duplicates = (generation, self._duplicates[1])
        return self._duplicates[1]

    # -- the library-wide rule for people's names -----------------------------------------

    def person_resolution(self) -> dict[str, str]:
        """People's names -> the name the library shows for that person, for the names that
        differ from it: a surname ("Blok") or a first part ("Tedros") -> the one full name it
        stands for ("Stef Blok"), another spelling ("Putin") -> the spelling of this library's
        language ("Vladimir Poetin" in Dutch). See entities.extractor.resolve_people."""
        return self.entity_rules.people().resolution

    def person_names(self, name: str) -> tuple[str, ...]:
        """The name the library shows for the person `name` names (by any spelling, a
        surname, or a first part, as `person_resolution` reads it), then every other name of
        that person in the library."""
        rule = self.entity_rules.people()
        resolution = rule.resolution
        if name not in rule.known and name not in resolution.values():
            # Typed, not found in a document: read it as one more name of the library.
            names, preference = self.entity_rules.preference()
            resolution = resolve_people([name, *names], preference)
        shown = resolution.get(name, name)
        return (shown, *sorted(n for n, f in resolution.items() if f == shown and n != shown))

    def _person_alternatives(self, name: str) -> tuple[str, ...]:
        return self.person_names(name)

    def _resolution(self, kind: str) -> dict[str, str]:
        """Keys -> the key the library shows the entity under, for the keys that differ."""
        if kind == "person":
            return self.person_resolution()
        if kind == "org":
            return self.organization_resolution()
        return {}

    def organization_resolution(self) -> dict[str, str]:
        """Another country's ministry named in both languages is one organization ("UK
        Ministry of Defence", "Britse ministerie van Defensie"), under its key in this
        library's language when the library has that one."""
        return self.entity_rules.organizations()

    def _organization_alternatives(self, name: str) -> tuple[str, ...]:
        """The keys a filter by the organization `name` names matches (any of its names)."""
        key = resolve_organization(name) or name
        resolution = self.organization_resolution()
        # "Britse ministerie van Defensie" also finds a library's "UK Ministry of Defence".
        names = {key, *(display_name(EntityType.ORGANIZATION, key, lang) for lang in ("en", "nl"))}
        shown = resolution.get(key, key)
        targets = {resolution.get(n, n) for n in names}
        others = {k for k, target in resolution.items() if target in targets}
        return (shown, *sorted((targets | others) - {shown}))

    def _merge_rows(self, rows: list[EntityRow]) -> list[EntityRow]:
        """One row per entity: people and organizations under the key the library shows
        them by (`person_resolution`, `organization_resolution`)."""
        merged: dict[tuple[str, str], EntityRow] = {}
        for row in rows:
            key = self._resolution(row.type).get(row.key, row.key)
            aliases = [*row.aliases, row.key] if key != row.key else list(row.aliases)
            seen = merged.get((row.type, key))
            if seen is None:
                name = self._shown_name(row, key)
                merged[(row.type, key)] = EntityRow(
                    row.type, key, name, row.count, tuple(aliases), row.evidence
                )
            else:
                combined = dict.fromkeys([*seen.aliases, *aliases])
                combined.pop(key, None)
                merged[(row.type, key)] = replace(
                    seen, count=seen.count + row.count, aliases=tuple(combined)
                )
        return sorted(merged.values(), key=lambda r: (r.type, -r.count, r.name.lower()))

    def highlight_words(self, query: str, document: Document, literal: bool = False) -> list[str]:
        """Words of the document that the query matches, as they are written in it (the other
        names of the entities it names too, unless `literal`)."""
        if not query.strip():
            return []
        if not literal:
            query = self.expand_query(query).query
        return self.index.highlight_words(query, document.text, document.language)

    def country_code(self, name: str) -> str:
        """An ISO code for a code or a country name in Dutch or English."""
        if len(name) == 2:
            return name.upper()
        found = find_countries(name, "nl") or find_countries(name, "en")
        return found[0].key if found else name

    def documents(self) -> list[CatalogEntry]:
        return self.catalog.all()

    def document_count(self) -> int:
        return self.catalog.count()

    def date_span(self) -> tuple[str | None, str | None]:
        """The months ("YYYY-MM") of the library's earliest and latest dated documents."""
        first, last = self.catalog.date_span()
        return (first[:7] if first else None, last[:7] if last else None)

    def find(self, id_or_path: str) -> CatalogEntry:
        """A document by id, unique id prefix, or path (absolute or relative to the cwd)."""
        entry = self.catalog.get(id_or_path)
        if entry is None:
            candidate = Path(id_or_path).expanduser()
            if candidate.exists() or candidate.is_absolute():
                entry = self.catalog.get_by_path(str(candidate.resolve()))
        if entry is None and len(id_or_path) >= 4:
            matches = self.catalog.find_by_id_prefix(id_or_path)
            if len(matches) == 1:
                entry = matches[0]
        if entry is None:
            raise LibraryError(f"No document with id or path '{id_or_path}' in this library.")
        return entry

    def open_document(self, id_or_path: str) -> OpenedDocument:
        entry = self.find(id_or_path)
        entities = [
            self._named(row) for row in self._merge_rows(self.catalog.entities_of(entry.id))
        ]
        try:
            document = read_document(Path(entry.path), max_bytes=self.max_bytes)
        except DocumentError as error:
            return OpenedDocument(
                entry, None, error.reason, entities, self.bookmarks.for_document(path=entry.path)
            )
        problem = None
        if document.content_hash != entry.content_hash:
            problem = "the file changed since it was imported; re-import to update the index"
        if self.read_only:  # re-anchoring saves what it finds: show the bookmarks as saved
            marks = self.bookmarks.for_document(
                content_hash=document.content_hash, path=str(document.path)
            )
        else:
            marks = bookmarking.reconcile(self.bookmarks, document, self._document_is_gone)
        marks = [self._with_shown_entities(bookmark) for bookmark in marks]
        return OpenedDocument(entry, document, problem, entities, marks)

    def entity_table(self, entity_type: str | None = None) -> list[tuple[EntityRow, int]]:
        """Library-wide entities with their document counts, surnames merged into full names."""
        table = [(self._named(row), docs) for row, docs in self.catalog.entity_table(entity_type)]
        if entity_type not in (None, "person", "org"):
            return table
        merged: dict[tuple[str, str], tuple[EntityRow, int]] = {}
        for row, docs in table:
            key = self._resolution(row.type).get(row.key, row.key)
            seen = merged.get((row.type, key))
            if seen is None:
                if key == row.key:
                    merged[(row.type, key)] = (row, docs)
                else:
                    aliases = (*row.aliases, row.key)
                    merged[(row.type, key)] = (
                        replace(row, key=key, name=self._shown_name(row, key), aliases=aliases),
                        docs,
                    )
            else:
                aliases = tuple(dict.fromkeys([*seen[0].aliases, row.key, *row.aliases]))
                total = replace(seen[0], count=seen[0].count + row.count, aliases=aliases)
                merged[(row.type, key)] = (total, seen[1] + docs)
        return sorted(merged.values(), key=lambda item: (-item[1], -item[0].count, item[0].name))

    @staticmethod
    def country_name(code: str, ui_language: str = "en") -> str:
        return country_name(code, ui_language)

    @staticmethod
    def entity_name(entity_type: str, key: str, ui_language: str = "en") -> str:
        """An entity's name in a UI language: a country's or a known organization's own name
        in it ("European Union" / "Europese Unie"), else its key (a person's name as the
        library shows it, an organization's as written)."""
        return display_name(entity_type, key, ui_language)

    def _shown_name(self, row: EntityRow, key: str) -> str:
        """The name of the entity `row` is merged into, under `key`."""
        if key == row.key:
            return row.name
        return display_name(row.type, key, self.language) if row.type == "org" else key

    def _named(self, row: EntityRow) -> EntityRow:
        """The row with its name in this library's language (countries, known organizations)."""
        name = display_name(row.type, row.key, self.language, row.name)
        if name == row.name:
            return row
        # The name the document wrote stays one of the names its mentions are found by.
        aliases = row.aliases if row.name in row.aliases else (row.name, *row.aliases)
        return replace(row, name=name, aliases=tuple(a for a in aliases if a != name))

    # -- bookmarks -------------------------------------------------------------------------

    def add_bookmark(
        self,
        id_or_path: str,
        *,
        start: int | None = None,
        end: int | None = None,
        quote: str | None = None,
        note: str = "",
        tags: Iterable[str] = (),
    ) -> Bookmark:
        """Bookmark a passage of a library document (by offsets, or the first `quote`)."""
        self.require_writable("save bookmarks")
        opened = self.open_document(id_or_path)
        if opened.document is None:
            raise LibraryError(f"Cannot read {opened.entry.path}: {opened.problem}")
        resolution = self.person_resolution()
        try:
            return bookmarking.create_bookmark(
                self.bookmarks,
                opened.document,
                start=start,
                end=end,
                quote=quote,
                note=note,
                tags=tags,
                resolve_person=lambda name: resolution.get(name, name),
            )
        except bookmarking.BookmarkError as error:
            raise LibraryError(str(error)) from error

    def update_bookmark(
        self, bookmark_id: str, *, note: str | None = None, tags: Iterable[str] | None = None
    ) -> Bookmark:
        """Change a bookmark's note and/or tags."""
        return self.bookmarks.update(bookmark_id, note=note, tags=tags)

    def remove_bookmark(self, bookmark_id: str) -> Bookmark:
        """Delete a bookmark; returns it, so that restore_bookmark can undo the delete."""
        try:
            return self.bookmarks.remove(bookmark_id)
        except BookmarkNotFoundError as error:
            raise LibraryError(f"No bookmark with id '{bookmark_id}'.") from error

    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Put a removed bookmark back as it was, with its id."""
        return self.bookmarks.restore(bookmark)

    def reattach_bookmark(
        self, bookmark_id: str, id_or_path: str, start: int, end: int
    ) -> Bookmark:
        """Anchor a bookmark (typically an orphaned one) on Document.text[start:end] of a
        library document."""
        opened = self.open_document(id_or_path)
        if opened.document is None:
            raise LibraryError(opened.problem or f"Cannot read {opened.entry.path}")
        try:
            return bookmarking.reattach(self.bookmarks, opened.document, bookmark_id, start, end)
        except BookmarkNotFoundError as error:
            raise LibraryError(f"No bookmark with id '{bookmark_id}'.") from error

    def bookmark_tags(self) -> list[tuple[str, int]]:
        """Every tag with the number of bookmarks that have it."""
        return self.bookmarks.tags()

    def briefing(
        self,
        bookmarks: list[Bookmark],
        *,
        format: bookmarking.BriefingFormat = "markdown",
        group_by: GroupBy = "document",
        title: str | None = None,
    ) -> str:
        """The bookmarks as a Markdown briefing (entities named in this library's language,
        passages cited with their issuer and, in a PDF, their page) or as Web Annotations
        (format "json")."""
        if format == "docx":
            raise ValueError("a Word briefing is a file: use briefing_file")
        data = self.briefing_file(bookmarks, format=format, group_by=group_by, title=title)
        return data.decode("utf-8")

    def briefing_file(
        self,
        bookmarks: list[Bookmark],
        *,
        format: bookmarking.BriefingFormat = "markdown",
        group_by: GroupBy = "document",
        title: str | None = None,
    ) -> bytes:
        """`briefing(...)` as a file's bytes; also a Word document (format "docx")."""
        # As saved now: a front end may hold a listing from before a note or tag was edited.
        bookmarks = [self.bookmarks.get(b.id) or b for b in bookmarks]
        return bookmarking.briefing_file(
            bookmarks,
            format=format,
            group_by=group_by,
            title=title,
            entity_label=lambda entity: self.entity_label(entity, self.language),
            cite=self._citations(bookmarks) if format != "json" else None,
        )

    def _citations(self, bookmarks: list[Bookmark]) -> Cite:
        """Bookmarks cited with their document's issuer, and the page in a PDF (read again)."""

        def source_of(path: str) -> str | None:
            entry = self.catalog.get_by_path(path)
            return entry.source if entry is not None else None

        def paginated(path: str) -> Document | None:
            entry = self.catalog.get_by_path(path)
            if entry is None or entry.kind != DocumentKind.PDF:
                return None
            try:
                return read_document(Path(path), max_bytes=self.max_bytes)
            except (DocumentError, OSError):
                return None

        return bookmarking.citer(bookmarks, source_of, paginated)

    @staticmethod
    def entity_label(entity: str, ui_language: str = "en") -> str:
        """An entity as the user reads it: "country:JO" -> "Jordan" (or "Jordanië"),
        "org:NAVO" -> "NATO" (or "NAVO"), "person:Mark Rutte" -> "Mark Rutte"."""
        kind, _, key = entity.partition(":")
        return display_name(kind, key, ui_language) if key else entity

    def export_bookmarks(
        self,
        bookmarks: list[Bookmark],
        path: Path,
        *,
        format: bookmarking.BriefingFormat = "markdown",
        group_by: GroupBy = "document",
        title: str | None = None,
    ) -> int:
        """Write `briefing_file(...)` to a file (whole or not at all); returns the bookmarks
        written."""
        data = self.briefing_file(bookmarks, format=format, group_by=group_by, title=title)
        write_atomic(Path(path), data)
        return len(bookmarks)

    def import_bookmarks(self, path: Path) -> tuple[int, int]:
        """Add the bookmarks of a Web Annotations file that are not here yet; returns (added,
        skipped as duplicates). BookmarkImportError: not a bookmark file."""
        try:
            return bookmarking.import_annotations(self.bookmarks, Path(path))
        except OSError as error:
            raise LibraryError(f"Cannot read {path}: {error.strerror}") from error

    def list_bookmarks(
        self,
        *,
        tag: str | None = None,
        entity: str | None = None,
        status: str | None = None,
        text: str | None = None,
    ) -> list[Bookmark]:
        """Bookmarks narrowed by tag, status, text, and an entity named by any alias; their
        entities as the library shows them ("person:Vladimir Putin" for a bookmark saved as
        "person:Vladimir Poetin", in English)."""
        wanted_status = bookmarking.status_of(status)
        if entity is None:
            found = self.bookmarks.list(tag=tag, status=wanted_status, text=text)
        else:
            by_id: dict[str, Bookmark] = {}
            for key in self.entity_keys(entity):
                for bookmark in self.bookmarks.list(
                    tag=tag, entity=key, status=wanted_status, text=text
                ):
                    by_id[bookmark.id] = bookmark
            found = sorted(by_id.values(), key=lambda b: b.created)
        return [self._with_shown_entities(bookmark) for bookmark in found]

    def bookmark_entity_counts(self) -> dict[str, int]:
        """How many bookmarks mention each entity ("type:key"), under the key the library
        shows the entity by."""
        counts: dict[str, int] = {}
        for entity, count in self.bookmarks.entity_counts().items():
            shown = self._shown_entity(entity)
            if shown is not None:
                counts[shown] = counts.get(shown, 0) + count
        return counts

    def _with_shown_entities(self, bookmark: Bookmark) -> Bookmark:
        shown = (self._shown_entity(entity) for entity in bookmark.entities)
        entities = tuple(dict.fromkeys(e for e in shown if e is not None))
        return bookmark if entities == bookmark.entities else replace(bookmark, entities=entities)

    def _shown_entity(self, entity: str) -> str | None:
        """A bookmark's "type:key" as the library shows it now: the user's corrections made
        since the bookmark was saved (renamed, merged; None: hidden), then the library-wide
        names rule."""
        kind, colon, key = entity.partition(":")
        if not colon:
            return entity
        if kind in {str(t) for t in EntityType}:
            corrected = self.fresh_corrections().resolve(EntityType(kind), key)
            if corrected is None:
                return None
            kind, key = str(corrected[0]), corrected[1]
        return f"{kind}:{self._resolution(kind).get(key, key)}"

    def entity_keys(self, name: str) -> list[str]:
        """The stored entity keys a name can mean: "NATO" -> NAVO, "Jordanië" -> JO, ..."""
        # A surname ("Blok") means the one full name with that surname in the library, a
        # spelling ("Putin") every spelling of that name ("Poetin").
        keys = [name, *self.person_names(name)]
        keys += self._organization_alternatives(name)
        code = self.country_code(name)
        if len(code) == 2:
            keys.append(f"country:{code}")
        return list(dict.fromkeys(keys))

    # -- entity corrections ----------------------------------------------------------------

    @property
    def corrections_path(self) -> Path:
        return self.data_dir / CORRECTIONS_FILE

    def _load_corrections(self) -> Corrections:
        try:
            return Corrections.from_json(self.corrections_path.read_text("utf-8"))
        except FileNotFoundError:
            return Corrections()
        except (OSError, CorrectionError) as error:
            self._notify(f"Entity corrections could not be read ({error}); starting without.")
            return Corrections()

    def correct_entity(self, action: str, entity_type: str, key: str, value: str = "") -> list[str]:
        """Record a correction, save it, and re-analyse the documents it concerns.

        Returns the ids of the documents that were updated."""
        return list(self.apply_correction(action, entity_type, key, value).documents)

    def apply_correction(
        self, action: str, entity_type: str, key: str, value: str = ""
    ) -> CorrectionChange:
        """`correct_entity`, returning what changed, for `undo_correction`."""
        self.require_writable("correct entities")
        kind = EntityType(entity_type)
        if action not in ("rename", "merge", "retype", "hide"):
            raise CorrectionError(f"Unknown correction '{action}'.")
        corrections = self.fresh_corrections()
        before = set(corrections.items)
        # A person is shown as one entry for all the names the library knows them by (other
        # spellings, a surname alone): the correction is of each, as the user saw them.
        names = [key]
        if kind == EntityType.PERSON:
            names += [n for n in self.person_names(key) if n not in (key, value)]
        for name in names:
            if action == "rename":
                corrections.rename(kind, name, value)
            elif action == "merge":
                corrections.merge(kind, name, value)
            elif action == "retype":
                corrections.retype(kind, name, EntityType(value))
            else:
                corrections.hide(kind, name)
        self._save_corrections()
        affected = {
            entry.id: entry
            for name in names
            for entry in self.catalog.documents_with_entity(str(kind), name)
        }
        self.import_paths([Path(entry.path) for entry in affected.values()], force=True)
        added = tuple(c for c in corrections.items if c not in before)
        return CorrectionChange(action, str(kind), key, value, added, tuple(affected))

    def undo_correction(self, change: CorrectionChange) -> list[str]:
        """Take back what `apply_correction` added; returns the documents updated."""
        self.require_writable("correct entities")
        withdrawn = self.fresh_corrections().withdraw(change.added)
        if not withdrawn:
            return []
        self._save_corrections()
        documents = set(change.documents)
        if change.action == "hide":  # imported since: the entity is in no catalog row
            documents |= self._documents_naming(change.entity_type, [c.key for c in withdrawn])
        return self._reimport(documents)

    def hidden_entities(self) -> list[HiddenEntity]:
        """The entities the user hid, one per person (a surname hidden with the full name
        is part of it), in the order hidden."""
        found: dict[tuple[str, str], list[str]] = {}
        hides = self.fresh_corrections().hidden()
        keys = {(str(c.type), c.key) for c in hides}
        for correction in hides:
            kind = str(correction.type)
            owner = correction.key
            if kind == "person":
                words = correction.key.split()
                longer = [
                    k for t, k in keys if t == kind and k != owner and _has_words(k.split(), words)
                ]
                owner = max(longer, key=len) if longer else owner
            found.setdefault((kind, owner), [])
            if correction.key != owner:
                found[(kind, owner)].append(correction.key)
        return [HiddenEntity(kind, key, tuple(others)) for (kind, key), others in found.items()]

    def unhide_entity(self, entity_type: str, key: str) -> list[str]:
        """Show a hidden entity again (with the names hidden with it, `hidden_entities`);
        returns the documents updated."""
        self.require_writable("correct entities")
        kind = EntityType(entity_type)
        names = {key}
        for hidden in self.hidden_entities():
            if hidden.type == str(kind) and hidden.key == key:
                names.update(hidden.names)
        removed = self.fresh_corrections().unhide(kind, names)
        if not removed:
            return []
        self._save_corrections()
        return self._reimport(self._documents_naming(str(kind), [c.key for c in removed]))

    def _documents_naming(self, entity_type: str, keys: Iterable[str]) -> set[str]:
        """Documents whose text may name the entities: a superset found by the index (any of
        their names, a person's surname too); every document when the names cannot be
        searched."""
        phrases: set[str] = set()
        for key in keys:
            names = set(self.fresh_corrections().names_for(EntityType(entity_type), key))
            if entity_type == "country":
                names = {country_name(key, "en"), country_name(key, "nl")}
            for name in names:
                phrases.add(name)
                if entity_type == "person" and name.split():
                    phrases.add(name.split()[-1])
        query = " OR ".join(f'"{p.replace(chr(34), "")}"' for p in sorted(phrases) if p.strip())
        everything = {entry.id for entry in self.catalog.all()}
        if not query:
            return everything
        request = SearchRequest(
            query=query,
            limit=max(1, len(everything)),
            snippets=False,
            suggest=False,
            collapse=False,
        )
        try:
            return {hit.id for hit in self.search(request).hits}
        except SearchError:
            return everything

    def _reimport(self, documents: Iterable[str]) -> list[str]:
        entries = [entry for doc_id in documents if (entry := self.catalog.get(doc_id))]
        self.import_paths([Path(entry.path) for entry in entries], force=True)
        return [entry.id for entry in entries]

    def mark_entity(self, entity_type: str, text: str, key: str = "") -> list[str]:
        """ "Mark as person/organization/country" on words selected in the reader: they name
        that entity wherever they stand in the library, kept as a correction like the others
        (`key`: the entity they name, by default the words themselves, a known organization's
        canonical name or a country's code). Returns the ids of the documents re-analysed."""
        self.require_writable("correct entities")
        kind = EntityType(entity_type)
        words = " ".join(text.split())
        if not words or len(words) > 120 or "\n" in text.strip():
            raise CorrectionError("Select the few words on one line that name it.")
        if not key:
            if kind == EntityType.COUNTRY:
                key = self.country_code(words)
            elif kind == EntityType.ORGANIZATION:
                key = resolve_organization(words) or words
            else:
                key = words
        if kind == EntityType.COUNTRY and (len(key) != 2 or not key.isalpha()):
            raise CorrectionError(f"“{words}” is not a country Briefing knows.")
        self.corrections.mark(kind, key.upper() if kind == EntityType.COUNTRY else key, words)
        self._save_corrections()
        paths = self._documents_saying(words)
        self.import_paths(paths, force=True)
        return [document_id(path) for path in paths]

    def _documents_saying(self, words: str) -> list[Path]:
        """The documents whose text may hold `words` (a phrase search; all if that fails)."""
        phrase = '"' + words.replace('"', " ") + '"'
        request = SearchRequest(
            phrase, limit=1_000_000, literal=True, snippets=False, suggest=False, collapse=False
        )
        try:
            hits = self.index.search(request).hits
        except SearchError:
            return [Path(entry.path) for entry in self.catalog.all()]
        return [Path(hit.path) for hit in hits]

    def export_corrections(self, path: Path) -> int:
        write_atomic(Path(path), self.corrections.to_json())
        return len(self.corrections.items)

    def import_corrections(self, path: Path) -> int:
        """Merge a corrections file into this library's; returns how many were new."""
        self.require_writable("import entity corrections")
        try:
            incoming = Corrections.from_json(Path(path).read_text("utf-8"))
        except OSError as error:
            raise LibraryError(f"Cannot read {path}: {error.strerror}") from error
        before = len(self.corrections.items)
        self.corrections = self.corrections.merged_with(incoming)
        added = len(self.corrections.items) - before
        if added:
            self._save_corrections()
            self.import_paths([Path(e.path) for e in self.catalog.all()], force=True)
        return added

    def _save_corrections(self) -> None:
        try:
            write_atomic(self.corrections_path, self.corrections.to_json())
        except OSError as error:
            raise LibraryError(
                f"Cannot save entity corrections in {self.data_dir}: {error.strerror}"
            ) from error


__all__ = [
    "CorrectionChange",
    "HiddenEntity",
    "Library",
    "LibraryError",
    "LibraryReadOnlyError",
    "OpenedDocument",
    "document_id",
    "index_record",
]
