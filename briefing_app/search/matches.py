"""Every document a query matches, its best hits, and the entity counts over them, without
letting whoosh score every match.

Whoosh gives the total and the matches (for facet counts) only by scoring every match in
Python: a common word matches 49,000 of 50,000 documents, and scoring them all would be most
of a search. Here a query becomes one boolean array per segment, from posting lists read as
arrays (whoosh_internals/postings.py) and combined with & | ~. BM25 is computed with numpy for every
match, and the few candidates for the page are scored by whoosh's own matcher, so scores and
order are whoosh's. Phrases are checked on the candidates' positions; query kinds not handled
here are matched and ranked by whoosh. tests/core/test_matches.py compares all of it with a
full whoosh pass.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from math import log
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh import query as wq
from whoosh.formats import Positions
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from briefing_app.folding import fold
from briefing_app.search.whoosh_internals.access import (
    bm25_field_b,
    compiled_range,
    field_bytes,
    is_null_query,
    segment_terms,
    term_expansions,
)
from briefing_app.search.whoosh_internals.postings import (
    DocNums,
    PositionLists,
    PostingCache,
    Postings,
    field_doc_ids,
    positions,
    stored_lengths,
    term_bytes,
)

Mask = npt.NDArray[np.bool_]

FACETS_FIELD = "facets"  # schema field: one "type:value" term per canonical entity
DATE_FIELD = "date_key"  # sortable numeric column, newest first for date order
# Relative distance from the last approximate score of a page within which whoosh itself
# scores the candidates (numpy and whoosh differ in the last bits only).
NEAR = 1e-9


@dataclass
class Segment:
    """One segment of the current searcher: whoosh's sub-searcher and what is derived from it."""

    searcher: Any  # whoosh sub-searcher of this segment
    base: int  # its first global document number
    size: int  # doc_count_all(), deleted documents included
    live: Mask  # False where a document is deleted
    segment_id: str | None  # None for an empty index
    # Documents holding the current search's phrases (the mask and the ranking both need
    # them, and finding them should run once).
    phrases: dict[int, DocNums] = field(default_factory=dict)
    # The terms each prefix (or fuzzy) query of the current search expands to: the mask and
    # the ranking both need them, and expanding walks the segment's term table.
    expansions: dict[int, list[bytes]] = field(default_factory=dict)
    # The term infos a prefix's walk over the term table read on the way (field, term), and
    # the (field, prefix) pairs walked: the postings and document frequencies of those terms
    # need no second lookup in the table's hash (~11 us each, per segment).
    infos: dict[tuple[str, bytes], Any] = field(default_factory=dict)
    walked: set[tuple[str, bytes]] = field(default_factory=set)
    postings: PostingCache = field(default_factory=lambda: PostingCache())  # shared by all
    live_count: int = 0
    live_facets: npt.NDArray[np.int64] | None = None  # value counts over the live documents

    def postings_of(self, name: str, text: str | bytes) -> Postings:
        info = self.infos.get((name, text)) if isinstance(text, bytes) else None
        return self.postings.get(self.searcher.reader(), self.segment_id, name, text, info=info)

    def doc_frequency(self, name: str, btext: bytes) -> int | None:
        """Documents (deleted ones included) holding the term, when a walk of this search
        has shown it (0: a walk over its prefix did not meet it); None when not known."""
        info = self.infos.get((name, btext))
        if info is not None:
            return int(info.doc_frequency())
        walked = any(field == name and btext.startswith(p) for field, p in self.walked)
        return 0 if walked else None


@dataclass
class FacetTable:
    """Entity values seen in any segment, numbered once for the whole index."""

    names: list[tuple[str, str]] = field(default_factory=list)  # (type, value)
    numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    types: list[str] = field(default_factory=list)  # every type, in order of first sight
    _type_codes: list[int] = field(default_factory=list)  # each number's index in `types`
    _type_array: npt.NDArray[np.int32] | None = None

    def number(self, key: tuple[str, str]) -> int:
        found = self.numbers.get(key)
        if found is None:
            found = self.numbers[key] = len(self.names)
            self.names.append(key)
            if key[0] not in self.types:
                self.types.append(key[0])
            self._type_codes.append(self.types.index(key[0]))
        return found

    def type_codes(self) -> npt.NDArray[np.int32]:
        """Each number's type, as its index in `types`."""
        if self._type_array is None or len(self._type_array) != len(self._type_codes):
            self._type_array = np.array(self._type_codes, dtype=np.int32)
        return self._type_array


@dataclass
class SegmentFacets:
    """A segment's entity values, document by document: the values of document d are
    values[starts[d]:starts[d + 1]]."""

    values: npt.NDArray[np.int32]
    starts: npt.NDArray[np.int64]

    def count(self, mask: Mask, width: int) -> npt.NDArray[np.int64]:
        """How often each value occurs in the masked documents (cost: their values only)."""
        docs = np.flatnonzero(mask)
        first = self.starts[docs]
        lengths = self.starts[docs + 1] - first
        total = int(lengths.sum())
        if not total:
            return np.zeros(width, np.int64)
        # Positions of every value of every masked document, without a Python loop.
        offsets = np.repeat(first - (np.cumsum(lengths) - lengths), lengths) + np.arange(total)
        return np.bincount(self.values[offsets], minlength=width)


