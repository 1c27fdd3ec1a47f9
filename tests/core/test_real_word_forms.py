"""On real Dutch circulaires (the 91 of ../shared/data/real where present, else the 18 of
tests/data/entities-real): the singular and the plural of every -ie noun they use find the
same documents (issue #17)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_app.library import Library
from briefing_app.search import SearchRequest
from tests.conftest import SHARED

ALL_CIRCULAIRES = SHARED / "data" / "real" / "nl-circulaires"
CIRCULAIRES = (
    ALL_CIRCULAIRES
    if ALL_CIRCULAIRES.is_dir()
    else Path(__file__).resolve().parents[1] / "data" / "entities-real" / "nl-circulaires"
)
# Old spellings the lemma dictionary writes the modern way for one form only
# ("publikatie" -> "publicatie", but "publikaties" stays): the two forms then differ.
OLD_SPELLINGS = {"lokatie", "publikatie"}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    with Library(tmp_path_factory.mktemp("real") / "data") as library:
        library.import_paths([CIRCULAIRES])
        yield library


def ie_nouns() -> list[tuple[str, str]]:
    words: set[str] = set()
    for path in CIRCULAIRES.glob("*.md"):
        words |= set(re.findall(r"\w+", path.read_text("utf-8").lower()))
    return sorted(
        (word, plural)
        for word in words
        if len(word) >= 5 and word.endswith("ie") and word not in OLD_SPELLINGS
        for plural in (word + "s", word + "ën")
        if plural in words
    )


def found(library: Library, query: str) -> set[str]:
    request = SearchRequest(query=query, limit=1000, snippets=False, suggest=False)
    return {hit.id for hit in library.search(request).hits}


@pytest.mark.slow
def test_every_ie_noun_finds_what_its_plural_finds(library: Library) -> None:
    nouns = ie_nouns()
    assert len(nouns) >= (40 if CIRCULAIRES == ALL_CIRCULAIRES else 5)
    table = [(one, many, found(library, one), found(library, many)) for one, many in nouns]
    print(f"\n{'singular':<24} {'plural':<26} {'sing':>5} {'plur':>5}")
    for one, many, by_one, by_many in table:
        print(f"{one:<24} {many:<26} {len(by_one):>5} {len(by_many):>5}")
    assert [(one, many) for one, many, a, b in table if a != b or not a] == []
