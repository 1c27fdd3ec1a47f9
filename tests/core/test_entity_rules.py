"""The library-wide rules for names are kept in the catalog: a new process (`briefing search`,
the window's search process) reads them instead of computing them from every entity row, and
never uses one that a change to the documents, another language or other code has outdated."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.library import Library, entity_rules
from tests.core.test_entity_names import DUTCH_SHORT, ENGLISH_FULL, _import


def _refuse_to_compute(monkeypatch: pytest.MonkeyPatch) -> None:
    def computing(*_args: object) -> dict[str, str]:
        raise AssertionError("the rule was computed again")

    monkeypatch.setattr(entity_rules, "resolve_people", computing)
    monkeypatch.setattr(entity_rules.EntityRules, "_computed_organizations", computing)


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    _import(tmp_path / "data", folder, "kort.txt", DUTCH_SHORT)
    _import(tmp_path / "data", folder, "full.txt", ENGLISH_FULL)
    return tmp_path / "data"


def test_a_new_process_reads_the_rules_the_import_kept(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library(library_dir, language="en") as library:
        expected = library.person_resolution()
    assert expected["Blok"] == "Stef Blok"  # the short form imported first
    _refuse_to_compute(monkeypatch)
    with Library(library_dir, language="en") as library:
        assert library.person_resolution() == expected
        library.organization_resolution()


def test_each_language_keeps_its_own_rule(library_dir: Path) -> None:
    with Library(library_dir, language="nl") as library:
        assert library.person_resolution()["Vladimir Putin"] == "Vladimir Poetin"
    with Library(library_dir, language="en") as library:
        assert library.person_resolution()["Vladimir Poetin"] == "Vladimir Putin"
    with Library(library_dir, language="nl") as library:
        assert library.person_resolution()["Vladimir Putin"] == "Vladimir Poetin"


def test_a_change_to_the_documents_outdates_the_kept_rule(library_dir: Path) -> None:
    with Library(library_dir) as reader:
        assert reader.person_resolution()["Blok"] == "Stef Blok"
        other = library_dir.parent / "sources" / "other.txt"
        # Another process imports a second Blok: the surname no longer names one person.
        other.write_text(
            " date 2020-05 Bezoek\n\nMinister Sanne Blok van Financiën sprak met de pers.\n",
            encoding="utf-8",
        )
        with Library(library_dir) as writer:
            writer.import_paths([other])
        assert "Blok" not in reader.person_resolution()


def test_a_rule_kept_by_other_code_is_not_used(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(entity_rules, "_rules_stamp", lambda: "another-version")
    _refuse_to_compute(monkeypatch)
    with Library(library_dir) as library, pytest.raises(AssertionError, match="computed"):
        library.person_resolution()


def test_every_change_to_the_documents_counts_up_the_revision(library_dir: Path) -> None:
    with Library(library_dir) as library:
        before = library.catalog.revision()
        library.catalog.remove([library.documents()[0].id])
        assert library.catalog.revision() == before + 1
