"""Entity corrections taken back: undo a hide, merge or rename, list and show hidden entities,
and bookmarks named as the corrections name their entities (issue 19, bugs 2 and 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.entities.corrections import Action, Correction, Corrections
from briefing_app.entities.model import EntityType
from briefing_app.library import HiddenEntity, Library

RELEASE = """ date 2019-03 Nederland levert militairen voor Mali

Nederland stuurt opnieuw militairen naar Mali. Minister Ank Bijleveld van Defensie maakte dat
vandaag bekend. Minister Stef Blok van Buitenlandse Zaken was er ook bij.

Bijleveld sprak over de missie in Mali.
"""

PERSON = EntityType.PERSON


@pytest.fixture
def library(tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "mali.txt").write_text(RELEASE, encoding="utf-8")
    with Library(tmp_path / "data") as library:
        library.import_paths([folder])
        yield library


def people(library: Library) -> set[str]:
    return {row.key for row, _docs in library.entity_table("person")}


def test_resolve_follows_renames_and_merges_in_order_and_hides() -> None:
    corrections = Corrections(
        [
            Correction(Action.RENAME, PERSON, "Bijleveld", "Ank Bijleveld"),
            Correction(Action.MERGE, PERSON, "Ank Bijleveld", "A. Bijleveld"),
            Correction(Action.HIDE, PERSON, "Kamer"),
            Correction(Action.RETYPE, PERSON, "NCTV", "org"),
        ]
    )
    assert corrections.resolve(PERSON, "Bijleveld") == (PERSON, "A. Bijleveld")
    assert corrections.resolve(PERSON, "Kamer") is None
    assert corrections.resolve(PERSON, "NCTV") == (EntityType.ORGANIZATION, "NCTV")
    assert corrections.resolve(PERSON, "Stef Blok") == (PERSON, "Stef Blok")
    assert corrections.names_for(PERSON, "A. Bijleveld") == {
        "A. Bijleveld",
        "Ank Bijleveld",
        "Bijleveld",
    }


def test_withdraw_and_unhide_take_corrections_out() -> None:
    hide = Correction(Action.HIDE, PERSON, "Kamer")
    rename = Correction(Action.RENAME, PERSON, "Blok", "Stef Blok")
    corrections = Corrections([rename, hide])
    assert corrections.hidden() == [hide]
    assert corrections.unhide(PERSON, ["Kamer", "Other"]) == [hide]
    assert corrections.items == [rename]
    assert corrections.withdraw([rename, hide]) == [rename]
    assert corrections.items == []


def test_a_hide_is_undone(library: Library) -> None:
    assert "Ank Bijleveld" in people(library)
    change = library.apply_correction("hide", "person", "Ank Bijleveld")
    assert change.added and change.documents
    assert "Ank Bijleveld" not in people(library)
    assert [h.key for h in library.hidden_entities()] == ["Ank Bijleveld"]
    library.undo_correction(change)
    assert "Ank Bijleveld" in people(library)
    assert library.hidden_entities() == []
    assert library.corrections.items == []


def test_a_merge_is_undone(library: Library) -> None:
    change = library.apply_correction("merge", "person", "Stef Blok", "Ank Bijleveld")
    assert "Stef Blok" not in people(library)
    library.undo_correction(change)
    assert {"Stef Blok", "Ank Bijleveld"} <= people(library)


def test_a_hidden_entity_is_listed_and_shown_again_in_another_session(
    library: Library, tmp_path: Path
) -> None:
    library.correct_entity("hide", "person", "Stef Blok")
    library.close()
    with Library(tmp_path / "data") as again:
        assert again.hidden_entities() == [HiddenEntity("person", "Stef Blok")]
        assert "Stef Blok" not in people(again)
        assert again.unhide_entity("person", "Stef Blok")
        assert "Stef Blok" in people(again)
        assert again.hidden_entities() == []


def test_bookmarks_name_their_entities_as_corrected(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "docs" / "mali.txt"
    library.add_bookmark(str(path), quote="Minister Ank Bijleveld van Defensie")
    [bookmark] = library.list_bookmarks()
    assert "person:Ank Bijleveld" in bookmark.entities
    library.correct_entity("rename", "person", "Ank Bijleveld", "Ankie Bijleveld")
    [bookmark] = library.list_bookmarks()
    assert "person:Ankie Bijleveld" in bookmark.entities
    assert "person:Ank Bijleveld" not in bookmark.entities
    assert library.bookmark_entity_counts().get("person:Ankie Bijleveld") == 1
    library.correct_entity("hide", "person", "Ankie Bijleveld")
    [bookmark] = library.list_bookmarks()
    assert not any(e.startswith("person:Ank") for e in bookmark.entities)


def test_facet_totals_say_how_many_a_cut_list_left_out(library: Library) -> None:
    from briefing_app.search import SearchRequest

    cut = library.search(SearchRequest(query="", facets=True, facet_limit=1))
    total = cut.facet_totals["people"]
    assert total >= 2 and len(cut.facets["people"]) == 1
    every = library.search(SearchRequest(query="", facets=True, facet_limit=0))
    assert len(every.facets["people"]) == every.facet_totals["people"] == total
