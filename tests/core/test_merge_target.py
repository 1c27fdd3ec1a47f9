"""The Merge dialog's first choice: the likeliest entity, or none (issue 19, bug 11)."""

from __future__ import annotations

from briefing_app.ui.merge_target import Candidate, likeliest_target


def test_the_same_surname_is_the_likeliest() -> None:
    entity = Candidate("Grapperhaus", "Grapperhaus")
    candidates = [
        Candidate("Abdullah II", "Abdullah II"),
        Candidate("Ferd Grapperhaus", "Ferd Grapperhaus"),
        Candidate("Mark Rutte", "Mark Rutte"),
    ]
    assert likeliest_target("person", entity, candidates) == "Ferd Grapperhaus"


def test_a_shared_alias_wins_and_an_acronym_counts() -> None:
    entity = Candidate("NAVO", "NATO", ("NAVO",))
    candidates = [
        Candidate("AIVD", "AIVD"),
        Candidate("North Atlantic Treaty Organization", "NATO", ("NAVO",)),
    ]
    assert likeliest_target("org", entity, candidates) == "North Atlantic Treaty Organization"
    entity = Candidate("NCTV", "NCTV")
    candidates = [
        Candidate("AIVD", "AIVD"),
        Candidate(
            "Nationaal Coördinator Terrorismebestrijding en Veiligheid",
            "Nationaal Coördinator Terrorismebestrijding en Veiligheid",
        ),
    ]
    assert likeliest_target("org", entity, candidates) is not None


def test_nothing_likely_or_two_as_likely_is_none() -> None:
    entity = Candidate("Blok", "Blok")
    assert likeliest_target("person", entity, [Candidate("Mark Rutte", "Mark Rutte")]) is None
    twins = [Candidate("Stef Blok", "Stef Blok"), Candidate("Anna Blok", "Anna Blok")]
    assert likeliest_target("person", entity, twins) is None
