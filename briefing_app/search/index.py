"""The full-text index: a cache of the source files, rebuilt whenever it is stale or damaged.

One writer at a time (whoosh's lock, taken with a timeout); searchers are reused and refreshed
after commits; a rebuild writes into a temporary folder and then swaps it in.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
import warnings
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.query import (
    And,
    Every,
    FuzzyTerm,
    MultiTerm,
    NumericRange,
    Or,
    Prefix,
    Query,
    Term,
    Wildcard,
)
from whoosh.searching import Searcher
from whoosh.util.filelock import FileLock, try_for
from whoosh.writing import MERGE_SMALL

from briefing_app.search import collapse
from briefing_app.search.analysis import (
    WORD_FORM_LANGUAGES,
    analyzer_for,
    prepare_word_tables,
    word_forms,
)
from briefing_app.search.matches import Mask, Matches
from briefing_app.search.query import QueryParser, date_key, parse_date_bound
from briefing_app.search.schema import (
    DEFAULT_FIELDS,
    SCHEMA_VERSION,
    body_field,
    build_schema,
    preanalyse,
)
from briefing_app.search.snippets import Verdicts, matching_spans, snippet_at
from briefing_app.search.types import (
    FacetCount,
    IndexBusyError,
    IndexCorruptError,
    IndexRecord,
    SearchHit,
    SearchRequest,
    SearchResults,
    SortOrder,
)
from briefing_app.search.vocabulary import Vocabulary, word_uses
from briefing_app.search.whoosh_internals.blocks import BlockCodec
from briefing_app.search.whoosh_internals.postings import speed_up_term_lookups
from briefing_app.search.whoosh_internals.segment_writer import CompactSegmentWriter
from briefing_app.search.whoosh_internals.storage import MappedTermsStorage

VERSION_FILE = "briefing-index.json"
BUSY_TEXT = (
    "The library is busy: another Briefing process is writing to it. "
    "Try again when it has finished."
)
DEFAULT_WRITER_TIMEOUT = 10.0
# Below this many hits a query "finds little", and a spelling suggestion is worth computing.
SUGGEST_BELOW = 3
FACET_FIELDS = ("people", "countries", "organizations")
# whoosh's postings pool, for writers that CompactSegmentWriter cannot serve (it keeps its own
# pool in memory): past this size whoosh sorts the pool into runs on disk.
WRITER_POOL_MB = 128
# Documents per segment when rebuilding: the writer keeps a segment's postings in memory
# (~36 bytes each, ~450 per document, and ~30 more while it writes them) until it commits.
# 8,192 peaks at ~460 MB for a 10k rebuild; more segments cost searches a little.
REBUILD_BATCH = 4096


# Segments with fewer documents than this are merged among themselves (whoosh's own policy,
# which keeps the cost logarithmic); bigger ones never are. Whoosh's policy over all segments
# can merge 9,500 documents into one at the end of a 2,000-document import (80 s), or after
# any one-document update.
SMALL_SEGMENT_DOCS = 1000


def merge_small_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """A whoosh merge policy: MERGE_SMALL applied to the small segments only."""
    big = [s for s in segments if s.doc_count_all() >= SMALL_SEGMENT_DOCS]
    small = [s for s in segments if s.doc_count_all() < SMALL_SEGMENT_DOCS]
    return big + list(MERGE_SMALL(writer, small))


class SearchIndex:
    def __init__(self, path: Path, *, writer_timeout: float = DEFAULT_WRITER_TIMEOUT) -> None:
        self.path = Path(path)
        self.writer_timeout = writer_timeout
        self._lock = threading.RLock()
        self._ix: Any = None
        self._searcher: Searcher | None = None
        self._parser = QueryParser(build_schema())
        self._vocabulary = Vocabulary(self.path, timeout=writer_timeout)
        # Match masks, facet counts and date order of the current searcher's segments.
        self._matches = Matches()
        # Keys of each segment's term table read by earlier lookups (postings.py).
        self._kept_keys: dict[str, dict[int, bytes]] = {}
        # Where the near-duplicate groups' documents are (search/collapse.py).
        self._duplicates = collapse.DuplicateLocator()

    # -- lifecycle -------------------------------------------------------------------------

    def is_current(self) -> bool:
        """True when an index written with this schema version exists at `path`."""
        try:
            meta = json.loads((self.path / VERSION_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return False
        if meta.get("schema_version") != SCHEMA_VERSION:
            return False
        with warnings.catch_warnings():
            # whoosh leaves a table of contents it cannot unpickle open
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                found = whoosh_index.exists_in(str(self.path))
            except Exception:  # written by a version whose classes are gone: not current
                found = False
        return found and Vocabulary.exists_in(self.path)

    def open(self) -> None:
        """Open the index; raises IndexCorruptError when it is missing, stale or unreadable."""
        with self._lock:
            self._recover_interrupted_swap()
            if not self.is_current():
                raise IndexCorruptError("the index is missing or was written by another version")
            try:
                self._ix = MappedTermsStorage(str(self.path)).open_index()
                self._ix.doc_count()
                self._searcher = self._open_searcher()
                self._vocabulary.open()
            except Exception as exc:  # any failure to read is damage: the caller rebuilds
                self._ix = None
                self._vocabulary.close()
                raise IndexCorruptError(f"the index cannot be read ({exc})") from exc

    def create_empty(self) -> None:
        self.rebuild([])

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            if self._ix is not None:
                self._ix.close()
                self._ix = None
            self._vocabulary.close()

    def doc_count(self) -> int:
        with self._lock:
            return self._current_searcher().doc_count()

    def warm(self) -> Iterator[None]:
        """Load, a step at a time, what the first searches would otherwise load while the user
        waits: the word forms of each language (lemma dictionaries, the Dutch compound
        splitter) and each segment's entity values, dates and field lengths. Meant for idle
        time (the search host steps it between requests); each step holds the lock only for
        itself, so a search may run between any two."""
        prepare_word_tables()  # (only on a first run does this write anything)
        yield
        for language in WORD_FORM_LANGUAGES:
            word_forms(language).warm()
            yield
        while True:
            with self._lock:
                if self._ix is None:
                    return
                searcher = self._current_searcher()
                steps = self._matches.warm(searcher, DEFAULT_FIELDS)
                try:
                    next(steps)
                except StopIteration:
                    # Then each segment's ids, for collapsing near duplicates.
                    if not self._duplicates.read_one(self._matches.segments(searcher)):
                        return
            yield

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def writing(self, *, merge: bool = True) -> Iterator[IndexWriteSession]:
        """One writer for a batch of changes, committed on success, cancelled on error.

        `merge=False` leaves segment merging for later: a long import commits batch after
        batch without re-merging the growing index each time (whoosh's small-segment merge
        re-sorts every posting of the merged segments), then merges once at the end."""
        with self._lock:
            writer = self._open_writer(self._require_ix())
            session = IndexWriteSession(writer)
            try:
                yield session
            except BaseException:
                writer.cancel()
                raise
            if merge:
                writer.commit(mergetype=merge_small_segments)
            else:
                writer.commit(merge=False)
            # After the documents: a crash in between only leaves some words unsuggested.
            self._vocabulary.add(session.word_counts)
            self._refresh()

    def merge_segments(self) -> None:
        """Merge small segments now (after a run of `writing(merge=False)` batches)."""
        with self.writing(merge=True):
            pass

    def rebuild(
        self,
        records: Iterable[IndexRecord | PreparedRecord],
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Write every record into a fresh index beside this one, then swap it in. Records
        prepared in worker processes (`prepare_record`) are not analysed again."""
        with self._lock, self._rebuilding():
            self.close()
            staging = self.path.with_name(self.path.name + ".rebuild")
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(parents=True)
            ix = whoosh_index.create_in(str(staging), build_schema())
            Vocabulary.create_in(staging)
            words: Counter[str] = Counter()
            count = 0
            writer = self._open_writer(ix)
            try:
                for record in records:
                    if isinstance(record, PreparedRecord):
                        writer.add_document(**record.fields)
                        _count_uses(words, record.words)
                    else:
                        writer.add_document(**_fields(record))
                        _count_uses(words, _word_uses(record))
                    count += 1
                    if progress is not None:
                        progress(count)
                    if count % REBUILD_BATCH == 0:  # the writer holds a batch's postings
                        writer.commit(merge=False)
                        writer = self._open_writer(ix)
            except BaseException:
                writer.cancel()
                ix.close()
                shutil.rmtree(staging, ignore_errors=True)
                raise
            writer.commit(mergetype=merge_small_segments)
            ix.close()
            vocabulary = Vocabulary(staging, timeout=self.writer_timeout)
            vocabulary.open()
            vocabulary.add(words)
            vocabulary.close()
            (staging / VERSION_FILE).write_text(
                json.dumps({"schema_version": SCHEMA_VERSION}), "utf-8"
            )
            self._swap_in(staging)
            self.open()
            return count

    @contextmanager
    def _rebuilding(self) -> Iterator[None]:
        # Two processes rebuilding at once (two windows opening a damaged index) would write
        # into the same staging folder: one rebuild at a time, the other waits, then is busy.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path.with_name(f".{self.path.name}-rebuild.lock")))
        if not try_for(lock.acquire, timeout=self.writer_timeout, delay=0.1):
            raise IndexBusyError(BUSY_TEXT)
        try:
            yield
        finally:
            lock.release()

    def _swap_in(self, staging: Path) -> None:
        retired = self.path.with_name(self.path.name + ".old")
        shutil.rmtree(retired, ignore_errors=True)
        if self.path.exists():
            self.path.rename(retired)
        staging.rename(self.path)
        shutil.rmtree(retired, ignore_errors=True)

    def _recover_interrupted_swap(self) -> None:
        # A crash between the two renames of _swap_in leaves only ".old": put it back.
        retired = self.path.with_name(self.path.name + ".old")
        if not self.path.exists() and retired.exists():
            retired.rename(self.path)

    def _open_writer(self, ix: Any) -> Any:
        try:
            # compound=False: compound segment files are copied into memory on open, ~7x the
            # RSS of plain segment files.
            return CompactSegmentWriter(
                ix,
                timeout=self.writer_timeout,
                compound=False,
                limitmb=WRITER_POOL_MB,
                codec=BlockCodec(),
            )
        except LockError as exc:
            raise IndexBusyError(BUSY_TEXT) from exc

    # -- reading ---------------------------------------------------------------------------

    def stored(self, doc_id: str) -> dict[str, Any] | None:
        with self._lock:
            return self._current_searcher().document(id=doc_id)

    def all_stored(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(fields) for fields in self._current_searcher().all_stored_fields()]

    def search(
        self,
        request: SearchRequest,
        duplicates: Mapping[str, str] | None = None,
        facet_merge: Mapping[str, Mapping[str, str]] | None = None,
    ) -> SearchResults:
        """`duplicates`: doc id -> group id of the documents that have near duplicates; with
        `request.collapse` each group's hits show as its best ranked (search/collapse.py).
        `facet_merge`: per facet, value -> the value it is counted as (another name of the same
        entity), merged before the commonest are chosen."""
        started = time.perf_counter()
        with self._lock:
            searcher = self._current_searcher()
            parsed = self._parser.parse(request.query)
            date_from = _bound(request.date_from, parsed.date_from, end=False)
            date_to = _bound(request.date_to, parsed.date_to, end=True)
            filters = _filters(request, date_from, date_to)
            query: Query = parsed.query if parsed.query is not None else Every()
            # None: by relevance. Without a query (a filter alone) nothing is relevant: newest.
            order: SortOrder | None = request.sort
            if order == SortOrder.RELEVANCE:
                order = SortOrder.DATE if parsed.query is None else None
            wanted = request.offset + request.limit
            page: list[tuple[dict[str, Any], float]]
            masks: list[Mask] = []
            groups = duplicates if request.collapse and duplicates else None
            similar: dict[str, list[SearchHit]] = {}
            hidden = 0
            ordered_here = order in (SortOrder.OLDEST, SortOrder.TITLE)
            if request.count or request.facets or groups is not None or ordered_here:
                # Every match, unscored (search/matches.py): the total and the facet counts
                # come from it; only the page of hits is scored or sorted.
                masks = self._matches.masks(searcher, query, filters)
                total = self._matches.total(masks)
                if groups is None:
                    page = self._page(searcher, query, masks, filters, wanted, order=order)
                else:
                    page, similar, hidden = self._collapsed_page(
                        searcher, query, masks, filters, wanted, groups, order=order
                    )
                facets, facet_totals = (
                    self._facets(searcher, masks, request.facet_limit, facet_merge)
                    if request.facets
                    else ({}, {})
                )
            else:
                # A further page: whoosh's top-N stops at offset + limit matches.
                results = searcher.search(
                    query,
                    filter=filters,
                    limit=max(wanted, 1),
                    sortedby="date_key" if order is not None else None,
                    reverse=order is not None,
                )
                total = results.scored_length()
                page = [(hit.fields(), hit.score) for hit in results[:wanted]]
                facets, facet_totals = {}, {}
            snippet_terms = (
                _terms_by_field(
                    parsed.query,
                    searcher,
                    # after masks(): the prefixes' expansions are the ones masks() found
                    partial(self._matches.expanded_terms, searcher) if masks else None,
                )
                if request.snippets
                else {}
            )
            verdicts: dict[str, Verdicts] = {}  # per body field, shared by this search's hits
            hits = [
                self._hit(fields, score, snippet_terms, request.snippets, verdicts)
                for fields, score in page[request.offset : wanted]
            ]
            for hit in hits:
                hit.similar_hits = similar.get(hit.id, [])
                hit.similar = [other.id for other in hit.similar_hits]
            suggestion = None
            if request.suggest and total < SUGGEST_BELOW and parsed.words:
                suggestion = self._suggest(request, parsed.words, total, filters)
        took = (time.perf_counter() - started) * 1000
        return SearchResults(
            query=request.query,
            total=total - hidden,
            took_ms=round(took, 2),
            hits=hits,
            suggestion=suggestion,
            facets=facets,
            facet_totals=facet_totals,
            total_documents=total,
        )

    def _collapsed_page(
        self,
        searcher: Searcher,
        query: Query,
        masks: list[Mask],
        filters: Query | None,
        wanted: int,
        groups: Mapping[str, str],
        *,
        order: SortOrder | None,
    ) -> tuple[list[tuple[dict[str, Any], float]], dict[str, list[SearchHit]], int]:
        """The first `wanted` results with near duplicates collapsed, the similar hits of
        each (by representative's id), and how many matches the collapse hides in all.

        Ranks from the first on, so every page collapses the same way: the ranked hits are
        read until `wanted` representatives (twice as many each round; near duplicates rank
        close together), by document number: only the results' stored fields are read.
        Members ranked past the last hit read follow the ranked ones."""
        members = self._duplicates.members(self._matches.segments(searcher), groups)
        every = np.concatenate(masks) if masks else np.zeros(0, dtype=np.bool_)
        hidden = collapse.hidden_count(every, members)
        total = int(np.count_nonzero(every))
        # A few more than wanted: more to rank costs (the candidates near the cut are scored
        # by whoosh), and copies within the first page are few.
        reading = min(total, wanted + min(hidden, 8))
        while True:
            ranked = self._ranked(searcher, query, masks, filters, reading, order=order)
            walked = collapse.walk(ranked, members.group_of, wanted)
            if len(walked.page) >= wanted or len(ranked) < reading or reading >= total:
                break
            reading = min(total, reading * 2)
        page = [(searcher.stored_fields(docnum), score) for docnum, score in walked.page]
        similar: dict[str, list[SearchHit]] = {}
        for (fields, _score), (docnum, _) in zip(page, walked.page, strict=True):
            group = members.group_of.get(docnum)
            if group is None:
                continue
            ranked_members = walked.seen.get(group, [])
            known = {docnum, *(other for other, _ in ranked_members)}
            rest = collapse.unranked_members(every, members, group, known)
            similar[fields["id"]] = [
                self._hit(searcher.stored_fields(other), score, {}, False, {})
                for other, score in [*ranked_members, *((other, 0.0) for other in rest)]
            ]
        return page, similar, hidden

    def _page(
        self,
        searcher: Searcher,
        query: Query,
        masks: list[Mask],
        filters: Query | None,
        wanted: int,
        *,
        order: SortOrder | None,
    ) -> list[tuple[dict[str, Any], float]]:
        """Stored fields and score of the first `wanted` hits."""
        ranked = self._ranked(searcher, query, masks, filters, wanted, order=order)
        return [(searcher.stored_fields(docnum), score) for docnum, score in ranked]

    def _ranked(
        self,
        searcher: Searcher,
        query: Query,
        masks: list[Mask],
        filters: Query | None,
        wanted: int,
        *,
        order: SortOrder | None,
    ) -> list[tuple[int, float]]:
        """Global document number and score of the first `wanted` hits (`order` None: by
        relevance)."""
        if order == SortOrder.OLDEST:  # the "score" is the date key, as in date order
            return [
                (docnum, float(key))
                for docnum, key in self._matches.oldest(searcher, masks, wanted)
            ]
        if order == SortOrder.TITLE:
            return [(docnum, 0.0) for docnum in self._matches.by_title(searcher, masks, wanted)]
        if order is not None:
            # Whoosh's sorted collector reads the date of every match in Python; the same
            # order from the masks and a date array per segment. The "score" of a hit in
            # date order is its date key, as whoosh gives it.
            return [
                (docnum, float(key))
                for docnum, key in self._matches.newest(searcher, masks, wanted)
            ]
        best = self._matches.best(searcher, query, masks, wanted)
        if best is not None:
            return best
        # A query only whoosh can score (boosts, rare operators): all its matches, scored.
        allowed = self._matches.allowed(searcher, masks) if filters is not None else None
        results = searcher.search(query, filter=allowed, limit=None)
        return [(hit.docnum, hit.score) for hit in results[:wanted]]

    def highlight_words(self, query: str, text: str, language: str) -> list[str]:
        """The words of `text` the query matches (as written), for highlighting in a reader."""
        with self._lock:
            parsed = self._parser.parse(query)
            if parsed.query is None:
                return []
            terms = _terms_by_field(parsed.query, self._current_searcher())
        field_terms = terms.get(body_field(language), set()) | terms.get("title", set())
        spans = matching_spans(text, analyzer_for(language), field_terms)
        return sorted({text[start:end] for start, end in spans}, key=str.lower)

    def _hit(
        self,
        fields: dict[str, Any],
        score: float | None,
        terms: dict[str, set[str]],
        with_snippet: bool,
        verdicts: dict[str, Verdicts],
    ) -> SearchHit:
        language = fields.get("language", "und")
        entities = _decode_entities(fields.get("entities"))
        snippet, page = "", 0
        if with_snippet:
            field = body_field(language)
            snippet, start = snippet_at(
                fields.get("body", ""),
                analyzer_for(language),
                terms.get(field, set()),
                verdicts=verdicts.setdefault(field, {}),
            )
            pages = fields.get("pages")
            if pages:
                page = max(1, bisect_right(pages, start))
        return SearchHit(
            id=fields["id"],
            path=fields["path"],
            title=fields.get("title", ""),
            date=fields.get("date"),
            language=language,
            score=round(float(score or 0.0), 4),
            snippet=snippet,
            kind=fields.get("kind", "plain"),
            source=fields.get("source"),
            people=entities.get("people", []),
            countries=entities.get("countries", []),
            organizations=entities.get("organizations", []),
            page=page,
        )

    def _facets(
        self,
        searcher: Searcher,
        masks: list[Mask],
        limit: int,
        merge: Mapping[str, Mapping[str, str]] | None,
    ) -> tuple[dict[str, list[FacetCount]], dict[str, int]]:
        counted, totals = self._matches.facet_counts_and_totals(searcher, masks, limit, merge)
        facets = {
            name: [FacetCount(value, count) for value, count in counted.get(name, [])]
            for name in FACET_FIELDS
        }
        return facets, {name: totals.get(name, 0) for name in FACET_FIELDS}

    def _suggest(
        self, request: SearchRequest, words: tuple[str, ...], total: int, filters: Query | None
    ) -> str | None:
        searcher = self._current_searcher()
        replacements: dict[str, str] = {}
        for word in words:
            if len(word) < 3 or self._vocabulary.knows(word) or self._knows_a_form(word):
                continue
            better = self._vocabulary.suggest(word)
            if better:
                replacements[word] = better
        if not replacements:
            return None
        corrected = request.query
        for word, better in replacements.items():
            corrected = corrected.replace(word, better)
        try:
            parsed = self._parser.parse(corrected)
        except Exception:
            return None
        if parsed.query is None:
            return None
        found = self._matches.masks(searcher, parsed.query, filters)
        return corrected if self._matches.total(found) > total else None

    def _knows_a_form(self, word: str) -> bool:
        """Whether the library has another form of `word` ("organisaties" where only
        "organisatie" is written): a spelling suggestion would then be wrong."""
        reader = self._current_searcher().reader()
        for language in WORD_FORM_LANGUAGES:
            field = body_field(language)
            for term, _weight in word_forms(language).query_terms(word):
                if (field, term) in reader:
                    return True
        return False

    def _current_searcher(self) -> Searcher:
        self._require_ix()
        self._refresh()
        assert self._searcher is not None
        return self._searcher

    def _refresh(self) -> None:
        # Not Searcher.refresh(): it reuses segment readers, and a reused reader keeps the
        # deletions it saw when it was opened, so deleted documents would still be found.
        if self._searcher is not None and self._searcher.up_to_date():
            return
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = self._open_searcher()

    def _open_searcher(self) -> Searcher:
        searcher = self._require_ix().searcher()
        speed_up_term_lookups(searcher.reader(), self._kept_keys)
        return searcher

    def _require_ix(self) -> Any:
        if self._ix is None:
            raise IndexCorruptError("the index is not open")
        return self._ix


