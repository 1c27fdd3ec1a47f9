"""One entity across languages and spellings, named in the reader's language (issue #18).

- Poetin/Putin, Navalnyj/Navalny, Zelenski/Zelenskyy: one person in a document and across
  the library, shown in the spelling of the reader's language;
- a short form ("Tedros", "Blok") joins the one full name the library knows, whichever
  document came first;
- countries and known organizations are named in the reader's language in every panel.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.entities import (
    DocumentEntities,
    Entity,
    EntityType,
    display_name,
    extract_entities,
    merge_people_across,
    resolve_people,
    same_name,
)
from briefing_app.library import Library
from briefing_app.search import SearchRequest

# Transliterations of one name from Russian, Ukrainian, Georgian, Kazakh, Persian and Korean:
# the Dutch spelling, the English one, and sources' own.
SAME = [
    ("Vladimir Poetin", "Vladimir Putin"),
    ("Aleksej Navalnyj", "Alexei Navalny"),
    ("Aleksej Navalnyj", "Alexey Navalny"),
    ("Zelenski", "Zelensky"),
    ("Zelenskyj", "Zelenskyy"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Sergej Sjojgoe", "Sergei Shoigu"),
    ("Michail Gorbatsjov", "Mikhail Gorbachev"),
    ("Nikita Chroesjtsjov", "Nikita Khrushchev"),
    ("Jevgeni Prigozjin", "Yevgeny Prigozhin"),
    ("Joelia Timosjenko", "Yulia Tymoshenko"),
    ("Joelia Navalnaja", "Yulia Navalnaya"),
    ("Noersoeltan Nazarbajev", "Nursultan Nazarbayev"),
    ("Vitali Klitsjko", "Vitali Klitschko"),
    ("Viktor Janoekovytsj", "Viktor Yanukovych"),
    ("Micheil Saakasjvili", "Mikheil Saakashvili"),
    ("Maria Zacharova", "Maria Zakharova"),
    ("Dmytro Koeleba", "Dmytro Kuleba"),
    ("Andrij Jermak", "Andriy Yermak"),
    ("Boris Jeltsin", "Boris Yeltsin"),
    ("Ali Chamenei", "Ali Khamenei"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ("Kim Jong-un", "Kim Jong Un"),
]
# Different names, also where they differ by a letter only.
DIFFERENT = [
    ("Jan Jansen", "Jan Janssen"),
    ("Anne Bakker", "Anne Baker"),
    ("Hugo de Jong", "Hugo de Jonge"),
    ("Stef Blok", "Stef Bok"),
    ("Mona Keijzer", "Mona Keizer"),
    ("Mark Smit", "Mark Smith"),
    ("Abdullah II", "Abdullah I"),
    ("Ank Bijleveld", "Ank Bijlevelt"),
]


@pytest.mark.parametrize(("first", "second"), SAME)
def test_spellings_of_one_name_are_one_name(first: str, second: str) -> None:
    assert same_name(first, second)


@pytest.mark.parametrize(("first", "second"), DIFFERENT)
def test_names_a_letter_apart_stay_apart(first: str, second: str) -> None:
    assert not same_name(first, second)


def test_one_document_spelling_a_name_two_ways_lists_one_person() -> None:
    text = (
        "President Zelensky sprak maandag met de NAVO. Volgens Vladimir Poetin is dat een "
        "provocatie. President Zelenskyy zei later dat Poetin niet te vertrouwen is."
    )
    people = extract_entities(text, "nl").people
    assert [(p.count, {p.name, *p.aliases}) for p in people] == [
        (2, {"Vladimir Poetin", "Poetin"}),
        (2, {"Zelensky", "Zelenskyy"}),
    ]


def test_a_surname_in_another_spelling_is_that_person_in_the_same_text() -> None:
    # "Putin" alone has no title or first name: it counts as Vladimir Poetin's surname.
    text = "De Russische president Vladimir Poetin sprak. Later zei Putin dat hij bleef."
    [person] = extract_entities(text, "nl").people
    assert (person.name, person.count, person.aliases) == ("Vladimir Poetin", 2, ["Putin"])
    # Nobody's surname: no person.
    assert extract_entities("Later zei Putin dat hij bleef.", "nl").people == []


def _person(name: str, count: int = 1) -> Entity:
    return Entity(EntityType.PERSON, name, name, count)


def test_the_library_lists_a_person_once_in_either_language() -> None:
    library = {
        "nl": DocumentEntities(people=[_person("Vladimir Poetin", 3), _person("Navalnyj")]),
        "en": DocumentEntities(people=[_person("Vladimir Putin"), _person("Alexei Navalny")]),
        "short": DocumentEntities(people=[_person("Putin", 2)]),
    }
    merged = merge_people_across(library, preference={"Vladimir Putin": 1.0})
    assert [(p.name, p.count) for p in merged["nl"].people] == [
        ("Vladimir Putin", 3),
        ("Alexei Navalny", 1),
    ]
    assert merged["nl"].people[0].aliases == ["Vladimir Poetin"]
    assert [p.name for p in merged["short"].people] == ["Vladimir Putin"]
    # Without a preference: one spelling for all, the same whichever it is.
    names = {p.name for doc in merge_people_across(library).values() for p in doc.people}
    assert len(names) == 2


def test_a_name_used_by_its_first_part_joins_the_full_name_elsewhere_in_the_library() -> None:
    resolved = resolve_people(["Tedros", "Tedros Adhanom Ghebreyesus", "Mark Rutte", "Mark"])
    assert resolved == {"Tedros": "Tedros Adhanom Ghebreyesus"}  # "Mark" is a first name


def test_a_transliterated_name_may_spell_its_given_name_apart_too() -> None:
    resolved = resolve_people(
        ["Aleksandr Loekasjenko", "Loekasjenko", "Alexander Lukashenko"],
        preference={"Alexander Lukashenko": 2.0},
    )
    assert resolved == {
        "Aleksandr Loekasjenko": "Alexander Lukashenko",
        "Loekasjenko": "Alexander Lukashenko",
    }
    # A surname written one way only is no transliteration: two people.
    assert resolve_people(["Jan Jansen", "Jon Jansen", "Aleksandr Loekasjenko"]) == {}


def test_a_double_surname_is_one_surname_across_the_library() -> None:
    # "Minister Schouten" (Carola Schouten) is not Ank Bijleveld-Schouten.
    names = ["A.Th.B. Bijleveld-Schouten", "Schouten", "Bijleveld-Schouten"]
    assert resolve_people(names) == {"Bijleveld-Schouten": "A.Th.B. Bijleveld-Schouten"}


def test_a_short_form_that_fits_two_people_stays_alone() -> None:
    resolved = resolve_people(
        ["Stef Blok", "Ank Blok", "Blok", "Tedros", "Tedros Adhanom", "Tedros Ghebreyesus"]
    )
    assert resolved == {}


# -- in a library ---------------------------------------------------------------------------

DUTCH_SHORT = """ date 2020-03 WHO waarschuwt voor tweede golf

