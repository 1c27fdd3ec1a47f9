"""The real window where the library cannot be written as usual: a read-only data folder, a
second window importing into the same library, another writer holding the lock. The window
keeps searching and says clearly why a change cannot be made; nothing is lost or damaged."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from benchmarks.corpus import generate_corpus
from briefing_app.library import Library
from briefing_app.library import library as library_module
from briefing_app.library.library import LOCK_TIMEOUT_ENV
from briefing_app.ui import main_window
from briefing_app.ui.app import build_window
from briefing_app.ui.main_window import MainWindow
from tests.reliability.conftest import REPO, integrity
from tests.reliability.test_data_dir import _digest

pytestmark = [pytest.mark.reliability, pytest.mark.usefixtures("no_leaked_threads")]

WAIT_MS = 60_000
KAAG = REPO / "resources" / "sample" / "2018-04-kaag-steunt-jordanie-bij-opvang-vluchtelingen.txt"


class Dialogs:
    """Stands in for QMessageBox: records what the window would have said in a dialog."""

    def __init__(self) -> None:
        self.shown: list[str] = []

    def warning(self, _parent: object, _title: str, text: str, *_rest: object) -> None:
        self.shown.append(text)

    critical = warning


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    recorder = Dialogs()
    monkeypatch.setattr(main_window, "QMessageBox", recorder)
    return recorder


@contextmanager
def open_window(
    qtbot, data_dir: Path, settings: QSettings, paths: list[Path] = ()
) -> Iterator[MainWindow]:
    window = build_window(data_dir, list(paths), settings)
    qtbot.addWidget(window)
    window.show()
    window.service.start()
    try:
        yield window
    finally:
        window.close()
        assert not window.service._read_thread.isRunning()
        assert not window.service._write_thread.isRunning()


def search(qtbot, window: MainWindow, query: str) -> int:
    """Search as the window does after a change; returns the total shown."""
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS) as shown:
        window.set_query(query)
    return int(shown.args[0])


def bookmark(qtbot, window: MainWindow, passage: str) -> str:
    """Select the passage in the reader and bookmark it, as a user does with Ctrl+D."""
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        window.open_document(str(KAAG))
    view = window.reader.view
    start = view.toPlainText().index(passage)  # the passages are plain BMP text
    view.select_view_span(start, start + len(passage))
    with qtbot.waitSignal(window.bookmark_workflow.created, timeout=WAIT_MS) as saved:
        window.reader.bookmark_action.trigger()
    window.bookmark_editor.hide()
    return str(saved.args[0].id)


# -- a read-only data folder ---------------------------------------------------------------


@pytest.fixture
def read_only_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A library with one document and one bookmark whose folder cannot be written. As root
    (where chmod does not bite in-process) the library is told its folder is read-only,
    which is what it concludes from a real mode 555 folder."""
    data_dir = tmp_path / "data"
    with Library(data_dir) as library:
        assert library.import_paths([KAAG]).ok
        library.add_bookmark(str(KAAG), quote="35 miljoen euro", note="bewaren")
    if os.geteuid() == 0:
        monkeypatch.setattr(library_module, "folder_is_read_only", lambda _folder: True)
        yield data_dir
        return
    data_dir.chmod(0o555)
    try:
        yield data_dir
    finally:
        data_dir.chmod(0o755)


def test_a_window_on_a_read_only_data_dir_searches_and_says_why(
    qtbot, read_only_library: Path, settings: QSettings, dialogs: Dialogs
) -> None:
    before = _digest(read_only_library)
    with open_window(qtbot, read_only_library, settings) as window:
        qtbot.waitUntil(lambda: window.library_size() == 1, timeout=WAIT_MS)
        # Said at once, in the status bar; the menu items that would change it are off.
        assert window.is_read_only()
        assert "read-only" in window.status_label.text(), window.status_label.text()
        assert "you can search and read" in window.status_label.text()
        assert not window.import_files_action.isEnabled()
        assert not window.reindex_action.isEnabled()
        # Searching, reading and the bookmark list work.
        assert search(qtbot, window, "jordanie") == 1
        qtbot.waitUntil(lambda: len(window.bookmarks()) == 1, timeout=WAIT_MS)
        with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
            window.open_document(str(KAAG))
        # A dropped file cannot be imported: the window says why, in one clear sentence.
        window.import_paths([KAAG])
        qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=WAIT_MS)
        assert "read-only" in dialogs.shown[0] and "import" in dialogs.shown[0], dialogs.shown
        assert "Traceback" not in dialogs.shown[0] and "\n" not in dialogs.shown[0]
    # Every file is as it was. (Where the folder is only said to be read-only, as root,
    # SQLite may add its empty -wal and -shm files beside them; a mode 555 folder cannot.)
    after = _digest(read_only_library)
    assert {name: after.get(name) for name in before} == before


