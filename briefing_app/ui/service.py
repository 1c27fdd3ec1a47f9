"""The window's link to the Library: two worker threads, so the GUI thread never waits.

- the read worker answers searches and opens documents; a search that a newer one has
  overtaken is skipped before it runs, and its result would be dropped by the window anyway;
- bookmark jobs (add, edit, delete, list, export, import) also run on the read worker: they
  are short, must not wait behind a long import, and are never skipped as outdated;
- the write worker imports, re-scans, rebuilds and applies entity corrections, one job at a
  time, reporting progress; documents become searchable after every committed batch. Big
  imports, re-scans and rebuilds run in a child process it waits for (library/background.py),
  so the index writer's long GIL holds never reach the GUI thread.

Each worker opens its own Library inside its thread (SQLite connections belong to one
thread). Workers only emit signals; they never touch a widget.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, Signal, Slot

from briefing_app.bookmarks import (
    Bookmark,
    BookmarkImportError,
    BookmarkStoreError,
    from_web_annotations,
    make_anchor,
    merge_import,
    to_markdown,
    to_web_annotations,
)
from briefing_app.library import (
    Callbacks,
    ImportProgress,
    Job,
    Library,
    LibraryError,
    SearchHost,
    run_in_child,
    wants_child,
)
from briefing_app.library.atomic import write_atomic
from briefing_app.library.library import BUSY_MESSAGE, is_locked
from briefing_app.render import render_document
from briefing_app.search import SearchError, SearchRequest

PROGRESS_INTERVAL_S = 0.05  # at most 20 progress signals a second
# Imports of fewer files than this run in the write worker's thread; bigger ones, re-scans and
# rebuilds run in a child process, where the import cannot starve the GUI thread of the GIL
# (see library/search_host.py; a 2,000-file import stalled it for 255 ms in-process). Into a
# 10k library, 45 files in the thread stalled the GUI thread 91-118 ms and 20 files 51-69 ms,
# 7 files 19-63 ms; a child costs ~1 s more to start (7 files: 0.8-1.3 s here, 2.0-2.5 s there).
IN_THREAD_FILES = 16


@dataclass(frozen=True)
class OpenedView:
    """What the reader needs: the opened document plus the words to highlight."""

    opened: object  # briefing_app.library.OpenedDocument
    highlight_words: list[str]
    query: str
    html: str | None = None  # the document rendered here, off the GUI thread (None: unread)
    # Asked for again because the library changed: True when its text is the one shown
    # (not rendered again; only its entities and bookmarks may have changed).
    refreshed: bool = False
    unchanged: bool = False


@dataclass(frozen=True)
class BookmarkListing:
    """Every bookmark, with the tags and entity counts the panels show beside them."""

    bookmarks: list[Bookmark]
    tags: list[tuple[str, int]] = field(default_factory=list)
    entity_counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class BriefingExport:
    """What to write: the bookmarks, the file, "markdown" or "json", and Markdown grouping."""

    bookmarks: list[Bookmark]
    path: str
    format: str = "markdown"
    group_by: str = "document"
    title: str = ""
    entity_labels: dict[str, str] = field(default_factory=dict)


# Why a library may not open: a folder that cannot be used, a damaged index that cannot be
# rebuilt, a database locked past the timeout.
_OPEN_ERRORS = (LibraryError, SearchError, OSError, sqlite3.Error)

_BOOKMARK_ERRORS = (
    LibraryError,
    BookmarkStoreError,
    BookmarkImportError,
    sqlite3.Error,
    OSError,
    ValueError,
)


def user_message(error: Exception) -> str:
    """The error as the user reads it. A SQLite file locked past the timeout means another
    window or process is writing, as the command line says too."""
    if is_locked(error):
        return BUSY_MESSAGE
    return str(error)


class _Latest:
    """Newest request id per kind, shared with the workers (ints are read atomically)."""

    def __init__(self) -> None:
        self.search = 0
        self.document = 0


class ReadWorker(QObject):
    ready = Signal()
    open_failed = Signal(str)
    library_counted = Signal(int)  # documents in the library, after each search
    search_finished = Signal(int, object)  # request id, SearchResults
    search_failed = Signal(int, str)
    page_loaded = Signal(int, int, object)  # request id, offset, list[SearchHit]
    document_opened = Signal(int, object)  # request id, OpenedView
    document_failed = Signal(int, str)
    bookmark_saved = Signal(int, object)  # request id, Bookmark (new, edited or restored)
    bookmark_removed = Signal(int, object)  # request id, the removed Bookmark (for undo)
    bookmarks_listed = Signal(int, object)  # request id, BookmarkListing
    bookmarks_exported = Signal(int, str, int)  # request id, path, bookmarks written
    bookmarks_imported = Signal(int, int, int)  # request id, added, skipped as duplicates
    bookmark_failed = Signal(int, str)  # request id, message for the user

    def __init__(self, data_dir: Path, latest: _Latest, language: str = "en") -> None:
        super().__init__()
        self._data_dir = data_dir
        self._latest = latest
        self._language = language  # entities are named in the window's language
        self._library: Library | None = None
        self._searcher: SearchHost | Library | None = None
        # Searches run in a child process (library/search_host.py: in this process they starve
        # the GUI thread of the GIL); documents and bookmarks, short SQLite work, stay here.
        # Given by the service before this worker's thread starts; None: search in place.
        self.host: SearchHost | None = None

    @Slot()
    def start(self) -> None:
        try:
            self._library = Library(self._data_dir, language=self._language)
        except _OPEN_ERRORS as error:
            self.open_failed.emit(user_message(error))
            return
        if self.host is not None:
            self.host.open(self._library)
        self._searcher = self.host or self._library
        self.ready.emit()

    @Slot()
    def stop(self) -> None:
        if self.host is not None:
            self.host.close()
        self._searcher = None
        if self._library is not None:
            self._library.close()
            self._library = None

    @Slot()
    def reopen_index(self) -> None:
        if self._library is not None:
            self._library.reopen_index()
        if self.host is not None:
            self.host.reopen_index()

    @Slot(int, object)
    def run_search(self, request_id: int, request: SearchRequest) -> None:
        if request_id < self._latest.search or self._library is None or self._searcher is None:
            return  # overtaken by a newer query: its result would be dropped anyway
        try:
            results = self._searcher.search(request)
        except SearchError as error:
            self.search_failed.emit(request_id, str(error))
            return
        self.search_finished.emit(request_id, results)
        self.library_counted.emit(self._library.document_count())

    @Slot(int, object, int)
    def load_page(self, request_id: int, request: SearchRequest, offset: int) -> None:
        if request_id < self._latest.search or self._searcher is None:
            return
        try:
            page = self._searcher.search(
                replace(request, offset=offset, facets=False, count=False, suggest=False)
            )
        except SearchError:
            return
        self.page_loaded.emit(request_id, offset, page.hits)

    @Slot(int, str, str, bool, str)
    def open_document(
        self, request_id: int, doc_id: str, query: str, literal: bool, shown_hash: str
    ) -> None:
        """`shown_hash`: the content hash of the text the reader shows of this document, when
        it is opened again because the library changed ("" for an ordinary open)."""
        if request_id < self._latest.document or self._library is None or self._searcher is None:
            return
        try:
            opened = self._library.open_document(doc_id)
            words: list[str] = []
            if opened.document is not None and query.strip():
                try:
                    words = self._searcher.highlight_words(query, opened.document, literal)
                except SearchError:
                    words = []
        except LibraryError as error:
            self.document_failed.emit(request_id, str(error))
            return
        document = opened.document
        unchanged = (
            bool(shown_hash) and document is not None and document.content_hash == shown_hash
        )
        rendered = None
        if document is not None and not unchanged:
            rendered = render_document(document.markdown, document.text)
        self.document_opened.emit(
            request_id,
            OpenedView(
                opened, words, query, rendered, refreshed=bool(shown_hash), unchanged=unchanged
            ),
        )

    # -- bookmarks (short jobs; never skipped) -------------------------------------------

    def _bookmark_job(self, request_id: int, job: Callable[[Library], None]) -> None:
        if self._library is None:
            self.bookmark_failed.emit(request_id, self.tr("The library is not open."))
            return
        try:
            job(self._library)
        except _BOOKMARK_ERRORS as error:
            self.bookmark_failed.emit(request_id, user_message(error))

    @Slot(int, str, int, int, str, list)
    def add_bookmark(
        self, request_id: int, doc_id: str, start: int, end: int, note: str, tags: list
    ) -> None:
        def add(library: Library) -> None:
            bookmark = library.add_bookmark(doc_id, start=start, end=end, note=note, tags=tags)
            self.bookmark_saved.emit(request_id, bookmark)

        self._bookmark_job(request_id, add)

    @Slot(int, str, object, object)
    def update_bookmark(
        self, request_id: int, bookmark_id: str, note: object, tags: object
    ) -> None:
        def update(library: Library) -> None:
            bookmark = library.bookmarks.update(
                bookmark_id,
                note=None if note is None else str(note),
                tags=None if tags is None else [str(t) for t in tags],  # type: ignore[attr-defined]
            )
            self.bookmark_saved.emit(request_id, bookmark)

        self._bookmark_job(request_id, update)

    @Slot(int, str)
    def remove_bookmark(self, request_id: int, bookmark_id: str) -> None:
        self._bookmark_job(
            request_id,
            lambda library: self.bookmark_removed.emit(
                request_id, library.bookmarks.remove(bookmark_id)
            ),
        )

    @Slot(int, object)
    def restore_bookmark(self, request_id: int, bookmark: Bookmark) -> None:
        self._bookmark_job(
            request_id,
            lambda library: self.bookmark_saved.emit(
                request_id, library.bookmarks.restore(bookmark)
            ),
        )

    @Slot(int, str, str, int, int)
    def reattach_bookmark(
        self, request_id: int, bookmark_id: str, doc_id: str, start: int, end: int
    ) -> None:
        def reattach(library: Library) -> None:
            opened = library.open_document(doc_id)
            if opened.document is None:
                raise LibraryError(opened.problem or f"Cannot read {opened.entry.path}")
            text = opened.document.text
            anchor = make_anchor(text, start, end, opened.document.content_hash)
            bookmark = library.bookmarks.reattach(bookmark_id, anchor)
            if bookmark.doc_path != str(opened.document.path):
                library.bookmarks.relocate(bookmark.doc_path, str(opened.document.path))
                bookmark = library.bookmarks.get(bookmark_id) or bookmark
            self.bookmark_saved.emit(request_id, bookmark)

        self._bookmark_job(request_id, reattach)

    @Slot(int, object)
    def list_bookmarks(self, request_id: int, filters: dict) -> None:
        def listing(library: Library) -> None:
            bookmarks = library.list_bookmarks(**filters)
            self.bookmarks_listed.emit(
                request_id,
                BookmarkListing(
                    bookmarks, library.bookmarks.tags(), library.bookmark_entity_counts()
                ),
            )

        self._bookmark_job(request_id, listing)

    @Slot(int, object)
    def export_bookmarks(self, request_id: int, export: BriefingExport) -> None:
        def write(_library: Library) -> None:
            if export.format == "json":
                data = to_web_annotations(export.bookmarks)
                text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            else:
                labels = export.entity_labels
                text = to_markdown(
                    export.bookmarks,
                    group_by=export.group_by,  # type: ignore[arg-type]
                    title=export.title or None,
                    entity_label=(lambda e: labels.get(e, e.partition(":")[2] or e)),
                )
            write_atomic(Path(export.path), text)
            self.bookmarks_exported.emit(request_id, export.path, len(export.bookmarks))

        self._bookmark_job(request_id, write)

    @Slot(int, str)
    def import_bookmarks(self, request_id: int, path: str) -> None:
        def read(library: Library) -> None:
            try:
                data = json.loads(Path(path).read_text("utf-8"))
            except UnicodeDecodeError as error:
                raise BookmarkImportError(f"{path} is not a UTF-8 JSON file") from error
            added, skipped = merge_import(library.bookmarks, from_web_annotations(data))
            self.bookmarks_imported.emit(request_id, added, skipped)

        self._bookmark_job(request_id, read)


class WriteWorker(QObject):
    ready = Signal(int)  # documents in the library
    open_failed = Signal(str)
    opened_read_only = Signal(str)  # what the user can and cannot do, before `ready`
    busy_changed = Signal(bool)
    progress = Signal(int, int, str)  # done, total, current file
    rebuilding = Signal()  # opening rebuilds the index (another version, or damaged)
    committed = Signal(int)  # documents committed so far in this job
    import_finished = Signal(object)  # ImportReport
    reindex_finished = Signal(int)
    correction_finished = Signal(list)  # ids of updated documents
    job_failed = Signal(str)

    def __init__(self, data_dir: Path, cancel: threading.Event) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._cancel = cancel
        self._library: Library | None = None
        self._last_progress = 0.0
        self._rebuilding = False

    def _on_rebuild_progress(self, done: int, total: int) -> None:
        if not self._rebuilding:  # the first report: opening rebuilds the index
            self._rebuilding = True
            self.busy_changed.emit(True)
            self.rebuilding.emit()
        self.progress.emit(done, total, "")

    @Slot()
    def start(self) -> None:
        try:
            self._library = Library(self._data_dir, rebuild_progress=self._on_rebuild_progress)
        except _OPEN_ERRORS as error:
            self.open_failed.emit(user_message(error))
            return
        finally:
            if self._rebuilding:
                self.busy_changed.emit(False)
        if self._library.read_only:
            self.opened_read_only.emit(self._library.read_only_notice())
        self.ready.emit(self._library.document_count())

    @Slot()
    def stop(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None

    def _report_progress(self, progress: ImportProgress) -> None:
        now = time.monotonic()
        if now - self._last_progress >= PROGRESS_INTERVAL_S or progress.done == progress.total:
            self._last_progress = now
            self.progress.emit(progress.done, progress.total, progress.path)

    @Slot(list, bool)
    def run_import(self, paths: list[str], prune: bool) -> None:
        if wants_child(paths, IN_THREAD_FILES):
            job = Job("import", tuple(paths), prune=prune)
            self._run(lambda lib: self.import_finished.emit(self._in_child(job)))
        else:
            self._run(lambda lib: self.import_finished.emit(self._import(lib, paths, prune)))

    @Slot()
    def run_rescan(self) -> None:
        self._run(lambda lib: self.import_finished.emit(self._in_child(Job("rescan"))))

    @Slot()
    def run_reindex(self) -> None:
        self._run(lambda lib: self.reindex_finished.emit(self._in_child(Job("reindex"))))

    def _in_child(self, job: Job) -> Any:
        return run_in_child(
            self._data_dir,
            job,
            Callbacks(
                progress=self._report_progress,
                cancelled=self._cancel.is_set,
                committed=self.committed.emit,
                reindexed=lambda done, total: self.progress.emit(done, total, ""),
            ),
        )

    @Slot(str, str, str, str)
    def run_correction(self, action: str, entity_type: str, key: str, value: str) -> None:
        self._run(
            lambda lib: self.correction_finished.emit(
                lib.correct_entity(action, entity_type, key, value)
            )
        )

    def _import(self, library: Library, paths: list[str], prune: bool) -> object:
        return library.import_paths(
            [Path(p) for p in paths],
            prune=prune,
            progress=self._report_progress,
            cancelled=self._cancel.is_set,
            committed=self.committed.emit,
        )

    def _run(self, job: Callable[[Library], object]) -> None:
        if self._library is None:
            self.job_failed.emit(self.tr("The library is not open."))
            return
        self._cancel.clear()
        self.busy_changed.emit(True)
        try:
            job(self._library)
        except (LibraryError, SearchError, ValueError, OSError, sqlite3.Error) as error:
            self.job_failed.emit(user_message(error))
        finally:
            self.busy_changed.emit(False)


class LibraryService(QObject):
    """Owned by the window; the only object the window calls for library work."""

    # Requests to the workers (queued across threads).
    _search_wanted = Signal(int, object)
    _page_wanted = Signal(int, object, int)
    _document_wanted = Signal(int, str, str, bool, str)
    _import_wanted = Signal(list, bool)
    _rescan_wanted = Signal()
    _reindex_wanted = Signal()
    _correction_wanted = Signal(str, str, str, str)
    _reopen_wanted = Signal()
    _add_bookmark_wanted = Signal(int, str, int, int, str, list)
    _update_bookmark_wanted = Signal(int, str, object, object)
    _remove_bookmark_wanted = Signal(int, str)
    _restore_bookmark_wanted = Signal(int, object)
    _reattach_bookmark_wanted = Signal(int, str, str, int, int)
    _list_bookmarks_wanted = Signal(int, object)
    _export_bookmarks_wanted = Signal(int, object)
    _import_bookmarks_wanted = Signal(int, str)

    # Events for the window.
    ready = Signal(int)
    open_failed = Signal(str)
    opened_read_only = Signal(str)
    search_finished = Signal(int, object)
    search_failed = Signal(int, str)
    library_counted = Signal(int)
    page_loaded = Signal(int, int, object)
    document_opened = Signal(int, object)
    document_failed = Signal(int, str)
    busy_changed = Signal(bool)
    import_progress = Signal(int, int, str)
    index_rebuilding = Signal()  # opening the library rebuilds its index, with progress
    library_changed = Signal()
    import_finished = Signal(object)
    reindex_finished = Signal(int)
    correction_finished = Signal(list)
    job_failed = Signal(str)
    bookmark_saved = Signal(int, object)
    bookmark_removed = Signal(int, object)
    bookmarks_listed = Signal(int, object)
    bookmarks_exported = Signal(int, str, int)
    bookmarks_imported = Signal(int, int, int)
    bookmark_failed = Signal(int, str)

    def __init__(
        self,
        data_dir: Path,
        parent: QObject | None = None,
        *,
        search_in_child: bool = True,
        language: str = "en",
    ) -> None:
        """`language` is the window's: the entities of documents and results are named in it
        ("European Union" / "Europese Unie")."""
        super().__init__(parent)
        self._latest = _Latest()
        self._bookmark_request = 0
        self._cancel = threading.Event()
        self._read_thread = QThread(self)
        self._read_thread.setObjectName("briefingReadThread")
        self._write_thread = QThread(self)
        self._write_thread.setObjectName("briefingWriteThread")
        self.reader = ReadWorker(data_dir, self._latest, language)
        self._data_dir = data_dir
        self._search_in_child = search_in_child
        self.writer = WriteWorker(data_dir, self._cancel)
        self.reader.moveToThread(self._read_thread)
        self.writer.moveToThread(self._write_thread)
        self._wire()
        self._stopped = False

    @property
    def data_dir(self) -> Path:
        """The library's data folder (the About box shows it)."""
        return self._data_dir

    def _wire(self) -> None:
        r, w = self.reader, self.writer
        self._write_thread.started.connect(w.start)
        w.ready.connect(self._on_writer_ready)
        w.open_failed.connect(self.open_failed)
        w.opened_read_only.connect(self.opened_read_only)
        self._read_thread.started.connect(r.start)
        r.open_failed.connect(self.open_failed)
        self._search_wanted.connect(r.run_search)
        self._page_wanted.connect(r.load_page)
        self._document_wanted.connect(r.open_document)
        self._reopen_wanted.connect(r.reopen_index)
        r.search_finished.connect(self.search_finished)
        r.search_failed.connect(self.search_failed)
        r.library_counted.connect(self.library_counted)
        r.page_loaded.connect(self.page_loaded)
        r.document_opened.connect(self.document_opened)
        r.document_failed.connect(self.document_failed)
        for wanted, slot in (
            (self._add_bookmark_wanted, r.add_bookmark),
            (self._update_bookmark_wanted, r.update_bookmark),
            (self._remove_bookmark_wanted, r.remove_bookmark),
            (self._restore_bookmark_wanted, r.restore_bookmark),
            (self._reattach_bookmark_wanted, r.reattach_bookmark),
            (self._list_bookmarks_wanted, r.list_bookmarks),
            (self._export_bookmarks_wanted, r.export_bookmarks),
            (self._import_bookmarks_wanted, r.import_bookmarks),
        ):
            wanted.connect(slot)
        r.bookmark_saved.connect(self.bookmark_saved)
        r.bookmark_removed.connect(self.bookmark_removed)
        r.bookmarks_listed.connect(self.bookmarks_listed)
        r.bookmarks_exported.connect(self.bookmarks_exported)
        r.bookmarks_imported.connect(self.bookmarks_imported)
        r.bookmark_failed.connect(self.bookmark_failed)
        self._import_wanted.connect(w.run_import)
        self._rescan_wanted.connect(w.run_rescan)
        self._reindex_wanted.connect(w.run_reindex)
        self._correction_wanted.connect(w.run_correction)
        w.busy_changed.connect(self.busy_changed)
        w.progress.connect(self.import_progress)
        w.rebuilding.connect(self.index_rebuilding)
        w.committed.connect(lambda _count: self.library_changed.emit())
        w.import_finished.connect(self.import_finished)
        w.import_finished.connect(lambda _report: self.library_changed.emit())
        w.reindex_finished.connect(self._on_reindexed)
        w.correction_finished.connect(self.correction_finished)
        w.correction_finished.connect(lambda _ids: self.library_changed.emit())
        w.job_failed.connect(self.job_failed)

    def start(self) -> None:
        # The writer opens (and if need be builds) the library first; then the reader. The
        # search process starts meanwhile, and opens the library when the reader has.
        if not self._stopped:
            if self._search_in_child:
                self.reader.host = SearchHost(self._data_dir)
            self._write_thread.start()

    def _on_writer_ready(self, count: int) -> None:
        if self._stopped:  # the window closed while the writer was opening the library
            return
        self.reader.ready.connect(lambda: self.ready.emit(count))
        self._read_thread.start()

    def _on_reindexed(self, count: int) -> None:
        self._reopen_wanted.emit()
        self.reindex_finished.emit(count)
        self.library_changed.emit()

    # -- requests --------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> int:
        self._latest.search += 1
        self._search_wanted.emit(self._latest.search, request)
        return self._latest.search

    def is_current_search(self, request_id: int) -> bool:
        return request_id == self._latest.search

    def load_page(self, request_id: int, request: SearchRequest, offset: int) -> None:
        self._page_wanted.emit(request_id, request, offset)

    def open_document(
        self, doc_id: str, query: str = "", *, literal: bool = False, shown_hash: str = ""
    ) -> int:
        """Opens a document; the reader highlights what `query` matches (with the other names
        of the entities it names, unless `literal`). `shown_hash`: opened again after the
        library changed, the content hash of the text shown (see OpenedView.unchanged)."""
        self._latest.document += 1
        self._document_wanted.emit(self._latest.document, doc_id, query, literal, shown_hash)
        return self._latest.document

    def is_current_document(self, request_id: int) -> bool:
        return request_id == self._latest.document

    # Bookmark requests return an id that comes back with the answer; none is ever dropped.

    def _next_bookmark_request(self) -> int:
        self._bookmark_request += 1
        return self._bookmark_request

    def add_bookmark(
        self, doc_id: str, start: int, end: int, note: str = "", tags: Iterable[str] = ()
    ) -> int:
        """Bookmark Document.text[start:end] (code points) of a library document."""
        request = self._next_bookmark_request()
        self._add_bookmark_wanted.emit(request, doc_id, start, end, note, list(tags))
        return request

    def update_bookmark(
        self, bookmark_id: str, note: str | None = None, tags: Iterable[str] | None = None
    ) -> int:
        request = self._next_bookmark_request()
        self._update_bookmark_wanted.emit(
            request, bookmark_id, note, None if tags is None else list(tags)
        )
        return request

    def remove_bookmark(self, bookmark_id: str) -> int:
        """Answered by bookmark_removed with the Bookmark, so it can be restored (undo)."""
        request = self._next_bookmark_request()
        self._remove_bookmark_wanted.emit(request, bookmark_id)
        return request

    def restore_bookmark(self, bookmark: Bookmark) -> int:
        request = self._next_bookmark_request()
        self._restore_bookmark_wanted.emit(request, bookmark)
        return request

    def reattach_bookmark(self, bookmark_id: str, doc_id: str, start: int, end: int) -> int:
        request = self._next_bookmark_request()
        self._reattach_bookmark_wanted.emit(request, bookmark_id, doc_id, start, end)
        return request

    def list_bookmarks(self, filters: dict[str, str] | None = None) -> int:
        """Filters as Library.list_bookmarks takes them (tag, entity, status, text)."""
        request = self._next_bookmark_request()
        self._list_bookmarks_wanted.emit(request, dict(filters or {}))
        return request

    def export_bookmarks(self, export: BriefingExport) -> int:
        request = self._next_bookmark_request()
        self._export_bookmarks_wanted.emit(request, export)
        return request

    def import_bookmarks(self, path: Path) -> int:
        request = self._next_bookmark_request()
        self._import_bookmarks_wanted.emit(request, str(path))
        return request

    def import_paths(self, paths: list[Path], *, prune: bool = False) -> None:
        self._import_wanted.emit([str(p) for p in paths], prune)

    def rescan(self) -> None:
        self._rescan_wanted.emit()

    def reindex(self) -> None:
        self._reindex_wanted.emit()

    def correct_entity(self, action: str, entity_type: str, key: str, value: str = "") -> None:
        self._correction_wanted.emit(action, entity_type, key, value)

    def cancel_job(self) -> None:
        self._cancel.set()

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Cancel running work, close both libraries in their threads, join the threads."""
        if self._stopped:
            return
        self._stopped = True
        self._cancel.set()
        for thread, worker in (
            (self._read_thread, self.reader),
            (self._write_thread, self.writer),
        ):
            if thread.isRunning():
                # Runs after the worker's current job (cancelled above): the worker closes its
                # library in its own thread, then the thread's event loop ends.
                QMetaObject.invokeMethod(worker, "stop", Qt.ConnectionType.BlockingQueuedConnection)
                thread.quit()
                thread.wait(timeout_ms)
        if self.reader.host is not None:  # the reader's thread may never have started
            self.reader.host.close()
