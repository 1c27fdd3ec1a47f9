"""Posting lists and length columns as numpy arrays.

Briefing's codec (blocks.py) stores a posting list in blocks of plain arrays; whoosh's
matchers would walk them one posting at a time in Python. These functions read a term's whole
list at once and hand back arrays; tests/core/test_matches.py compares every result with
whoosh's own. Lists in any other layout (a reader that is not one segment's) are read
through whoosh's matchers.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterator
from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3TermsReader
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

from briefing_app.search.whoosh_internals.blocks import MAGIC, SIZE, Block

DocNums = npt.NDArray[np.int64]
# Decoded postings kept for the next searches (16 bytes each: 2,000,000 is 32 MB).
POSTING_CACHE_SIZE = 2_000_000


Postings = tuple[DocNums, npt.NDArray[np.float64]]  # document numbers, term weights
_NO_POSTINGS: Postings = (np.zeros(0, np.int64), np.zeros(0, np.float64))


class PositionLists:
    """The positions of postings, flat: posting i has `counts[i]` positions, and they follow
    one another in `flat`, one posting after the other (int64 arrays). Filled a block at a
    time while a posting list is decoded."""

    __slots__ = ("_joined", "_parts")

    def __init__(self) -> None:
        self._parts: list[tuple[DocNums, DocNums]] = []
        self._joined: tuple[DocNums, DocNums, DocNums] | None = None

    def extend(self, counts: DocNums, flat: DocNums) -> None:
        self._parts.append((counts, flat))
        self._joined = None

    def extend_lists(self, lists: list[list[int]]) -> None:
        counts = np.fromiter(map(len, lists), np.int64, len(lists))
        flat = np.fromiter(chain.from_iterable(lists), np.int64, int(counts.sum()))
        self.extend(counts, flat)

    def __len__(self) -> int:
        return sum(len(counts) for counts, _flat in self._parts)

    def _join(self) -> tuple[DocNums, DocNums, DocNums]:
        if self._joined is None:
            if len(self._parts) == 1:
                counts, flat = self._parts[0]
            else:
                counts = np.concatenate([c for c, _f in self._parts] or [np.zeros(0, np.int64)])
                flat = np.concatenate([f for _c, f in self._parts] or [np.zeros(0, np.int64)])
            starts = np.zeros(len(counts), np.int64)
            np.cumsum(counts[:-1], out=starts[1:])
            self._joined = (counts, flat, starts)
        return self._joined

    def take(self, indexes: DocNums) -> tuple[DocNums, DocNums]:
        """The counts and flat positions of the postings at `indexes`, in that order."""
        counts, flat, starts = self._join()
        chosen = counts[indexes]
        # for each chosen posting, its positions' places in `flat`
        offsets = np.repeat(starts[indexes] - np.cumsum(chosen) + chosen, chosen)
        return chosen, flat[offsets + np.arange(len(offsets), dtype=np.int64)]


class PostingCache:
    """Decoded posting lists of recent terms, per segment (segments never change). A query
    typed letter by letter, or refined, decodes its long lists once: a word in every
    document is 400 blocks at 50,000 documents."""

    def __init__(self, max_postings: int = POSTING_CACHE_SIZE) -> None:
        self._lists: OrderedDict[tuple[str, str, bytes], Postings] = OrderedDict()
        self._held = 0
        self._max = max_postings

    def get(
        self,
        reader: Any,
        segment_id: str | None,
        name: str,
        text: str | bytes,
        where: PositionLists | None = None,
        *,
        info: Any = None,
    ) -> Postings:
        """The term's postings in the segment of `reader` (kept when it has an id). When the
        list has to be decoded, `where` receives their positions too (a phrase needs them;
        they are not kept). `info`: the term's info in the segment, when read already."""
        btext = term_bytes(reader, name, text)
        if btext is None:
            return _NO_POSTINGS
        if segment_id is None:
            return posting_arrays(reader, name, btext, where, info=info)
        key = (segment_id, name, btext)
        found = self._lists.get(key)
        if found is not None:
            self._lists.move_to_end(key)
            return found
        found = posting_arrays(reader, name, btext, where, info=info)
        self._lists[key] = found
        self._held += len(found[0])
        while self._held > self._max and len(self._lists) > 1:
            _, dropped = self._lists.popitem(last=False)
            self._held -= len(dropped[0])
        return found

    def forget(self, alive: set[str | None]) -> None:
        for key in [key for key in self._lists if key[0] not in alive]:
            self._held -= len(self._lists.pop(key)[0])


def term_bytes(reader: Any, name: str, text: str | bytes) -> bytes | None:
    """The term as the index stores it; None when the field has no such term kind."""
    if name not in reader.schema:
        return None
    try:
        return text if isinstance(text, bytes) else reader.schema[name].to_bytes(text)
    except ValueError:
        return None


