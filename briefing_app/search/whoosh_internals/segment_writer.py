"""Whoosh's segment writer with a faster postings pool: the files whoosh's own writer writes
with Briefing's codec (whoosh_internals/blocks.py), byte for byte.

Whoosh keeps every posting of a commit as a Python tuple, sorts them all, and writes them one
call at a time, asking the length column on disk for each one: ~6 ms of CPU per document.
Here the postings of each field go into flat arrays (about 36 bytes each instead of ~200), are
grouped by term with one numpy sort, and are written a block at a time in Briefing's blocks
(tests/core/test_segment_writer.py compares the files with whoosh's). Merges read each
posting list at once instead of a posting at a time. Per-document data (stored fields,
lengths, columns) and term tables are written by whoosh itself.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from itertools import count
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter, W3TermInfo, W3TermsReader
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from briefing_app.search.schema import Preanalysed
from briefing_app.search.whoosh_internals.blocks import (
    MAGIC,
    BlockCodec,
    encode_block,
    keeps_positions,
    native_positions,
)
from briefing_app.search.whoosh_internals.postings import (
    length_codes,
    posting_blocks,
    stored_block_list,
)

# Postings turned into Python lists at a time while writing (~60 bytes each as lists).
LIST_POSTINGS = 65_536
# W3TermInfo's layout: not inlined, total weight, document count, shortest and longest field
# length (as bytes), highest weight, first and last document; then the postings' extent.
_TERM_INFO = W3TermInfo._struct
# Whoosh's field length of each length byte (0: no length).
_LENGTH_OF_BYTE = [0] + [byte_to_length(code) for code in range(1, 256)]


class _FieldPostings:
    """One field's postings in arrival order, which is document order."""

    __slots__ = ("docs", "term_ids", "terms", "value_ends", "values", "weights")

    def __init__(self) -> None:
        # Each term's number, given in order of first sight: a missing term takes the next
        # one, so a document's term numbers come from one map() in C.
        self.terms: defaultdict[bytes, int] = defaultdict(count().__next__)
        self.term_ids = array("I")
        self.docs = array("I")
        self.weights = array("d")  # as given: whoosh keeps a block's maximum unrounded
        self.values = bytearray()
        self.value_ends = array("Q")

    def add(self, text: bytes, docnum: int, weight: float, value: bytes | None) -> None:
        self.term_ids.append(self.terms[text])
        self.docs.append(docnum)
        self.weights.append(weight)
        if value:
            self.values += value
        self.value_ends.append(len(self.values))

    def add_list(
        self, text: bytes, docs: np.ndarray, weights: np.ndarray, values: bytes, ends: np.ndarray
    ) -> None:
        """Add a term's postings at once: `ends[i]` is where posting i's value ends in
        `values`."""
        self.term_ids.extend(array("I", (self.terms[text],)) * len(docs))
        self.docs.frombytes(docs.astype(np.uint32).tobytes())
        self.weights.frombytes(weights.astype(np.float64).tobytes())
        self.value_ends.frombytes((ends + len(self.values)).astype(np.uint64).tobytes())
        self.values += values

    def add_document(self, docnum: int, postings: Preanalysed) -> int:
        """Add one document's postings; returns the sum of their frequencies."""
        texts = postings.terms
        if not texts:
            return 0
        self.term_ids.extend(map(self.terms.__getitem__, texts))
        self.docs.extend(array("I", (docnum,)) * len(texts))
        self.weights.extend(postings.weights)
        base = len(self.values)
        self.value_ends.frombytes(
            (np.frombuffer(postings.value_ends, np.int64) + base).astype(np.uint64).tobytes()
        )
        self.values += postings.values
        return sum(postings.freqs)


