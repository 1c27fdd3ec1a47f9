"""Property-based tests: random input never raises anything but the project's own errors, and
bookmarks survive export -> JSON -> import unchanged. Example counts come from the hypothesis
profile in conftest (60 per property in `make test`, 200 in `make reliability`)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.bookmarks import (
    Bookmark,
    BookmarkImportError,
    BookmarkStatus,
    from_web_annotations,
    make_anchor,
    reanchor,
    to_web_annotations,
)
from briefing_app.documents import DocumentError, read_document
from briefing_app.entities import extract_entities
from briefing_app.library import Library
from briefing_app.search import SearchError, SearchRequest
from tests.reliability.conftest import REPO, SLOW_DATA

pytestmark = pytest.mark.reliability

SAMPLE = REPO / "resources" / "sample"

# Text that looks like what users feed in: Dutch words, names, punctuation, odd characters.
WORDS = st.sampled_from(
    [
        *[
            "Minister",
            "Rutte",
            "NAVO",
            "Jordanië",
            "VN-missie",
            "Mali",
            "'",
            '"',
            "(",
            ")",
            ":",
            "*",
            "~",
            "-",
            "«",
            "»",
            "é",
            "ß",
            "🙂",
            "\u200b",
        ],
        *["\n", "\n\n", " ", "AND", "OR", "NOT", "date:", "title:", "[", "]", "..", "^", "\\"],
    ]
)
TEXTY = st.one_of(st.lists(WORDS, max_size=40).map(" ".join), st.text(max_size=200))


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory):
    with Library(tmp_path_factory.mktemp("prop") / "data") as lib:
        assert lib.import_paths([SAMPLE]).ok
        yield lib


@given(raw=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".md", ".markdown"]))
def test_any_bytes_read_as_a_document_or_a_document_error(raw: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(raw)
        try:
            document = read_document(path)
        except DocumentError as error:
            assert error.reason and "\n" not in error.reason
            return
    assert "\n" not in document.title
    for section in document.sections:
        assert document.text[section.start : section.end] == section.text


def test_any_query_gives_results_or_a_search_error(library: Library) -> None:
    @settings(max_examples=settings().max_examples * 2)
    @given(query=TEXTY)
    def check(query: str) -> None:
        try:
            results = library.search(SearchRequest(query=query, limit=5))
        except SearchError as error:
            assert str(error) and "Traceback" not in str(error)
            return
        assert results.total >= len(results.hits)

    check()


@settings(suppress_health_check=SLOW_DATA)
@given(text=TEXTY, language=st.sampled_from(["nl", "en", "de", "fr", "und"]))
def test_entity_extraction_never_fails_and_spans_point_into_the_text(text: str, language: str):
    found = extract_entities(text, language)
    for entity in (*found.people, *found.countries, *found.organizations):
        assert entity.key
        for start, end in entity.spans:
            assert 0 <= start < end <= len(text)


@st.composite
def text_and_span(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(TEXTY.filter(lambda t: t.strip()))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


@given(case=text_and_span(), edit=st.text(max_size=20), at=st.floats(0, 1))
def test_anchors_survive_edits_or_are_orphaned_never_an_exception(case, edit, at) -> None:
    text, start, end = case
    try:
        anchor = make_anchor(text, start, end, "old")
    except ValueError:
        assert not text[start:end].strip()  # only whitespace-only passages are refused
        return
    same = reanchor(anchor, text, "old")
    assert (same.start, same.end) == (start, end)
    cut = int(at * len(text))
    edited = text[:cut] + edit + text[cut:]
    result = reanchor(anchor, edited, "new")
    if result.status is BookmarkStatus.ORPHANED:
        assert result.start is None
    else:
        assert result.start is not None and result.end is not None
        assert 0 <= result.start <= result.end <= len(edited)
        assert result.quote_now == edited[result.start : result.end]


@st.composite
def bookmarks(draw: st.DrawFn) -> Bookmark:
    text, start, end = draw(text_and_span().filter(lambda c: c[0][c[1] : c[2]].strip()))
    content_hash = draw(st.text("0123456789abcdef", min_size=8, max_size=8))
    return Bookmark(
        doc_content_hash=content_hash,
        doc_path="/library/"
        + draw(st.text(st.characters(blacklist_characters="/\x00"), min_size=1, max_size=12))
        + ".txt",
        anchor=make_anchor(text, start, end, content_hash),
        doc_title=draw(st.text(max_size=30)),
        doc_date=draw(st.sampled_from([None, "2018-04", "2018-04-12"])),
        note=draw(st.text(max_size=60)),
        tags=tuple(
            dict.fromkeys(draw(st.lists(st.sampled_from(["nato", "mali", "budget"]), max_size=3)))
        ),
    )


@settings(suppress_health_check=SLOW_DATA)
@given(marks=st.lists(bookmarks(), max_size=4))
def test_bookmark_export_then_import_round_trips(marks: list[Bookmark]) -> None:
    exported = json.loads(json.dumps(to_web_annotations(marks), ensure_ascii=False))
    back = from_web_annotations(exported)
    assert [(b.id, b.anchor, b.note, b.tags, b.doc_path) for b in back] == [
        (b.id, b.anchor, b.note, b.tags, b.doc_path) for b in marks
    ]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(data=JSON)
def test_any_json_imports_as_bookmarks_or_a_bookmark_import_error(data: object) -> None:
    try:
        from_web_annotations(data)
    except BookmarkImportError as error:
        assert str(error)
