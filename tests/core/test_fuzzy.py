"""Fuzzy terms ("word~") take a swap of two neighbouring letters as one edit, as typists make
them, in every segment and over the whole index alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.support.levenshtein import damerau_levenshtein

from briefing_app.search import IndexRecord, QuerySyntaxError, SearchIndex, SearchRequest
from briefing_app.search.whoosh_internals.fuzzy import FuzzyTerm, edit_automaton


def _accepts(automaton: object, word: str) -> bool:
    state = automaton.start()  # type: ignore[attr-defined]
    for char in word:
        state = automaton.next_state(state, char)  # type: ignore[attr-defined]
        if state is None:
            return False
    return bool(automaton.is_final(state))  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(
    term=st.text(alphabet="abnk", max_size=7),
    words=st.lists(st.text(alphabet="abnk", max_size=9), min_size=1, max_size=20),
    maxdist=st.integers(1, 3),
    prefix=st.integers(0, 3),
)
def test_the_automaton_accepts_what_damerau_levenshtein_allows(
    term: str, words: list[str], maxdist: int, prefix: int
) -> None:
    automaton = edit_automaton(term, maxdist, prefix)
    for word in [*words, term, term[::-1]]:
        allowed = word.startswith(term[:prefix]) and damerau_levenshtein(word, term) <= maxdist
        assert _accepts(automaton, word) == allowed, (term, word, maxdist, prefix)


def _record(doc_id: str, title: str, body: str, language: str = "en") -> IndexRecord:
    return IndexRecord(
        id=doc_id, path=f"/lib/{doc_id}.txt", title=title, body=body, language=language
    )


@pytest.fixture
def index(tmp_path: Path) -> Iterator[SearchIndex]:
    ix = SearchIndex(tmp_path / "index")
    ix.rebuild(
        [
            _record("bank", "Central bank report", "The bank raised its rates."),
            _record("minister", "Briefing", "De minister sprak met de premier.", "nl"),
        ]
    )
    with ix.writing() as session:  # a second segment: expansions are per segment
        session.upsert(_record("beak", "Birds", "A bird with a long beak."))
    yield ix
    ix.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bnak~", {"bank", "beak"}),  # "bank" one swap away, "beak" one letter other
        ("abnk~", {"bank"}),
        ("minsiter~", {"minister"}),
        ("premeir~", {"minister"}),
        ("abnk~/1", set()),  # the first letter must stay
        ("bnak~2/2", set()),
    ],
)
def test_a_swapped_pair_of_letters_is_one_edit(
    index: SearchIndex, query: str, expected: set[str]
) -> None:
    found = index.search(SearchRequest(query=query, snippets=True))
    assert {hit.id for hit in found.hits} == expected


def test_the_swapped_word_is_marked_in_the_snippet(index: SearchIndex) -> None:
    [hit] = index.search(SearchRequest(query="raised bnak~", snippets=True)).hits
    assert "<mark>bank</mark>" in hit.snippet


def test_a_whole_index_expands_like_its_segments_together(index: SearchIndex) -> None:
    searcher = index._current_searcher()
    term = FuzzyTerm("body_en", "bnak", maxdist=1, prefixlength=0)
    per_segment = {
        text for reader, _base in searcher.reader().leaf_readers() for text in term._btexts(reader)
    }
    assert len(searcher.reader().leaf_readers()) == 2
    assert sorted(term._btexts(searcher.reader())) == sorted(per_segment) == ["bank", "beak"]


def test_a_swapped_pair_is_the_closest_spelling_suggestion(index: SearchIndex) -> None:
    # "bnak" is one swap from "bank" (used twice) and one letter from "beak" (once): both
    # are one edit away, and the library uses "bank" more.
    assert index.search(SearchRequest(query="bnak")).suggestion == "bank"


@pytest.mark.parametrize("query", ["bnak~3", "terrorismebestrijding~9", "bank~5/2"])
def test_more_than_two_edits_is_a_clear_error(index: SearchIndex, query: str) -> None:
    # An automaton for nine edits of a long word would take minutes to build.
    with pytest.raises(QuerySyntaxError, match="one or two edits"):
        index.search(SearchRequest(query=query))
