"""People recogniser and person merging: what a reader sees in the People panel."""

from __future__ import annotations

import pytest

from briefing_app.entities import DocumentEntities, Entity, EntityType, merge_people_across
from briefing_app.entities.extractor import extract_entities
from briefing_app.entities.people import find_people, is_given_name


def people_in(
    text: str, language: str = "nl", blocked: list[tuple[int, int]] | None = None
) -> list[str]:
    return [m.surface for m in find_people(text, language, blocked or [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Titles and roles in Dutch and English are cues, and never part of the name.
        ("Dat meldt minister Blok vandaag.", ["Blok"]),
        ("Dat zei premier Rutte gisteren.", ["Rutte"]),
        ("Prime Minister Mark Rutte will attend.", ["Mark Rutte"]),
        ("Secretary General Jens Stoltenberg proposed it.", ["Jens Stoltenberg"]),
        ("Secretaris-generaal António Guterres van de VN riep op.", ["António Guterres"]),
        (
            "zij sprak met directeur-generaal Tedros Adhanom Ghebreyesus van de WHO",
            ["Tedros Adhanom Ghebreyesus"],
        ),
        ("Die organiseerde hij met de Jordaanse Koning Abdullah II.", ["Abdullah II"]),
        ("Het bezoek van koningin Máxima aan Gent.", ["Máxima"]),
        ("AIVD-directeur Erik Akerboom wijst op spionage.", ["Erik Akerboom"]),
        ("Het was NSB-partijleider Mussert die sprak.", ["Mussert"]),
        ("President Volodymyr Zelensky thanked the Dutch government.", ["Volodymyr Zelensky"]),
        ("Minister Yeşilgöz-Zegerius wordt gevraagd.", ["Yeşilgöz-Zegerius"]),
        ("De heer Noordanus is voorgedragen.", ["Noordanus"]),
        # Particles, hyphens, accents, initials.
        ("Minister De Jonge van Volksgezondheid benadrukte het.", ["De Jonge"]),
        ("Volgens Hugo de Jonge is dat zo.", ["Hugo de Jonge"]),
        ("Dat vindt Cora van Nieuwenhuizen ook.", ["Cora van Nieuwenhuizen"]),
        ("Het kabinet-Balkenende onder J.P. Balkenende viel.", ["J.P. Balkenende"]),
        ("Prof. dr. J.A. (André) Knottnerus wordt voorzitter.", ["André Knottnerus"]),
        ("staatssecretaris Stientje van Veldhoven (Infrastructuur)", ["Stientje van Veldhoven"]),
        ("Minister Bijleveld-Schouten bezocht Mali.", ["Bijleveld-Schouten"]),
        ("met de Hoge Commissaris, Zeid Ra’ad al Hussein.", ["Zeid Ra’ad al Hussein"]),
        ("Talks with Bashar al-Assad stalled.", ["Bashar al-Assad"]),
        # English news phrasing, monarchs, compound and hyphenated given names.
        (
            "German Chancellor Angela Merkel and French President Emmanuel Macron met.",
            ["Angela Merkel", "Emmanuel Macron"],
        ),
        (
            "EU-commissaris Frans Timmermans en Ursula von der Leyen spraken.",
            ["Frans Timmermans", "Ursula von der Leyen"],
        ),
        ("Koning Willem-Alexander en koningin Máxima.", ["Willem-Alexander", "Máxima"]),
        ("Queen Máxima and King Charles arrived.", ["Máxima", "Charles"]),
        (
            "U.S. Secretary of State Antony Blinken met Sergei Lavrov.",
            ["Antony Blinken", "Sergei Lavrov"],
        ),
        ("Mr Rutte said so. President Xi Jinping agreed.", ["Rutte", "Xi Jinping"]),
        (
            "Pieter-Jaap Aalbersberg en Jean-Claude Juncker",
            ["Pieter-Jaap Aalbersberg", "Jean-Claude Juncker"],
        ),
        ("het Frans-Duitse Verdrag", []),
        # Title-case headlines run on past the name.
        ("Minister Hoekstra Visits Kyiv", ["Hoekstra"]),
        ("Prime Minister Mark Rutte Meets Joe Biden In Washington", ["Mark Rutte", "Joe Biden"]),
        # A month after a given name is a surname, but alone it stays a month.
        ("de Britse premier Theresa May. In May she left.", ["Theresa May"]),
        # Plural roles introduce several names.
        ("Er waren ministers Blok en Grapperhaus bij.", ["Blok", "Grapperhaus"]),
        # A role without a name is not a person.
        ("Minister Blok sprak met zijn Malinese ambtgenoot.", ["Blok"]),
        ("Ukraine's Prosecutor General addressed the conference.", []),
        ("De minister van Justitie en Veiligheid besloot dat.", []),
        ("de Jordaanse koning en de Koning der Nederlanden", []),
        # Sentence starts, months, weekdays, places and weak roles are not people.
        ("Volgens de minister gaat het goed. Daarom stopt het.", []),
        ("Op Maandag 5 Maart begint het. Vanaf Januari ook.", []),
        ("De conferentie in Den Haag en New York was een succes.", []),
        ("vertelde de directeur Particulieren van de Belastingdienst", []),
        ("de voormalig Nationaal Rapporteur Mensenhandel en een professor Mensenhandel", []),
        ("op de Facebook pagina Elke Stem Telt van 1 t/m 21 maart", []),
        ("the UN General Assembly met and the Speaker Spoke.", []),
        ("Het Dreigingsbeeld Statelijke Actoren verschijnt.", []),
        # Photo credits are page furniture.
        ("Tekst.\nBeeld: ©Bart van Overbeeke fotografie\nMeer tekst.", []),
        ("Tekst.\nBeeld: Rob Acket\n", []),
    ],
)
def test_finds_people_by_name_only(text: str, expected: list[str]) -> None:
    assert people_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare surname counts once a person with that surname is known in the text.
        ("Minister Blok sprak. ‘Dat is goed,’ aldus Blok.", ["Blok", "Blok"]),
        (
            "Erik Akerboom waarschuwt. Volgens Akerboom is het ernstig.",
            ["Erik Akerboom", "Akerboom"],
        ),
        ("Mark Rutte arrived. Rutte's plan was clear.", ["Mark Rutte", "Rutte"]),
        ("Hugo de Jonge sprak. Later zei De Jonge meer.", ["Hugo de Jonge", "De Jonge"]),
        # ... but not as part of some other name, nor the everyday word.
        ("Minister Blok sprak over een blok beton bij Blok Holding.", ["Blok"]),
        # Without any evidence a capitalised word stays out.
        ("Het rapport van Jansen verscheen.", []),
    ],
)
def test_bare_surnames_need_a_known_person(text: str, expected: list[str]) -> None:
    assert people_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # List letters and references: the word after them starts a sentence or a heading.
        ("Zie Annex A. The economy grew in 2015.", []),
        ("twee personen;\n\nB. Alleen in bijzondere gevallen mag dat.", []),
        ("ingedeeld in tunnelcategorie C. Als de Minister dat bepaalt", []),
        ("a technician at Hinkley Point B. Bethany who is 23 years old", []),
        ("herdruk van nr. DB99/1482M. Deze herdruk is nodig.", []),
        ("Bijlage I\n\nA. Inrichtingen\n\n|tabel|\n\nB. Luchtvaartactiviteiten\n\n|tabel|", []),
        ("N.B. Bij de WIA staat werken naar vermogen centraal.", []),
        # The unit a role heads is not its holder, who signs on the next line.
        (
            "De\ndirecteur-generaal Management en Personeelsbeleid,\nA. H. C.  Annink",
            ["A.H.C. Annink"],
        ),
        ("de\ndirecteur-generaal Milieubeheer,\n\nwnd. directeur Geluid,\nC.M.Plug", ["C.M. Plug"]),
        ("Plaatsvervangend directeur-generaal Organisatie en Bedrijfsvoering Rijk", []),
        # Things and places named like people.
        ("Sea passenger statistics (MS Excel Spreadsheet , 48KB)", []),
        ("devolution deals with the Sheffield City Region and the Clyde Valley", []),
        ("HMRC Clearances Team Alexander House 21 Victoria Avenue Southend", []),
        ("accepted by the Bona Vacantia division", []),
        ("toll discounts to residents of Chester West & Chester", []),
        ("complaints fall within the remit of the Financial Ombudsman Service.", []),
        ("aan de balie van de griffie, Prins Clauslaan 60, Den Haag", []),
        # ... while a name that is also a word stands on its own.
        ("Sally West\n\nAge UK", ["Sally West"]),
        ("Andy Street, Chair of the Greater Birmingham LEP, said", ["Andy Street"]),
        # A name ends where a place, another name or a role begins.
        ("as Vera Baird in Northumbria has shown", ["Vera Baird"]),
        ("Dat schrijft minister Bruins Slot. Bruins Slot zei ook dat", ["Bruins Slot"] * 2),
        ("Dat vond Sophie in 't Veld ook.", ["Sophie in 't Veld"]),
        ("Martha Romkes Daan Wijnhorst", ["Martha Romkes", "Daan Wijnhorst"]),
        (
            "De handtekening van Norbert Paul Arthur Wühler Adjunct Secretaris-Generaal",
            ["Norbert Paul Arthur Wühler"],
        ),
        ("De handtekening van Moragodage Christopher Walter PINTO", ["Christopher Walter PINTO"]),
    ],
)
def test_names_need_evidence_of_a_person(text: str, expected: list[str]) -> None:
    assert people_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dutch initials, and initials glued to the surname.
        ("Staatssecretaris,\nA.Th.B. Bijleveld-Schouten", ["A.Th.B. Bijleveld-Schouten"]),
        ("Management Openbare Sector,\nR.IJ.M. Kuipers", ["R.IJ.M. Kuipers"]),
        ("De\nvoorzitter van de CEVO,\ndrs J.Bouwsma", ["J. Bouwsma"]),
        # One initial with a surname, in a signature or a list of names.
        ("de\ndirecteur-generaal Belastingdienst,\nJ. Thunnissen", ["J. Thunnissen"]),
        (
            "opgenomen in: H. Stoop, J. Arts, M. van Dongen, P. van der Laak Handreiking",
            ["H. Stoop", "J. Arts", "M. van Dongen", "P. van der Laak"],
        ),
        # A name followed by its role; names listed one a line among known ones.
        ("Kinna Kintrea, the assurance director at the NDA, has", ["Kinna Kintrea"]),
        (
            "Fran Bennett\n\nOxford University\n\nKen Butler\n\nDisability Rights UK\n\n"
            "Alaster Calder\n\nLocal Government Association\n\nJoy Flynn\n\nShelter\n\n"
            "Eddy Graham\n\nWorking Families",
            ["Fran Bennett", "Ken Butler", "Alaster Calder", "Joy Flynn", "Eddy Graham"],
        ),
    ],
)
def test_finds_people_in_signatures_and_lists(text: str, expected: list[str]) -> None:
    assert people_in(text) == expected