class CompactPool:
    """Stands in for whoosh's PostingPool: `add` takes its posting tuples (merges use it),
    `add_document` a document's postings at once, `write` writes them all to a W3 field
    writer."""

    def __init__(self, schema: Any) -> None:
        self.fields: dict[str, _FieldPostings] = {}
        self.fieldnames: set[str] = set()  # read by whoosh's multi-process writer
        # Fields whose values are positions: the pool holds them as NATIVE_POSITIONS.
        self.positions = {
            name
            for name, field in schema.items()
            if keeps_positions(getattr(field, "format", None))
        }

    def _field(self, fieldname: str) -> _FieldPostings:
        postings = self.fields.get(fieldname)
        if postings is None:
            postings = self.fields[fieldname] = _FieldPostings()
            self.fieldnames.add(fieldname)
        return postings

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        fieldname, text, docnum, weight, value = item
        if docnum < 0:  # whoosh's marker for spelling words, which it does not write either
            return
        if value and fieldname in self.positions:
            value = native_positions(value)
        self._field(fieldname).add(text, docnum, weight, value)

    def add_list(self, fieldname: str, text: bytes, raw: bytes, format_: Any, docs_to: Any) -> None:
        """Add a posting list in Briefing's blocks as it is read from a segment (a merge):
        `docs_to` maps its document numbers to this segment's (-1: deleted)."""
        docs, weights, values, ends = _list_postings(raw, format_)
        docs = docs_to[docs]
        keep = docs >= 0
        if not keep.all():
            sizes = np.diff(ends, prepend=0)
            values = np.frombuffer(values, np.uint8)[np.repeat(keep, sizes)].tobytes()
            docs, weights, ends = docs[keep], weights[keep], np.cumsum(sizes[keep])
        if len(docs):
            self._field(fieldname).add_list(text, docs, weights, values, ends)

    def add_document(self, fieldname: str, docnum: int, postings: Preanalysed) -> int:
        if fieldname in self.positions:
            postings = postings.as_native()
        return self._field(fieldname).add_document(docnum, postings)

    def cleanup(self) -> None:
        self.fields.clear()

    def write(self, fieldwriter: W3FieldWriter, schema: Any, lengths: Any, doc_count: int) -> None:
        for fieldname in sorted(self.fields):
            postings = self.fields.pop(fieldname)  # frees each field's memory as it goes
            if not postings.terms:
                continue
            codes = length_codes(lengths, fieldname, doc_count) if lengths is not None else None
            fieldwriter.start_field(fieldname, schema[fieldname])
            _write_field(fieldwriter, postings, schema[fieldname].format, codes)
            fieldwriter.finish_field()


def _list_postings(raw: bytes, format_: Any) -> tuple[np.ndarray, np.ndarray, bytes, np.ndarray]:
    """Ids, weights, values and where each value ends, of a posting list in Briefing's blocks
    (positions as NATIVE_POSITIONS, as the pool holds them)."""
    fixed = format_.fixed_value_size()
    ids, weights, values, sizes = [], [], [], []
    for block, at in posting_blocks(raw):
        ids.append(block.ids(raw, at))
        weights.append(block.weights(raw, at))
        if block.position_width:
            counts, deltas = block.position_deltas(raw, at)
            values.append(deltas.astype(np.uint32).tobytes())
            sizes.append(counts * 4)
        elif fixed != 0:
            found = block.values(raw, fixed, at)
            values.append(b"".join(found))
            sizes.append(np.fromiter(map(len, found), np.int64, len(found)))
        else:
            sizes.append(np.zeros(block.count, np.int64))
    return (
        np.concatenate(ids),
        np.concatenate(weights),
        b"".join(values),
        np.cumsum(np.concatenate(sizes)),
    )


