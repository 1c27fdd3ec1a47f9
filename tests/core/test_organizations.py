"""Organization recognition: the curated gazetteer (Dutch and English names, acronyms in
exact case), the ministry-from-portfolio rule and the patterns for unknown organizations."""

from __future__ import annotations

import pytest

from briefing_app.entities import extract_entities
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
        # a ministry by its acronym
        (
            "het Ministerie van BZK",
            "nl",
            ["Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"],
        ),
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


# --- organizations beyond the gazetteer -------------------------------------------------------


def surfaces(text: str, language: str) -> list[str]:
    return [m.surface for m in find_organizations(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a named body: capitalised words ending in a head word, without "the" or a verb
        (
            "The Federal Emergency Management Agency said aid was coming.",
            "en",
            ["Federal Emergency Management Agency"],
        ),
        # a head word first, then "of"/"for" and a name, lists with "and" included
        (
            "It wrote to the Office for Fiscal Stability and the Institute of Water and Soil.",
            "en",
            ["Office for Fiscal Stability", "Institute of Water and Soil"],
        ),
        (
            "Grants from the Northern Resilience Fund and the Harbour Trust Foundation arrived.",
            "en",
            ["Northern Resilience Fund", "Harbour Trust Foundation"],
        ),
        (
            "The Rural Broadband Coalition, the Clean Seas Alliance and the Coastal Skills "
            "Partnership met the Digital Inclusion Forum.",
            "en",
            [
                "Rural Broadband Coalition",
                "Clean Seas Alliance",
                "Coastal Skills Partnership",
                "Digital Inclusion Forum",
            ],
        ),
        ("He chairs the Low Wage Commission.", "en", ["Low Wage Commission"]),
        # a second "of" only for where the body is
        (
            "The Institute of Marine Surveyors of Scotland & Wales and the Office of Rates of "
            "Pay met.",
            "en",
            ["Institute of Marine Surveyors of Scotland & Wales", "Office of Rates"],
        ),
        # company forms
        (
            "Contracts went to Acme Widgets Ltd and to Brightwater Holdings B.V. last year.",
            "en",
            ["Acme Widgets Ltd", "Brightwater Holdings B.V."],
        ),
        (
            "Een contract met Veldhuis Bouw B.V. en Kroon Techniek N.V. volgt.",
            "nl",
            ["Veldhuis Bouw B.V.", "Kroon Techniek N.V."],
        ),
        # Dutch: a head word first with a name after it, or a name ending in a head compound
        (
            "De Stichting Hulp Zeevarenden en het Kenniscentrum Digitale Weerbaarheid werken "
            "samen met de Raad voor de Leefomgeving en het Nationaal Klimaatfonds.",
            "nl",
            [
                "Stichting Hulp Zeevarenden",
                "Kenniscentrum Digitale Weerbaarheid",
                "Raad voor de Leefomgeving",
                "Nationaal Klimaatfonds",
            ],
        ),
        # a possessive is no part of the name
        ("The Office for Fiscal Stability’s report.", "en", ["Office for Fiscal Stability"]),
        ("the Marine Trades Association’s campaign", "en", ["Marine Trades Association"]),
        # a plural's possessive is part of a name, a person's or a country's is not
        (
            "The Women’s Rowing Society and Anna Brook’s Youth Commission met Britain’s "
            "Office for Fiscal Stability.",
            "en",
            ["Women’s Rowing Society", "Youth Commission", "Office for Fiscal Stability"],
        ),
        # one word, "for", then the name
        ("The Food for Work Partnership helps.", "en", ["Food for Work Partnership"]),
        # "and" between two names ends the first
        ("Acme and the Pensions Regulation Office met.", "en", ["Pensions Regulation Office"]),
        # a rule about a body is not the body, nor is its acronym
        (
            "Het Reglement Zeevaartdienst Oost (RZO) geldt voor de RZO.",
            "nl",
            ["Zeevaartdienst Oost"],
        ),
        # a title before the name is the person's
        ("De Hoofddirecteur Dienst Zeevaart Noord tekent.", "nl", ["Dienst Zeevaart Noord"]),
        # a Dutch minister's title with a portfolio the gazetteer lacks names the ministry
        (
            "De Minister van Wonen, Ruimte en Milieubeheer besluit.",
            "nl",
            ["Wonen, Ruimte en Milieubeheer"],
        ),
    ],
)
def test_named_bodies_by_pattern(text: str, language: str, expected: list[str]) -> None:
    assert surfaces(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Department said no. Council was closed.", "en"),
        ("The Committee met. Each Board decides.", "en"),
        ("See Annex B Committee for details.", "en"),
        ("Annex B Committee\n\nThe terms are below.", "en"),  # a heading
        ("Council Tax rises and Bank Holiday trains run.", "en"),  # head word as a modifier
        ("De Raad besluit. De Commissie en de Stichting stemmen in.", "nl"),
        ("Central Bank rates and the Steering Committee.", "en"),  # generic words only
    ],
)
def test_no_junk_organizations(text: str, language: str) -> None:
    assert surfaces(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "Full Name (ACR)", then the acronym alone
        (
            "The Hospital Meals Standards Panel (HMSP) met. Later the HMSP reported.",
            "en",
            ["Hospital Meals Standards Panel"] * 3,
        ),
        # "ACR (Full Name)", then the acronym alone
        (
            "The EMFA (Eastern Marine Fisheries Authority) opened. EMFA staff agreed.",
            "en",
            ["Eastern Marine Fisheries Authority"] * 3,
        ),
        (
            "De NVWB (Nederlandse Vereniging van Waterbedrijven) reageert. Ook de NVWB zwijgt.",
            "nl",
            ["Nederlandse Vereniging van Waterbedrijven"] * 3,
        ),
        # an acronym for a law is no organization, in either order
        ("De WOO (Wet open overheid) geldt.", "nl", []),
    ],
)
def test_acronyms_defined_in_either_order(text: str, language: str, expected: list[str]) -> None:
    assert keys(text, language) == expected