def test_one_name_however_it_is_spaced() -> None:
    text = "A. H. C.  Annink tekende. Later tekende A.H.C. Annink. Mark\u00a0Rutte en Mark Rutte."
    people = extract_entities(text, "nl").people
    assert sorted((p.name, p.count) for p in people) == [("A.H.C. Annink", 2), ("Mark Rutte", 2)]


def test_one_name_whichever_apostrophe() -> None:
    people = extract_entities("Bernie O’Gorman spoke. Bernie O'Gorman left.", "en").people
    assert [(p.name, p.count) for p in people] == [("Bernie O’Gorman", 2)]


def test_blocked_spans_never_become_people() -> None:
    text = "De strijd tegen Boko Haram gaat door, zegt minister Blok."
    start = text.index("Boko Haram")
    assert people_in(text, blocked=[(start, start + len("Boko Haram"))]) == ["Blok"]


def test_mention_offsets_point_at_the_name() -> None:
    text = "Dat zei premier Mark Rutte."
    [mention] = find_people(text, "nl")
    assert (mention.type, text[mention.start : mention.end]) == (EntityType.PERSON, "Mark Rutte")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Stef", True), ("Pieter-Jaap", True), ("Sigrid", True), ("Kamer", False), ("The", False)],
)
def test_given_name_list(word: str, expected: bool) -> None:
    assert is_given_name(word) is expected