def posting_arrays(
    reader: Any, name: str, btext: bytes, where: PositionLists | None = None, *, info: Any = None
) -> Postings:
    """Document numbers and weights of a term's posting list, deleted documents included;
    their positions added to `where` when given. `info`: the term's info, if read already."""
    format_ = reader.schema[name].format
    raw = _posting_list(reader, name, btext, info)
    if raw is not None:
        return _block_postings(raw, where, format_)
    values: list[bytes] | None = None if where is None else []
    try:
        matcher = reader.postings(name, btext)
    except TermNotFound:
        return _NO_POSTINGS
    # Past the deletions filter (masks handle deletions). The filter has moved its child past
    # leading deleted documents already, possibly to the end: nothing live is lost that way.
    while isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    pairs = []
    while matcher.is_active():
        pairs.append((matcher.id(), matcher.weight()))
        if values is not None:
            values.append(matcher.value())
        matcher.next()
    _add_positions(where, format_, values)
    return (
        np.array([doc for doc, _ in pairs], np.int64),
        np.array([weight for _, weight in pairs], np.float64),
    )


def _add_positions(where: PositionLists | None, format_: Any, values: list[bytes] | None) -> None:
    if where is not None and values is not None:
        where.extend_lists(decode_positions(format_, values))


def _posting_list(reader: Any, name: str, btext: bytes, info: Any = None) -> bytes | None:
    """The term's whole posting list in Briefing's blocks, read at once; None when it is
    not written so (or not in a segment's term table), b"" when the term is not there."""
    terms = getattr(reader, "_terms", None)
    if not isinstance(terms, W3TermsReader):
        return None
    if info is None:
        try:
            info = terms.term_info(name, btext)
        except TermNotFound:
            return b""
    return stored_block_list(terms, info)


def stored_block_list(terms: W3TermsReader, info: Any) -> bytes | None:
    """The posting list of a term info of `terms`, when it is in Briefing's blocks."""
    if info.is_inlined():
        return None
    raw = terms._postfile.get(info._offset, _extent_length(info))
    return raw if raw[:4] == MAGIC else None


def _extent_length(info: Any) -> int:
    # whoosh 2.7.5 leaves the length as unpack_int's 1-tuple (it never reads it)
    return int(info._length[0] if isinstance(info._length, tuple) else info._length)


def posting_blocks(raw: bytes) -> Iterator[tuple[Block, int]]:
    """Each block of a posting list in Briefing's blocks, with where its header starts."""
    at = len(MAGIC)
    while True:
        (size,) = SIZE.unpack_from(raw, at)
        at += SIZE.size
        yield Block(raw, at), at
        if size < 0:
            return
        at += size


def _block_postings(raw: bytes, where: PositionLists | None, format_: Any) -> Postings:
    if not raw:
        return _NO_POSTINGS
    ids, weights = [], []
    fixed = format_.fixed_value_size()
    for block, at in posting_blocks(raw):
        ids.append(block.ids(raw, at))
        weights.append(block.weights(raw, at))
        if where is None:
            continue
        if block.position_width:
            where.extend(*block.positions(raw, at))
        else:  # values of another kind: whoosh decodes them
            where.extend_lists([format_.decode_positions(v) for v in block.values(raw, fixed, at)])
    if len(ids) == 1:
        return ids[0], weights[0].astype(np.float64)
    return np.concatenate(ids), np.concatenate(weights).astype(np.float64)


def field_doc_ids(reader: Any, name: str) -> Iterator[tuple[bytes, DocNums]]:
    """Every term of a field with the documents holding it (deleted ones included), in one
    pass over the segment's term table. For a field of many short lists (entity values: ~10,000
    terms at 10k documents), whoosh's matcher per term costs ~70 us, most of a first search."""
    terms = getattr(reader, "_terms", None)
    if not isinstance(terms, W3TermsReader) or name not in reader.schema:
        for btext in reader.lexicon(name) if name in reader.schema else ():
            yield btext, posting_arrays(reader, name, btext)[0]
        return
    for (fieldname, btext), info in terms.items_from(name, b""):
        if fieldname != name:
            return
        raw = stored_block_list(terms, info)
        if raw is None:  # not in Briefing's blocks: whoosh's matcher
            yield btext, posting_arrays(reader, name, btext)[0]
        else:
            found = [block.ids(raw, at) for block, at in posting_blocks(raw)]
            yield btext, found[0] if len(found) == 1 else np.concatenate(found)