def test_a_name_written_with_and_or_ampersand_is_one_organization() -> None:
    text = "The Savings & Loans Advisory Group met. The Savings and Loans Advisory Group agreed."
    assert keys(text, "en") == ["Savings & Loans Advisory Group"] * 2


def test_a_shorter_name_ending_a_longer_one_is_that_body() -> None:
    text = "The Greater Leeds Land Commission met. The Land Commission agreed."
    assert keys(text, "en") == ["Greater Leeds Land Commission"] * 2


def test_an_acronyms_name_stands_on_its_line() -> None:
    text = "The Harbour Safety Board\n\nThe Harbour Safety Board (HSB) met. The HSB agreed."
    found = find_organizations(text, "en")
    assert {m.key for m in found} == {"Harbour Safety Board"}
    assert [m.surface for m in found].count("Harbour Safety Board") == 2


def test_a_dutch_ministers_portfolio_names_the_ministry() -> None:
    text = "De Minister van Wonen, Ruimte en Milieubeheer besluit."
    assert keys(text, "nl") == ["Ministerie van Wonen, Ruimte en Milieubeheer"]


def test_a_repeated_name_counts_in_its_heading_too() -> None:
    text = (
        "Bureaucracy Reference Group\n\n"
        "The Bureaucracy Reference Group worked with teachers. The Bureaucracy Reference "
        "Group reported in May."
    )
    assert keys(text, "en") == ["Bureaucracy Reference Group"] * 3


# --- whose government -------------------------------------------------------------------------

UK_TEXT = (
    "The Secretary of State for Justice said in Westminster that HM Treasury and the "
    "Ministry of Justice will spend £5 million. The Department of Health and Social Care agreed."
)