class Matches:
    """Masks and counts over the segments of one searcher. Segments never change once
    written, so what is read from a segment (its entity pairs, its dates) is kept per segment
    id and carried over to the next searcher; only the deletion masks are new each time."""

    def __init__(self) -> None:
        self._searcher: Searcher | None = None
        self._segments: list[Segment] = []
        self._postings = PostingCache()
        self._facets = FacetTable()
        # (key of the merge tables and width, number -> number it is counted as, the tables)
        self._merge_map: (
            tuple[tuple[Any, ...], npt.NDArray[np.int64], Mapping[str, Mapping[str, str]]] | None
        ) = None
        self._facets_by_segment: dict[str, SegmentFacets] = {}
        self._dates_by_segment: dict[str, npt.NDArray[np.int64]] = {}
        self._titles_by_segment: dict[str, list[str]] = {}  # folded, for title order
        self._lengths_by_segment: dict[tuple[str | None, str], npt.NDArray[np.float64]] = {}
        # Each term's BM25 parameters for the current searcher: the prefix typed a letter at a
        # time scores mostly the same expansions again (idf and average length are index-wide:
        # a new searcher, after a commit, starts afresh).
        self._parameters: dict[tuple[str, bytes], tuple[float, float, float, float] | None] = {}

    # --- segments ---------------------------------------------------------------------------

    def segments(self, searcher: Searcher) -> list[Segment]:
        if searcher is not self._searcher:
            self._searcher = searcher
            self._parameters = {}
            self._segments = [
                _segment(sub, base, self._postings) for sub, base in searcher.leaf_searchers()
            ]
            alive = {s.segment_id for s in self._segments}
            self._postings.forget(alive)
            for cache in (
                self._facets_by_segment,
                self._dates_by_segment,
                self._titles_by_segment,
            ):
                for gone in set(cache) - alive:
                    del cache[gone]
            for gone_key in [key for key in self._lengths_by_segment if key[0] not in alive]:
                del self._lengths_by_segment[gone_key]
        return self._segments

    def warm(self, searcher: Searcher, scored_fields: Iterable[str]) -> Iterator[None]:
        """Read what a first search would, one segment and one field at a time (a step is a
        few ms to tens of ms), yielding between steps; what is read already is skipped."""
        for segment in self.segments(searcher):
            if not segment.segment_id:
                continue
            if segment.segment_id not in self._facets_by_segment:
                self._segment_facets(segment)
                yield
            if segment.segment_id not in self._dates_by_segment:
                self._dates(segment)
                yield
            for name in scored_fields:
                if (segment.segment_id, name) not in self._lengths_by_segment:
                    self._lengths(segment, name)
                    yield

    # --- matching ---------------------------------------------------------------------------

    def masks(
        self, searcher: Searcher, query: wq.Query, filters: wq.Query | None = None
    ) -> list[Mask]:
        """Per segment, the live documents matching `query` and the filters."""
        out = []
        for segment in self.segments(searcher):
            segment.phrases.clear()
            segment.expansions.clear()
            segment.infos.clear()
            segment.walked.clear()
            mask = segment.live & _mask(query, segment)
            if filters is not None and mask.any():
                mask &= _mask(filters, segment)
            out.append(mask)
        return out

    def expanded_terms(self, searcher: Searcher, query: wq.MultiTerm) -> list[bytes]:
        """The index terms a prefix, wildcard or fuzzy query stands for, from each segment's
        expansion (after `masks`, those of the current search: found once for both)."""
        found: set[bytes] = set()
        for segment in self.segments(searcher):
            found.update(_expansions(query, segment))
        return sorted(found)

    @staticmethod
    def total(masks: list[Mask]) -> int:
        """How many documents the masks hold."""
        return sum(int(mask.sum()) for mask in masks)

    def allowed(self, searcher: Searcher, masks: list[Mask]) -> set[int]:
        """Global document numbers of the masks, as a filter for whoosh's collectors."""
        found: set[int] = set()
        for segment, mask in zip(self.segments(searcher), masks, strict=True):
            found.update((np.flatnonzero(mask) + segment.base).tolist())
        return found

    def newest(self, searcher: Searcher, masks: list[Mask], wanted: int) -> list[tuple[int, int]]:
        """The `wanted` newest matches as (global docnum, date key), in whoosh's date order:
        date descending, then document number descending."""
        keys: list[DocNums] = []
        for segment, mask in zip(self.segments(searcher), masks, strict=True):
            docs = np.flatnonzero(mask)
            if len(docs):
                dates = self._dates(segment)[docs]
                keys.append((dates << 32) | (docs + segment.base))
        if not keys or wanted <= 0:
            return []
        combined = np.concatenate(keys)
        if len(combined) > wanted:
            combined = np.partition(combined, len(combined) - wanted)[-wanted:]
        ordered = np.sort(combined)[::-1]
        return [(int(key & 0xFFFFFFFF), int(key >> 32)) for key in ordered]

    def oldest(self, searcher: Searcher, masks: list[Mask], wanted: int) -> list[tuple[int, int]]:
        """The `wanted` oldest matches as (global docnum, date key): date ascending, then
        document number; matches without a date last."""
        keys: list[DocNums] = []
        for segment, mask in zip(self.segments(searcher), masks, strict=True):
            docs = np.flatnonzero(mask)
            if len(docs):
                dates = self._dates(segment)[docs]
                dates = np.where(dates == 0, np.int64(_UNDATED_LAST), dates)
                keys.append((dates << 32) | (docs + segment.base))
        if not keys or wanted <= 0:
            return []
        combined = np.concatenate(keys)
        if len(combined) > wanted:
            combined = np.partition(combined, wanted - 1)[:wanted]
        ordered = np.sort(combined)
        return [
            (int(key & 0xFFFFFFFF), 0 if key >> 32 == _UNDATED_LAST else int(key >> 32))
            for key in ordered
        ]

    def by_title(self, searcher: Searcher, masks: list[Mask], wanted: int) -> list[int]:
        """The first `wanted` matches by title (case and accents ignored), then document
        number, as global docnums."""
        found: list[tuple[str, int]] = []
        for segment, mask in zip(self.segments(searcher), masks, strict=True):
            titles = self._titles(segment)
            found.extend((titles[doc], doc + segment.base) for doc in np.flatnonzero(mask).tolist())
        if wanted <= 0:
            return []
        return [docnum for _title, docnum in sorted(found)[:wanted]]

    def _titles(self, segment: Segment) -> list[str]:
        key = segment.segment_id
        found = self._titles_by_segment.get(key) if key else None
        if found is not None:
            return found
        titles = []
        for docnum in range(segment.size):
            try:
                stored = segment.searcher.stored_fields(docnum)
            except (KeyError, IndexError, ValueError):  # a deleted document's slot
                stored = {}
            titles.append(fold(str(stored.get("title") or "")))
        if key:
            self._titles_by_segment[key] = titles
        return titles

    # --- relevance --------------------------------------------------------------------------

    def best(
        self, searcher: Searcher, query: wq.Query, masks: list[Mask], wanted: int
    ) -> list[tuple[int, float]] | None:
        """The `wanted` best matches as (global docnum, score), exactly as whoosh ranks them
        (score descending, then docnum), or None for a query this module cannot score.

        BM25 is computed for every match with numpy, its parts added in whoosh's order (see
        `_add`); where that order is not known (a part whoosh gives no size estimate for), the
        scores may differ from whoosh's in the last bits, and the few candidates whose order
        that could change are scored by whoosh's own matcher. The order is whoosh's."""
        if wanted <= 0:
            return []
        if _boosted(query):
            # Whoosh's matchers score a boosted OR differently once skipped into (and its
            # top-N collector misses the best hits); only a full pass scores it right.
            return None
        segments = self.segments(searcher)  # first: a new searcher drops the parameters
        scoring = Scoring(searcher, self._lengths, self._parameters, segments)
        approx: list[npt.NDArray[np.float64]] = []
        docs: list[DocNums] = []
        for segment, mask in zip(segments, masks, strict=True):
            local = np.flatnonzero(mask)
            if not len(local):
                continue
            scores = _scores(query, segment, scoring)
            if scores is None:
                return None
            approx.append(scores[local])
            docs.append(local + segment.base)
        if not docs:
            return []
        every_score = np.concatenate(approx)
        every_doc = np.concatenate(docs)
        if scoring.exact:
            # No document added up more than two parts anywhere: any order of additions
            # gives whoosh's sum, so these are whoosh's scores already.
            order = np.lexsort((every_doc, -every_score))[:wanted]
            return list(zip(every_doc[order].tolist(), every_score[order].tolist(), strict=True))
        if len(every_score) > wanted:
            cut = np.partition(every_score, len(every_score) - wanted)[-wanted]
            near = every_score >= cut - NEAR * max(1.0, abs(float(cut)))
            every_doc, every_score = every_doc[near], every_score[near]
        # Sums added in another order than whoosh's differ from whoosh's in the last bits at
        # most: only where two candidates' scores are that close can the order differ, and
        # only those are scored by whoosh's matchers (scoring all of them would be most of
        # the time of an OR of phrases, as a widened "EU" is).
        order = np.lexsort((every_doc, -every_score))
        every_doc, every_score = every_doc[order], every_score[order]
        gaps = np.abs(np.diff(every_score))
        close = (gaps > 0) & (gaps <= NEAR * np.maximum(1.0, np.abs(every_score[1:])))
        unsure = np.zeros(len(every_score), np.bool_)
        unsure[:-1] |= close
        unsure[1:] |= close
        if not unsure.any():
            return list(
                zip(every_doc[:wanted].tolist(), every_score[:wanted].tolist(), strict=True)
            )
        exact = self._exact_scores(searcher, query, np.sort(every_doc[unsure]))
        if exact is None:
            return None
        ranked = dict(zip(every_doc.tolist(), every_score.tolist(), strict=True))
        ranked.update(exact)
        return sorted(ranked.items(), key=lambda pair: (-pair[1], pair[0]))[:wanted]

    def _exact_scores(
        self, top: Searcher, query: wq.Query, docnums: DocNums
    ) -> list[tuple[int, float]] | None:
        out: list[tuple[int, float]] = []
        context = top.context()
        wanted = docnums.tolist()
        at = 0
        for segment in self.segments(top):
            end = segment.base + segment.size
            mine = []
            while at < len(wanted) and wanted[at] < end:
                mine.append(wanted[at] - segment.base)
                at += 1
            if not mine:
                continue
            matcher = query.matcher(segment.searcher, context)
            for local in mine:
                if matcher.is_active() and matcher.id() < local:
                    matcher.skip_to(local)
                if not matcher.is_active() or matcher.id() != local:
                    return None  # the masks disagree with whoosh: let whoosh rank
                out.append((local + segment.base, matcher.score()))
        return out

    def _lengths(self, segment: Segment, name: str) -> npt.NDArray[np.float64]:
        """Field length per document as whoosh's scorer sees it (a byte, decoded; 1 if none)."""
        key = (segment.segment_id, name)
        found = self._lengths_by_segment.get(key) if segment.segment_id else None
        if found is not None:
            return found
        reader = segment.searcher.reader()
        found = stored_lengths(reader, name, segment.size)
        if found is None:
            found = np.fromiter(
                (reader.doc_field_length(docnum, name, 1) for docnum in range(segment.size)),
                np.float64,
                segment.size,
            )
        if segment.segment_id:
            self._lengths_by_segment[key] = found
        return found

    # --- facets -----------------------------------------------------------------------------

    def facet_counts(
        self,
        searcher: Searcher,
        masks: list[Mask],
        limit: int,
        merge: Mapping[str, Mapping[str, str]] | None = None,
    ) -> dict[str, list[tuple[str, int]]]:
        """Per entity type, the `limit` commonest values among the masked documents (0:
        every one), ordered by count (descending) and then value. `merge` (per type: value
        -> the value it is counted as) adds a value's count to another's before the cut, so
        that a name's count holds its other names' wherever they rank."""
        return self.facet_counts_and_totals(searcher, masks, limit, merge)[0]

    def facet_counts_and_totals(
        self,
        searcher: Searcher,
        masks: list[Mask],
        limit: int,
        merge: Mapping[str, Mapping[str, str]] | None = None,
    ) -> tuple[dict[str, list[tuple[str, int]]], dict[str, int]]:
        """`facet_counts`, and per entity type how many values the masked documents have
        (after `merge`): more than the list holds when it was cut at `limit`."""
        per_segment = [
            (segment, self._segment_facets(segment), mask)
            for segment, mask in zip(self.segments(searcher), masks, strict=True)
        ]
        width = len(self._facets.names)  # new segments may have numbered new values
        counts = np.zeros(width, dtype=np.int64)
        for segment, pairs, mask in per_segment:
            matched = int(mask.sum())
            if not matched or not len(pairs.values):
                continue
            if matched * 2 > segment.live_count:
                # Most documents match (a common word): count the others and subtract.
                if segment.live_facets is None:
                    segment.live_facets = pairs.count(segment.live, width)
                every = _padded(segment.live_facets, width)
                counts += every - pairs.count(segment.live & ~mask, width)
            else:
                counts += pairs.count(mask, width)
        if merge:
            counts = self._merged(counts, merge)
        return self._commonest(counts, limit), self._totals(counts)

    def _totals(self, counts: npt.NDArray[np.int64]) -> dict[str, int]:
        """Per type, how many values have a count."""
        types = self._facets.type_codes()[np.flatnonzero(counts)]
        totals = np.bincount(types, minlength=len(self._facets.types))
        return {kind: int(totals[code]) for code, kind in enumerate(self._facets.types)}

    def _merged(
        self, counts: npt.NDArray[np.int64], merge: Mapping[str, Mapping[str, str]]
    ) -> npt.NDArray[np.int64]:
        """`counts` with each merged value's count moved to the value it is counted as."""
        width = len(counts)
        key = (tuple(id(table) for table in merge.values()), width)
        if self._merge_map is None or self._merge_map[0] != key:
            into = np.arange(width, dtype=np.int64)
            numbers = self._facets.numbers
            for kind, table in merge.items():
                for value, target in table.items():
                    source, found = numbers.get((kind, value)), numbers.get((kind, target))
                    if source is not None and found is not None and max(source, found) < width:
                        into[source] = found
            self._merge_map = (key, into, merge)  # (holding `merge` keeps the ids unique)
        merged = np.zeros_like(counts)
        np.add.at(merged, self._merge_map[1], counts)
        return merged

    def _commonest(
        self, counts: npt.NDArray[np.int64], limit: int
    ) -> dict[str, list[tuple[str, int]]]:
        """Per type, the `limit` values with the highest counts, ties by value. Only the values
        that can make the cut become Python tuples (a common word has ~1,500 values at 50k)."""
        names = self._facets.names
        found = np.flatnonzero(counts)
        types = self._facets.type_codes()[found]
        by_type: dict[str, list[tuple[str, int]]] = {}
        for code, kind in enumerate(self._facets.types):
            numbers = found[types == code]
            if not len(numbers):
                continue
            counted = counts[numbers]
            if 0 < limit < len(numbers):
                # The limit-th highest count: all above it make the cut, ties with it by value.
                cut = np.partition(counted, len(counted) - limit)[len(counted) - limit]
                numbers = numbers[counted >= cut]
            pairs = [(names[number][1], int(counts[number])) for number in numbers.tolist()]
            ordered = sorted(pairs, key=lambda pair: (-pair[1], pair[0]))
            by_type[kind] = ordered[:limit] if limit > 0 else ordered
        return by_type

    def _segment_facets(self, segment: Segment) -> SegmentFacets:
        key = segment.segment_id
        found = self._facets_by_segment.get(key) if key else None
        if found is not None:
            return found
        reader = segment.searcher.reader()
        docs: list[npt.NDArray[np.int64]] = []
        values: list[int] = []
        if segment.size:
            for term, ids in field_doc_ids(reader, FACETS_FIELD):
                kind, _, value = term.decode("utf-8").partition(":")
                docs.append(ids)
                values.extend([self._facets.number((kind, value))] * len(ids))
        all_docs = np.concatenate(docs) if docs else np.zeros(0, np.int64)
        order = np.argsort(all_docs, kind="stable")
        found = SegmentFacets(
            values=np.array(values, dtype=np.int32)[order],
            starts=np.searchsorted(all_docs[order], np.arange(segment.size + 1)).astype(np.int64),
        )
        if key:
            self._facets_by_segment[key] = found
        return found

    def _dates(self, segment: Segment) -> npt.NDArray[np.int64]:
        key = segment.segment_id
        found = self._dates_by_segment.get(key) if key else None
        if found is not None:
            return found
        reader = segment.searcher.reader()
        if segment.size and reader.has_column(DATE_FIELD):
            found = np.fromiter(reader.column_reader(DATE_FIELD), np.int64, segment.size)
        else:
            found = np.zeros(segment.size, np.int64)
        if key:
            self._dates_by_segment[key] = found
        return found


