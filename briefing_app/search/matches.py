"""Every document a query matches, and the entity counts over them, without scoring them.

The total and the facet counts need every match, and whoosh scores every match in Python to
give them: a common word matches 49,000 of 50,000 documents, and that scoring was most of the
search (term p95 851 ms). Here a query becomes one boolean array per segment: posting lists are
read a block at a time into numpy arrays and combined with & | ~. Only the page of hits is then
scored, by whoosh's top-N collector, which skips blocks that cannot make the page.

Query kinds this module does not know (phrases) are matched by whoosh's own matcher, unscored.
tests/core/test_matches.py checks that every kind gives exactly whoosh's documents.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.formats import Positions
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query.qcore import _NullQuery
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

Mask = npt.NDArray[np.bool_]
DocNums = npt.NDArray[np.int64]

FACETS_FIELD = "facets"  # schema field: one "type:value" term per canonical entity
DATE_FIELD = "date_key"  # sortable numeric column, newest first for date order
# Relative distance from the last approximate score of a page within which whoosh itself
# scores the candidates (numpy and whoosh differ in the last bits only).
NEAR = 1e-9
# Decoded postings kept for the next searches (16 bytes each: 2,000,000 is 32 MB).
POSTING_CACHE_SIZE = 2_000_000


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
    postings: PostingCache = field(default_factory=lambda: PostingCache())  # shared by all
    live_count: int = 0
    live_facets: npt.NDArray[np.int64] | None = None  # value counts over the live documents


@dataclass
class FacetTable:
    """Entity values seen in any segment, numbered once for the whole index."""

    names: list[tuple[str, str]] = field(default_factory=list)  # (type, value)
    numbers: dict[tuple[str, str], int] = field(default_factory=dict)

    def number(self, key: tuple[str, str]) -> int:
        found = self.numbers.get(key)
        if found is None:
            found = self.numbers[key] = len(self.names)
            self.names.append(key)
        return found


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
        self._facets_by_segment: dict[str, SegmentFacets] = {}
        self._dates_by_segment: dict[str, npt.NDArray[np.int64]] = {}
        self._lengths_by_segment: dict[tuple[str | None, str], npt.NDArray[np.float64]] = {}

    # --- segments ---------------------------------------------------------------------------

    def segments(self, searcher: Searcher) -> list[Segment]:
        if searcher is not self._searcher:
            self._searcher = searcher
            self._segments = [
                _segment(sub, base, self._postings) for sub, base in searcher.leaf_searchers()
            ]
            alive = {s.segment_id for s in self._segments}
            self._postings.forget(alive)
            for cache in (self._facets_by_segment, self._dates_by_segment):
                for gone in set(cache) - alive:
                    del cache[gone]
            for gone_key in [key for key in self._lengths_by_segment if key[0] not in alive]:
                del self._lengths_by_segment[gone_key]
        return self._segments

    # --- matching ---------------------------------------------------------------------------

    def masks(self, searcher: Searcher, query: wq.Query, *filters: wq.Query | None) -> list[Mask]:
        """Per segment, the live documents matching `query` and every filter."""
        out = []
        for segment in self.segments(searcher):
            segment.phrases.clear()
            mask = segment.live & _mask(query, segment)
            for extra in filters:
                if extra is not None and mask.any():
                    mask &= _mask(extra, segment)
            out.append(mask)
        return out

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

    # --- relevance --------------------------------------------------------------------------

    def best(
        self, searcher: Searcher, query: wq.Query, masks: list[Mask], wanted: int
    ) -> list[tuple[int, float]] | None:
        """The `wanted` best matches as (global docnum, score), exactly as whoosh ranks them
        (score descending, then docnum), or None for a query this module cannot score.

        BM25 is computed for every match with numpy, which agrees with whoosh up to rounding
        (the order of additions); the few candidates near the cut are then scored by whoosh's
        own matcher, so scores and order are whoosh's, bit for bit."""
        if wanted <= 0:
            return []
        if _boosted(query):
            # Whoosh's matchers score a boosted OR differently once skipped into (and its
            # top-N collector misses the best hits); only a full pass scores it right.
            return None
        approx: list[npt.NDArray[np.float64]] = []
        docs: list[DocNums] = []
        for segment, mask in zip(self.segments(searcher), masks, strict=True):
            local = np.flatnonzero(mask)
            if not len(local):
                continue
            scores = self._scores(query, segment, searcher)
            if scores is None:
                return None
            approx.append(scores[local])
            docs.append(local + segment.base)
        if not docs:
            return []
        every_score = np.concatenate(approx)
        every_doc = np.concatenate(docs)
        if len(every_score) > wanted:
            cut = np.partition(every_score, len(every_score) - wanted)[-wanted]
            near = every_score >= cut - NEAR * max(1.0, abs(float(cut)))
            every_doc = every_doc[near]
        exact = self._exact_scores(searcher, query, np.sort(every_doc))
        if exact is None:
            return None
        exact.sort(key=lambda pair: (-pair[1], pair[0]))
        return exact[:wanted]

    def _scores(
        self, query: wq.Query, segment: Segment, top: Searcher
    ) -> npt.NDArray[np.float64] | None:
        return _scores(query, segment, top, self._lengths)

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
        found = _stored_lengths(reader, name, segment.size)
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
        self, searcher: Searcher, masks: list[Mask], limit: int
    ) -> dict[str, list[tuple[str, int]]]:
        """Per entity type, the `limit` commonest values among the masked documents, ordered
        by count (descending) and then value."""
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
        by_type: dict[str, list[tuple[str, int]]] = {}
        for number in np.flatnonzero(counts).tolist():
            kind, value = self._facets.names[number]
            by_type.setdefault(kind, []).append((value, int(counts[number])))
        return {
            kind: sorted(pairs, key=lambda pair: (-pair[1], pair[0]))[:limit]
            for kind, pairs in by_type.items()
        }

    def _segment_facets(self, segment: Segment) -> SegmentFacets:
        key = segment.segment_id
        found = self._facets_by_segment.get(key) if key else None
        if found is not None:
            return found
        reader = segment.searcher.reader()
        docs: list[npt.NDArray[np.int64]] = []
        values: list[int] = []
        if segment.size and FACETS_FIELD in reader.schema:
            for term in reader.lexicon(FACETS_FIELD):
                kind, _, value = term.decode("utf-8").partition(":")
                ids = _posting_arrays(reader, FACETS_FIELD, term)[0]
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


