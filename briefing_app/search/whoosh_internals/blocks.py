"""Briefing's posting block format, and the whoosh codec that writes and reads it.

Whoosh 2.7's W3 codec stores each block of up to 128 postings as one zlib-compressed pickle of
(ids, weights, values): a search that needs only the documents and weights of a word still
decompresses and unpickles its positions (~15-70 us a block), and the writer pickles and
compresses every block (~1.3 ms of CPU a document when importing). Here a block is plain
little-endian arrays after a fixed header, so ids and weights are read with numpy without
touching the values, and writing is a few `tobytes`. Uncompressed, an index is about as big
as with W3 (104 vs 100 MB at 10,000 documents: positions dominate, and their pickles
compress little).

A posting list starts with MAGIC; then blocks, each: its size (whoosh's signed int, negative
for the last block), HEADER, the ids as deltas (1, 2 or 4 bytes each, the first from 0), the
weights (none when all are 1, one float32 when all are equal, else one float32 each) and the
values. Positions (whoosh's Positions format) are kept as numbers: how many each posting has,
then every posting's position deltas (whoosh's: the first from 0), 1, 2 or 4 bytes each, so a
phrase reads them with numpy (whoosh's matchers get them in whoosh's encoding). Other values
are whoosh's encoded bytes: their lengths, then the bytes; or nothing, or fixed-size values
one after the other, as the field's format has them.

Positions travel from the analysis workers to the writer as NATIVE_POSITIONS: each posting's
position deltas as an array("I") in bytes (whoosh's encoding is a pickle per posting). Term
infos, term tables and everything per document stay whoosh's W3 (term vectors too, which
Briefing does not use).
"""

from __future__ import annotations

import struct
import sys
from array import array
from collections.abc import Sequence
from itertools import pairwise
from pickle import dumps, loads  # whoosh's encoding of positions
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import (
    W3Codec,
    W3LeafMatcher,
    W3PostingsWriter,
)
from whoosh.formats import Positions
from whoosh.system import _INT_SIZE as _UINT_SIZE
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length, length_to_byte

MAGIC = b"BrP1"
# count, last id, highest weight (as given, unrounded: whoosh's block quality), shortest and
# longest field length (whoosh's length bytes), bytes per id delta, weights kind, bytes per
# value length or position count (0: the format's values have a fixed size), bytes per
# position delta (0: the values are bytes, not positions)
HEADER = struct.Struct("<IIdBBBBBB")
SIZE = struct.Struct("!i")  # whoosh's pack_int
WEIGHTS_ONE, WEIGHTS_SAME, WEIGHTS_EACH = 0, 1, 2
_WIDTH_CODES = {1: "B", 2: "H", 4: "I"}
_DTYPES: dict[int, np.dtype[Any]] = {1: np.dtype("<u1"), 2: np.dtype("<u2"), 4: np.dtype("<u4")}
_FLOAT = struct.Struct("<f")
_BIG_ENDIAN = sys.byteorder == "big"


def _width(largest: int) -> int:
    return 1 if largest < 0x100 else 2 if largest < 0x10000 else 4


def _little_endian(values: array[Any]) -> bytes:
    if _BIG_ENDIAN:
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def keeps_positions(format_: Any) -> bool:
    """Whether a field of this format has its values kept as positions (whoosh's Positions
    exactly: its subclasses encode more than positions)."""
    return type(format_) is Positions


def native_positions(encoded: bytes) -> bytes:
    """Whoosh's encoded positions (a count, then the pickled deltas) as NATIVE_POSITIONS."""
    pickled = encoded[_UINT_SIZE:]
    return array("I", loads(pickled if pickled.endswith(b".") else pickled + b".")).tobytes()


def whoosh_positions(native: bytes) -> bytes:
    """NATIVE_POSITIONS in whoosh's encoding (Positions.encode of the same positions)."""
    deltas = array("I")
    deltas.frombytes(native)
    return pack_uint(len(deltas)) + dumps(deltas.tolist(), 2)