class PreparedRecord:
    """An IndexRecord with its text fields analysed already: made in a worker process by
    `prepare_record`, written by `IndexWriteSession.upsert` without analysing again."""

    __slots__ = ("fields", "record_id", "words")

    def __init__(self, record_id: str, fields: dict[str, Any], words: str) -> None:
        self.record_id = record_id
        self.fields = fields
        self.words = words  # for the vocabulary: every use of a word, one per line

    def __reduce__(self) -> tuple[type[PreparedRecord], tuple[str, dict[str, Any], str]]:
        return (PreparedRecord, (self.record_id, self.fields, self.words))


def _word_uses(record: IndexRecord) -> str:
    # The body first: its tokens are still kept from preparing its postings.
    return "\n".join(word_uses((record.body, record.title)))


def _count_uses(counts: Counter[str], uses: str) -> None:
    """Add a document's word uses (one per line) to `counts`, in C."""
    if uses:
        counts.update(uses.split("\n"))


_schema_cache: list[Any] = []


def prepare_record(record: IndexRecord) -> PreparedRecord:
    """Analyse the record's text fields now (the expensive part of indexing), so a worker
    process can do it and the single index writer only adds postings."""
    if not _schema_cache:
        _schema_cache.append(build_schema())
    schema = _schema_cache[0]
    fields = _fields(record)
    for name, value in list(fields.items()):
        field = schema[name]
        # Unique fields stay as they are: update_document looks old copies up by their value.
        if value is None or not field.indexed or field.unique:
            continue
        if field.stored or field.column_type:
            fields[f"_stored_{name}"] = value
        fields[name] = preanalyse(field, value)
    return PreparedRecord(record.id, fields, _word_uses(record))