def test_other_governments_are_their_own_organizations() -> None:
    found = find_organizations(UK_TEXT, "en")
    assert [(m.key, m.country) for m in found] == [
        ("UK Ministry of Justice", "GB"),
        ("HM Treasury", None),  # the gazetteer's own name: the UK's by name
        ("UK Ministry of Justice", "GB"),
        ("UK Department of Health and Social Care", "GB"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The UK Ministry of Justice replied.", "en", [("UK Ministry of Justice", "GB")]),
        (
            "Westminster MPs asked HM Treasury and the Ministry of Defence of the UK.",
            "en",
            [("HM Treasury", None), ("UK Ministry of Defence", "GB")],
        ),
        (
            "The U.S. Department of Education said so.",
            "en",
            [("US Department of Education", "US")],
        ),
        (
            "The German Federal Ministry of the Interior said so.",
            "en",
            [("German Federal Ministry of the Interior", "DE")],
        ),
        ("Ukraine's Ministry of Defence", "en", [("Ukrainian Ministry of Defence", "UA")]),
        ("de Franse minister van Defensie", "nl", [("Franse ministerie van Defensie", "FR")]),
        (
            "het Britse ministerie van Binnenlandse Zaken",
            "nl",
            [("Britse ministerie van Binnenlandse Zaken", "GB")],
        ),
        (
            "Het Bundesministerium für Bildung und Forschung betaalt mee.",
            "nl",
            [("Bundesministerium für Bildung und Forschung", "DE")],
        ),
        # the Dutch government's own ministries stay Dutch
        (
            "The Dutch Ministry of Justice and Security replied.",
            "en",
            [("Ministerie van Justitie en Veiligheid", None)],
        ),
        (
            "The Netherlands hosted it in The Hague. The Ministry of Defence paid.",
            "en",
            [("Ministerie van Defensie", None)],
        ),
        ("Het ministerie van Defensie betaalt.", "nl", [("Ministerie van Defensie", None)]),
    ],
)
def test_whose_government(text: str, language: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(m.key, m.country) for m in find_organizations(text, language)] == expected


def test_a_foreign_ministry_counts_its_country_for_the_document() -> None:
    from briefing_app.entities import extract_entities

    entities = extract_entities(UK_TEXT, "en")
    assert [c.key for c in entities.countries] == ["GB"]
    # the panel names it as the British text does; the key keeps whose it is
    assert [(o.key, o.name) for o in entities.organizations] == [
        ("UK Ministry of Justice", "Ministry of Justice"),
        ("UK Department of Health and Social Care", "Department of Health and Social Care"),
        ("HM Treasury", "HM Treasury"),
    ]


def test_a_ministry_whose_country_the_text_names_is_shown_with_it() -> None:
    from briefing_app.entities import extract_entities

    entities = extract_entities("The UK Ministry of Justice and the Ministry of Justice.", "en")
    assert [o.name for o in entities.organizations] == ["UK Ministry of Justice"]


ROSTER = """Membership

Anna Verhoeven

Harbour Workers Union

Peter Smith

Citizens Help Scotland

Maria Jansen

TaxAid Wales

Tom Brown

Chief Executive
"""


def test_a_list_of_people_names_their_organizations() -> None:
    from briefing_app.entities import extract_entities

    entities = extract_entities(ROSTER, "en")
    assert sorted(o.name for o in entities.organizations) == [
        "Citizens Help Scotland",
        "Harbour Workers Union",
        "TaxAid Wales",
    ]  # "Chief Executive" is a role
    assert entities.countries == []  # a country in such a name is part of it