# The date key an undated document sorts by, oldest first: after every date (YYYYMMDD), and
# shifted by 32 bits it still fits an int64.
_UNDATED_LAST = 0x7FFFFFFF


def _padded(counts: npt.NDArray[np.int64], width: int) -> npt.NDArray[np.int64]:
    return counts if len(counts) == width else np.pad(counts, (0, width - len(counts)))


def _segment(sub: Any, base: int, postings: PostingCache) -> Segment:
    reader = sub.reader()
    size = reader.doc_count_all()
    live = np.ones(size, dtype=np.bool_)
    deleted = getattr(reader, "deleted_docs_set", None)
    if deleted:
        live[np.fromiter(deleted, np.int64, len(deleted))] = False
    segment = reader.segment() if hasattr(reader, "segment") else None  # None: empty index
    segment_id = segment.segment_id() if segment is not None else None
    return Segment(
        searcher=sub,
        base=base,
        size=size,
        live=live,
        segment_id=segment_id,
        postings=postings,
        live_count=int(live.sum()),
    )


def _mask(query: wq.Query, segment: Segment) -> Mask:
    """Documents of the segment matching `query` (deleted ones may be included)."""
    size = segment.size
    if is_null_query(query):
        return np.zeros(size, np.bool_)
    if type(query) is wq.Every and not query.fieldname:
        return np.ones(size, np.bool_)
    if type(query) is wq.Term:
        return _ids_mask(segment.postings_of(query.fieldname, query.text)[0], size)
    if isinstance(query, wq.Or | wq.DisjunctionMax) and not getattr(query, "minmatch", 0):
        return _any(query.subqueries, segment)
    if type(query) is wq.And or type(query) is wq.Require:
        return _all(query.subqueries, segment)
    if type(query) is wq.AndNot:
        return _mask(query.a, segment) & ~_mask(query.b, segment)
    if type(query) is wq.AndMaybe:
        return _mask(query.a, segment)
    if type(query) is wq.Not:
        return ~_mask(query.query, segment)
    if isinstance(query, wq.ConstantScoreQuery | wq.WeightingQuery):
        return _mask(query.child, segment)
    if isinstance(query, wq.NumericRange):
        return _mask(compiled_range(query, segment.searcher.reader()), segment)
    if isinstance(query, wq.MultiTerm):  # prefix, wildcard, fuzzy, range of terms
        name = query.field()
        ids = [segment.postings_of(name, text)[0] for text in _expansions(query, segment)]
        return _ids_mask(np.concatenate(ids) if ids else np.zeros(0, np.int64), size)
    if type(query) is wq.Phrase:
        return _ids_mask(_phrase_docs(query, segment), size)
    # Anything else: whoosh's matcher, without scores.
    matcher = query.matcher(segment.searcher)
    return _ids_mask(np.fromiter(_ids_of(matcher), np.int64), size)


