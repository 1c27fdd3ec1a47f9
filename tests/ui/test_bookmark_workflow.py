"""The bookmark workflow without a window: the undo list, which save opens the editor, and
the bookmark to scroll to once its document is shown. Library work runs inline here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from briefing_app.library import Library
from briefing_app.ui.bookmark_workflow import BookmarkListing, BookmarkWorkflow
from briefing_app.ui.tasks import EXPECTED_ERRORS, user_message

TEXT = """Steun voor Jordanië

Nederland verhoogt de steun aan de opvang van vluchtelingen in Jordanië.

De minister sprak in Amman met koning Abdullah.
"""


class InlineRunner:
    """TaskRunner.run, on the calling thread."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def run(
        self,
        op: Callable[[Library], Any],
        *,
        success: Callable[[Any], None] | None = None,
        failure: Callable[[str], None] | None = None,
    ) -> None:
        try:
            result = op(self.library)
        except EXPECTED_ERRORS as error:
            if failure is not None:
                failure(user_message(error))
            return
        if success is not None:
            success(result)


class Recorder:
    def __init__(self, workflow: BookmarkWorkflow) -> None:
        self.events: list[tuple[str, object]] = []
        for name in (
            "listed",
            "saved",
            "created",
            "restored",
            "removed",
            "undo_changed",
            "open_requested",
            "reveal_requested",
            "imported",
            "failed",
        ):
            getattr(workflow, name).connect(
                lambda *args, name=name: self.events.append((name, args[0] if args else None))
            )
        workflow.exported.connect(lambda path, count: self.events.append(("exported", count)))

    def names(self) -> list[str]:
        names = [name for name, _ in self.events]
        self.events.clear()
        return names


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "jordanie.txt").write_text(TEXT, "utf-8")
    (folder / "ander.txt").write_text("Ander bericht\n\nOver iets anders.\n", "utf-8")
    with Library(tmp_path / "data") as made:
        made.import_paths([folder])
        yield made


@pytest.fixture
def workflow(qtbot, library: Library) -> BookmarkWorkflow:
    return BookmarkWorkflow(InlineRunner(library))


def jordanie(library: Library) -> tuple[str, str]:
    entry = next(e for e in library.documents() if e.path.endswith("jordanie.txt"))
    return entry.id, entry.path


def add(workflow: BookmarkWorkflow, library: Library, quote: str) -> str:
    doc_id, _path = jordanie(library)
    text = library.open_document(doc_id).document.text
    start = text.index(quote)
    workflow.add(doc_id, start, start + len(quote))
    return next(b.id for b in workflow.bookmarks() if b.quote == quote)


def test_a_new_bookmark_is_saved_then_edited_then_listed(
    workflow: BookmarkWorkflow, library: Library
) -> None:
    seen = Recorder(workflow)
    bookmark_id = add(workflow, library, "koning Abdullah")
    assert seen.names() == ["saved", "created", "listed"]
    workflow.update(bookmark_id, "Navragen", ["hulp"])
    events = list(seen.events)
    assert [name for name, _ in events] == ["saved", "listed"]  # an edit opens no editor
    listing = events[-1][1]
    assert isinstance(listing, BookmarkListing) and listing.tags == [("hulp", 1)]
    assert workflow.get(bookmark_id).note == "Navragen"


def test_deletes_are_undone_newest_first(workflow: BookmarkWorkflow, library: Library) -> None:
    first = add(workflow, library, "koning Abdullah")
    second = add(workflow, library, "Nederland verhoogt")
    seen = Recorder(workflow)
    assert not workflow.can_undo()
    workflow.delete(workflow.get(first))
    workflow.delete(workflow.get(second))
    assert seen.names() == ["removed", "undo_changed", "listed"] * 2
    assert workflow.can_undo() and workflow.bookmarks() == []
    workflow.undo_delete()
    assert seen.events[1] == ("restored", workflow.get(second))
    assert [name for name, _ in seen.events] == ["saved", "restored", "listed", "undo_changed"]
    assert seen.events[-1] == ("undo_changed", True)
    seen.events.clear()
    workflow.undo_delete()
    assert seen.events[-1] == ("undo_changed", False)
    assert {b.id for b in workflow.bookmarks()} == {first, second}
    seen.events.clear()
    workflow.undo_delete()  # nothing left to undo
    assert seen.events == [("undo_changed", False)]


def test_showing_a_bookmark_opens_its_document_then_scrolls_once(
    workflow: BookmarkWorkflow, library: Library
) -> None:
    bookmark_id = add(workflow, library, "koning Abdullah")
    bookmark = workflow.get(bookmark_id)
    _doc_id, path = jordanie(library)
    seen = Recorder(workflow)
    workflow.show(bookmark, "/elsewhere.txt")
    assert seen.events == [("open_requested", path)]
    seen.events.clear()
    opened = library.open_document(path)
    workflow.document_shown(opened.bookmarks)
    assert seen.events == [("reveal_requested", bookmark_id)]
    seen.events.clear()
    workflow.document_shown(opened.bookmarks)  # shown again: no more scrolling
    assert seen.events == []
    workflow.show(bookmark, path)  # already shown: at once
    assert seen.events == [("reveal_requested", bookmark_id)]


def test_failures_are_reported_not_raised(workflow: BookmarkWorkflow) -> None:
    seen = Recorder(workflow)
    workflow.update("missing", "note", None)
    assert seen.events[0][0] == "failed" and "missing" in str(seen.events[0][1])


def test_reattach_export_and_import(
    workflow: BookmarkWorkflow, library: Library, tmp_path: Path
) -> None:
    bookmark_id = add(workflow, library, "koning Abdullah")
    doc_id, _path = jordanie(library)
    text = library.open_document(doc_id).document.text
    start = text.index("Nederland verhoogt")
    seen = Recorder(workflow)
    workflow.reattach(workflow.get(bookmark_id), doc_id, start, start + len("Nederland verhoogt"))
    assert seen.names() == ["saved", "listed"]
    assert workflow.get(bookmark_id).quote == "Nederland verhoogt"
    target = tmp_path / "bookmarks.json"
    workflow.export(workflow.bookmarks(), target, "json", "document", "Briefing")
    workflow.import_file(target)
    assert seen.events[0] == ("exported", 1)
    assert seen.events[1] == ("imported", 0) and seen.events[2][0] == "listed"