def _write_field(
    fieldwriter: W3FieldWriter, postings: _FieldPostings, format_: Any, codes: Any
) -> None:
    # Postings in the order they are written: by term (as bytes), each term's by document.
    terms = sorted(postings.terms.items())
    rank = np.empty(len(terms), np.int32)
    rank[np.fromiter((term_id for _text, term_id in terms), np.int64, len(terms))] = np.arange(
        len(terms), dtype=np.int32
    )
    term_ranks = rank[np.frombuffer(postings.term_ids, np.uint32)]
    order = np.argsort(term_ranks, kind="stable")
    offsets = np.zeros(len(terms) + 1, np.int64)
    np.cumsum(np.bincount(term_ranks, minlength=len(terms)), out=offsets[1:])
    del term_ranks, rank
    # Each pool array is let go once read in writing order, and the copies are no wider than
    # they need be: a commit's memory peaks here (a 50k import's commits hold 6,250 documents).
    postings.term_ids = array("I")
    docs = np.frombuffer(postings.docs, np.uint32)[order].astype(np.int32)
    postings.docs = array("I")
    weights = np.frombuffer(postings.weights, np.float64)[order]
    postings.weights = array("d")
    offset_type = np.uint32 if len(postings.values) < 2**32 else np.uint64
    ends = np.frombuffer(postings.value_ends, np.uint64).astype(offset_type)
    postings.value_ends = array("Q")
    starts = np.concatenate((np.zeros(1, offset_type), ends[:-1]))[order]
    ends = ends[order]
    del order
    blob = bytes(postings.values)
    postings.values = bytearray()
    lengths = None if codes is None else np.array(_LENGTH_OF_BYTE, np.int32)[codes[docs]]
    writer = _TermWriter(fieldwriter, format_, docs, weights, starts, ends, lengths, blob)
    del docs, weights, starts, ends, lengths, blob
    # Python lists slice and sum ~4x faster per block than numpy arrays but take ~8x the
    # memory: they are made for a run of terms at a time.
    first = 0
    while first < len(terms):
        limit = int(offsets[first]) + LIST_POSTINGS
        last = min(len(terms), max(first + 1, int(np.searchsorted(offsets, limit, "right")) - 1))
        writer.load(int(offsets[first]), int(offsets[last]))
        for rank_ in range(first, last):
            writer.write(terms[rank_][0], int(offsets[rank_]), int(offsets[rank_ + 1]))
        first = last


class _TermWriter:
    """Writes terms' posting blocks and term infos the way BlockPostingsWriter and
    W3FieldWriter do, from a field's postings in writing order."""

    def __init__(
        self,
        fieldwriter: W3FieldWriter,
        format_: Any,
        docs: Any,
        weights: Any,
        starts: Any,
        ends: Any,
        lengths: Any,
        blob: bytes,
    ) -> None:
        codec: W3Codec = fieldwriter._codec
        self.blocklimit = codec._blocklimit
        self.postfile = fieldwriter._postfile
        self.tindex = fieldwriter._tindex
        self.field_prefix = pack_ushort(fieldwriter._fieldid)
        self.fixed_size = format_.fixed_value_size()
        self.positions = keeps_positions(format_)
        self.position = self.postfile.tell()
        self.arrays = (docs, weights, starts, ends, lengths)
        self.blob = blob
        self.base = 0

    def load(self, start: int, stop: int) -> None:
        """Make Python lists of postings start:stop (the next terms' postings)."""
        docs, weights, starts, ends, lengths = self.arrays
        docs = docs[start:stop]
        self.base = start
        self.docs = docs.tolist()
        self.deltas = np.diff(docs, prepend=0).tolist()
        self.weights = weights[start:stop].tolist()
        self.rounded = weights[start:stop].astype(np.float32).tolist()  # whoosh's array("f")
        self.starts = starts[start:stop].tolist()
        self.ends = ends[start:stop].tolist()
        self.lengths = None if lengths is None else lengths[start:stop].tolist()

    def write(self, text: bytes, start: int, stop: int) -> None:
        """Write the term whose postings are start:stop (within the loaded ones)."""
        first, last = start - self.base, stop - self.base
        doc_list, blob, fixed_size = self.docs, self.blob, self.fixed_size
        # W3TermInfo's figures, gathered block by block as its add_block does
        total_weight, min_length_all, max_length_all, max_weight_all = 0.0, None, 0, 0
        out = [MAGIC]
        for a in range(first, last, self.blocklimit):
            b = min(a + self.blocklimit, last)
            ids = self.deltas[a:b]
            ids[0] = doc_list[a]  # each block's first id is absolute (whoosh's delta_encode)
            block_weights = self.rounded[a:b]
            values = None
            if fixed_size != 0:
                values = [blob[s:e] for s, e in zip(self.starts[a:b], self.ends[a:b], strict=True)]
            max_weight = max(self.weights[a:b])
            if not max_weight > 0:
                max_weight = 0
            min_length, max_length = None, 0
            if self.lengths is not None:
                present = [n for n in self.lengths[a:b] if n]
                if present:
                    min_length, max_length = min(present), max(present)
            data = encode_block(
                ids,
                block_weights,
                values,
                fixed_size,
                positions=self.positions,
                last_id=doc_list[b - 1],
                max_weight=max_weight,
                min_length=min_length,
                max_length=max_length,
            )
            out += (pack_int(-len(data) if b == last else len(data)), data)
            total_weight += sum(block_weights)
            if min_length_all is None:  # as W3TermInfo.add_block
                min_length_all = min_length
            elif min_length is not None:  # (whoosh would fail here; lengths cannot vanish)
                min_length_all = min(min_length_all, min_length)
            max_length_all = max(max_length_all, max_length)
            max_weight_all = max(max_weight_all, max_weight)
        chunk = b"".join(out)
        self.postfile.write(chunk)
        info = _TERM_INFO.pack(
            False,
            total_weight,
            last - first,
            0 if min_length_all is None else length_to_byte(min_length_all),
            length_to_byte(max_length_all),
            max_weight_all,
            doc_list[first],
            doc_list[last - 1],
        )
        extent = pack_long(self.position) + pack_int(len(chunk))
        self.tindex.add(self.field_prefix + text, info + extent)
        self.position += len(chunk)


