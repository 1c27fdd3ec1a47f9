"""The Library's bookmark functions that the window and the command line share: edit, remove
and restore, re-attach, the briefing export and the Web Annotations import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing_app.bookmarks import BookmarkImportError, BookmarkStatus
from briefing_app.library import Library, LibraryError

TEXT = """Steun voor Jordanië

Den Haag, 12 maart 2024.

Nederland verhoogt de steun aan de opvang van vluchtelingen in Jordanië.

De minister sprak in Amman met koning Abdullah over de Europese Unie.
"""
PASSAGE = "De minister sprak in Amman met koning Abdullah over de Europese Unie."


@pytest.fixture
def library(tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "jordanie.txt").write_text(TEXT, "utf-8")
    with Library(tmp_path / "data", language="nl") as made:
        made.import_paths([folder])
        yield made


def doc_path(library: Library) -> str:
    return library.documents()[0].path


def test_edit_remove_and_restore(library: Library) -> None:
    made = library.add_bookmark(doc_path(library), quote=PASSAGE, note="eerst")
    edited = library.update_bookmark(made.id, note="daarna", tags=["hulp", "Hulp"])
    assert (edited.note, edited.tags) == ("daarna", ("hulp",))
    removed = library.remove_bookmark(made.id)
    assert removed.note == "daarna" and library.list_bookmarks() == []
    library.restore_bookmark(removed)
    assert [b.id for b in library.list_bookmarks()] == [made.id]
    assert library.bookmark_tags() == [("hulp", 1)]


def test_removing_an_unknown_bookmark_says_so(library: Library) -> None:
    with pytest.raises(LibraryError, match="No bookmark with id 'nope'"):
        library.remove_bookmark("nope")


def test_reattach_anchors_an_orphan_on_the_chosen_text(library: Library, tmp_path: Path) -> None:
    path = doc_path(library)
    made = library.add_bookmark(path, quote=PASSAGE)
    Path(path).write_text(TEXT.replace(PASSAGE, "Iets heel anders."), "utf-8")
    library.import_paths([Path(path)])
    assert library.list_bookmarks()[0].status == BookmarkStatus.ORPHANED
    text = library.open_document(path).document.text
    start = text.index("Nederland verhoogt")
    again = library.reattach_bookmark(made.id, path, start, start + len("Nederland verhoogt"))
    assert again.status == BookmarkStatus.ANCHORED and again.quote == "Nederland verhoogt"


def test_reattach_to_a_moved_document_moves_its_bookmarks(library: Library, tmp_path: Path) -> None:
    old = doc_path(library)
    made = library.add_bookmark(old, quote=PASSAGE)
    moved = tmp_path / "elders" / "jordanie.txt"
    moved.parent.mkdir()
    moved.write_text(TEXT, "utf-8")
    library.import_paths([moved])
    text = library.open_document(str(moved)).document.text
    start = text.index(PASSAGE)
    again = library.reattach_bookmark(made.id, str(moved), start, start + len(PASSAGE))
    assert again.doc_path == str(moved)


def test_reattach_of_an_unknown_bookmark_says_so(library: Library) -> None:
    with pytest.raises(LibraryError, match="No bookmark"):
        library.reattach_bookmark("nope", doc_path(library), 0, 4)


def test_briefing_names_entities_in_the_library_language(library: Library) -> None:
    library.add_bookmark(doc_path(library), quote=PASSAGE, note="Let op")
    found = library.list_bookmarks()
    markdown = library.briefing(found, group_by="entity", title="Mijn briefing")
    assert markdown.startswith("# Mijn briefing\n") and markdown.endswith("\n")
    assert "## Europese Unie" in markdown and PASSAGE in markdown
    annotations = json.loads(library.briefing(found, format="json"))
    assert annotations["items"][0]["target"]["selector"][0]["exact"] == PASSAGE


def test_export_then_import_skips_what_is_there(library: Library, tmp_path: Path) -> None:
    library.add_bookmark(doc_path(library), quote=PASSAGE)
    target = tmp_path / "out" / "bookmarks.json"
    target.parent.mkdir()
    assert library.export_bookmarks(library.list_bookmarks(), target, format="json") == 1
    assert target.read_text("utf-8").endswith("}\n")
    assert library.import_bookmarks(target) == (0, 1)
    library.remove_bookmark(library.list_bookmarks()[0].id)
    assert library.import_bookmarks(target) == (1, 0)


def test_import_refuses_what_is_not_a_bookmark_file(library: Library, tmp_path: Path) -> None:
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"naam": "café"}'.encode("cp1252"))
    with pytest.raises(BookmarkImportError, match="not a UTF-8 JSON file"):
        library.import_bookmarks(latin)
    prose = tmp_path / "prose.json"
    prose.write_text("hallo", "utf-8")
    with pytest.raises(BookmarkImportError, match="not JSON"):
        library.import_bookmarks(prose)
    with pytest.raises(LibraryError, match="Cannot read"):
        library.import_bookmarks(tmp_path / "missing.json")


def test_a_briefing_writes_each_bookmark_as_saved_now(library: Library) -> None:
    # A front end's listing from before an edit still gives the edited note and tags.
    listed = library.add_bookmark(doc_path(library), quote=PASSAGE, note="eerst")
    library.update_bookmark(listed.id, note="Vraag naar **bedragen**", tags=["hulp"])
    briefing = library.briefing([listed])
    assert "bedragen" in briefing and "hulp" in briefing and "eerst" not in briefing