def _expansions(query: wq.MultiTerm, segment: Segment) -> list[bytes]:
    """The terms of the segment a prefix, wildcard or fuzzy query stands for, once per search."""
    found = segment.expansions.get(id(query))
    if found is None:
        if type(query) is wq.Prefix:
            found = _walk_prefix(query, segment)
        else:
            found = term_expansions(query, segment.searcher.reader())
        segment.expansions[id(query)] = found
    return found


def _walk_prefix(query: wq.Prefix, segment: Segment) -> list[bytes]:
    """`term_expansions` of a prefix (whoosh's expand_prefix), keeping each term's info."""
    reader = segment.searcher.reader()
    terms = segment_terms(reader)
    if terms is None or query.fieldname not in reader.schema:
        return term_expansions(query, reader)
    name = query.fieldname
    prefix = field_bytes(reader, name, query.text)
    found = []
    for (fieldname, btext), info in terms.items_from(name, prefix):
        if fieldname != name or not btext.startswith(prefix):
            break
        found.append(btext)
        segment.infos[(name, btext)] = info
    segment.walked.add((name, prefix))
    return found


def _phrase_docs(query: wq.Phrase, segment: Segment) -> DocNums:
    """Documents of the segment holding the phrase, once per search."""
    found = segment.phrases.get(id(query))
    if found is None:
        plain = _plain_phrase(query)
        found = _adjacent_words(query, segment) if plain else _whoosh_phrase(query, segment)
        segment.phrases[id(query)] = found
    return found


