"""What the window does with bookmarks, apart from showing them: it asks the library to add,
edit, delete, restore, re-attach, list, export and import them, keeps the undo list of
deleted ones, knows which new bookmark opens the editor, and which bookmark the reader
scrolls to once its document is shown. No widgets: the window turns the signals into what
the user sees."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal, SignalInstance

from briefing_app.bookmarks import Bookmark, BookmarkStatus
from briefing_app.library import Library


@dataclass(frozen=True)
class BookmarkListing:
    """Every bookmark, with the tags and entity counts the panels show beside them."""

    bookmarks: list[Bookmark]
    tags: list[tuple[str, int]] = field(default_factory=list)
    entity_counts: dict[str, int] = field(default_factory=dict)


class Runner(Protocol):
    """The part of LibraryService this needs (tasks.TaskRunner.run): bookmark work is short
    and runs on the read queue, never outdated."""

    def run(
        self,
        op: Callable[[Library], Any],
        *,
        success: Callable[[Any], None] | None = None,
        failure: Callable[[str], None] | None = None,
    ) -> None: ...


class BookmarkWorkflow(QObject):
    listed = Signal(object)  # BookmarkListing
    saved = Signal(object)  # Bookmark: new, edited, restored or re-attached
    created = Signal(object)  # the Bookmark the user just made: edit its note
    restored = Signal(object)  # the Bookmark an undo put back
    removed = Signal(object)  # the Bookmark deleted
    undo_changed = Signal(bool)  # whether there is a delete to undo
    open_requested = Signal(str)  # the path of a document to show, for a bookmark in it
    reveal_requested = Signal(str)  # bookmark id: its document is shown, scroll to it
    exported = Signal(str, int)  # path, bookmarks written
    imported = Signal(int, int)  # added, skipped as already there
    failed = Signal(str)  # message for the user

    def __init__(self, service: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._bookmarks: dict[str, Bookmark] = {}  # as last listed or saved
        self._deleted: list[Bookmark] = []  # for undo, newest last
        self._reveal_when_shown: str | None = None

    def bookmarks(self) -> list[Bookmark]:
        """The bookmarks as last listed (all of them, whatever the panel's filters)."""
        return list(self._bookmarks.values())

    def get(self, bookmark_id: str) -> Bookmark | None:
        return self._bookmarks.get(bookmark_id)

    def can_undo(self) -> bool:
        return bool(self._deleted)

    # -- asking the library -------------------------------------------------------------------

    def _run(self, op: Callable[[Library], Any], success: Callable[[Any], None]) -> None:
        self._service.run(op, success=success, failure=self.failed.emit)

    def refresh(self) -> None:
        self._run(
            lambda library: BookmarkListing(
                library.list_bookmarks(), library.bookmark_tags(), library.bookmark_entity_counts()
            ),
            self._on_listed,
        )

    def add(self, doc_id: str, start: int, end: int) -> None:
        """Bookmark Document.text[start:end] (code points); `created` follows."""
        self._run(
            lambda library: library.add_bookmark(doc_id, start=start, end=end),
            lambda bookmark: self._on_saved(bookmark, self.created),
        )

    def update(self, bookmark_id: str, note: str | None, tags: Iterable[str] | None) -> None:
        wanted = None if tags is None else [str(tag) for tag in tags]
        self._run(
            lambda library: library.update_bookmark(bookmark_id, note=note, tags=wanted),
            self._on_saved,
        )

    def delete(self, bookmark: Bookmark) -> None:
        self._run(lambda library: library.remove_bookmark(bookmark.id), self._on_removed)

    def undo_delete(self) -> None:
        if self._deleted:
            bookmark = self._deleted.pop()
            self._run(
                lambda library: library.restore_bookmark(bookmark),
                lambda back: self._on_saved(back, self.restored),
            )
        self.undo_changed.emit(bool(self._deleted))

    def reattach(self, bookmark: Bookmark, doc_id: str, start: int, end: int) -> None:
        self._run(
            lambda library: library.reattach_bookmark(bookmark.id, doc_id, start, end),
            self._on_saved,
        )

    def export(
        self, bookmarks: list[Bookmark], path: Path, format: str, group_by: str, title: str
    ) -> None:
        """Write `bookmarks` as a Markdown or Word ("docx") briefing or (format "json") Web
        Annotations."""
        self._run(
            lambda library: library.export_bookmarks(
                bookmarks,
                path,
                format="json" if format == "json" else "docx" if format == "docx" else "markdown",
                group_by=group_by,  # type: ignore[arg-type]
                title=title,
            ),
            lambda count: self.exported.emit(str(path), count),
        )

    def import_file(self, path: Path) -> None:
        def done(counts: tuple[int, int]) -> None:
            self.imported.emit(*counts)
            self.refresh()

        self._run(lambda library: library.import_bookmarks(path), done)

    # -- the reader ---------------------------------------------------------------------------

    def show(self, bookmark: Bookmark, shown_path: str) -> None:
        """Scroll to the bookmark's passage: at once when its document is the one shown
        (`shown_path`), else once its document, asked for, is shown."""
        if shown_path and bookmark.doc_path == shown_path:
            self.reveal_requested.emit(bookmark.id)
            return
        self._reveal_when_shown = bookmark.id
        self.open_requested.emit(bookmark.doc_path)

    def document_shown(self, bookmarks: Iterable[Bookmark]) -> None:
        """A document is shown, with its bookmarks freshly re-anchored."""
        for bookmark in bookmarks:
            self._bookmarks[bookmark.id] = bookmark
        if self._reveal_when_shown is not None:
            bookmark_id, self._reveal_when_shown = self._reveal_when_shown, None
            self.reveal_requested.emit(bookmark_id)

    # -- answers ------------------------------------------------------------------------------

    def _on_listed(self, listing: BookmarkListing) -> None:
        self._bookmarks = {b.id: b for b in listing.bookmarks}
        self.listed.emit(listing)

    def _on_saved(self, bookmark: Bookmark, also: SignalInstance | None = None) -> None:
        self._bookmarks[bookmark.id] = bookmark
        self.saved.emit(bookmark)
        if also is not None:
            also.emit(bookmark)
        self.refresh()

    def _on_removed(self, bookmark: Bookmark) -> None:
        self._deleted.append(bookmark)
        self.removed.emit(bookmark)
        self.undo_changed.emit(True)
        self.refresh()


def status_note(bookmark: Bookmark) -> str:
    """What the window says of a bookmark whose passage is not where it was saved ("" when it
    is): orphaned, approximate (with the old text) or moved. In the window's translation
    context ("MainWindow")."""
    if bookmark.status == BookmarkStatus.ORPHANED:
        return QCoreApplication.translate(
            "MainWindow",
            "This passage is no longer in the document. Select new text and choose "
            "Re-attach to selection in the Bookmarks panel.",
        )
    if bookmark.status == BookmarkStatus.APPROXIMATE:
        return QCoreApplication.translate(
            "MainWindow", "The passage changed; it was: “%1”"
        ).replace("%1", " ".join((bookmark.previous_quote or "").split()))
    if bookmark.status == BookmarkStatus.MOVED:
        return QCoreApplication.translate("MainWindow", "The passage moved within the document.")
    return ""
