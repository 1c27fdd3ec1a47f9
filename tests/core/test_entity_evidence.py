"""Evidence (issue #18, item 6): why each entity is in a panel, its first mention in context,
kept through the catalog; and entities the user marks in the reader, applied library-wide."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefing_app.entities import EntityType, extract_entities
from briefing_app.entities.corrections import Action, Corrections
from briefing_app.entities.evidence import REASONS, Evidence, first_mention
from briefing_app.library import Library
from briefing_app.library.catalog import Catalog, CatalogEntry, EntityRow


def reasons(text: str, language: str = "nl") -> dict[str, str]:
    found = extract_entities(text, language)
    return {e.name: e.reason for e in (*found.people, *found.countries, *found.organizations)}


def test_each_entity_says_why_it_was_recognised() -> None:
    found = reasons(
        "Minister Vermeulen sprak met Karin Dekker over de NAVO en de Italiaanse regering. "
        "De Stichting Waterproef Nederland (SWN) en het lid Ter Horst (VVD) waren er ook."
    )
    assert found["Vermeulen"] == "title:minister"
    assert found["Karin Dekker"] == "given-name"
    assert found["NAVO"] == "gazetteer"
    assert found["Italy"] == "nationality"
    assert found["Ter Horst"] == "member"
    assert reasons("The Harbour Safety Forum (HSF) met. HSF agreed.", "en")[
        "Harbour Safety Forum"
    ] in ("acronym-defined", "named-body")
    assert all(code.partition(":")[0] in REASONS for code in found.values())


def test_a_person_named_in_full_later_keeps_the_stronger_reason() -> None:
    found = reasons("Volgens Dekker gaat het goed. Minister Dekker zei dat.")
    assert found["Dekker"] == "title:minister"


def test_first_mention_in_context() -> None:
    text = "Titel\n\n" + "Een lange zin die voor de naam staat en verder gaat " * 3
    text += (
        "met het lid Van der Lee (GroenLinks-PvdA) over rekeninggluren en nog veel meer woorden."
    )
    start = text.index("Van der Lee")
    evidence = first_mention(text, [(start, start + 11), (start + 40, start + 45)], "member")
    assert evidence.mention == "Van der Lee"
    assert evidence.before.startswith("…") and evidence.before.endswith("met het lid ")
    assert evidence.after.startswith(" (GroenLinks-PvdA) over")
    assert Evidence.from_json(evidence.to_json()) == evidence
    # Within its paragraph, on one line.
    short = first_mention("Kop\n\nDe heer\nJansen sprak.", [(13, 19)], "title:de heer")
    assert short.before == "De heer " and short.after == " sprak."
    assert Evidence.from_json("") is None and Evidence.from_json("{not json") is None


def test_a_catalog_of_version_2_gains_the_evidence_column(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE document_entities (doc_id TEXT NOT NULL, type TEXT NOT NULL,"
        " key TEXT NOT NULL, name TEXT NOT NULL, count INTEGER NOT NULL,"
        " aliases TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (doc_id, type, key));"
        "INSERT INTO document_entities VALUES ('d', 'person', 'Blok', 'Blok', 1, '[]');"
    )
    db.close()
    # Opened read-only (another user's folder), it is read as it is.
    read_only = Catalog(path, read_only=True)
    try:
        assert read_only.entities_of("d") == [EntityRow("person", "Blok", "Blok", 1, ())]
    finally:
        read_only.close()
    catalog = Catalog(path)
    try:
        assert catalog.entities_of("d") == [EntityRow("person", "Blok", "Blok", 1, ())]
        entry = CatalogEntry("e", "/x.txt", "h", 1, 1.0, "nl", "T", None, "txt", None, (), (), "")
        evidence = Evidence("title:minister", "", "Blok", " zei").to_json()
        catalog.save([entry], {"e": [EntityRow("person", "Blok", "Blok", 1, (), evidence)]})
        assert catalog.entities_of("e")[0].evidence == evidence
    finally:
        catalog.close()


# -- marking an entity the panels missed ---------------------------------------------------


def test_a_marked_name_is_added_where_it_stands() -> None:
    text = "Het rapport van Zwaluwstaart kwam. Zwaluwstaart, de zwaluwstaart en ZWALUWSTAART."
    corrections = Corrections()
    correction = corrections.mark(EntityType.PERSON, "Zwaluwstaart", "  Zwaluwstaart ")
    assert correction.action == Action.ADD
    entities = corrections.apply(extract_entities(text, "nl"), text)
    [person] = [p for p in entities.people if p.key == "Zwaluwstaart"]
    assert person.count == 3 and person.reason == "marked"  # not the bird in lower case
    # Without the text (or without the words in it) nothing is added.
    other = "Een andere tekst."
    assert corrections.apply(extract_entities(other, "nl"), other).people == []
    assert Corrections.from_json(corrections.to_json()).items == corrections.items


def test_marking_takes_the_words_from_another_type() -> None:
    text = "Het Kennisplatform Zeewind sprak. Kennisplatform Zeewind is een stichting."
    entities = extract_entities(text, "nl")
    corrections = Corrections()
    corrections.mark(EntityType.PERSON, "Kennisplatform Zeewind", "Kennisplatform Zeewind")
    corrected = corrections.apply(entities, text)
    assert [p.name for p in corrected.people] == ["Kennisplatform Zeewind"]
    assert corrected.people[0].count == 2
    assert all(o.name != "Kennisplatform Zeewind" for o in corrected.organizations)


def test_mark_entity_applies_library_wide(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(
        " date 2024-03 Overleg\n\nHet overleg met Zwaluwstaart ging over de begroting.\n",
        encoding="utf-8",
    )
    (sources / "b.txt").write_text(
        " date 2024-04 Brief\n\nZwaluwstaart schreef een brief aan Holland.\n", encoding="utf-8"
    )
    (sources / "c.txt").write_text(" date 2024-05 Anders\n\nNiets hier.\n", encoding="utf-8")
    with Library(tmp_path / "data") as library:
        library.import_paths([sources])
        updated = library.mark_entity("org", "Zwaluwstaart")
        assert len(updated) == 2
        for name in ("a.txt", "b.txt"):
            rows = library.open_document(str(sources / name)).entities
            row = next(r for r in rows if r.type == "org" and r.key == "Zwaluwstaart")
            assert Evidence.from_json(row.evidence).code == "marked"
        library.mark_entity("country", "Holland")
        rows = library.open_document(str(sources / "b.txt")).entities
        assert any(r.type == "country" and r.key == "NL" for r in rows)
        with pytest.raises(ValueError, match="not a country"):
            library.mark_entity("country", "Zwaluwstaart")
    # Kept like the other corrections: a new library on the same folder has it.
    with Library(tmp_path / "data") as library:
        assert any(c.action == Action.ADD for c in library.corrections.items)