@pytest.mark.parametrize(
    ("text", "name", "count", "aliases"),
    [
        (
            "Minister Stef Blok sprak. Daarna zei minister Blok meer. ‘Goed,’ aldus Blok.",
            "Stef Blok",
            3,
            ["Blok"],
        ),
        ("Minister De Jonge sprak. Hugo de Jonge is minister.", "Hugo de Jonge", 2, ["De Jonge"]),
        ("Koning Abdullah II kwam. Koning Abdullah sprak.", "Abdullah II", 2, ["Abdullah"]),
        (
            "António Guterres spoke. Antonio Guterres left.",
            "António Guterres",
            2,
            ["Antonio Guterres"],
        ),
        (
            "Minister Bijleveld-Schouten sprak. Bijleveld zei dat.",
            "Bijleveld-Schouten",
            2,
            ["Bijleveld"],
        ),
    ],
)
def test_one_entry_per_person_named_by_the_fullest_form(
    text: str, name: str, count: int, aliases: list[str]
) -> None:
    people = extract_entities(text, "nl").people
    assert [(p.name, p.key, p.count, p.aliases) for p in people] == [(name, name, count, aliases)]


def test_people_sorted_by_mentions_then_name() -> None:
    text = "Minister Blok sprak met premier Rutte. Blok zei dat. Ook Jens Stoltenberg sprak."
    people = extract_entities(text, "nl").people
    assert [(p.name, p.count) for p in people] == [
        ("Blok", 2),
        ("Jens Stoltenberg", 1),
        ("Rutte", 1),
    ]