def test_two_people_with_a_line_each_are_no_list() -> None:
    from briefing_app.entities import extract_entities

    text = "Anna Verhoeven\n\nHarbour Workers\n\nPeter Smith\n\nCitizens Help\n"
    assert extract_entities(text, "en").organizations == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a generic complement takes a second one; a plural's possessive stays inside the name
        (
            "Ask the Federation of Directors of Public Libraries.",
            "en",
            ["Federation of Directors of Public Libraries"],
        ),
        (
            "The Institute for Children’s Music Education met.",
            "en",
            ["Institute for Children’s Music Education"],
        ),
        # a date after "on" is no complement
        ("The Harbour Committee on Friday said no.", "en", ["Harbour Committee"]),
        ("The Finance Commission on 4 March agreed.", "en", ["Finance Commission"]),
        # a possessive determiner makes a relation, not a name
        ("We renew our Partnership for Growth.", "en", []),
        ("De provincie en haar Raad van Advies.", "nl", []),
        # Dutch courts and bodies with "te" and the place where they sit
        ("Het Gerechtshof te Zwolle en de Rechtbank te Breda", "nl",
         ["Gerechtshof te Zwolle", "Rechtbank te Breda"]),
        ("Het Kantongerecht te ’s-Hertogenbosch", "nl", ["Kantongerecht te ’s-Hertogenbosch"]),
        # ... but a named body's seat is no part of its name
        ("De Stichting Kunstbezit te ’s-Gravenhage", "nl", ["Stichting Kunstbezit"]),
        # an acronym glued to the name's last word is no part of it
        ("het Instituut voor Zeevaart-IZV- en de haven", "nl", ["Instituut voor Zeevaart"]),
        # a generic Dutch adjective with a head word is a kind of body
        ("een Internationale Organisatie voor normen", "nl", []),
    ],
)  # fmt: skip
def test_named_body_boundaries(text: str, language: str, expected: list[str]) -> None:
    assert keys(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Parliament" alone: the parliament of the government the text is about
        (
            "HM Treasury will put the measure before Parliament in the spring; MPs vote in May.",
            [("HM Treasury", None), ("UK Parliament", "GB")],
        ),
        (
            "The Dutch government (Rijksoverheid) in The Hague sent the bill to Parliament.",
            [("Staten-Generaal", None)],
        ),
        # whose it is, unsaid: the name as written
        ("The bill goes to Parliament next week.", [("Parliament", None)]),
        # the one parliament the text names in full, whatever country it is about
        (
            "Chile, Chile, Chile. The European Parliament voted on Chile. Parliament also asks.",
            [("Europees Parlement", None)] * 2,
        ),
        # a name of its own
        (
            "the Scottish Parliament and the European Parliament",
            [("Scottish Parliament", None), ("Europees Parlement", None)],
        ),
    ],
)
def test_parliament_alone_is_the_texts_own(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(m.key, m.country) for m in find_organizations(text, "en")] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a UK department by its acronym or a name without head word: the UK's, linked to GB
        (
            "Defra and DWP officials met the Cabinet Office.",
            "en",
            [
                ("UK Department for Environment, Food and Rural Affairs", "GB"),
                ("UK Department for Work and Pensions", "GB"),
                ("Cabinet Office", "GB"),
            ],
        ),
        # its full name and its acronym are one body, in English and Dutch texts alike
        (
            "The Department for Transport (DfT) said. DfT added.",
            "en",
            [("UK Department for Transport", "GB")] * 3,
        ),
        (
            "Het Department for Transport en het Britse Home Office; DfT reageerde.",
            "nl",
            [
                ("UK Department for Transport", "GB"),
                ("Home Office", "GB"),
                ("UK Department for Transport", "GB"),
            ],
        ),
        # another country named before a department makes it that country's
        (
            "The US Department of Education and the Irish Department of Education",
            "en",
            [("US Department of Education", "US"), ("Irish Department of Education", "IE")],
        ),
        # a Dutch minister's ministry stays Dutch
        (
            "Minister Dijkgraaf van Onderwijs sprak met het Department for Education.",
            "nl",
            [
                ("Ministerie van Onderwijs, Cultuur en Wetenschap", None),
                ("UK Department for Education", "GB"),
            ],
        ),
        # a German federal ministry, with or without its country before it
        (
            "Het Duitse Bundesministerium des Innern en het Bundesministerium der Finanzen",
            "nl",
            [("Bundesministerium des Innern", "DE"), ("Bundesministerium der Finanzen", "DE")],
        ),
    ],
)
def test_uk_departments_and_other_governments(
    text: str, language: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(m.key, m.country) for m in find_organizations(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a Dutch body's kind in lower case before its name
        (
            "Het onderzoeksbureau Datalab Noord en het pensioenfonds PFZW schreven het.",
            "nl",
            ["Datalab Noord", "PFZW"],
        ),
        ("Zie www.kiezelwerk.nl. Het adviesbureau Kiezelwerk rekende.", "nl", ["Kiezelwerk"]),
        # ... not a place, a person, an everyday word or one the text writes in lower case
        ("De gemeenteraad Utrecht en de stichting Jan Smit.", "nl", []),
        ("In het sectoroverleg Rijk spreekt de sector rijk.", "nl", []),
        ("Het samenwerkingsverband Kwaliteit komt.", "nl", []),
        # an acronym the text defines for lower-case words means that, not the gazetteer's body
        ("met de samenwerkende centrales van overheidspersoneel (SCO). De SCO stemt in.", "nl", []),
        # a school, a force and a chamber with their names
        (
            "the Glasgow School of Art, UK Border Force and the Dutch Chamber of Commerce",
            "en",
            ["Glasgow School of Art", "UK Border Force", "Dutch Chamber of Commerce"],
        ),
        ("She went to the Primary School.", "en", []),
        # company forms of other countries
        ("The takeover of Fratelli Rossi S.p.A by Lumen S.r.l.", "en",
         ["Fratelli Rossi S.p.A", "Lumen S.r.l."]),
    ],
)  # fmt: skip
def test_more_named_bodies(text: str, language: str, expected: list[str]) -> None:
    assert keys(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a body named for the country it works in
        ("Volgens Tandartsen Nederland en Bouwend Nederland", "nl",
         ["Tandartsen Nederland", "Bouwend Nederland"]),
        ("Ask what Marine Energy Scotland and the Institute of Welding UK think.", "en",
         ["Marine Energy Scotland", "Institute of Welding UK"]),
        # ... not a region, a person, a sentence's first word or a bank "of England"
        ("In Nederland, Northern Ireland and South Wales; Tom Ireland said.", "en", []),
        ("The UK and the Bank of England", "en", ["Bank of England"]),
    ],
)  # fmt: skip
def test_bodies_named_for_their_country(text: str, language: str, expected: list[str]) -> None:
    assert keys(text, language) == expected