def _plain_phrase(query: wq.Phrase) -> bool:
    """Words right after one another (the parser's phrases)."""
    return query.slop == 1 and len(query.words) >= 2 and all(query.words)


def _whoosh_phrase(query: wq.Phrase, segment: Segment) -> DocNums:
    return np.fromiter(_ids_of(query.matcher(segment.searcher)), np.int64)


def _adjacent_words(query: wq.Phrase, segment: Segment) -> DocNums:
    """The documents holding the phrase's words at consecutive positions, as whoosh's span
    matcher decides, found without it: candidates are the documents holding every word
    (arrays), and only their positions are decoded (whoosh builds span objects for each
    position of each word of every candidate)."""
    reader = segment.searcher.reader()
    name = query.fieldname
    if name not in reader.schema or type(reader.schema[name].format) is not Positions:
        return _whoosh_phrase(query, segment)
    words: list[tuple[bytes, DocNums, PositionLists]] = []  # term, its documents, positions
    candidates: DocNums | None = None
    for word in query.words:
        btext = term_bytes(reader, name, word)
        if btext is None:
            return np.zeros(0, np.int64)
        where = PositionLists()  # filled when the list is decoded now (not cached)
        ids = segment.postings.get(reader, segment.segment_id, name, btext, where)[0]
        words.append((btext, ids, where))
        # posting lists are sorted and without repeats: no sort and unique needed
        candidates = (
            ids if candidates is None else np.intersect1d(candidates, ids, assume_unique=True)
        )
        if not len(candidates):
            return np.zeros(0, np.int64)
    assert candidates is not None
    candidates = candidates[segment.live[candidates]]
    # Where the phrase could start, as (candidate number << 32 | position), word by word: the
    # starts every word agrees on (the positions of a word in a document have no repeats).
    starts: DocNums | None = None
    numbered = np.arange(len(candidates), dtype=np.int64)
    for offset, (btext, ids, where) in enumerate(words):
        if len(where) == len(ids):
            counts, flat = where.take(np.searchsorted(ids, candidates))
        else:  # decoded for an earlier search: read the blocks holding a candidate
            counts, flat = positions(reader, name, btext, candidates)
        at = flat - offset
        numbers = np.repeat(numbered, counts)
        keep = at >= 0  # a later word before the phrase's start matches nothing
        keys = (numbers[keep] << 32) | at[keep]
        starts = keys if starts is None else np.intersect1d(starts, keys, assume_unique=True)
        if not len(starts):
            return np.zeros(0, np.int64)
    assert starts is not None
    return candidates[np.unique(starts >> 32)]


