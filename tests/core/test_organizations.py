"""Organization recognition: the curated gazetteer (Dutch and English names, acronyms in
exact case), the ministry-from-portfolio rule and the patterns for unknown organizations."""

from __future__ import annotations

import pytest

from briefing_app.entities.organizations import (
    find_organizations,
    is_acronym,
    organization_aliases,
    organization_name,
    resolve_organization,
)
from briefing_app.resources import resource_path

BZ = "Ministerie van Buitenlandse Zaken"


def keys(text: str, language: str) -> list[str]:
    return [m.key for m in find_organizations(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Dutch and English names and acronyms of one organization share one key
        ("De NAVO en de NATO", "nl", ["NAVO", "NAVO"]),
        ("VN, UN en de Verenigde Naties", "nl", ["Verenigde Naties"] * 3),
        ("EU-lidstaten en de Europese Unie", "nl", ["Europese Unie", "Europese Unie"]),
        ("the OSCE and the OVSE", "en", ["OVSE", "OVSE"]),
        ("Het Internationaal Strafhof (ICC)", "nl", ["Internationaal Strafhof"] * 2),
        ("de Wereldgezondheidsorganisatie (WHO)", "nl", ["WHO", "WHO"]),
        # hyphenated compounds name the organization
        ("AIVD-directeur Akerboom en de VN-missie", "nl", ["AIVD", "Verenigde Naties"]),
        # the longest name wins
        ("de VN-Veiligheidsraad", "nl", ["VN-Veiligheidsraad"]),
        ("het Nederlandse Rode Kruis", "nl", ["Rode Kruis"]),
        # acronyms only in their exact case; "Is" and "Who" are words
        ("Is dat zo? Who knows.", "en", []),
        ("Is het IS of ISIS?", "nl", ["Islamitische Staat", "Islamitische Staat"]),
        ("The WHO said so.", "en", ["WHO"]),
        ("HET IS ZOVER: OM EN EU", "nl", []),  # all-caps headline
        # armed groups
        ("ISIS, Al Qaeda en Boko Haram", "nl", ["Islamitische Staat", "Al Qaeda", "Boko Haram"]),
        ("al-Shabaab and Hezbollah", "en", ["Al-Shabaab", "Hezbollah"]),
        # a minister's portfolio names the ministry
        ("minister Blok van Buitenlandse Zaken", "nl", [BZ]),
        (
            "Minister De Jonge van Volksgezondheid, Welzijn en Sport",
            "nl",
            ["Ministerie van Volksgezondheid, Welzijn en Sport"],
        ),
        ("minister Bijleveld-Schouten (Defensie)", "nl", ["Ministerie van Defensie"]),
        (
            "staatssecretaris Van Ark van Sociale Zaken en Werkgelegenheid",
            "nl",
            ["Ministerie van Sociale Zaken en Werkgelegenheid"],
        ),
        ("Minister Kaag voor Buitenlandse Handel en Ontwikkelingssamenwerking", "nl", [BZ]),
        ("Minister of Foreign Affairs Wopke Hoekstra", "en", [BZ]),
        (
            "het ministerie van Justitie en Veiligheid",
            "nl",
            ["Ministerie van Justitie en Veiligheid"],
        ),
        # but not a foreign minister's portfolio
        ("de Franse minister van Defensie", "nl", []),
        ("Ukraine's Ministry of Defence", "en", []),
        # generic lower-case words are no organizations
        ("de politie en de kamer", "nl", []),
        # one-word names count only in their own language
        ("Marine life", "en", []),
        ("de Marine", "nl", ["Koninklijke Marine"]),
        # blockers
        ("the Amazon rainforest", "en", []),
        ("Amazon and Google", "en", ["Amazon", "Google"]),
    ],
)
def test_find_organizations(text: str, language: str, expected: list[str]) -> None:
    assert keys(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # unknown ministries by pattern
        ("het Ministerie van Vrije Tijd", "nl", ["Ministerie van Vrije Tijd"]),
        # an acronym defined in brackets, then used alone
        (
            "De Nederlandse Vereniging voor Burgerzaken (NVvB) is blij. De NVvB reageert.",
            "nl",
            ["Nederlandse Vereniging voor Burgerzaken"] * 3,
        ),
        # a defined acronym that names a law or report is no organization
        ("Volgens de Wet op de inlichtingen- en veiligheidsdiensten (Wiv) mag dat.", "nl", []),
        ("Het Dreigingsbeeld Terrorisme Nederland (DTN) verschijnt.", "nl", []),
        # "... Bank"
        (
            "The Central Bank of Ireland and the Zenith Investment Bank",
            "en",
            ["Central Bank of Ireland", "Zenith Investment Bank"],
        ),
    ],
)
def test_unknown_organizations_by_pattern(text: str, language: str, expected: list[str]) -> None:
    assert keys(text, language) == expected


def test_pattern_names_stop_at_the_paragraph_end() -> None:
    text = "Ministerie van Justitie en Veiligheid\n\nHet nieuws"
    assert [m.surface for m in find_organizations(text, "nl")] == [
        "Ministerie van Justitie en Veiligheid"
    ]


def test_mentions_carry_the_surface_as_written() -> None:
    text = "De NAVO-top in Brussel."
    [mention] = find_organizations(text, "nl")
    assert (mention.key, mention.surface, text[mention.start : mention.end]) == (
        "NAVO",
        "NAVO",
        "NAVO",
    )


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("NATO", "NAVO"),
        ("NAVO", "NAVO"),
        ("North Atlantic Treaty Organization", "NAVO"),
        ("north atlantic treaty organization", "NAVO"),
        ("UN", "Verenigde Naties"),
        ("VN", "Verenigde Naties"),
        ("OSCE", "OVSE"),
        ("European Union", "Europese Unie"),
        ("EU", "Europese Unie"),
        ("WHO", "WHO"),
        ("Who", None),  # acronyms only in exact case
        ("navo", None),
        ("Ministry of Foreign Affairs", BZ),
        ("Volksgezondheid Welzijn en Sport", "Ministerie van Volksgezondheid, Welzijn en Sport"),
        ("Acme Widgets", None),
    ],
)
def test_resolve_organization(name: str, key: str | None) -> None:
    assert resolve_organization(name) == key


def test_aliases_and_display_names() -> None:
    aliases = organization_aliases("NAVO")
    assert aliases[0] == "NAVO"
    assert {"NATO", "North Atlantic Treaty Organization"} <= set(aliases)
    assert organization_aliases("Acme Widgets") == []
    assert organization_name("NAVO", "en") == "NATO"
    assert organization_name("Verenigde Naties", "en") == "United Nations"
    assert organization_name(BZ, "en") == "Ministry of Foreign Affairs"
    assert organization_name("Acme Widgets", "nl") == "Acme Widgets"


def _gazetteer_rows() -> list[list[str]]:
    path = resource_path("gazetteers", "organizations.tsv")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def test_gazetteer_is_large_and_well_formed() -> None:
    rows = _gazetteer_rows()
    assert all(len(row) == 4 for row in rows)
    organizations = [row for row in rows if row[0] != "-"]
    assert len(organizations) >= 250
    assert len({row[0] for row in organizations}) == len(organizations)


def test_no_name_points_to_two_organizations() -> None:
    seen: dict[str, str] = {}
    for canonical, _type, dutch, english in _gazetteer_rows():
        if canonical == "-":
            continue
        for name in {canonical, *dutch.split("|"), *english.split("|")} - {"-"}:
            folded = name if is_acronym(name) else name.casefold()
            assert seen.setdefault(folded, canonical) == canonical, name
