"""Country recognition: names, short forms and nationality words in Dutch and English, and
the classic traps (first names, regions, cities, look-alike names)."""

from __future__ import annotations

import pytest

from briefing_app.entities.countries import (
    country_name,
    find_countries,
    is_place_name,
    place_names,
    sovereign_codes,
)


def codes(text: str, language: str) -> list[str]:
    return [m.key for m in find_countries(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # CLDR names in both languages
        ("Koeweit en Australië doen mee.", "nl", ["KW", "AU"]),
        ("Kuwait and Australia take part.", "en", ["KW", "AU"]),
        ("Een bezoek aan Syrië.", "nl", ["SY"]),
        # short forms and abbreviations
        ("Dat meldt de VS.", "nl", ["US"]),
        ("Ook de Verenigde Staten en het VK zijn er.", "nl", ["US", "GB"]),
        ("Both the US and the UK agreed.", "en", ["US", "GB"]),
        ("Amerika en Groot-Brittannië", "nl", ["US", "GB"]),
        ("Holland wint.", "nl", ["NL"]),
        # adjectives and inhabitants, Dutch inflected forms included
        ("de Jordaanse koning", "nl", ["JO"]),
        ("Het Nederlandse kabinet", "nl", ["NL"]),
        ("Britse en Franse militairen", "nl", ["GB", "FR"]),
        ("De Britten stemden.", "nl", ["GB"]),
        ("zijn Malinese ambtgenoot", "nl", ["ML"]),
        ("Oekraïense en Russische troepen", "nl", ["UA", "RU"]),
        ("Chinese hackers", "nl", ["CN"]),
        ("the Dutch government", "en", ["NL"]),
        ("Russian troops crossed.", "en", ["RU"]),
        ("Ukraine's Prosecutor General", "en", ["UA"]),
        # compounds with a hyphen separate words
        ("de Nederlands-Duitse samenwerking", "nl", ["NL", "DE"]),
        # look-alikes: the longest name wins
        ("Niger en Nigeria", "nl", ["NE", "NG"]),
        ("Zuid-Soedan en Soedan", "nl", ["SS", "SD"]),
        ("Noord-Korea en Zuid-Korea", "nl", ["KP", "KR"]),
        (
            "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea",
            "en",
            ["GN", "GW", "GQ", "PG"],
        ),
        ("Dominica and the Dominican Republic", "en", ["DM", "DO"]),
        ("Wit-Rusland grenst aan Rusland.", "nl", ["BY", "RU"]),
        # Turkey the country, turkey the bird
        ("Turkey and Türkiye", "en", ["TR", "TR"]),
        ("We ate turkey.", "en", []),
        # Georgia: the state in the Caucasus by default, the US state in a US context
        ("Support for Ukraine and Georgia.", "en", ["UA", "GE"]),
        ("The governor of Georgia spoke in Atlanta.", "en", []),
        # first names
        ("Jordan Peterson gave a talk.", "en", []),
        ("Michael Jordan retired.", "en", []),
        ("King Abdullah of Jordan visited.", "en", ["JO"]),
        ("Chad Smith plays drums.", "en", []),
        ("Refugees fled to Chad.", "en", ["TD"]),
        ("Eurocommissaris Frans Timmermans", "nl", []),
        # regions, continents and cities are not countries
        ("Latijns-Amerika en Zuid-Amerika", "nl", []),
        ("Latin American leaders", "en", []),
        ("Midden-Oosten, Europa, Sahel, Den Haag en Brussel", "nl", []),
        ("in Noord-Holland en Zuid-Holland", "nl", []),
        # the language is not the nationality
        ("De tekst is in het Frans beschikbaar.", "nl", []),
        ("The report is available in Dutch.", "en", []),
        # nationality words count only in their own language
        ("Fins and Pools", "en", []),
        # all-caps headlines do not make acronyms
        ("LET US GO NOW", "en", []),
    ],
)
def test_find_countries(text: str, language: str, expected: list[str]) -> None:
    assert codes(text, language) == expected


def test_mentions_carry_surface_and_offsets() -> None:
    text = "Minister Blok sprak met de Jordaanse koning."
    [mention] = find_countries(text, "nl")
    assert (mention.key, mention.surface) == ("JO", "Jordaanse")
    assert text[mention.start : mention.end] == "Jordaanse"


@pytest.mark.parametrize(
    ("code", "language", "name"),
    [
        ("NL", "nl", "Nederland"),
        ("NL", "en", "Netherlands"),
        ("JO", "nl", "Jordanië"),
        ("DE", "en", "Germany"),
        ("DE", "fr", "Germany"),  # other UI languages fall back to English
    ],
)
def test_country_name(code: str, language: str, name: str) -> None:
    assert country_name(code, language) == name


def test_every_sovereign_state_has_a_name_and_is_found_by_it() -> None:
    assert len(sovereign_codes()) >= 193
    for code in sovereign_codes():
        for language in ("nl", "en"):
            name = country_name(code, language)
            assert code in codes(f"Een bericht over {name} vandaag.", language), (code, name)


@pytest.mark.parametrize(
    ("name", "is_place"),
    [
        ("Den Haag", True),
        ("Brussel", True),
        ("Brussels", True),
        ("Sahel", True),
        ("Midden-Oosten", True),
        ("Europa", True),
        ("Amsterdam", True),
        ("Ankara", True),
        ("New York", True),
        ("Blok", False),
        ("Rutte", False),
        ("Nederland", False),  # a country, not a mere place
    ],
)
def test_place_names(name: str, is_place: bool) -> None:
    assert is_place_name(name) is is_place


def test_place_names_hold_no_common_first_names() -> None:
    assert not {"Sofia", "Santiago", "Victoria", "Regina", "Darwin"} & place_names()
