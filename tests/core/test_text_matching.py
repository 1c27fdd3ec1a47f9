"""Where the reader's highlights fall: matching ignoring case and accents, Qt's offsets, the
current hit, the spans near the text in view (no Qt)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.folding import fold, fold_with_origin
from briefing_app.ui.text_matching import Matches, ViewText, find_spans, spans_in_window


@pytest.mark.parametrize(
    ("text", "terms", "whole", "expected"),
    [
        ("Straße en STRASSE", ["strasse"], True, ["Straße", "STRASSE"]),
        ("Café, cafe, CAFÉS", ["café"], True, ["Café", "cafe"]),
        ("Sigrid  Kaag en Kaag", ["Sigrid Kaag", "Kaag"], True, ["Sigrid  Kaag", "Kaag"]),
        ("VN-vluchtelingen", ["vluchtelingen"], True, ["vluchtelingen"]),
        ("NAVO-top", ["navo-top"], True, ["NAVO-top"]),
        ("onopvallend", ["val"], False, ["val"]),
        ("onopvallend", ["val"], True, []),
    ],
)
def test_find_spans(text: str, terms: list[str], whole: bool, expected: list[str]) -> None:
    spans = find_spans(fold_with_origin(text), terms, whole_words=whole)
    assert [text[start:end] for start, end in spans] == expected


def test_overlapping_matches_of_a_folded_text_are_one_span() -> None:
    # "ß" folds to two characters, so offsets differ and matches are merged by hand.
    text = "Straße Kaag"
    assert find_spans(fold_with_origin(text), ["strasse", "asse"], whole_words=False) == [(0, 6)]


def test_blank_terms_find_nothing() -> None:
    assert find_spans(fold_with_origin("tekst"), ["", "  "], whole_words=True) == []


def _find_before_the_first_letter(text: str, term: str) -> list[tuple[int, int]]:
    """Whole-word spans of one term, with the word-start test in front, as first written."""
    folded = fold_with_origin(text)
    words = fold(term).split()
    body = r"\s+".join(re.escape(word) for word in words)
    if re.match(r"\w", words[0]):
        body = r"(?<!\w)" + body
    if re.search(r"\w$", words[-1]):
        body += r"(?!\w)"
    return [folded.span(m.start(), m.end()) for m in re.finditer(body, folded.text)]


@given(
    st.text(alphabet="ab -.\nÄéß", max_size=30),
    st.text(alphabet="ab -.é", min_size=1, max_size=4).filter(str.strip),
)
def test_whole_word_matching_tests_the_word_start_after_its_first_letter(
    text: str, term: str
) -> None:
    assert find_spans(fold_with_origin(text), [term], whole_words=True) == (
        _find_before_the_first_letter(text, term)
    )


def test_offsets_after_astral_characters_are_counted_as_qt_counts_them() -> None:
    text = ViewText("😀😀 Jordanië werkt.")
    [(start, end)] = text.find(["jordanie"], whole_words=True)
    assert (start, end) == (3, 11)
    assert (text.to_qt(start), text.to_qt(end)) == (5, 13)  # an emoji is two UTF-16 units
    plain = ViewText("Jordanië")
    assert plain.to_qt(8) == 8


def test_the_current_match_steps_round_the_ends() -> None:
    matches = Matches()
    assert matches.position() == (0, 0) and matches.current_span() is None
    assert not matches.step(1)
    matches.reset([(0, 2), (5, 7), (9, 11)])
    assert matches.position() == (1, 3) and matches.current_span() == (0, 2)
    assert matches.step(-1) and matches.position() == (3, 3)
    assert matches.step(1) and matches.current_span() == (0, 2)
    assert matches.go_to(1) and matches.current_span() == (5, 7)
    assert not matches.go_to(3) and not matches.go_to(-1)
    assert matches.position() == (2, 3)


def test_spans_near_the_text_in_view() -> None:
    spans = [(0, 4), (10, 14), (20, 24)]
    assert spans_in_window(spans, None) == spans
    assert spans_in_window(spans, (12, 20)) == [(10, 14), (20, 24)]
    assert spans_in_window(spans, (15, 19)) == []
    # Offsets counted in code points, the window in Qt's units (two a character here).
    assert spans_in_window(spans, (12, 20), lambda position: 2 * position) == [(10, 14)]
