"""Entity panels on 18 real rijksoverheid.nl releases (with their page furniture): no junk.

Each case below is a mistake an earlier version made on these texts.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from babel import Locale

from briefing_app.entities import DocumentEntities, extract_entities
from tests.conftest import REAL_RELEASES

FURNITURE = {"documenten", "beeld", "kamerstuk", "kamerbrief", "rapport", "foto", "nieuwsbericht"}


def _release_text(path: Path) -> str:
    first, _, body = path.read_text(encoding="utf-8").partition("\n")
    return first.strip().split(" ", 2)[-1] + "\n" + body  # " date 2018-02 Title" -> title


@cache
def _panels() -> dict[str, DocumentEntities]:
    return {
        p.name: extract_entities(_release_text(p), "nl")
        for p in sorted(REAL_RELEASES.glob("*.txt"))
    }


@pytest.fixture
def panels() -> dict[str, DocumentEntities]:
    return _panels()


def _calendar_words() -> set[str]:
    words: set[str] = set()
    for lang in ("nl", "en"):
        locale = Locale.parse(lang)
        words.update(str(m).lower() for m in locale.months["format"]["wide"].values())
        words.update(str(d).lower() for d in locale.days["format"]["wide"].values())
    return words


def _people(panels: dict[str, DocumentEntities], prefix: str) -> set[str]:
    [name] = [n for n in panels if n.startswith(prefix)]
    return {p.name for p in panels[name].people}


def test_all_eighteen_releases_are_read(panels: dict[str, DocumentEntities]) -> None:
    assert len(panels) == 18


def test_no_furniture_months_or_weekdays_in_any_panel(panels: dict[str, DocumentEntities]) -> None:
    junk = FURNITURE | _calendar_words()
    for name, doc in panels.items():
        for entity in doc.people + doc.organizations:
            words = {w.lower() for w in entity.name.split()}
            assert not words & junk, f"{name}: {entity.name!r}"


def test_people_panels_hold_names_only(panels: dict[str, DocumentEntities]) -> None:
    for name, doc in panels.items():
        for person in doc.people:
            assert person.name[:1].isupper(), f"{name}: {person.name!r}"
            assert "(" not in person.name and ")" not in person.name, f"{name}: {person.name!r}"


@pytest.mark.parametrize(
    ("release", "expected", "not_people"),
    [
        # Initials with the given name in brackets: "Prof. dr. J.A. (André) Knottnerus".
        ("2018-02-23_knottnerus", {"André Knottnerus", "Grapperhaus", "Bruins"}, {"J.A."}),
        # "Mr. P.G.A. (Peter) Noordanus", later "de heer Noordanus": one person.
        (
            "2018-03-01_benoeming",
            {"Peter Noordanus"},
            {"Noordanus", "Landelijk Strategisch Overleg Aanpak Ondermijning"},
        ),
        # A campaign's title-case name starts with a word that is also a first name.
        ("2018-02-26_elke-stem-telt", {"Ollongren"}, {"Elke Stem Telt"}),
        # Photo credits are furniture: "Beeld: ©Bart van Overbeeke fotografie".
        ("2018-02-26_75-miljoen", {"Keijzer"}, {"Bart van Overbeeke"}),
        ("2018-03-01_experimenten", {"Ollongren"}, {"Rob Acket"}),
        ("2018-02-23_knottnerus", set(), {"Bas Kijzers"}),
        # A role before a department is not a person: "directeur Particulieren".
        ("2018-02-28_aangiftecampagne", {"Eline Spros"}, {"Particulieren"}),
        ("2018-03-01_commissie", set(), {"Mensenhandel", "Stichting FairWork"}),
        # A given name we do not know, then a particle: "Staatssecretaris Stientje van Veldhoven".
        ("2018-02-26_het-effect", {"Stientje van Veldhoven"}, {"Stientje"}),
        # Arabic particles; a minister of another country is still a person.
        (
            "2018-02-26_nederland-wil",
            {"Kaag", "Zeid Ra’ad al Hussein", "Mohammed Mohsen Askar"},
            set(),
        ),
        ("2018-03-01_nederland-voorzitter", {"Sigrid Kaag"}, {"Kaag"}),
        ("2018-02-27_muur-van-mussert", {"Van Engelshoven", "Mart Jansen", "Mussert"}, set()),
    ],
)
def test_people_found_in_real_releases(
    panels: dict[str, DocumentEntities], release: str, expected: set[str], not_people: set[str]
) -> None:
    people = _people(panels, release)
    assert expected <= people
    assert not people & not_people