def test_photo_credits_hold_no_entities() -> None:
    text = "Dat meldt de NAVO.\nBeeld: ANP / Sem van der Wal\nMeer informatie. Foto: Rob Acket"
    entities = extract_entities(text, "nl")
    assert (entities.people, [o.name for o in entities.organizations]) == ([], ["NAVO"])


def test_each_list_names_one_entity_with_its_mentions() -> None:
    text = "Minister Blok sprak met de NAVO. De NATO en Blok zijn het eens, meldt de VS."
    entities = extract_entities(text, "nl", ui_language="nl")
    assert [(p.name, p.count) for p in entities.people] == [("Blok", 2)]
    assert [(c.key, c.name, c.count) for c in entities.countries] == [("US", "Verenigde Staten", 1)]
    [org] = entities.organizations
    assert (org.count, sorted([org.name, *org.aliases])) == (2, ["NATO", "NAVO"])


def _person(name: str, count: int = 1, aliases: list[str] | None = None) -> Entity:
    return Entity(EntityType.PERSON, name, name, count, aliases or [])


def test_library_merges_an_unambiguous_surname_into_the_full_name() -> None:
    library = {
        "a": DocumentEntities(people=[_person("Stef Blok", 2, ["Blok"]), _person("Hugo de Jonge")]),
        "b": DocumentEntities(people=[_person("Blok", 3), _person("De Jonge"), _person("Rutte")]),
    }
    merged = merge_people_across(library)
    assert [(p.name, p.count, p.aliases) for p in merged["b"].people] == [
        ("Stef Blok", 3, ["Blok"]),
        ("Hugo de Jonge", 1, ["De Jonge"]),
        ("Rutte", 1, []),
    ]
    assert merged["a"].people == library["a"].people


def test_library_keeps_an_ambiguous_surname_alone() -> None:
    library = {
        "a": DocumentEntities(people=[_person("Stef Blok")]),
        "b": DocumentEntities(people=[_person("Ank Blok")]),
        "c": DocumentEntities(people=[_person("Blok")]),
    }
    assert [p.name for p in merge_people_across(library)["c"].people] == ["Blok"]