# Whoosh keeps a field's length per document as one byte (a lossy code); 0 means none, which
# its scorer reads as 1.
_LENGTH_OF_BYTE = np.array([byte_to_length(b) if b else 1 for b in range(256)], np.float64)


def _padded(counts: npt.NDArray[np.int64], width: int) -> npt.NDArray[np.int64]:
    return counts if len(counts) == width else np.pad(counts, (0, width - len(counts)))


def _stored_lengths(reader: Any, name: str, size: int) -> npt.NDArray[np.float64] | None:
    """The field lengths of a whole segment from the bytes of whoosh's length column, or None
    when the column is not laid out as expected (then whoosh is asked document by document)."""
    try:
        column = reader._perdoc._cached_reader(f"_{name}_len", LENGTHS_COLUMN)
    except AttributeError:
        return None
    if column is None:
        return np.ones(size, np.float64)
    if getattr(column, "_fixedlen", None) != 1 or not hasattr(column, "_basepos"):
        return None
    count = min(column._count, size)
    codes = np.zeros(size, np.uint8)
    codes[:count] = np.frombuffer(column._dbfile.get(column._basepos, count), np.uint8)
    return _LENGTH_OF_BYTE[codes]


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
    if isinstance(query, _NullQuery):
        return np.zeros(size, np.bool_)
    if type(query) is wq.Every and not query.fieldname:
        return np.ones(size, np.bool_)
    if type(query) is wq.Term:
        return _ids_mask(segment.postings.get(segment, query.fieldname, query.text)[0], size)
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
        return _mask(query._compile_query(segment.searcher.reader()), segment)
    if isinstance(query, wq.MultiTerm):  # prefix, wildcard, fuzzy, range of terms
        reader = segment.searcher.reader()
        name = query.field()
        ids = [segment.postings.get(segment, name, text)[0] for text in query._btexts(reader)]
        return _ids_mask(np.concatenate(ids) if ids else np.zeros(0, np.int64), size)
    if type(query) is wq.Phrase:
        return _ids_mask(_phrase_docs(query, segment), size)
    # Anything else: whoosh's matcher, without scores.
    matcher = query.matcher(segment.searcher)
    return _ids_mask(np.fromiter(_ids_of(matcher), np.int64), size)


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
    words: list[bytes] = []
    candidates: DocNums | None = None
    for word in query.words:
        btext = _term_bytes(reader, name, word)
        if btext is None:
            return np.zeros(0, np.int64)
        words.append(btext)
        ids = segment.postings.get(segment, name, btext)[0]
        candidates = ids if candidates is None else np.intersect1d(candidates, ids)
        if not len(candidates):
            return np.zeros(0, np.int64)
    assert candidates is not None
    candidates = candidates[segment.live[candidates]]
    positions = [_positions(reader, name, word, candidates) for word in words]
    found = []
    for k, doc in enumerate(candidates.tolist()):
        starts = set(positions[0][k])
        for offset in range(1, len(positions)):
            starts &= {at - offset for at in positions[offset][k]}
            if not starts:
                break
        if starts:
            found.append(doc)
    return np.array(found, np.int64)