class Scoring:
    """What one search's scoring shares across segments: whoosh's BM25 parameters per term
    (idf and average length are index-wide), and whether the sums are whoosh's exactly."""

    def __init__(
        self,
        top: Searcher,
        lengths: Any,
        parameters: dict[tuple[str, bytes], tuple[float, float, float, float] | None],
        segments: Sequence[Segment] = (),  # those whose prefix walks may give the idf
    ) -> None:
        self.top = top
        self.lengths = lengths  # (segment, field) -> field length per document
        self.exact = True
        self._parameters = parameters  # kept by Matches while the searcher is the same
        self._segments = segments

    def parameters(self, name: str, btext: bytes) -> tuple[float, float, float, float] | None:
        """(idf, average field length, B, K1) of whoosh's scorer; None if not BM25F."""
        key = (name, btext)
        if key not in self._parameters:
            weighting, top = self.top.weighting, self.top
            if type(weighting) is BM25F and top.schema[name].scorable:
                # What BM25F.scorer gives its BM25FScorer, without the scorer: its setup reads
                # the term's info from every segment (~1.8 ms at 50k), which ranking here
                # does not use.
                values = [
                    self._idf(name, btext),
                    top.avg_field_length(name) or 1,
                    bm25_field_b(weighting, name),
                    weighting.K1,
                ]
            else:
                scorer = weighting.scorer(top, name, btext)
                values = [getattr(scorer, attr, None) for attr in ("idf", "avgfl", "B", "K1")]
            self._parameters[key] = None
            if all(isinstance(value, int | float) for value in values):
                idf, avgfl, b, k1 = (float(value) for value in values)
                self._parameters[key] = (idf, avgfl, b, k1)
        return self._parameters[key]

    def _idf(self, name: str, btext: bytes) -> float:
        """whoosh's idf (WeightingModel.idf, as BM25F has it), from the document frequencies
        a prefix's walk read in every segment when it did; else whoosh looks them up."""
        frequencies = [segment.doc_frequency(name, btext) for segment in self._segments]
        if not frequencies or None in frequencies:
            return float(self.top.idf(name, btext))
        total = sum(f for f in frequencies if f is not None)
        return log(self.top.doc_count_all() / (total + 1)) + 1

    def add(self, parts: list[npt.NDArray[np.float64]], size: int) -> npt.NDArray[np.float64]:
        """The sum of `parts`. Whoosh adds them in a tree of its own; the result is the same
        in any order where a document has at most two non-zero parts, else it is close."""
        total = np.zeros(size, np.float64)
        if len(parts) > 2 and self.exact:
            nonzero = np.zeros(size, np.int8)
            for part in parts:
                nonzero += part != 0
            self.exact = not (nonzero > 2).any()
        for part in parts:
            total += part
        return total