def encode_block(
    deltas: Sequence[int],
    weights: Sequence[float],
    values: Sequence[bytes] | None,
    fixed_size: int | None,
    *,
    positions: bool = False,
    last_id: int,
    max_weight: float,
    min_length: int | None,
    max_length: int,
) -> bytes:
    """One block without its size. `deltas`: the ids, each less the one before (the first
    as it is); `weights` rounded to float32 as whoosh keeps them; `values` whoosh's encoded
    values (None when the format has none), or NATIVE_POSITIONS when `positions`."""
    count = len(deltas)
    id_width = _width(max(deltas))
    parts = [b"", _little_endian(array(_WIDTH_CODES[id_width], deltas))]
    first = weights[0]
    if first == 1.0 and weights.count(1.0) == count:
        kind = WEIGHTS_ONE
    elif weights.count(first) == count:
        kind = WEIGHTS_SAME
        parts.append(_FLOAT.pack(first))
    else:
        kind = WEIGHTS_EACH
        parts.append(_little_endian(array("f", weights)))
    value_width = position_width = 0
    if positions and values is not None:
        flat = array("I")
        flat.frombytes(b"".join(values))
        sizes = [len(value) >> 2 for value in values]
        value_width = _width(max(sizes))
        position_width = _width(max(flat, default=0))
        parts.append(_little_endian(array(_WIDTH_CODES[value_width], sizes)))
        parts.append(_little_endian(array(_WIDTH_CODES[position_width], flat)))
    elif values is not None and fixed_size != 0:
        if fixed_size is None or fixed_size < 0:
            sizes = [len(value) for value in values]
            value_width = _width(max(sizes))
            parts.append(_little_endian(array(_WIDTH_CODES[value_width], sizes)))
        parts.append(b"".join(values))
    parts[0] = HEADER.pack(
        count,
        last_id,
        max_weight,
        length_to_byte(min_length),
        length_to_byte(max_length),
        id_width,
        kind,
        value_width,
        position_width,
    )
    return b"".join(parts)


