"""The window's link to the Library: two worker threads, so the GUI thread never waits.

Work is asked for with `run` (tasks.py): an operation on the Library, its queue, and the
callbacks that get its answer on the GUI thread.

- the read worker (Queue.READ) answers searches and opens documents; a search that a newer
  one has overtaken is skipped before it runs, and its answer is dropped if it already ran.
  Bookmark work also runs there: it is short, must not wait behind a long import, and is
  never outdated;
- the write worker (Queue.WRITE) imports, re-scans, rebuilds and applies entity
  corrections, one job at a time, reporting progress; documents become searchable after
  every committed batch. Big imports, re-scans and rebuilds run in a child process it waits
  for (library/background.py), so the index writer's long GIL holds never reach the GUI
  thread.

Each worker opens its own Library inside its thread (SQLite connections belong to one
thread).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, Signal, Slot

from briefing_app.library import (
    Callbacks,
    ImportProgress,
    ImportReport,
    Job,
    Library,
    LibraryError,
    OpenedDocument,
    SearchHost,
    run_in_child,
    wants_child,
)
from briefing_app.render import render_document
from briefing_app.search import SearchError, SearchHit, SearchRequest, SearchResults
from briefing_app.ui.tasks import Queue, Task, TaskRunner, TaskWorker, user_message

PROGRESS_INTERVAL_S = 0.05  # at most 20 progress signals a second
# Imports of fewer files than this run in the write worker's thread; bigger ones, re-scans and
# rebuilds run in a child process, where the import cannot starve the GUI thread of the GIL
# (see library/search_host.py). The bound weighs the GUI thread's stalls, which grow with the
# files analysed in-process, against the second or so a child process takes to start
# (docs/performance.md has the measurements).
IN_THREAD_FILES = 16


@dataclass(frozen=True)
class OpenedView:
    """What the reader needs: the opened document plus the words to highlight."""

    opened: OpenedDocument
    highlight_words: list[str]
    query: str
    html: str | None = None  # the document rendered here, off the GUI thread (None: unread)
    # Asked for again because the library changed: True when its text is the one shown
    # (not rendered again; only its entities and bookmarks may have changed).
    refreshed: bool = False
    unchanged: bool = False


# Why a library may not open: a folder that cannot be used, a damaged index that cannot be
# rebuilt, a database locked past the timeout.
_OPEN_ERRORS = (LibraryError, SearchError, OSError, sqlite3.Error)


class ReadWorker(TaskWorker):
    ready = Signal()
    open_failed = Signal(str)

    def __init__(self, data_dir: Path, service: TaskRunner, language: str = "en") -> None:
        super().__init__(service.generations)
        self._data_dir = data_dir
        self._language = language  # entities are named in the window's language
        # Searches run in a child process (library/search_host.py: in this process they starve
        # the GUI thread of the GIL); documents and bookmarks, short SQLite work, stay here.
        # Given by the service before this worker's thread starts; None: search in place.
        self.host: SearchHost | None = None
        self.searcher: SearchHost | Library | None = None

    @Slot()
    def start(self) -> None:
        try:
            self.library = Library(self._data_dir, language=self._language)
        except _OPEN_ERRORS as error:
            self.open_failed.emit(user_message(error))
            return
        if self.host is not None:
            self.host.open(self.library)
        self.searcher = self.host or self.library
        self.ready.emit()

    @Slot()
    def stop(self) -> None:
        if self.host is not None:
            self.host.close()
        self.searcher = None
        if self.library is not None:
            self.library.close()
            self.library = None

    def reopen_index(self, library: Library) -> None:
        library.reopen_index()
        if self.host is not None:
            self.host.reopen_index()

    def search(self, request: SearchRequest) -> SearchResults:
        assert self.searcher is not None  # set with the library
        return self.searcher.search(request)

    def open_view(
        self, library: Library, doc_id: str, query: str, literal: bool, shown_hash: str
    ) -> OpenedView:
        opened = library.open_document(doc_id)
        words: list[str] = []
        if opened.document is not None and query.strip() and self.searcher is not None:
            try:
                words = self.searcher.highlight_words(query, opened.document, literal)
            except SearchError:
                words = []
        document = opened.document
        unchanged = (
            bool(shown_hash) and document is not None and document.content_hash == shown_hash
        )
        rendered = None
        if document is not None and not unchanged:
            rendered = render_document(document.markdown, document.text)
        return OpenedView(
            opened, words, query, rendered, refreshed=bool(shown_hash), unchanged=unchanged
        )


class WriteWorker(TaskWorker):
    ready = Signal(int)  # documents in the library
    open_failed = Signal(str)
    opened_read_only = Signal(str)  # what the user can and cannot do, before `ready`
    busy_changed = Signal(bool)
    progress = Signal(int, int, str)  # done, total, current file
    rebuilding = Signal()  # opening rebuilds the index (another version, or damaged)
    committed = Signal(int)  # documents committed so far in this job

    def __init__(self, data_dir: Path, service: TaskRunner, cancel: threading.Event) -> None:
        super().__init__(service.generations)
        self._data_dir = data_dir
        self._cancel = cancel
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
            self.library = Library(self._data_dir, rebuild_progress=self._on_rebuild_progress)
        except _OPEN_ERRORS as error:
            self.open_failed.emit(user_message(error))
            return
        finally:
            if self._rebuilding:
                self.busy_changed.emit(False)
        if self.library.read_only:
            self.opened_read_only.emit(self.library.read_only_notice())
        self.ready.emit(self.library.document_count())

    @Slot()
    def stop(self) -> None:
        if self.library is not None:
            self.library.close()
            self.library = None

    def before(self, task: Task) -> None:
        self._cancel.clear()
        self.busy_changed.emit(True)

    def after(self, task: Task) -> None:
        self.busy_changed.emit(False)

    def _report_progress(self, progress: ImportProgress) -> None:
        now = time.monotonic()
        if now - self._last_progress >= PROGRESS_INTERVAL_S or progress.done == progress.total:
            self._last_progress = now
            self.progress.emit(progress.done, progress.total, progress.path)

    def import_paths(self, library: Library, paths: list[str], prune: bool) -> ImportReport:
        if wants_child(paths, IN_THREAD_FILES):
            return self.in_child(Job("import", tuple(paths), prune=prune))
        return library.import_paths(
            [Path(p) for p in paths],
            prune=prune,
            progress=self._report_progress,
            cancelled=self._cancel.is_set,
            committed=self.committed.emit,
        )

    def in_child(self, job: Job) -> Any:
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


class LibraryService(TaskRunner):
    """Owned by the window; the only object the window calls for library work."""

    ready = Signal(int)
    open_failed = Signal(str)
    opened_read_only = Signal(str)
    library_counted = Signal(int)  # documents in the library, after each search
    busy_changed = Signal(bool)
    import_progress = Signal(int, int, str)
    index_rebuilding = Signal()  # opening the library rebuilds its index, with progress
    library_changed = Signal()  # a write job committed documents or finished

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
        self._cancel = threading.Event()
        self._read_thread = QThread(self)
        self._read_thread.setObjectName("briefingReadThread")
        self._write_thread = QThread(self)
        self._write_thread.setObjectName("briefingWriteThread")
        self.reader = ReadWorker(data_dir, self, language)
        self._data_dir = data_dir
        self._search_in_child = search_in_child
        self.writer = WriteWorker(data_dir, self, self._cancel)
        self.attach(Queue.READ, self.reader)
        self.attach(Queue.WRITE, self.writer)
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
        w.busy_changed.connect(self.busy_changed)
        w.progress.connect(self.import_progress)
        w.rebuilding.connect(self.index_rebuilding)
        w.committed.connect(self._on_committed)

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

    def _on_committed(self, _count: int) -> None:
        self.library_changed.emit()

    # -- reading ----------------------------------------------------------------------------

    def search(
        self,
        request: SearchRequest,
        success: Callable[[SearchResults], None],
        failure: Callable[[str], None] | None = None,
    ) -> None:
        """Answers only the newest search: an older one's results are never delivered."""

        def searched(answer: tuple[SearchResults, int]) -> None:
            results, count = answer
            success(results)
            self.library_counted.emit(count)

        self.run(
            lambda library: (self.reader.search(request), library.document_count()),
            supersedes="search",
            success=searched,
            failure=failure,
        )

    def load_page(
        self, request: SearchRequest, offset: int, success: Callable[[list[SearchHit]], None]
    ) -> None:
        """More results of the newest search (dropped if another search came since)."""
        more = replace(request, offset=offset, facets=False, count=False, suggest=False)
        self.run(
            lambda _library: self.reader.search(more).hits,
            part_of="search",
            success=success,
        )

    def all_facets(
        self, request: SearchRequest, success: Callable[[SearchResults], None], *, key: str = ""
    ) -> None:
        """Every entity of the results of `request`, its facets uncut (for a panel that shows
        or filters them all); only the newest asked for with this `key` is answered."""
        every = replace(
            request, limit=1, offset=0, facet_limit=0, facets=True, snippets=False, suggest=False
        )
        self.run(
            lambda _library: self.reader.search(every),
            supersedes=f"all-facets:{key}",
            success=success,
        )

    def open_document(
        self,
        doc_id: str,
        query: str,
        success: Callable[[OpenedView], None],
        failure: Callable[[str], None] | None = None,
        *,
        literal: bool = False,
        shown_hash: str = "",
    ) -> None:
        """Opens a document (only the newest asked for is answered); the reader highlights
        what `query` matches (with the other names of the entities it names, unless
        `literal`). `shown_hash`: opened again after the library changed, the content hash of
        the text shown (see OpenedView.unchanged)."""
        self.run(
            lambda library: self.reader.open_view(library, doc_id, query, literal, shown_hash),
            supersedes="document",
            success=success,
            failure=failure,
        )

    # -- writing (each success is also a library_changed) ------------------------------------

    def write(
        self,
        op: Callable[[Library], Any],
        success: Callable[[Any], None] | None = None,
        failure: Callable[[str], None] | None = None,
    ) -> None:
        """Run `op` on the write queue; the library changed once it succeeded."""

        def done(result: Any) -> None:
            if success is not None:
                success(result)
            self.library_changed.emit()

        self.run(op, queue=Queue.WRITE, success=done, failure=failure)

    def import_paths(
        self,
        paths: list[Path],
        success: Callable[[ImportReport], None],
        failure: Callable[[str], None],
        *,
        prune: bool = False,
    ) -> None:
        names = [str(p) for p in paths]
        self.write(
            lambda library: self.writer.import_paths(library, names, prune), success, failure
        )

    def rescan(
        self, success: Callable[[ImportReport], None], failure: Callable[[str], None]
    ) -> None:
        self.write(lambda _library: self.writer.in_child(Job("rescan")), success, failure)

    def reindex(self, success: Callable[[int], None], failure: Callable[[str], None]) -> None:
        """Rebuild the index; the read worker opens the new one before `success` is told."""

        def rebuilt(count: int) -> None:
            self.run(self.reader.reopen_index)
            success(count)

        self.write(lambda _library: self.writer.in_child(Job("reindex")), rebuilt, failure)

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