def _positions(reader: Any, name: str, btext: bytes, docs: DocNums) -> list[list[int]]:
    """The positions of a term in each of `docs` (sorted, all holding the term). Only the
    posting blocks that hold one of them are decoded."""
    decode = reader.schema[name].format.decode_positions
    wanted = docs.tolist()
    out: list[list[int]] = [[] for _ in wanted]
    matcher = reader.postings(name, btext)
    while isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    if not hasattr(matcher, "_next_block") or matcher._byteids:
        where = {doc: k for k, doc in enumerate(wanted)}
        while matcher.is_active():
            k = where.get(matcher.id())
            if k is not None:
                out[k] = decode(matcher.value())
            matcher.next()
        return out
    k = 0
    while matcher.is_active() and k < len(wanted):
        if matcher._maxid < wanted[k]:
            matcher._next_block()  # reads the next block's header only
            continue
        matcher._read_values()  # reads the block's data first
        ids = np.cumsum(np.asarray(matcher._data[0], dtype=np.int64))
        end = bisect_right(wanted, matcher._maxid, k)
        indexes = np.searchsorted(ids, docs[k:end]).tolist()
        for at, index in zip(range(k, end), indexes, strict=True):
            out[at] = decode(matcher._values[index])
        k = end
        matcher._next_block()
    return out


def _scores(
    query: wq.Query, segment: Segment, top: Searcher, lengths: Any
) -> npt.NDArray[np.float64] | None:
    """Approximate BM25 score of every document of the segment for `query` (0 where it does
    not match), as whoosh's matchers add it up; None for a query kind not handled here.
    Boosted queries never come here (see `Matches.best`)."""
    scores: npt.NDArray[np.float64] | None
    if type(query) is wq.Term:
        scores = _term_scores(query.fieldname, query.text, segment, top, lengths)
    elif type(query) in (wq.Or, wq.And) and not getattr(query, "minmatch", 0):
        scores = np.zeros(segment.size, np.float64)
        for sub in query.subqueries:
            part = _scores(sub, segment, top, lengths)
            if part is None:
                return None
            scores += part
    elif type(query) is wq.AndNot:
        scores = _scores(query.a, segment, top, lengths)
    elif type(query) is wq.Not:
        # Whoosh's inverse matcher scores 1.0 wherever it matches, inside an AND or an OR.
        scores = np.where(_mask(query, segment), 1.0, 0.0)
    elif type(query) is wq.Phrase and _plain_phrase(query):
        # Whoosh scores a phrase as the AND of its words: their scores, added.
        docs = _phrase_docs(query, segment)
        words = np.zeros(segment.size, np.float64)
        for word in query.words:
            part = _term_scores(query.fieldname, word, segment, top, lengths)
            if part is None:
                return None
            words += part
        scores = np.zeros(segment.size, np.float64)
        scores[docs] = words[docs]
    elif isinstance(query, wq.MultiTerm):
        reader = segment.searcher.reader()
        texts = [text for text in query._btexts(reader) if text]
        scores = np.zeros(segment.size, np.float64)
        for text in texts:
            part = _term_scores(query.field(), text, segment, top, lengths)
            if part is None:
                return None
            scores += part
    else:
        return None
    if scores is not None and type(query) in (wq.And, wq.AndNot):
        scores[~_mask(query, segment)] = 0.0  # only where every part matches, as whoosh adds
    return scores


def _boosted(query: wq.Query) -> bool:
    return getattr(query, "boost", 1.0) != 1.0 or any(_boosted(sub) for sub in query.children())


