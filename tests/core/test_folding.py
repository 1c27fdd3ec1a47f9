"""One text folding for index, queries, snippets and the reader: whatever the characters,
the index side, the query side and the highlighting agree."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.folding import fold, fold_char, fold_with_origin
from briefing_app.search import IndexRecord, SearchIndex, SearchRequest


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Jordanië", "jordanie"),
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("ﬁnanciën", "financien"),  # the ligature a PDF leaves in copied text
        ("Ｂｒｕｓｓｅｌ", "brussel"),  # full-width letters
        ("10\u00a0000", "10 000"),  # non-breaking space
        ("“Brexit” – ‘deal’", "\"brexit\" - 'deal'"),
        ("Øresund, Łódź", "oresund, lodz"),
        ("İbrahim", "ibrahim"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FFF), max_size=60))
def test_fold_is_the_fold_of_each_character(text: str) -> None:
    assert fold(text) == "".join(map(fold_char, text)).lower()
    folded = fold_with_origin(text)
    assert folded.text == fold(text)
    assert len(folded.origin) == len(folded.text)


def _fold_char_by_char(text: str) -> tuple[str, tuple[int, ...]]:
    """fold_with_origin as it was first written: one character at a time."""
    chars, origin = [], []
    for index, char in enumerate(text):
        folded = fold(char)
        chars.append(folded)
        origin.extend([index] * len(folded))
    return "".join(chars), tuple(origin)


@given(st.text(alphabet="aZ -.éëÉßİıﬁ\u0301😀Ǆ", max_size=40))
def test_folding_a_text_at_once_keeps_every_character_s_origin(text: str) -> None:
    folded = fold_with_origin(text)
    assert (folded.text, tuple(folded.origin)) == _fold_char_by_char(text)


# Words written the ways real documents and queries write them: accents, ligatures,
# full-width forms, capitals.
_VARIANTS = {
    "a": ["a", "á", "à", "ä", "A", "Ａ"],
    "e": ["e", "é", "ë", "E", "É"],
    "i": ["i", "ï", "í", "I"],
    "o": ["o", "ö", "ó", "O"],
    "u": ["u", "ü", "ú", "U"],
    "fi": ["fi", "ﬁ", "FI"],
    "fl": ["fl", "ﬂ"],
    "ss": ["ss", "ß"],
}


def _written(pieces: list[str], choices: list[int]) -> str:
    out = []
    for piece, choice in zip(pieces, choices, strict=True):
        options = _VARIANTS.get(piece, [piece])
        out.append(options[choice % len(options)])
    return "".join(out)


_LETTERS = sorted(set("bdgklmnprstvz")) + sorted(_VARIANTS)


def _word(rng: random.Random) -> list[str]:
    return [rng.choice(_LETTERS) for _ in range(rng.randint(4, 9))]


# Words as documents write them, one document each: (pieces, written form, language).
_DOCS = [
    (pieces, _written(pieces, [rng.randint(0, 5) for _ in pieces]), rng.choice(["nl", "en", "de"]))
    for rng in [random.Random(7)]
    for pieces in (_word(rng) for _ in range(120))
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    index = SearchIndex(Path(tmp_path_factory.mktemp("folding")) / "index")
    index.create_empty()
    with index.writing() as writer:
        for number, (_pieces, written, language) in enumerate(_DOCS):
            writer.upsert(
                IndexRecord(
                    id=str(number),
                    path=f"/{number}.txt",
                    title="",
                    body=f"Zin met {written} erin.",
                    language=language,
                )
            )
    yield index
    index.close()


@settings(max_examples=60, deadline=None)
@given(
    number=st.integers(0, len(_DOCS) - 1),
    typed=st.lists(st.integers(0, 5), min_size=9, max_size=9),
)
def test_index_query_and_highlighting_fold_alike(
    index: SearchIndex, number: int, typed: list[int]
) -> None:
    pieces, in_text, language = _DOCS[number]
    in_query = _written(pieces, typed[: len(pieces)])
    same_word = {str(n) for n, (_p, text, _l) in enumerate(_DOCS) if fold(text) == fold(in_text)}
    found = index.search(SearchRequest(query=in_query, limit=len(_DOCS)))
    assert str(number) in {hit.id for hit in found.hits}, (in_text, in_query)
    for hit in found.hits:
        if hit.id in same_word:
            assert "<mark>" in hit.snippet
    body = f"Zin met {in_text} erin."
    assert index.highlight_words(in_query, body, language) == [in_text]


@pytest.mark.parametrize("name", ["Straße", "ﬁnanciën", "O’Gorman", "Côte d’Ivoire", "ＮＡＶＯ"])
def test_entity_names_and_aliases_fold_as_the_index_does(name: str) -> None:
    from briefing_app.entities.aliases import fold as alias_fold
    from briefing_app.entities.extractor import fold as name_fold

    assert name_fold(name) == alias_fold(name) == fold(name)