class CompactSegmentWriter(SegmentWriter):
    """whoosh's SegmentWriter with a CompactPool. Falls back to whoosh's own path for anything
    this module does not write (another codec, inlined postings, term vectors, spelling)."""

    pool: Any  # a CompactPool, or whoosh's PostingPool on the fallback path

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        fieldwriter = self.fieldwriter
        self._compact = (
            type(fieldwriter) is W3FieldWriter
            and isinstance(fieldwriter._codec, BlockCodec)  # the blocks this module writes
            and fieldwriter._codec._inlinelimit <= 1
            and not any(
                field.vector or field.separate_spelling() for _name, field in self.schema.items()
            )
        )
        if self._compact:
            self.pool.cleanup()
            self.pool = CompactPool(self.schema)

    def add_document(self, **fields: Any) -> None:
        """whoosh's add_document, with each field's postings added at once; any indexed field
        may be `Preanalysed` (its `_stored_<name>` then holds the value to store)."""
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        if not self._compact or any(
            name.startswith("_") and not name.startswith("_stored_") for name in fields
        ):
            # Boosts. (whoosh's own path takes `Preanalysed` values in PreanalysableText
            # fields only; prepare_record, which gives them to every field, never boosts.)
            return super().add_document(**fields)
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    postings = (
                        value
                        if isinstance(value, Preanalysed)
                        else Preanalysed.from_items(list(field.index(value)))
                    )
                    total = self.pool.add_document(fieldname, docnum, postings)
                    if field.scorable:
                        length = total
                # What is stored: the text itself when `value` is pre-analysed
                stored = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
                column = field.column_type
                if column and stored is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(stored))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def add_postings_to_pool(self, reader: Any, startdoc: int, docmap: Any) -> None:
        """whoosh's, with each posting list in Briefing's blocks read at once: whoosh's path
        yields one posting at a time, most of a merge's time."""
        terms = getattr(reader, "_terms", None)
        if not self._compact or not isinstance(terms, W3TermsReader):
            return super().add_postings_to_pool(reader, startdoc, docmap)
        size = reader.doc_count_all()
        if docmap is None:  # no deletions
            docs_to = np.arange(startdoc, startdoc + size, dtype=np.int64)
        else:
            docs_to = np.full(size, -1, np.int64)
            docs_to[np.fromiter(docmap, np.int64, len(docmap))] = np.fromiter(
                docmap.values(), np.int64, len(docmap)
            )
        schema = self.schema
        for (fieldname, btext), info in terms.items():
            if fieldname not in schema:
                continue
            raw = stored_block_list(terms, info)
            if raw is not None:
                self.pool.add_list(fieldname, btext, raw, schema[fieldname].format, docs_to)
                continue
            matcher = reader.postings(fieldname, btext)  # another layout: whoosh's way
            while matcher.is_active():
                docnum = int(docs_to[matcher.id()])
                self.pool.add((fieldname, btext, docnum, matcher.weight(), matcher.value()))
                matcher.next()

    def _flush_segment(self) -> None:
        if not self._compact:
            return super()._flush_segment()
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        try:
            self.pool.write(self.fieldwriter, self.schema, lengths, self.docnum)
        finally:
            self.fieldwriter.close()
            if lengths is not None:
                lengths.close()