def positions(reader: Any, name: str, btext: bytes, docs: DocNums) -> tuple[DocNums, DocNums]:
    """How many positions the term has in each of `docs` (sorted, all holding the term), and
    those positions, one document after the other. Only the posting blocks that hold one of
    them are decoded."""
    wanted = docs.tolist()
    format_ = reader.schema[name].format
    raw = _posting_list(reader, name, btext)
    if raw and format_.fixed_value_size() is None:
        found = PositionLists()
        k = 0
        for block, at in posting_blocks(raw):
            if k == len(wanted):
                break
            if block.last_id < wanted[k]:
                continue
            end = bisect_right(wanted, block.last_id, k)
            indexes = np.searchsorted(block.ids(raw, at), docs[k:end])
            in_block = PositionLists()
            if block.position_width:
                in_block.extend(*block.positions(raw, at))
            else:
                in_block.extend_lists(
                    [format_.decode_positions(v) for v in block.values(raw, None, at)]
                )
            found.extend(*in_block.take(indexes))
            k = end
        return found.take(np.arange(len(found), dtype=np.int64))
    values: list[bytes] = [b""] * len(wanted)
    slots = {doc: k for k, doc in enumerate(wanted)}
    matcher = reader.postings(name, btext)
    while matcher.is_active():
        held = slots.get(matcher.id())
        if held is not None:
            values[held] = matcher.value()
        matcher.next()
    found = PositionLists()
    found.extend_lists(decode_positions(format_, values))
    return found.take(np.arange(len(wanted), dtype=np.int64))


def decode_positions(format_: Any, values: list[bytes]) -> list[list[int]]:
    """Positions from whoosh's encoded values (lists not in Briefing's blocks)."""
    return [format_.decode_positions(value) for value in values]


# Whoosh keeps a field's length per document as one byte (a lossy code); 0 means none, which
# its scorer reads as 1.
_LENGTH_OF_BYTE = np.array([byte_to_length(b) if b else 1 for b in range(256)], np.float64)


def length_codes(perdoc: Any, name: str, size: int) -> npt.NDArray[np.uint8] | None:
    """The length bytes of a field for a whole segment, read from whoosh's length column at
    once (0: no length; whoosh's `byte_to_length` gives the length), or None when the field
    has no lengths. `perdoc` is a segment's per-document reader."""
    column = perdoc._cached_reader(f"_{name}_len", LENGTHS_COLUMN)
    if column is None:
        return None
    codes = np.zeros(size, np.uint8)
    if getattr(column, "_fixedlen", None) == 1 and hasattr(column, "_basepos"):
        count = min(column._count, size)
        codes[:count] = np.frombuffer(column._dbfile.get(column._basepos, count), np.uint8)
    else:  # another layout than whoosh 2.7's: ask document by document
        for docnum in range(size):
            codes[docnum] = column[docnum]
    return codes


def stored_lengths(reader: Any, name: str, size: int) -> npt.NDArray[np.float64] | None:
    """The field lengths of a whole segment from the bytes of whoosh's length column, or None
    when the reader is not a segment reader (then whoosh is asked document by document)."""
    perdoc = getattr(reader, "_perdoc", None)
    if perdoc is None:
        return None
    codes = length_codes(perdoc, name, size)
    if codes is None:
        return np.ones(size, np.float64)
    return _LENGTH_OF_BYTE[codes]


# Levels of a term table's binary search whose keys are kept (at most 2**levels - 1 keys per
# segment: ~0.4 MB at 12). A prefix is looked up in every segment, by the matches and again
# by the snippets' terms; each lookup reads ~20 keys from the file in Python.
KEPT_SEARCH_LEVELS = 12


def speed_up_term_lookups(reader: Any, kept: dict[str, dict[int, bytes]]) -> None:
    """Make the ordered term lookups (prefixes, ranges, cursors) of each segment of `reader`
    remember the keys at the top levels of their binary search, in `kept` by segment (the
    files never change: a new reader of the same segment can use them). Answers stay whoosh's:
    the same search, with some keys read from memory instead of the file."""
    leaves = [leaf for leaf, _offset in reader.leaf_readers()]
    alive = set()
    for leaf in leaves:
        terms = getattr(leaf, "_terms", None)
        table = getattr(terms, "_tindex", None)
        segment = getattr(leaf, "segment", lambda: None)()
        if not isinstance(terms, W3TermsReader) or table is None or segment is None:
            continue
        name = segment.segment_id()
        alive.add(name)
        table.closest_key_pos = _closest_key_pos(table, kept.setdefault(name, {}))
    for name in set(kept) - alive:
        del kept[name]  # merged away or deleted


def _closest_key_pos(table: Any, keys: dict[int, bytes]) -> Any:
    """whoosh's OrderedHashReader.closest_key_pos, the top levels' keys read from `keys`."""
    indexbase, indexsize, length = table.indexbase, table.indexsize, table.indexlen
    key_at, position_at = table.key_at, table._get_pos

    def closest_key_pos(key: bytes) -> int | None:
        if not isinstance(key, bytes):
            raise TypeError(f"Key {key!r} should be bytes")
        lo, hi, level = 0, length, 0
        while lo < hi:
            mid = (lo + hi) // 2
            midkey = keys.get(mid)
            if midkey is None:
                midkey = key_at(position_at(indexbase + mid * indexsize))
                if level < KEPT_SEARCH_LEVELS:
                    keys[mid] = midkey
            if midkey < key:
                lo = mid + 1
            else:
                hi = mid
            level += 1
        if lo == length:
            return None
        return position_at(indexbase + lo * indexsize)

    return closest_key_pos
