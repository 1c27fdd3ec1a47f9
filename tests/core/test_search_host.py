"""Searches answered by a child process (what the window does, so that searching never starves
its GUI thread): the same answers and errors as the Library's own, new documents found, and a
child that dies replaced, or its work done in place."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from benchmarks.corpus import generate_corpus
from briefing_app.documents import read_document
from briefing_app.library import Library, SearchHost
from briefing_app.search import SearchError, SearchRequest

QUERIES = ["", "minister", "klimaat OR handel", '"de minister"', "veilig*", "title:akkoord"]


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate_corpus(folder, 40, seed=3)
    data_dir = tmp_path_factory.mktemp("data")
    with Library(data_dir) as library:
        library.import_paths([folder])
    return data_dir


@pytest.fixture
def library(library_dir: Path, tmp_path: Path):
    data_dir = tmp_path / "data"
    shutil.copytree(library_dir, data_dir)
    with Library(data_dir) as opened:
        yield opened


def _kill(host: SearchHost) -> None:
    os.kill(host._process.pid, 9)
    host._process.join()


def test_the_child_answers_as_the_library_itself(library: Library) -> None:
    host = SearchHost(library.data_dir, library)
    try:
        for query in QUERIES:
            request = SearchRequest(query=query, limit=20, facets=True)
            mine, theirs = library.search(request), host.search(request)
            assert theirs.total == mine.total
            assert [hit.id for hit in theirs.hits] == [hit.id for hit in mine.hits]
            assert [hit.snippet for hit in theirs.hits] == [hit.snippet for hit in mine.hits]
            assert theirs.facets == mine.facets
        document = read_document(Path(library.documents()[0].path))
        assert host.highlight_words("minister", document) == library.highlight_words(
            "minister", document
        )
        assert host.in_child and host._process.pid != os.getpid()
    finally:
        host.close()
    assert host._process is None  # the child was stopped and joined


def test_a_malformed_query_is_the_same_error_as_in_place(library: Library) -> None:
    host = SearchHost(library.data_dir, library)
    try:
        with pytest.raises(SearchError) as in_place:
            library.search(SearchRequest(query='"open quote'))
        with pytest.raises(SearchError) as in_child:
            host.search(SearchRequest(query='"open quote'))
        assert str(in_child.value) == str(in_place.value)
        assert host.search(SearchRequest(query="minister")).total > 0  # still serving
    finally:
        host.close()


def test_documents_imported_meanwhile_are_found(library: Library, tmp_path: Path) -> None:
    host = SearchHost(library.data_dir, library)
    try:
        request = SearchRequest(query="zeldzaamheid")
        assert host.search(request).total == 0
        extra = tmp_path / "extra"
        extra.mkdir()
        (extra / "nieuw.txt").write_text(" date 2019-01 Nieuw\n\nEen zeldzaamheid.\n", "utf-8")
        library.import_paths([extra])
        assert host.search(request).total == 1
        library.reindex()  # a rebuild swaps the index folder: the child opens it again
        host.reopen_index()
        assert host.search(request).total == 1
    finally:
        host.close()


def test_a_child_that_dies_is_replaced_then_done_without(library: Library) -> None:
    host = SearchHost(library.data_dir, library)
    request = SearchRequest(query="minister", limit=5)
    expected = [hit.id for hit in library.search(request).hits]
    try:
        host.search(request)
        _kill(host)
        assert [hit.id for hit in host.search(request).hits] == expected  # a new child
        assert host.in_child
        _kill(host)
        assert [hit.id for hit in host.search(request).hits] == expected  # searched in place
        assert not host.in_child
    finally:
        host.close()


def test_a_child_that_cannot_open_the_library_leaves_searching_in_place(
    library: Library, tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", "utf-8")
    host = SearchHost(not_a_folder, library)
    try:
        assert host.search(SearchRequest(query="minister")).total > 0
        assert not host.in_child
    finally:
        host.close()


def test_warming_reads_what_first_searches_need_and_changes_no_answer(library: Library) -> None:
    index = library.index
    request = SearchRequest(query="minister", limit=10, facets=True)
    before = library.search(request)
    index.close()
    index.open()  # nothing read yet
    steps = index.warm()
    next(steps)
    during = library.search(request)  # a search between two steps of warming
    for _ in steps:
        pass
    segments = index._matches.segments(index._current_searcher())
    ids = {segment.segment_id for segment in segments}
    assert set(index._matches._facets_by_segment) == ids
    assert set(index._matches._dates_by_segment) == ids
    assert {key[0] for key in index._matches._lengths_by_segment} == ids
    after = library.search(request)
    for found in (during, after):
        assert [hit.id for hit in found.hits] == [hit.id for hit in before.hits]
        assert found.facets == before.facets


def test_a_child_never_asked_to_open_the_library_leaves_when_closed(tmp_path: Path) -> None:
    host = SearchHost(tmp_path / "data")  # a window closed before its library opened
    child = host._process
    host.close()
    assert not child.is_alive() and child.exitcode == 0
    assert not (tmp_path / "data").exists()  # it never opened (or created) the library