class Block:
    """One block's header, read from `data` (the block without its size)."""

    __slots__ = (
        "count",
        "id_width",
        "kind",
        "last_id",
        "max_length",
        "max_weight",
        "min_length",
        "position_width",
        "value_width",
    )

    def __init__(self, data: bytes | memoryview, at: int = 0) -> None:
        (
            self.count,
            self.last_id,
            self.max_weight,
            min_length,
            max_length,
            self.id_width,
            self.kind,
            self.value_width,
            self.position_width,
        ) = HEADER.unpack_from(data, at)
        self.min_length = byte_to_length(min_length)
        self.max_length = byte_to_length(max_length)

    def ids(self, data: bytes | memoryview, at: int = 0) -> np.ndarray:
        """The block's document numbers (int64) from `data` at the block's start."""
        deltas = np.frombuffer(data, _DTYPES[self.id_width], self.count, at + HEADER.size)
        return np.cumsum(deltas, dtype=np.int64)

    def _weights_at(self, at: int) -> int:
        return at + HEADER.size + self.count * self.id_width

    def weights(self, data: bytes | memoryview, at: int = 0) -> np.ndarray:
        """The block's weights (float32, as whoosh keeps them)."""
        where = self._weights_at(at)
        if self.kind == WEIGHTS_ONE:
            return np.ones(self.count, np.float32)
        if self.kind == WEIGHTS_SAME:
            return np.full(self.count, _FLOAT.unpack_from(data, where)[0], np.float32)
        return np.frombuffer(data, "<f4", self.count, where)

    def _values_at(self, at: int) -> int:
        where = self._weights_at(at)
        if self.kind == WEIGHTS_SAME:
            return where + 4
        if self.kind == WEIGHTS_EACH:
            return where + 4 * self.count
        return where

    def values(
        self, data: bytes | memoryview, fixed_size: int | None, at: int = 0, end: int | None = None
    ) -> list[bytes]:
        """The block's values in whoosh's encoding ([b""] * count when the format has none)."""
        where = self._values_at(at)
        count = self.count
        if self.position_width:
            counts, flat = self.position_deltas(data, at)
            ends = np.cumsum(counts).tolist()
            deltas = flat.tolist()
            return [
                pack_uint(e - s) + dumps(deltas[s:e], 2)
                for s, e in zip([0, *ends[:-1]], ends, strict=True)
            ]
        if self.value_width:
            sizes = np.frombuffer(data, _DTYPES[self.value_width], count, where)
            start = where + count * self.value_width
            ends = (np.cumsum(sizes, dtype=np.int64) + start).tolist()
            starts = [start, *ends[:-1]]
            return [bytes(data[s:e]) for s, e in zip(starts, ends, strict=True)]
        if fixed_size and fixed_size > 0:
            return [
                bytes(data[where + k * fixed_size : where + (k + 1) * fixed_size])
                for k in range(count)
            ]
        return [b""] * count

    def position_deltas(self, data: bytes | memoryview, at: int) -> tuple[np.ndarray, np.ndarray]:
        """How many positions each posting has, and every posting's deltas (int64 arrays)."""
        where = self._values_at(at)
        counts = np.frombuffer(data, _DTYPES[self.value_width], self.count, where)
        where += self.count * self.value_width
        flat = np.frombuffer(data, _DTYPES[self.position_width], int(counts.sum()), where)
        return counts.astype(np.int64), flat.astype(np.int64)

    def positions(self, data: bytes | memoryview, at: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """How many positions each posting has, and all their positions one posting after
        the other (int64 arrays); only for a block of positions."""
        if not self.position_width:
            raise ValueError("not a block of positions")
        counts, flat = self.position_deltas(data, at)
        absolute = np.cumsum(flat)
        # each posting's deltas start from 0: take off what the postings before it add up to
        ends = np.cumsum(counts)
        before = np.zeros(len(counts), np.int64)
        before[1:] = absolute[ends[:-1] - 1]
        return counts, absolute - np.repeat(before, counts)


class BlockPostingsWriter(W3PostingsWriter):
    """W3PostingsWriter writing Briefing's blocks (term vectors' byte ids stay W3)."""

    def _write_block(self, last: bool = False) -> None:
        if self._byteids:
            return super()._write_block(last)
        if not self._blockcount:
            self._postfile.write(MAGIC)
        self._terminfo.add_block(self)
        ids = self._ids
        deltas = [ids[0], *(b - a for a, b in pairwise(ids))]
        fixed = self._format.fixed_value_size()
        positions = keeps_positions(self._format)
        values = None if fixed == 0 else list(self._values)
        if positions and values is not None:
            values = [native_positions(value) for value in values]
        data = encode_block(
            deltas,
            list(self._weights),
            values,
            fixed,
            positions=positions,
            last_id=ids[-1],
            max_weight=self._maxweight,
            min_length=self._minlength,
            max_length=self._maxlength,
        )
        self._postfile.write(SIZE.pack(-len(data) if last else len(data)))
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()


class BlockLeafMatcher(W3LeafMatcher):
    """W3LeafMatcher reading Briefing's blocks: a block's header is read without its data,
    and ids, weights and values each only when asked for."""

    _block: Block
    _data: Any  # the block's bytes once read (None before)
    _ids: Any
    _weights: Any
    _values: Any

    def _read_header(self) -> None:
        magic = self._postfile.get(self._startoffset, len(MAGIC))
        if magic != MAGIC:
            raise ValueError(f"not a posting list in Briefing's blocks: {magic!r}")
        self._baseoffset = self._startoffset + len(MAGIC)

    def _goto(self, position: int) -> None:
        self._data = self._ids = self._weights = self._values = None
        self._i = 0
        head = self._postfile.get(position, SIZE.size + HEADER.size)
        (length,) = SIZE.unpack_from(head)
        self._lastblock = length < 0
        self._nextoffset = position + SIZE.size + abs(length)
        self._dataoffset = position + SIZE.size
        block = self._block = Block(head, SIZE.size)
        self._blocklength = block.count
        self._maxid = block.last_id
        self._maxweight = block.max_weight
        self._compression = 0
        self._minlength = block.min_length
        self._maxlength = block.max_length

    def _read_data(self) -> None:
        self._data = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        self._ids = tuple(self._block.ids(self._data).tolist())

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        # float32 in this machine's byte order (the block's are little-endian)
        self._weights = array("f", self._block.weights(self._data).astype(np.float32).tobytes())

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        if self._fixedsize == 0:
            self._values = (None,) * self._blocklength
        else:
            self._values = tuple(self._block.values(self._data, self._fixedsize))


class BlockCodec(W3Codec):
    """Whoosh's W3 codec with Briefing's posting blocks. Segments remember their codec (its
    class is pickled in the index's table of contents), so renaming this class or moving it
    makes existing indexes unreadable: bump SCHEMA_VERSION then, which rebuilds them."""

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> BlockPostingsWriter:
        return BlockPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )

    def postings_reader(
        self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None
    ) -> Any:
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term, scorer)
        offset, length = terminfo.extent()
        return BlockLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)