# -- two windows on one library ------------------------------------------------------------


def second_settings(tmp_path: Path) -> QSettings:
    store = QSettings(str(tmp_path / "settings-2.ini"), QSettings.Format.IniFormat)
    store.setValue("ui/language", "en")
    return store


def test_two_windows_import_and_bookmark_into_one_library(
    qtbot, tmp_path: Path, settings: QSettings, dialogs: Dialogs
) -> None:
    data_dir = tmp_path / "data"
    one, two = tmp_path / "one", tmp_path / "two"
    generate_corpus(one, 30, seed=1)
    generate_corpus(two, 30, seed=2)
    total = 30 + 30 + 1
    with (
        open_window(qtbot, data_dir, settings, [one, KAAG]) as first,
        open_window(qtbot, data_dir, second_settings(tmp_path), [two]) as second,
    ):
        # Both imports run at the same time; each window reports its own as finished.
        for window in (first, second):
            qtbot.waitUntil(
                lambda w=window: w.status_label.text().count("added") == 1, timeout=WAIT_MS
            )
            qtbot.waitUntil(lambda w=window: not w.progress.isVisible(), timeout=WAIT_MS)
        assert not dialogs.shown, dialogs.shown
        mark_one = bookmark(qtbot, first, "35 miljoen euro")
        mark_two = bookmark(qtbot, second, "Nederland maakt")
        # Each window finds every document, whichever window imported it, and lists both
        # windows' bookmarks.
        for window in (first, second):
            assert search(qtbot, window, "") == total
            qtbot.waitUntil(lambda w=window: w.library_size() == total, timeout=WAIT_MS)
            window.refresh_bookmarks()
            qtbot.waitUntil(
                lambda w=window: {b.id for b in w.bookmarks()} == {mark_one, mark_two},
                timeout=WAIT_MS,
            )
    assert integrity(data_dir / "library.sqlite3") == "ok"
    assert integrity(data_dir / "bookmarks.sqlite3") == "ok"
    with Library(data_dir) as library:
        assert library.document_count() == total
        assert library.index.doc_count() == total
        ids = [fields["id"] for fields in library.index.all_stored()]
        assert len(ids) == len(set(ids)) == total
        assert {b.id for b in library.bookmarks.list()} == {mark_one, mark_two}


# -- another writer holds the library ------------------------------------------------------


@contextmanager
def index_writer_held(data_dir: Path) -> Iterator[None]:
    """Another window (or a `briefing import`) in the middle of writing a batch."""
    with Library(data_dir) as other, other.index.writing():
        yield


@contextmanager
def catalog_held(data_dir: Path) -> Iterator[None]:
    """Another process in the middle of a catalog transaction."""
    db = sqlite3.connect(data_dir / "library.sqlite3", isolation_level=None)
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        db.execute("ROLLBACK")
        db.close()


@pytest.mark.parametrize("held", [index_writer_held, catalog_held], ids=["index", "catalog"])
def test_a_window_says_the_library_is_busy_while_another_writer_holds_it(
    qtbot,
    tmp_path: Path,
    settings: QSettings,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    held,
) -> None:
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "1")
    data_dir = tmp_path / "data"
    with Library(data_dir) as library:
        assert library.import_paths([KAAG]).ok
    extra = tmp_path / "extra"
    generate_corpus(extra, 5, seed=4)
    with open_window(qtbot, data_dir, settings) as window:
        qtbot.waitUntil(lambda: window.library_size() == 1, timeout=WAIT_MS)
        with held(data_dir):
            window.import_paths([extra])
            qtbot.waitUntil(lambda: "busy" in window.status_label.text().lower(), timeout=WAIT_MS)
            qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=WAIT_MS)
            # Reading goes on while the other writer works.
            assert search(qtbot, window, "jordanie") == 1
        assert "another Briefing process is writing" in window.status_label.text()
        assert "Traceback" not in window.status_label.text()
        # Once the other writer is done, the same import just works.
        with qtbot.waitSignal(window.import_finished, timeout=WAIT_MS):
            window.import_paths([extra])
        assert search(qtbot, window, "") == 6
    assert integrity(data_dir / "library.sqlite3") == "ok"
    with Library(data_dir) as library:
        assert library.document_count() == library.index.doc_count() == 6