Volgens directeur-generaal Tedros van de WHO is de situatie ernstig. Tedros zei dat landen
moeten blijven testen. De Russische president Vladimir Poetin kondigde maatregelen aan.
Minister Blok van Buitenlandse Zaken overlegt met de Europese Unie en de VN.
"""

ENGLISH_FULL = """ date 2020-04 WHO warns of a second wave

WHO Director-General Tedros Adhanom Ghebreyesus warned on Wednesday that the pandemic is far
from over. Russian President Vladimir Putin announced new measures. The European Union and
the Dutch Ministry of Foreign Affairs agreed, Foreign Minister Stef Blok said at the UN.
"""


def _import(data_dir: Path, folder: Path, name: str, text: str, language: str = "en") -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    with Library(data_dir, language=language) as library:
        library.import_paths([path])
        return library.catalog.get_by_path(str(path.resolve())).id  # type: ignore[union-attr]


def _people(library: Library, doc_id: str) -> list[str]:
    return [r.name for r in library.open_document(doc_id).entities if r.type == "person"]


def _organizations(library: Library, doc_id: str) -> set[str]:
    return {r.name for r in library.open_document(doc_id).entities if r.type == "org"}


@pytest.fixture
def two_languages(tmp_path: Path) -> tuple[Path, str, str]:
    folder = tmp_path / "sources"
    folder.mkdir()
    data_dir = tmp_path / "data"
    # The short forms come first; the full names only with the second import.
    dutch = _import(data_dir, folder, "kort.txt", DUTCH_SHORT)
    english = _import(data_dir, folder, "full.txt", ENGLISH_FULL)
    return data_dir, dutch, english


def test_short_forms_imported_first_join_the_full_names_imported_later(
    two_languages: tuple[Path, str, str],
) -> None:
    data_dir, dutch, _english = two_languages
    with Library(data_dir, language="en") as library:
        assert sorted(_people(library, dutch)) == [
            "Stef Blok",
            "Tedros Adhanom Ghebreyesus",
            "Vladimir Putin",
        ]
        table = {row.name: docs for row, docs in library.entity_table("person")}
        assert table == {"Stef Blok": 2, "Tedros Adhanom Ghebreyesus": 2, "Vladimir Putin": 2}


def test_people_are_named_in_the_spelling_of_the_readers_language(
    two_languages: tuple[Path, str, str],
) -> None:
    data_dir, dutch, english = two_languages
    with Library(data_dir, language="nl") as library:
        assert "Vladimir Poetin" in _people(library, english)
        assert "Vladimir Poetin" in {row.name for row, _ in library.entity_table("person")}
    with Library(data_dir, language="en") as library:
        assert "Vladimir Putin" in _people(library, dutch)


@pytest.mark.parametrize("typed", ["Putin", "Poetin", "Vladimir Poetin", "Vladimir Putin"])
def test_filtering_by_any_spelling_finds_the_person_in_both_languages(
    two_languages: tuple[Path, str, str], typed: str
) -> None:
    data_dir, _dutch, _english = two_languages
    with Library(data_dir, language="nl") as library:
        results = library.search(SearchRequest(query="", people=(typed,), facets=True))
        assert results.total == 2
        facets = {f.value: f.count for f in results.facets["people"]}
        assert facets["Vladimir Poetin"] == 2 and "Vladimir Putin" not in facets


def test_bookmarks_are_found_by_any_spelling(two_languages: tuple[Path, str, str]) -> None:
    data_dir, dutch, _english = two_languages
    with Library(data_dir, language="nl") as library:
        library.add_bookmark(dutch, quote="Vladimir Poetin kondigde maatregelen aan")
    with Library(data_dir, language="en") as library:
        assert len(library.list_bookmarks(entity="Putin")) == 1


def test_bookmarks_list_their_people_as_the_library_shows_them(
    two_languages: tuple[Path, str, str],
) -> None:
    data_dir, dutch, english = two_languages
    with Library(data_dir, language="nl") as library:  # saved as Dutch spellings
        library.add_bookmark(dutch, quote="Vladimir Poetin kondigde maatregelen aan")
        library.add_bookmark(english, quote="Russian President Vladimir Putin announced")
    with Library(data_dir, language="en") as library:
        for bookmark in library.list_bookmarks():
            assert "person:Vladimir Putin" in bookmark.entities
            assert "person:Vladimir Poetin" not in bookmark.entities
        counts = library.bookmark_entity_counts()
        assert counts["person:Vladimir Putin"] == 2 and "person:Vladimir Poetin" not in counts


def test_organizations_and_countries_are_named_in_the_readers_language(
    two_languages: tuple[Path, str, str],
) -> None:
    data_dir, dutch, english = two_languages
    with Library(data_dir, language="en") as library:
        assert {"European Union", "Ministry of Foreign Affairs"} <= _organizations(library, dutch)
        eu = next(r for r in library.open_document(dutch).entities if r.key == "Europese Unie")
        assert "Europese Unie" in eu.aliases  # as the document writes it: found in the reader
        countries = {r.name for r in library.open_document(english).entities if r.type == "country"}
        assert "Netherlands" in countries
    with Library(data_dir, language="nl") as library:
        assert {"Europese Unie", "Ministerie van Buitenlandse Zaken"} <= _organizations(
            library, english
        )
        countries = {r.name for r in library.open_document(english).entities if r.type == "country"}
        assert "Nederland" in countries
        table = {row.name: docs for row, docs in library.entity_table("org")}
        assert "European Union" not in table and "United Nations" not in table
        # One organization whichever language names it: EU / Europese Unie, VN / UN.
        assert table["Europese Unie"] == 2 and table["Verenigde Naties"] == 2
        assert library.search(SearchRequest(query="", organizations=("UN",))).total == 2


@pytest.mark.parametrize(
    ("kind", "key", "english", "dutch"),
    [
        ("org", "Europese Unie", "European Union", "Europese Unie"),
        ("org", "Ministerie van Buitenlandse Zaken", "Ministry of Foreign Affairs",
         "Ministerie van Buitenlandse Zaken"),
        ("org", "NAVO", "NATO", "NAVO"),
        ("org", "Verenigde Naties", "United Nations", "Verenigde Naties"),
        ("country", "DE", "Germany", "Duitsland"),
        ("org", "Acme Widgets Ltd", "Acme Widgets Ltd", "Acme Widgets Ltd"),
        # Another country's ministry: its country and portfolio in the reader's language.
        ("org", "Franse ministerie van Buitenlandse Zaken", "French Ministry of Foreign Affairs",
         "Franse ministerie van Buitenlandse Zaken"),
        ("org", "UK Ministry of Defence", "UK Ministry of Defence",
         "Britse ministerie van Defensie"),
        ("org", "German Ministry of the Interior", "German Ministry of the Interior",
         "Duitse ministerie van Binnenlandse Zaken"),
        # A portfolio not known in both languages, a department: as written.
        ("org", "UK Ministry of Housing, Communities and Local Government",
         "UK Ministry of Housing, Communities and Local Government",
         "UK Ministry of Housing, Communities and Local Government"),
        ("org", "US Department of Education", "US Department of Education",
         "US Department of Education"),
        ("person", "Vladimir Putin", "Vladimir Putin", "Vladimir Putin"),
    ],
)  # fmt: skip
def test_display_names_per_language(kind: str, key: str, english: str, dutch: str) -> None:
    assert (display_name(kind, key, "en"), display_name(kind, key, "nl")) == (english, dutch)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_correction_applies_to_every_name_of_the_person_shown(
    two_languages: tuple[Path, str, str], language: str
) -> None:
    data_dir, dutch, english = two_languages
    with Library(data_dir, language=language) as library:
        shown = "Vladimir Putin" if language == "en" else "Vladimir Poetin"
        library.correct_entity("hide", "person", shown)
        for doc in (dutch, english):
            assert not {"Vladimir Putin", "Vladimir Poetin"} & set(_people(library, doc))
        library.correct_entity("rename", "person", "Tedros Adhanom Ghebreyesus", "Dr Tedros")
        assert "Dr Tedros" in _people(library, dutch) and "Dr Tedros" in _people(library, english)


def test_a_surname_after_the_arabic_article_is_used_without_it() -> None:
    text = "De Syrische president Bashar al-Assad sprak. Hij was al weg, zei Assad."
    [person] = extract_entities(text, "nl").people
    # "al" (Dutch: already) is no mention of him; "Assad" is.
    assert (person.name, person.count, person.aliases) == ("Bashar al-Assad", 2, ["Assad"])
    assert resolve_people(["Bashar al-Assad", "Assad", "Al-Assad"]) == {
        "Assad": "Bashar al-Assad",
        "Al-Assad": "Bashar al-Assad",
    }


DUTCH_MINISTRY = """ date 2022-05 Britse steun