# Scores of every document of a segment, and whoosh's estimate_size of the query there (its
# weight in whoosh's matcher trees; None where this module does not compute it).
Scored = tuple[npt.NDArray[np.float64], int | None]
# Whoosh's Or adds up more than two parts in a tree (see _tree_sum) on segments of more than
# this many documents, and in order (its array matcher) on smaller ones, unless told which.
_ARRAY_OR_MAX_DOCS = 5000


def _scores(query: wq.Query, segment: Segment, scoring: Scoring) -> npt.NDArray[np.float64] | None:
    """BM25 score of every document of the segment for `query` (0 where it does not match),
    as whoosh's matchers add it up; None for a query kind not handled here. Boosted queries
    never come here (see `Matches.best`)."""
    scored = _scored(query, segment, scoring)
    return None if scored is None else scored[0]


def _scored(query: wq.Query, segment: Segment, scoring: Scoring) -> Scored | None:
    parts: list[Scored] = []
    if type(query) is wq.Term:
        scored = _term_scores(query.fieldname, query.text, segment, scoring)
        if scored is not None and query.boost != 1.0:
            return scored[0] * query.boost, scored[1]
        return scored
    if type(query) is wq.AndNot:
        scored = _scored(query.a, segment, scoring)
        return None if scored is None else (scored[0], None)
    if type(query) is wq.Not:
        # Whoosh's inverse matcher scores 1.0 wherever it matches, inside an AND or an OR.
        return np.where(_mask(query, segment), 1.0, 0.0), None
    if getattr(query, "scale", None):
        return None  # whoosh's coordination factor (an OR's scale): let whoosh rank
    if type(query) in (wq.Or, wq.And) and not getattr(query, "minmatch", 0):
        for sub in query.subqueries:
            part = _scored(sub, segment, scoring)
            if part is None:
                return None
            parts.append(part)
        if type(query) is wq.Or:
            return _union(query, parts, segment, scoring)
        return _intersection(query, parts, segment, scoring)
    if type(query) is wq.Phrase and _plain_phrase(query):
        # Whoosh scores a phrase as the AND of its words: their scores, added.
        for word in query.words:
            part = _term_scores(query.fieldname, word, segment, scoring)
            if part is None:
                return None
            parts.append(part)
        words = scoring.add([scores for scores, _size in parts], segment.size)
        scores = np.zeros(segment.size, np.float64)
        docs = _phrase_docs(query, segment)
        scores[docs] = words[docs]
        return scores, None
    if isinstance(query, wq.MultiTerm):  # prefix, fuzzy: the OR of its expansions
        estimate = 0
        for text in _expansions(query, segment):
            part = _term_scores(query.field(), text, segment, scoring)
            if part is None:
                return None
            estimate += part[1] or 0
            if text:  # as MultiTerm.matcher
                parts.append(part)
        if not parts:
            return np.zeros(segment.size, np.float64), estimate
        if len(parts) == 1:
            return parts[0][0], estimate
        in_order = len(parts) >= wq.Or.TOO_MANY_CLAUSES or (
            len(parts) != 2 and segment.size <= _ARRAY_OR_MAX_DOCS
        )
        if in_order and query.constantscore:
            # Whoosh's array matcher, told not to score: prefixes and wildcards are "constant
            # score" (its tree of term matchers, on big segments, scores them all the same,
            # by BM25): 1 per match.
            matched = np.zeros(segment.size, np.bool_)
            for scores, _size in parts:
                matched |= scores != 0
            return matched.astype(np.float64), estimate
        return _add(parts, in_order, segment, scoring), estimate
    return None


