"""Entity aliases widen the search: a name finds the documents that name the entity otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.documents import read_document
from briefing_app.entities.aliases import alias_table
from briefing_app.entities.corrections import Corrections
from briefing_app.entities.model import EntityType
from briefing_app.launcher import main
from briefing_app.library import Library
from briefing_app.search import SearchRequest
from briefing_app.search.expansion import MAX_NAMES, MAX_PHRASES, expand_query
from tests.core.test_library import write

SANCTIONS = """ date 2022-03 Nieuw sanctiepakket tegen Rusland

De Europese Unie heeft een nieuw sanctiepakket tegen Rusland aangenomen. Nederland steunt de
maatregelen.
"""
TARIFFS = """ date 2018-06 Tariffs on steel

The European Union answers the tariffs of the United States on steel and aluminium.
"""
SUMMIT = """ date 2018-07 Top in Brussel

De NAVO-landen spraken in Brussel over de Verenigde Staten en over defensie. Minister Ferd
Grapperhaus was er niet bij.
"""
PLAIN = """ date 2019-01 Een gewone dag

Er is niets te melden. We kijken vs. vorig jaar naar de cijfers van het UN-kantoor niet.
"""


@pytest.fixture
def library(tmp_path: Path):
    folder = tmp_path / "docs"
    write(folder, "sanctions.txt", SANCTIONS)
    write(folder, "tariffs.txt", TARIFFS)
    write(folder, "summit.txt", SUMMIT)
    write(folder, "plain.txt", PLAIN)
    with Library(tmp_path / "data") as lib:
        lib.import_paths([folder])
        yield lib


def titles(library: Library, query: str, **options: object) -> set[str]:
    results = library.search(SearchRequest(query=query, **options))  # type: ignore[arg-type]
    return {hit.title for hit in results.hits}


def test_an_acronym_finds_the_full_names_in_both_languages(library: Library) -> None:
    results = library.search(SearchRequest(query="EU"))
    assert {hit.title for hit in results.hits} == {
        "Nieuw sanctiepakket tegen Rusland",
        "Tariffs on steel",
    }
    assert results.query == "EU"
    assert results.expanded == {"EU": ["Europese Unie", "European Union"]}
    # The snippets mark the form that matched.
    snippets = " ".join(hit.snippet for hit in results.hits)
    assert "<mark>Europese</mark> <mark>Unie</mark>" in snippets
    assert "<mark>European</mark> <mark>Union</mark>" in snippets


def test_every_name_finds_the_others(library: Library) -> None:
    both = {"Nieuw sanctiepakket tegen Rusland", "Tariffs on steel"}
    assert titles(library, "European Union") == both
    assert titles(library, '"Europese Unie"') == both
    assert titles(library, "europese unie") == both  # more than one word: any case
    # "VS" and "United States" are one country; "NATO" finds "NAVO-landen".
    assert titles(library, "VS") == {"Top in Brussel", "Tariffs on steel", "Een gewone dag"}
    assert titles(library, "United States") == {"Top in Brussel", "Tariffs on steel"}
    assert titles(library, "NATO") == {"Top in Brussel"}


def test_literal_searches_only_what_was_typed(library: Library) -> None:
    results = library.search(SearchRequest(query="EU", literal=True))
    assert results.total == 0 and results.expanded == {}
    assert titles(library, "European Union", literal=True) == {"Tariffs on steel"}
    assert titles(library, "VS", literal=True) == {"Een gewone dag"}


def test_acronyms_expand_only_in_capitals(library: Library) -> None:
    # "vs", "un" and "eu" are ordinary words (and "vs." is in the plain document).
    for query in ("vs", "un", "eu", "Vs", "Eu"):
        assert library.search(SearchRequest(query=query)).expanded == {}, query
    # The index folds case: "vs" finds "vs.", but not "United States".
    assert titles(library, "vs") == {"Een gewone dag"}
    assert titles(library, "eu") == set()


def test_adjectives_are_no_names(library: Library) -> None:
    assert library.search(SearchRequest(query="Dutch")).expanded == {}
    assert library.search(SearchRequest(query="Europees")).expanded == {}


def test_operators_keep_working(library: Library) -> None:
    assert titles(library, "EU AND sanctiepakket") == {"Nieuw sanctiepakket tegen Rusland"}
    assert titles(library, "EU NOT sanctiepakket") == {"Tariffs on steel"}
    assert titles(library, "(EU OR NAVO) AND steel") == {"Tariffs on steel"}
    assert titles(library, "EU date:2018") == {"Tariffs on steel"}
    assert titles(library, "EU date:[2022-01 TO 2022-12]") == {"Nieuw sanctiepakket tegen Rusland"}
    assert titles(library, "sanctie* EU") == {"Nieuw sanctiepakket tegen Rusland"}
    assert titles(library, "VS staal~") == set()  # fuzzy: one edit, "steel" is two
    # Not widened: the operand of NOT, a field's value, a prefix.
    assert titles(library, "steel NOT EU") == {"Tariffs on steel"}
    assert library.search(SearchRequest(query="steel NOT EU")).expanded == {}
    assert library.search(SearchRequest(query="title:EU")).expanded == {}
    assert library.search(SearchRequest(query="EU*")).expanded == {}


def test_a_users_rename_makes_the_names_one(tmp_path: Path, library: Library) -> None:
    other = Library(library.data_dir)  # a second process's view (the window's search process)
    try:
        before = other.search(SearchRequest(query="Ferdinand Grapperhaus"))
        assert before.total == 0 and before.expanded == {}
        library.correct_entity("rename", "person", "Ferd Grapperhaus", "Ferdinand Grapperhaus")
        after = other.search(SearchRequest(query="Ferdinand Grapperhaus"))
        assert [hit.title for hit in after.hits] == ["Top in Brussel"]
        assert after.expanded == {"Ferdinand Grapperhaus": ["Ferd Grapperhaus"]}
    finally:
        other.close()


def test_a_merge_joins_an_unknown_name_to_a_known_entity() -> None:
    corrections = Corrections()
    corrections.merge(EntityType.ORGANIZATION, "Brussel-club", "Europese Unie")
    table = alias_table(corrections)
    assert "Brussel-club" in table.names_for("EU")
    assert "European Union" in table.names_for("Brussel-club")
    corrections.hide(EntityType.ORGANIZATION, "Europese Unie")
    assert alias_table(corrections).names_for("EU") == []
    assert alias_table().names_for("Brussel-club") == []  # without the correction


def test_highlights_follow_the_match(library: Library) -> None:
    path = next(e.path for e in library.documents() if e.title.startswith("Nieuw"))
    document = read_document(Path(path))
    assert {"Europese", "Unie"} <= set(library.highlight_words("EU", document))
    assert library.highlight_words("EU", document, literal=True) == []


def test_names_that_would_find_other_places_are_not_searched_for() -> None:
    table = alias_table()
    # "America" is in "Latin America", "Korea" in "Noord-Korea": searched for on another
    # name's behalf they would find other places. Typed, they still name the country.
    assert "America" not in table.names_for("VS")
    # The index ignores case: "US" would find "us", "WHO" "who". Typed, they still expand.
    assert "US" not in table.names_for("Verenigde Staten")
    assert "WHO" not in table.names_for("World Health Organization")
    assert "World Health Organization" in table.names_for("WHO")
    assert "Korea" not in table.names_for("Zuid-Korea")
    assert "South Korea" in table.names_for("Korea")
    # An organization's everyday one-word name is not searched for ("Kamer" is a room).
    assert "Kamer" not in table.names_for("Tweede Kamer")
    assert table.names_for("kamer") == []  # and lower-case it is no name at all
    assert "Tweede Kamer" in table.names_for("Kamer")


def test_the_query_rewriting() -> None:
    names = {
        "EU": ["Europese Unie", "EU", "European Union"],
        "Verenigde Staten": [
            "Verenigde Staten",
            "United States",
            "VS",
            "Verenigde Staten van Amerika",
        ],
    }

    def lookup(typed: str) -> list[str]:
        return names.get(typed, [])

    def expand(text: str) -> str:
        return expand_query(text, lookup, longest=3).query

    assert expand("EU") == '(EU OR "Europese Unie" OR "European Union")'
    # Longest first; the typed words stay the first alternative (AND: nothing is lost).
    assert expand("Verenigde Staten sancties") == (
        '((Verenigde Staten) OR "United States" OR VS) sancties'
    )
    assert expand('"EU" OR x') == '("EU" OR "Europese Unie" OR "European Union") OR x'
    for unchanged in (
        "NOT EU",
        "x NOT (EU OR y)",
        "title:EU",
        "title:(EU OR y)",
        "EU*",
        "EU~",
        "EU^2",
        '"EU"~2',
        '"EU',
        "eu",
    ):
        assert expand(unchanged) == unchanged, unchanged
    assert expand("(x OR EU) AND NOT y") == (
        '(x OR (EU OR "Europese Unie" OR "European Union")) AND NOT y'
    )
    assert expand("date:[2018-01 TO 2018-06] EU").startswith("date:[2018-01 TO 2018-06] (EU OR")
    many = expand_query("VK", lambda typed: [f"Naam{n}" for n in range(20)])
    assert len(many.expanded["VK"]) == MAX_NAMES

    # Phrases are what a widened search pays for: a query gets MAX_PHRASES of them at most,
    # later names only their one-word names.
    def three(typed: str) -> list[str]:
        return [] if " " in typed else [f"X{typed} een", f"X{typed} twee", f"{typed}1"]

    phrases = expand_query("A B C D", three)
    added = [name for names in phrases.expanded.values() for name in names]
    assert sum(" " in name for name in added) == MAX_PHRASES
    assert phrases.expanded["D"] == ["D1"]


def test_search_json_says_what_was_widened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "docs"
    write(folder, "sanctions.txt", SANCTIONS)
    write(folder, "tariffs.txt", TARIFFS)
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(folder)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "search", "EU", "--json"]) == 0
    widened = json.loads(capsys.readouterr().out)
    assert widened["query"] == "EU" and widened["total"] == 2
    assert widened["expanded"] == {"EU": ["Europese Unie", "European Union"]}
    assert main(["--data-dir", data, "search", "EU", "--json", "--literal"]) == 0
    literal = json.loads(capsys.readouterr().out)
    assert literal["total"] == 0 and literal["expanded"] == {}
    assert main(["--data-dir", data, "search", "EU"]) == 0
    assert "“EU” also searched as Europese Unie, European Union" in capsys.readouterr().out


def test_a_new_process_reads_the_alias_table_from_the_cache_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefing_app.entities import aliases

    corrections = Corrections()
    corrections.merge(EntityType.PERSON, "Ferd", "Ferd Grapperhaus")
    built = alias_table(corrections)
    aliases._kept_table.cache_clear()  # as a new process would

    def building(*_args: object) -> None:
        raise AssertionError("the table was built again")

    monkeypatch.setattr(aliases, "_table", building)
    assert alias_table(corrections) == built
    corrections.merge(EntityType.PERSON, "Grapperhaus", "Ferd Grapperhaus")
    with pytest.raises(AssertionError, match="built again"):
        alias_table(corrections)  # other corrections: another table
