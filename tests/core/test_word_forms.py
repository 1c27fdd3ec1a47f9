"""Issue #17: a word finds its own plurals and inflections, in Dutch and English, and not the
words that merely contain its letters or share a stem with it.

Table-driven from tests/data/word_forms/ (see its README): one small document per form, all in
one index for the module; `benchmarks.search_quality` prints the same checks as figures.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from benchmarks.word_forms import (
    Pair,
    Trap,
    WordFormIndex,
    load_known_misses,
    load_pairs,
    load_traps,
)
from briefing_app.search import IndexRecord, SearchIndex, SearchRequest

NL_PAIRS = load_pairs("nl")
EN_PAIRS = load_pairs("en")
TRAPS = load_traps()
KNOWN_MISSES = load_known_misses()


def _rows(rows: list[Pair] | list[Trap]) -> list[object]:
    """The table's rows, those listed in known_misses.tsv as strict expected failures."""
    return [
        pytest.param(row, id=str(row), marks=pytest.mark.xfail(strict=True, reason=reason))
        if (reason := KNOWN_MISSES.get(str(row)))
        else pytest.param(row, id=str(row))
        for row in rows
    ]


@pytest.fixture(scope="module")
def words(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordFormIndex]:
    folder = tmp_path_factory.mktemp("word-forms") / "index"
    index = WordFormIndex.build(folder, NL_PAIRS + EN_PAIRS, TRAPS)
    yield index
    index.close()


def test_the_tables_cover_every_class_of_the_issue() -> None:
    assert len(NL_PAIRS) >= 220 and len(EN_PAIRS) >= 70 and len(TRAPS) >= 40
    assert all(pair.form_a != pair.form_b for pair in NL_PAIRS + EN_PAIRS)
    assert {
        "plural-s",
        "plural-apostrophe",
        "plural-en",
        "plural-en-double",
        "plural-en-open",
        "plural-en-f-v",
        "plural-en-s-z",
        "plural-ie-ies",
        "plural-ie-ieen",
        "plural-eren",
        "plural-vowel-change",
        "plural-latin",
        "verb-weak-participle",
        "verb-strong",
        "verb-irregular",
        "adj-aal-eel",
        "adj-ief",
        "compound-plural",
        "compound-head",
    } <= {pair.cls for pair in NL_PAIRS}
    assert {"plural-irregular", "plural-latin", "verb-irregular", "uk-us"} <= {
        pair.cls for pair in EN_PAIRS
    }


@pytest.mark.parametrize("pair", _rows(NL_PAIRS))
def test_dutch_word_forms_find_each_other(words: WordFormIndex, pair: Pair) -> None:
    assert words.pair_failures(pair) == []


@pytest.mark.parametrize("pair", _rows(EN_PAIRS))
def test_english_word_forms_find_each_other(words: WordFormIndex, pair: Pair) -> None:
    assert words.pair_failures(pair) == []


@pytest.mark.parametrize("trap", _rows(TRAPS))
def test_a_false_friend_is_not_found(words: WordFormIndex, trap: Trap) -> None:
    found = words.finds(trap.language, trap.query, trap.must_not_find)
    assert not found, f"{trap.query!r} finds {trap.must_not_find!r} ({trap.note})"


# Text copied from PDFs keeps the typographic ligatures: "ﬁ" is U+FB01, "ﬂ" U+FB02.
LIGATURES = IndexRecord(
    id="ligatures",
    path="/lib/begroting.txt",
    title="",
    body="Het ministerie van ﬁnanciën ziet de inﬂatie dalen.",
    language="nl",
)
# For each query word: a document with the word itself, one with another form of it, one with
# only a compound holding it. A user expects them in that order.
RANKED = {
    "pakket": (
        "Zij brachten het pakket",
        "Zij brachten de pakketten",
        "Zij brachten het sanctiepakket",
    ),
    "prijs": ("Wij noemen de prijs", "Wij noemen de prijzen", "Wij noemen de energieprijs"),
    "maatregel": (
        "Zo werkt de maatregel",
        "Zo werken de maatregelen",
        "Zo werkt de coronamaatregel",
    ),
    "organisatie": (
        "Hier werkt de organisatie",
        "Hier werken de organisaties",
        "Hier werkt de hulporganisatie",
    ),
    "kind": ("Daar speelt het kind", "Daar spelen de kinderen", "Daar speelt het pleegkind"),
    "policy": ("They changed the policy", "They changed the policies"),
    "child": ("There the child plays", "There the children play"),
    "organisation": ("The organisation works", "The organisations work"),
}

ENGLISH = {"policy", "child", "organisation"}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    records = [LIGATURES]
    for word, bodies in RANKED.items():
        language = "en" if word in ENGLISH else "nl"
        records += [
            IndexRecord(
                id=f"{word}-{rank}",
                path=f"/lib/{word}-{rank}.txt",
                title="",
                body=body,
                language=language,
            )
            for rank, body in enumerate(bodies)
        ]
    index = SearchIndex(tmp_path_factory.mktemp("ranking") / "index")
    index.rebuild(records)
    yield index
    index.close()


def found(index: SearchIndex, query: str) -> list[str]:
    results = index.search(SearchRequest(query=query, limit=50, snippets=False, suggest=False))
    return [hit.id for hit in results.hits]


@pytest.mark.parametrize("query", ["financiën", "financ*", "ﬁnanciën", "Financien", "inflatie"])
def test_a_word_with_a_pdf_ligature_is_found_as_typed(small: SearchIndex, query: str) -> None:
    assert "ligatures" in found(small, query)


@pytest.mark.parametrize("word", list(RANKED))
def test_the_word_itself_ranks_above_its_forms_and_its_compounds(
    small: SearchIndex, word: str
) -> None:
    expected = [f"{word}-{rank}" for rank in range(len(RANKED[word]))]
    hits = found(small, word)
    assert [hit for hit in hits if hit in expected] == expected