@pytest.mark.parametrize(
    "text",
    [
        "Beeld: ANP / Sem van der Wal",
        "Een zin. FOTO : Rijksoverheid\nVolgende regel.",
        "  Image: Reuters",
        "Credits: Jan Jansen",
        "\u0130MAGE: Jan Jansen",  # re's IGNORECASE reads İ as i
        "\u0131llu\u017ftratie: Piet Pietersen",  # and ı as i, ſ as s
        "Tekst zonder fotograaf. © 2018 Rijksoverheid",
        "Geen enkele vermelding van wie de plaatjes maakte.",
        "fotograaf zonder dubbele punt",
    ],
)
def test_credit_lines_are_found_as_the_full_pattern_finds_them(text: str) -> None:
    from briefing_app.entities.people import _CREDIT_LINE, credit_spans

    assert credit_spans(text) == [m.span() for m in _CREDIT_LINE.finditer(text)]


def people_of(text: str) -> list[str]:
    """The People panel of a Dutch text (parties are found as organizations first)."""
    return sorted(p.name for p in extract_entities(text, "nl").people)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Members of parliament named by their seat, as answers to parliamentary questions do:
        # particles, parties in parentheses, lists joined by commas and "en".
        (
            "Vragen van het lid Ter Haar (GroenLinks-PvdA) aan de minister van Financiën.",
            ["Ter Haar"],
        ),
        (
            "Antwoord op vragen van de leden Dassen, Bikker en Van den Brink over de begroting.",
            ["Bikker", "Dassen", "Van den Brink"],
        ),
        (
            "Vragen van de leden Pouw-Verweij (JA21) en Van der Graaf (ChristenUnie) over de zorg.",
            ["Pouw-Verweij", "Van der Graaf"],
        ),
        ("Het lid De Hoop vroeg de staatssecretaris om een reactie.", ["De Hoop"]),
        ("Het lid Koekkoek en het lid Van Campen stelden vragen.", ["Koekkoek", "Van Campen"]),
        ("Zoals lid Stoffer (SGP) in het debat opmerkte.", ["Stoffer"]),
        (
            "Kamerleden Eerdmans (JA21), Stoffer (SGP) en Van Baarle (DENK) vroegen het.",
            ["Eerdmans", "Stoffer", "Van Baarle"],
        ),
        ("De motie van het lid Inge van Dijk over toeslagen.", ["Inge van Dijk"]),
        ("Volgens Bontenbal (CDA) is dat niet genoeg.", ["Bontenbal"]),
        # A wrapped paragraph (a PDF's lines): the list goes on on the next line.
        (
            "Vragen van het lid\nVan der Graaf (ChristenUnie) en\nBikker over de zorg.",
            ["Bikker", "Van der Graaf"],
        ),
        (
            "Vragen van de leden Dassen,\nBikker en Van Baarle over wonen.",
            ["Bikker", "Dassen", "Van Baarle"],
        ),
    ],
)
def test_finds_members_of_parliament(text: str, expected: list[str]) -> None:
    assert people_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "lid" and "leden" are everyday words too: of a council, of an article.
        "Zij is lid van de Raad van State.",
        "Hij werd lid Raad van Bestuur van de bank.",
        "De leden van de commissie stemden in.",
        "De leden 3 en 4 van artikel 5 vervallen.",
        "Het tweede lid is van toepassing.",
        "Zoals gemeld door de Tweede Kamer (VVD) en de fractie (CDA).",
        "Het lid Kamerstuk 36 200 is ingediend.",
        "Zij is het lid College van Bestuur dat erover gaat.",
    ],
)
def test_lid_alone_names_no_one(text: str) -> None:
    assert people_of(text) == []


def test_a_list_of_members_stops_at_a_reference() -> None:
    text = "Vragen van de leden Dassen, Bikker, Kamerstuk 36 200, nr. 5 over de begroting."
    assert people_of(text) == ["Bikker", "Dassen"]