def _term_scores(
    name: str, text: str | bytes, segment: Segment, top: Searcher, lengths: Any
) -> npt.NDArray[np.float64] | None:
    scores = np.zeros(segment.size, np.float64)
    reader = segment.searcher.reader()
    btext = _term_bytes(reader, name, text)
    if btext is None or (name, btext) not in reader:
        return scores
    scorer = top.weighting.scorer(segment.searcher, name, btext)
    if not all(hasattr(scorer, attr) for attr in ("idf", "avgfl", "B", "K1")):
        return None  # not BM25F: let whoosh rank
    ids, weights = segment.postings.get(segment, name, btext)
    fl = lengths(segment, name)[ids]
    idf, avgfl, b, k1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    scores[ids] = idf * ((weights * (k1 + 1)) / (weights + k1 * ((1 - b) + b * fl / avgfl)))
    return scores


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


Postings = tuple[DocNums, npt.NDArray[np.float64]]  # document numbers, term weights
_NO_POSTINGS: Postings = (np.zeros(0, np.int64), np.zeros(0, np.float64))


class PostingCache:
    """Decoded posting lists of recent terms, per segment (segments never change). A query
    typed letter by letter, or refined, decodes its long lists once: a word in every
    document is 400 blocks to unpickle and decompress."""

    def __init__(self, max_postings: int = POSTING_CACHE_SIZE) -> None:
        self._lists: OrderedDict[tuple[str, str, bytes], Postings] = OrderedDict()
        self._held = 0
        self._max = max_postings

    def get(self, segment: Segment, name: str, text: str | bytes) -> Postings:
        reader = segment.searcher.reader()
        btext = _term_bytes(reader, name, text)
        if btext is None:
            return _NO_POSTINGS
        if segment.segment_id is None:
            return _posting_arrays(reader, name, btext)
        key = (segment.segment_id, name, btext)
        found = self._lists.get(key)
        if found is not None:
            self._lists.move_to_end(key)
            return found
        found = _posting_arrays(reader, name, btext)
        self._lists[key] = found
        self._held += len(found[0])
        while self._held > self._max and len(self._lists) > 1:
            _, dropped = self._lists.popitem(last=False)
            self._held -= len(dropped[0])
        return found

    def forget(self, alive: set[str | None]) -> None:
        for key in [key for key in self._lists if key[0] not in alive]:
            self._held -= len(self._lists.pop(key)[0])


def _term_bytes(reader: Any, name: str, text: str | bytes) -> bytes | None:
    """The term as the index stores it; None when the field has no such term kind."""
    if name not in reader.schema:
        return None
    try:
        return text if isinstance(text, bytes) else reader.schema[name].to_bytes(text)
    except ValueError:
        return None


def _posting_arrays(reader: Any, name: str, btext: bytes) -> Postings:
    """Document numbers and weights of a term's posting list, deleted documents included."""
    try:
        matcher = reader.postings(name, btext)
    except TermNotFound:
        return _NO_POSTINGS
    # Past the deletions filter (masks handle deletions). The filter has moved its child past
    # leading deleted documents already, possibly to the end: nothing live is lost that way.
    while isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    if not hasattr(matcher, "_next_block") or matcher._byteids:  # kept inline with the term
        pairs = []
        while matcher.is_active():
            pairs.append((matcher.id(), matcher.weight()))
            matcher.next()
        return (
            np.array([doc for doc, _ in pairs], np.int64),
            np.array([weight for _, weight in pairs], np.float64),
        )
    # Whoosh's W3LeafMatcher keeps ids (delta-encoded) and weights per block; decoding them
    # with numpy instead of its generators is ~20x faster for long lists.
    id_blocks = []
    weight_blocks = []
    while matcher.is_active():
        matcher._read_weights()  # reads the block's data first
        id_blocks.append(np.cumsum(np.asarray(matcher._data[0], dtype=np.int64)))
        weight_blocks.append(np.asarray(matcher._weights, dtype=np.float64))
        matcher._next_block()
    if not id_blocks:  # a list with nothing left to read
        return _NO_POSTINGS
    return np.concatenate(id_blocks), np.concatenate(weight_blocks)


def _ids_of(matcher: Any) -> Iterator[int]:
    while matcher.is_active():
        yield matcher.id()
        matcher.next()