def test_a_country_in_a_bodys_name_is_no_mention_of_it() -> None:
    entities = extract_entities("De premies van Tandartsen Nederland stijgen.", "nl")
    assert [o.name for o in entities.organizations] == ["Tandartsen Nederland"]
    assert entities.countries == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a name the text also gives as a web address
        ("1 Het Parool, 3 mei 2024 (www.parool.nl/amsterdam/artikel)", "nl", ["Parool"]),
        ("Contact Green Lantern Lighting: www.greenlanternlighting.com", "en",
         ["Green Lantern Lighting"]),
        # ... an everyday word's address, or the address alone, names nothing
        ("Read more at www.nieuws.nl and example.com", "nl", []),
    ],
)  # fmt: skip
def test_a_name_with_its_web_address(text: str, language: str, expected: list[str]) -> None:
    assert keys(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a US federal department, also unqualified in a Dutch text, and by its acronym
        (
            "Het Department of Homeland Security (DHS) en het Department of Energy.",
            "nl",
            [("US Department of Homeland Security", "US")] * 2
            + [("US Department of Energy", "US")],
        ),
        ("De Labor Department rapporteert.", "nl", [("US Department of Labor", "US")]),
        # ... but another country's in a text about that country's government
        (
            "Ireland's government in Dublin: the Irish minister and the Department of Energy. "
            "Ireland and Ireland.",
            "en",
            [("Irish Department of Energy", "IE")],
        ),
        # an acronym's name never starts at an article
        (
            "Het Department of Labor en het Department of Homeland Security (DHS).",
            "nl",
            [("US Department of Labor", "US")] + [("US Department of Homeland Security", "US")] * 2,
        ),
    ],
)
def test_us_federal_departments(
    text: str, language: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(m.key, m.country) for m in find_organizations(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Dutch text names its own ministries in Dutch: an English ministry without its
        # country is another government's, whose the text does not say
        ("Het Ministry of Justice in Londen reageerde.", [("Ministry of Justice", None)]),
        # another government's official or ministry named in English in a Dutch text is the
        # ministry the Dutch words would name
        (
            "De Britse Secretary of State for Defence en het Britse Ministry of Defence",
            [("Britse ministerie van Defensie", "GB")] * 2,
        ),
        # the Dutch ministry, when the text says it is Dutch
        (
            "Het Netherlands Ministry of Foreign Affairs",
            [("Ministerie van Buitenlandse Zaken", None)],
        ),
    ],
)
def test_english_ministry_names_in_a_dutch_text(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(m.key, m.country) for m in find_organizations(text, "nl")] == expected


def test_a_name_ending_a_longer_one_of_the_text_is_that_body() -> None:
    text = (
        "Meld het bij de Stichting Klachten Makelaars (www.klachtenmakelaars.nl). "
        "Klachten Makelaars oordeelt binnen een maand."
    )
    assert keys(text, "nl") == ["Stichting Klachten Makelaars"] * 2
    # a gazetteer name keeps its own key
    assert keys("De Raad van de Europese Unie en de Europese Unie", "nl")[-1] == "Europese Unie"