def _union(query: wq.Or, parts: list[Scored], segment: Segment, scoring: Scoring) -> Scored:
    """An OR's scores as whoosh's Or matcher adds them (compound.Or._matcher)."""
    sizes = [size for _scores, size in parts]
    estimate = None if None in sizes else min(sum(sizes), segment.live_count)  # type: ignore[arg-type]
    if len(parts) == 1:
        return parts[0][0], estimate
    kind = getattr(query, "matcher_type", wq.Or.AUTO_MATCHER)
    if kind == wq.Or.AUTO_MATCHER:
        tree = len(parts) < wq.Or.TOO_MANY_CLAUSES and (
            len(parts) == 2 or segment.size > _ARRAY_OR_MAX_DOCS
        )
        kind = wq.Or.DEFAULT_MATCHER if tree else wq.Or.ARRAY_MATCHER
    if kind not in (wq.Or.DEFAULT_MATCHER, wq.Or.ARRAY_MATCHER):  # an order of its own
        return scoring.add([scores for scores, _size in parts], segment.size), estimate
    return _add(parts, kind == wq.Or.ARRAY_MATCHER, segment, scoring), estimate


def _intersection(query: wq.And, parts: list[Scored], segment: Segment, scoring: Scoring) -> Scored:
    """An AND's scores as whoosh's And matcher adds them: a tree weighted by minus each
    part's estimate; 0 where not every part matches."""
    sizes = [size for _scores, size in parts]
    estimate = None if None in sizes else min(sizes)  # type: ignore[type-var]
    if len(parts) == 1:
        return parts[0][0], estimate
    scores = _add(
        [(scores, -size if size is not None else None) for scores, size in parts],
        False,
        segment,
        scoring,
    )
    scores[~_mask(query, segment)] = 0.0
    return scores, estimate


def _add(
    parts: list[Scored], in_order: bool, segment: Segment, scoring: Scoring
) -> npt.NDArray[np.float64]:
    """The parts added up in whoosh's order: in order (its array matcher), or in its weighted
    tree when every part's weight is known; else in order, noting when that may differ."""
    if in_order or len(parts) <= 2:
        total = np.zeros(segment.size, np.float64)
        for scores, _weight in parts:
            total += scores
        return total
    if any(weight is None for _scores, weight in parts):
        return scoring.add([scores for scores, _weight in parts], segment.size)
    return _tree_sum(parts)  # type: ignore[arg-type]


def _tree_sum(parts: list[tuple[npt.NDArray[np.float64], int]]) -> npt.NDArray[np.float64]:
    """The sums of whoosh.util.make_weighted_tree: the parts sorted by weight, then the two
    lightest joined (left + right) and put back after any of equal weight, until one is
    left. Whoosh sorts (weight, matcher) pairs, and its matchers compare neither less nor
    greater (Matcher.__eq__/__lt__), so equal weights keep their order: a stable sort and
    bisect's insort give the same tree."""
    queue = sorted(((weight, scores) for scores, weight in parts), key=_weight_of)
    while len(queue) > 1:
        (weight_a, a), (weight_b, b) = queue[0], queue[1]
        del queue[:2]
        insort(queue, (weight_a + weight_b, a + b), key=_weight_of)
    return queue[0][1]


def _weight_of(pair: tuple[int, Any]) -> int:
    return pair[0]


def _boosted(query: wq.Query) -> bool:
    """A boost this module does not score: on anything but a plain term."""
    boosted = type(query) is not wq.Term and getattr(query, "boost", 1.0) != 1.0
    return boosted or any(_boosted(sub) for sub in query.children())


def _term_scores(name: str, text: str | bytes, segment: Segment, scoring: Scoring) -> Scored | None:
    """Whoosh's BM25F for one term, every document of the segment (its formula, its order of
    operations: the same doubles), and the term's document frequency in the segment."""
    scores = np.zeros(segment.size, np.float64)
    reader = segment.searcher.reader()
    btext = term_bytes(reader, name, text)
    if btext is None:
        return scores, 0
    # The posting cache also remembers a term the segment lacks: a query's other word forms
    # are mostly absent, and asking the term table each time costs a hash lookup per term.
    ids, tf = segment.postings_of(name, btext)
    if not len(ids):
        return scores, 0
    parameters = scoring.parameters(name, btext)
    if parameters is None:
        return None  # not BM25F: let whoosh rank
    idf, avgfl, b, k1 = parameters
    fl = scoring.lengths(segment, name)[ids]
    scores[ids] = idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avgfl)))
    return scores, len(ids)


def _any(queries: Iterable[wq.Query], segment: Segment) -> Mask:
    mask = np.zeros(segment.size, np.bool_)
    for sub in queries:
        mask |= _mask(sub, segment)
    return mask


def _all(queries: Iterable[wq.Query], segment: Segment) -> Mask:
    mask = np.ones(segment.size, np.bool_)
    for sub in queries:
        if not mask.any():
            break
        mask &= _mask(sub, segment)
    return mask


def _ids_mask(ids: DocNums, size: int) -> Mask:
    mask = np.zeros(size, np.bool_)
    mask[ids] = True
    return mask


def _ids_of(matcher: Any) -> Iterator[int]:
    while matcher.is_active():
        yield matcher.id()
        matcher.next()
