"""Briefing's posting blocks: what is written is read back as whoosh had it, through whoosh's
matcher interface and through the arrays the searches read; the term tables are mapped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh.fields import ID, NUMERIC, TEXT, Schema
from whoosh.formats import Positions
from whoosh.query import Term
from whoosh.util.numeric import byte_to_length, length_to_byte

from briefing_app.search import IndexRecord, SearchIndex, SearchRequest
from briefing_app.search.whoosh_internals.blocks import (
    MAGIC,
    Block,
    BlockCodec,
    encode_block,
    native_positions,
)
from briefing_app.search.whoosh_internals.postings import (
    PositionLists,
    field_doc_ids,
    positions,
    posting_arrays,
)
from briefing_app.search.whoosh_internals.segment_writer import CompactSegmentWriter
from briefing_app.search.whoosh_internals.storage import MappedFile, MappedTermsStorage

POSITIONS = Positions()

_postings = st.lists(
    st.tuples(
        st.integers(1, 70_000),  # id gaps: 1-, 2- and 4-byte deltas
        st.sampled_from([1.0, 2.0, 0.5, 3.25]),
        st.lists(st.integers(0, 70_000), min_size=1, max_size=5, unique=True),
    ),
    min_size=1,
    max_size=128,
)


@settings(max_examples=150, deadline=None)
@given(_postings, st.booleans(), st.booleans())
def test_a_block_reads_back_what_was_written(
    postings: list[tuple[int, float, list[int]]], same_weight: bool, as_positions: bool
) -> None:
    ids = np.cumsum([gap for gap, _w, _p in postings]).tolist()
    ids[0] -= 1  # a first document 0 too
    weights = [postings[0][1] if same_weight else w for _g, w, _p in postings]
    values = [POSITIONS.encode(sorted(where)) for _g, _w, where in postings]
    deltas = [ids[0], *np.diff(ids).tolist()]
    data = encode_block(
        deltas,
        weights,
        # positions as numbers (whoosh's Positions fields), or any values as bytes
        [native_positions(value) for value in values] if as_positions else values,
        None,
        positions=as_positions,
        last_id=ids[-1],
        max_weight=max(weights),
        min_length=7,
        max_length=900,
    )
    stream = b"junk" + data  # blocks are read where they lie in a posting list
    block = Block(stream, 4)
    assert block.count == len(ids) and block.last_id == ids[-1]
    assert block.max_weight == max(weights)
    assert (block.min_length, block.max_length) == (
        byte_to_length(length_to_byte(7)),
        byte_to_length(length_to_byte(900)),
    )
    assert block.ids(stream, 4).tolist() == ids
    assert block.weights(stream, 4).tolist() == weights
    assert block.values(stream, None, 4) == values  # whoosh's encoding either way
    expected = [sorted(where) for _g, _w, where in postings]
    if as_positions:
        counts, flat = block.positions(stream, 4)
        assert counts.tolist() == [len(where) for where in expected]
        assert flat.tolist() == [p for where in expected for p in where]
    else:
        with pytest.raises(ValueError):
            block.positions(stream, 4)


def test_fixed_size_values_and_formats_without_values_read_back() -> None:
    data = encode_block(
        [3, 4],
        [1.0, 1.0],
        [b"ab", b"cd"],
        2,
        last_id=7,
        max_weight=1.0,
        min_length=None,
        max_length=0,
    )
    block = Block(data)
    assert block.values(data, 2) == [b"ab", b"cd"]
    assert block.weights(data).tolist() == [1.0, 1.0]
    bare = encode_block(
        [0], [2.0], None, 0, last_id=0, max_weight=2.0, min_length=None, max_length=0
    )
    assert Block(bare).values(bare, 0) == [b""]


def _records(count: int) -> list[IndexRecord]:
    words = ["minister", "haven", "Rotterdam", "klimaat", "begroting", "onderwijs"]
    return [
        IndexRecord(
            id=f"d{n}",
            path=f"/docs/{n}.txt",
            title=f"Bericht {n}",
            # "haven" in every document, "begroting" in every third: lists of many blocks
            body=" ".join(
                ["haven", *(words[(n + k) % 6] for k in range(n % 9)), "begroting" * (n % 3 == 0)]
            ),
            language="nl",
            date="2018-05",
            kind="press_release",
        )
        for n in range(count)
    ]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    index = SearchIndex(tmp_path_factory.mktemp("blocks") / "index")
    index.rebuild(_records(700))
    yield index
    index.close()


def test_an_index_writes_briefings_blocks_and_maps_its_term_tables(written: SearchIndex) -> None:
    pst = next(written.path.glob("*.pst")).read_bytes()
    assert MAGIC in pst
    reader = written._searcher.reader()
    (leaf, _offset), *_ = reader.leaf_readers()
    assert isinstance(leaf._terms._dbfile, MappedFile)


def test_whooshs_matchers_and_the_arrays_agree(written: SearchIndex) -> None:
    searcher = written._searcher
    reader = searcher.reader()
    for leaf, _offset in reader.leaf_readers():
        terms = list(leaf.lexicon("body_nl"))  # "haven" as its stem, and the others
        assert max(leaf.doc_frequency("body_nl", text) for text in terms) == 700
        for text in terms:
            matcher = leaf.postings("body_nl", text)
            expected = []
            while matcher.is_active():
                expected.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            where = PositionLists()
            docs, weights = posting_arrays(leaf, "body_nl", text, where)
            assert docs.tolist() == [doc for doc, _w, _v in expected]
            assert weights.tolist() == [weight for _d, weight, _v in expected]
            lists = [POSITIONS.decode_positions(value) for _d, _w, value in expected]
            counts, flat = where.take(np.arange(len(docs)))
            assert counts.tolist() == [len(found) for found in lists]
            assert flat.tolist() == [p for found in lists for p in found]
            some = np.arange(len(docs))[::-7][::-1]  # some documents, in order
            counts, flat = positions(leaf, "body_nl", text, docs[some])
            assert counts.tolist() == [len(lists[k]) for k in some]
            assert flat.tolist() == [p for k in some for p in lists[k]]
        by_term = dict(field_doc_ids(leaf, "body_nl"))
        assert max(len(docs) for docs in by_term.values()) == 700
        assert all(
            by_term[text].tolist() == posting_arrays(leaf, "body_nl", text)[0].tolist()
            for text in terms
        )


def test_searches_read_the_blocks(tmp_path: Path) -> None:
    records = _records(701)
    index = SearchIndex(tmp_path / "index")
    index.rebuild(records[:700])
    with_budget = sum("begroting" in record.body for record in records[:700])
    assert index.search(SearchRequest(query="haven")).total == 700
    assert index.search(SearchRequest(query="begr*")).total == with_budget
    assert index.search(SearchRequest(query='"haven minister"')).total > 0
    with index.writing() as session:  # a second segment (merges: test_segment_writer.py)
        session.upsert(records[700])
    assert index.search(SearchRequest(query="haven")).total == 701
    assert index.search(SearchRequest(query="begr*")).total == with_budget + (
        "begroting" in records[700].body
    )
    index.close()


def test_a_whoosh_index_of_plain_w3_blocks_is_still_read(tmp_path: Path) -> None:
    # Whoosh's own codec beside ours: the mapped storage opens any segment.
    schema = Schema(id=ID(stored=True), body=TEXT, n=NUMERIC(stored=True))
    ix = whoosh_index.create_in(str(tmp_path), schema)
    with ix.writer() as writer:
        for n in range(300):
            writer.add_document(id=str(n), body=f"word{n % 5} common", n=n)
    with CompactSegmentWriter(ix, codec=BlockCodec()) as writer:
        writer.add_document(id="x", body="common rare", n=1)
    opened = MappedTermsStorage(str(tmp_path)).open_index()
    with opened.searcher() as searcher:
        assert len(searcher.search(Term("body", "common"), limit=None)) == 301
        assert len(searcher.search(Term("body", "rare"), limit=None)) == 1
    opened.close()
    ix.close()
