"""The compact segment writer writes the very files whoosh's own writer writes with Briefing's
codec (search/whoosh_internals/blocks.py): searches then cannot tell the two apart. Documents come from the benchmark's generator (people, countries,
organizations, both languages) so that terms span many 128-posting blocks."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from benchmarks.corpus import generate_corpus
from briefing_app.documents import read_document
from briefing_app.library.analysis import analyse_document
from briefing_app.search import IndexRecord, SearchIndex, SearchRequest
from briefing_app.search.index import _fields, prepare_record
from briefing_app.search.schema import build_schema
from briefing_app.search.whoosh_internals import segment_writer
from briefing_app.search.whoosh_internals.blocks import BlockCodec
from briefing_app.search.whoosh_internals.segment_writer import CompactSegmentWriter


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[IndexRecord]:
    folder = tmp_path_factory.mktemp("corpus")
    paths = generate_corpus(folder, 200, seed=5)
    analysed = [analyse_document(read_document(path, max_bytes=10**7)) for path in paths]
    return [a.indexable for a in analysed if isinstance(a.indexable, IndexRecord)]


def _segment_files(folder: Path) -> dict[str, bytes]:
    # Segment ids are random: name the files by what they hold.
    return {
        re.sub(r"_[a-z0-9]{16}", "_SEGMENT", name.name): name.read_bytes()
        for name in sorted(folder.iterdir())
        if not name.name.endswith((".toc", "WRITELOCK"))
    }


def _write(folder: Path, writer_class: Any, batches: list[list[dict[str, Any]]]) -> None:
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), build_schema())
    for batch in batches:
        writer = writer_class(ix, compound=False, codec=BlockCodec())
        for fields in batch:
            writer.add_document(**fields)
        writer.commit(merge=False)
    ix.close()


@pytest.mark.parametrize("list_postings", [segment_writer.LIST_POSTINGS, 50])
def test_one_segment_is_whooshs_byte_for_byte(
    records: list[IndexRecord], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, list_postings: int
) -> None:
    # 50: terms are written a few at a time, and a common word's hundreds of postings alone
    monkeypatch.setattr(segment_writer, "LIST_POSTINGS", list_postings)
    _write(tmp_path / "whoosh", SegmentWriter, [[_fields(r) for r in records]])
    # Pre-analysed in "workers" for the compact writer, plain text for whoosh's.
    _write(
        tmp_path / "compact", CompactSegmentWriter, [[prepare_record(r).fields for r in records]]
    )
    ours, theirs = _segment_files(tmp_path / "compact"), _segment_files(tmp_path / "whoosh")
    assert ours.keys() == theirs.keys()
    assert any(name.endswith(".pst") for name in ours)
    for name in theirs:
        assert ours[name] == theirs[name], name


def test_plain_fields_and_merged_segments_are_whooshs(
    records: list[IndexRecord], tmp_path: Path
) -> None:
    # Merging reads the old segments' postings back one tuple at a time (CompactPool.add).
    batches = [[_fields(r) for r in records[:100]], [_fields(r) for r in records[100:]]]
    for name, writer_class in (("whoosh", SegmentWriter), ("compact", CompactSegmentWriter)):
        _write(tmp_path / name, writer_class, batches)
        ix = whoosh_index.open_dir(str(tmp_path / name))
        writer = writer_class(ix, compound=False, codec=BlockCodec())
        writer.delete_by_term("id", records[3].id)
        writer.commit(optimize=True)
        ix.close()
    ours, theirs = _segment_files(tmp_path / "compact"), _segment_files(tmp_path / "whoosh")
    assert ours.keys() == theirs.keys()
    for name in theirs:
        assert ours[name] == theirs[name], name


def test_import_batches_replace_documents_once(records: list[IndexRecord], tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    index.create_empty()
    with index.writing(merge=False) as session:
        for record in records[:50]:
            session.upsert(prepare_record(record))
    with index.writing() as session:  # half of them again, changed, half new
        for record in records[25:75]:
            changed = replace(record, title="Vervangen " + record.title)
            session.upsert(prepare_record(changed))
    assert index.search(SearchRequest(query="")).total == 75
    assert index.search(SearchRequest(query="title:vervangen")).total == 50
    index.close()