class IndexWriteSession:
    """The operations allowed inside `SearchIndex.writing()`."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer
        self.word_counts: Counter[str] = Counter()
        self._indexed_ids: set[bytes] | None = None

    def upsert(self, record: IndexRecord | PreparedRecord) -> None:
        if isinstance(record, PreparedRecord):
            fields, words = record.fields, record.words
        else:
            fields, words = _fields(record), _word_uses(record)
        # A document the index has never held needs no search for an old copy to delete
        # (whoosh's update_document looks the id up in every segment: ~2 ms per document).
        if fields["id"].encode("utf-8") in self._ids_in_index():
            self._writer.update_document(**fields)
        else:
            self._writer.add_document(**fields)
        _count_uses(self.word_counts, words)

    def _ids_in_index(self) -> set[bytes]:
        # Every id in the committed segments, deleted documents' included (deleting those
        # again is harmless); read once per writer, from the id field's term list.
        if self._indexed_ids is None:
            with self._writer.reader() as reader:
                self._indexed_ids = set(reader.lexicon("id"))
        return self._indexed_ids

    def delete(self, doc_id: str) -> None:
        self._writer.delete_by_term("id", doc_id)


def _fields(record: IndexRecord) -> dict[str, Any]:
    body = record.body
    fields: dict[str, Any] = {
        "id": record.id,
        "path": record.path,
        "content_hash": record.content_hash,
        "title": record.title,
        body_field(record.language): body,
        "body": body,
        "date": record.date,
        "date_key": date_key(record.date),
        "language": record.language,
        "kind": record.kind,
        "source": record.source,
        "pages": list(record.page_starts) or None,
        "tags": "\n".join(record.tags),
        "entities": json.dumps(
            {
                "people": list(record.people),
                "countries": list(record.countries),
                "organizations": list(record.organizations),
            },
            ensure_ascii=False,
        ),
    }
    aliases: dict[str, list[str]] = {"person": [], "country": [], "org": []}
    for alias in record.entity_aliases:
        kind, _, name = alias.partition(":")
        aliases.setdefault(kind, []).append(name)
    fields["people"] = "\n".join([*record.people, *aliases["person"]])
    fields["countries"] = "\n".join([*record.countries, *aliases["country"]])
    fields["organizations"] = "\n".join([*record.organizations, *aliases["org"]])
    fields["facets"] = "\n".join(
        f"{name}:{value}"
        for name, values in zip(
            FACET_FIELDS, (record.people, record.countries, record.organizations), strict=True
        )
        for value in values
        if "\n" not in value
    )
    return fields


def _decode_entities(raw: str | None) -> dict[str, list[str]]:
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _bound(explicit: str | None, from_query: int | None, *, end: bool) -> int | None:
    if explicit:
        return parse_date_bound(explicit, end=end)
    return from_query


def _filters(request: SearchRequest, date_from: int | None, date_to: int | None) -> Query | None:
    parts: list[Query] = []
    if date_from is not None or date_to is not None:
        parts.append(NumericRange("date_key", date_from or 1, date_to))
    for field, values in (
        ("people", request.people),
        ("countries", request.countries),
        ("organizations", request.organizations),
    ):
        for value in values:
            alternatives = (value,) if isinstance(value, str) else value
            terms = [Term(field, v.strip().lower()) for v in alternatives]
            parts.append(terms[0] if len(terms) == 1 else Or(terms))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def _terms_by_field(
    query: Query | None,
    searcher: Searcher,
    expand: Callable[[MultiTerm], list[bytes]] | None = None,
) -> dict[str, set[str]]:
    """Index terms the query matched, per field (prefix, wildcard and fuzzy terms expanded:
    by `expand`, the search's own per-segment expansions, when given)."""
    if query is None:
        return {}
    # Not Query.existing_terms(): in whoosh 2.7.5 its loop variable shadows the `fieldname`
    # argument, so it drops every field after the first one.
    reader = searcher.reader()
    terms: dict[str, set[str]] = {}
    for leaf in query.leaves():
        if expand is not None and isinstance(leaf, Prefix | Wildcard | FuzzyTerm) and leaf.field():
            pairs: Iterable[tuple[str, Any]] = ((leaf.field(), t) for t in expand(leaf))
        else:
            pairs = leaf.expanded_terms(reader, phrases=True)
        for field, text in pairs:
            value = text.decode("utf-8") if isinstance(text, bytes) else str(text)
            terms.setdefault(field, set()).add(value)
    return terms
