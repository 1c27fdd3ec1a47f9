"""Passages carried between the reader's rendered text and Document.text (no Qt)."""

from __future__ import annotations

import pytest

from briefing_app.bookmarks import make_anchor
from briefing_app.ui.passage_mapping import (
    document_to_view,
    normalise_view_text,
    passages_in_view,
    view_to_document,
    whole_words,
)


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


DOCUMENT = (
    "## Overleg\n\nDe minister 👍🏽 sprak in Jordanië met Mark Rutte.\n\n- punt één\n- punt twee\n"
)
VIEW = (
    "Overleg\u2029De minister 👍🏽 sprak in Jordanië met Mark Rutte.\u2029punt één\u2029punt twee"
)


@pytest.mark.parametrize(
    "passage",
    ["sprak in Jordanië", "minister 👍🏽 sprak", "Mark Rutte.", "punt één", "Overleg"],
)
def test_a_selection_in_the_reader_maps_to_the_same_words_of_the_document(passage: str) -> None:
    start = VIEW.index(passage)
    span = view_to_document(VIEW, utf16(VIEW, start), utf16(VIEW, start + len(passage)), DOCUMENT)
    assert span is not None
    assert DOCUMENT[span[0] : span[1]] == passage


@pytest.mark.parametrize("passage", ["sprak in Jordanië", "👍🏽 sprak", "punt twee"])
def test_a_bookmarked_passage_maps_to_utf16_offsets_in_the_reader(passage: str) -> None:
    start = DOCUMENT.index(passage)
    anchor = make_anchor(DOCUMENT, start, start + len(passage), "hash")
    span = document_to_view(anchor, DOCUMENT, VIEW)
    assert span is not None
    encoded = VIEW.encode("utf-16-le")
    assert encoded[2 * span[0] : 2 * span[1]].decode("utf-16-le") == passage


def test_a_selection_across_paragraphs_spans_the_markup_between_them() -> None:
    passage = "Mark Rutte.\u2029punt één"
    start = VIEW.index(passage)
    span = view_to_document(VIEW, utf16(VIEW, start), utf16(VIEW, start + len(passage)), DOCUMENT)
    assert span is not None
    assert DOCUMENT[span[0] : span[1]] == "Mark Rutte.\n\n- punt één"


def test_a_repeated_phrase_maps_to_the_occurrence_that_was_selected() -> None:
    document = "De minister sprak.\n\nLater: de minister sprak.\n\nTot slot: de minister sprak."
    view = normalise_view_text(document.replace("\n\n", "\u2029"))
    last = view.rindex("minister sprak")
    span = view_to_document(view, last, last + len("minister sprak"), document)
    assert span == (document.rindex("minister sprak"), len(document) - 1)


def test_a_backwards_selection_and_surrounding_whitespace_are_accepted() -> None:
    start = VIEW.index(" sprak in")
    end = start + len(" sprak in ")
    span = view_to_document(VIEW, utf16(VIEW, end), utf16(VIEW, start), DOCUMENT)
    assert span is not None and DOCUMENT[span[0] : span[1]] == "sprak in"


@pytest.mark.parametrize("selection", [(3, 3), (7, 8)])  # empty, only a paragraph break
def test_an_empty_or_blank_selection_is_no_passage(selection: tuple[int, int]) -> None:
    assert view_to_document(VIEW, *selection, DOCUMENT) is None


def test_a_passage_missing_from_the_view_is_not_shown() -> None:
    anchor = make_anchor(DOCUMENT, 0, 10, "hash")
    assert document_to_view(anchor, DOCUMENT, "Iets heel anders, zonder overlap.") is None


def test_many_passages_map_at_once_and_those_not_shown_are_left_out() -> None:
    anchors = {
        name: make_anchor(DOCUMENT, DOCUMENT.index(passage), DOCUMENT.index(passage) + 10, "h")
        for name, passage in (("first", "De minister"), ("last", "punt twee"))
    }
    spans = passages_in_view(anchors, DOCUMENT, VIEW)
    assert spans == {name: document_to_view(a, DOCUMENT, VIEW) for name, a in anchors.items()}
    assert passages_in_view(anchors, DOCUMENT, "Iets heel anders, zonder overlap.") == {}


@pytest.mark.parametrize(
    ("selected", "saved"),
    [
        ("De eensgezindh", "De eensgezindheid"),  # a word cut at the end
        ("ensgezindheid van", "eensgezindheid van"),  # ... or at the start
        ("eensgezindheid", "eensgezindheid"),
        ("van de EU.", "van de EU."),  # punctuation is not widened over
    ],
)
def test_a_saved_passage_snaps_to_whole_words(selected: str, saved: str) -> None:
    text = "De eensgezindheid van de EU. Daarna"
    start = text.index(selected)
    start, end = whole_words(text, start, start + len(selected))
    assert text[start:end] == saved