Het Britse ministerie van Defensie levert luchtverdediging. Dat meldt het Britse ministerie
van Defensie in Londen.
"""

ENGLISH_MINISTRY = """ date 2022-05 UK support

The UK Ministry of Defence will deliver air defence systems, the UK Ministry of Defence said.
"""


def test_a_filter_by_another_countrys_ministry_finds_it_by_its_name_in_either_language(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    _import(tmp_path / "data", folder, "en.txt", ENGLISH_MINISTRY)
    for language in ("en", "nl"):
        with Library(tmp_path / "data", language=language) as library:
            for name in ("UK Ministry of Defence", "Britse ministerie van Defensie"):
                request = SearchRequest(query="", organizations=(name,))
                assert library.search(request).total == 1


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "UK Ministry of Defence"), ("nl", "Britse ministerie van Defensie")],
)
def test_another_countrys_ministry_is_one_organization_in_either_language(
    tmp_path: Path, language: str, shown: str
) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    dutch = _import(tmp_path / "data", folder, "nl.txt", DUTCH_MINISTRY)
    english = _import(tmp_path / "data", folder, "en.txt", ENGLISH_MINISTRY)
    with Library(tmp_path / "data", language=language) as library:
        assert shown in _organizations(library, dutch) and shown in _organizations(library, english)
        table = {row.name: docs for row, docs in library.entity_table("org")}
        assert table[shown] == 2
        other = "Britse ministerie van Defensie" if language == "en" else "UK Ministry of Defence"
        assert other not in table
        for name in ("UK Ministry of Defence", "Britse ministerie van Defensie"):
            results = library.search(SearchRequest(query="", organizations=(name,), facets=True))
            assert results.total == 2
            assert {f.value for f in results.facets["organizations"]} == {shown}
            assert all(hit.organizations == [shown] for hit in results.hits)
