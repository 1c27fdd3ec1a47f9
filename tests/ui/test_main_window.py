"""End to end: the real window on a temporary library, driven as a user would."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton

from briefing_app.library import Library, SearchHost
from briefing_app.ui import reader as reader_module
from briefing_app.ui import service as service_module
from briefing_app.ui.app import build_window
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.search_request import as_you_type
from tests.conftest import ENTITIES_DEV, SEED_DIR

WAIT_MS = 30_000


@pytest.fixture
def library_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for source in ENTITIES_DEV.iterdir():
        if source.suffix in {".txt", ".md"} and source.name != "README.md":
            shutil.copy(source, folder / source.name)
    for source in SEED_DIR.glob("*.txt"):
        shutil.copy(source, folder / source.name)
    return folder


def open_window(qtbot, tmp_path: Path, settings, paths: list[Path]) -> MainWindow:
    window = build_window(tmp_path / "data", paths, settings)
    qtbot.addWidget(window)
    window.show()
    window.service.start()
    return window


def close_window(qtbot, window: MainWindow) -> None:
    window.close()
    assert not window.service._read_thread.isRunning()
    assert not window.service._write_thread.isRunning()


@pytest.fixture
def window(qtbot, tmp_path: Path, settings, library_folder: Path):
    window = open_window(qtbot, tmp_path, settings, [library_folder])
    qtbot.waitUntil(lambda: window.library_size() == 6, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=WAIT_MS)
    yield window
    close_window(qtbot, window)


def search_box(window: MainWindow) -> QLineEdit:
    box = window.findChild(QLineEdit, "searchBox")
    assert box is not None
    return box


def type_query(qtbot, window: MainWindow, text: str) -> None:
    """Type and press Enter; returns once the results of this query are shown."""
    box = search_box(window)
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.results_model.query == text or bool(window.search_bar.error_text()),
        timeout=WAIT_MS,
    )


def panel_names(window: MainWindow, kind: str) -> set[str]:
    panel = window.panels[kind]
    return {panel.proxy.item_at(row).name for row in range(panel.proxy.rowCount())}


def test_search_read_and_explore_entities(qtbot, window: MainWindow) -> None:
    for name in ("searchBox", "resultsView", "readerView", "peoplePanel", "countriesPanel"):
        assert window.findChild(object, name) is not None, name
    assert window.windowTitle().startswith("Briefing")

    type_query(qtbot, window, "terrorisme")
    titles = [window.results_model.hit_at(r).title for r in range(window.results_model.rowCount())]
    assert "Koninklijke contraterrorismeconferentie in Nederland" in titles
    assert "terrorisme" in window.results_model.hit_at(0).snippet.lower()

    row = titles.index("Koninklijke contraterrorismeconferentie in Nederland")
    window.results_view.select_row(row)
    qtbot.waitUntil(lambda: window.current_document_id() is not None, timeout=WAIT_MS)
    assert window.windowTitle() == "Briefing — Koninklijke contraterrorismeconferentie in Nederland"
    current, total = window.reader.hit_position()
    assert total >= 3 and current == 1

    # "premier Rutte" is shown as Mark Rutte: the NATO briefing in the library names him in
    # full (the library-wide surname rule); "Blok" has no full name anywhere in this library.
    assert {"Blok", "Mark Rutte", "Grapperhaus", "Abdullah II"} == panel_names(window, "person")
    assert {"Jordan", "Syria", "Netherlands"} <= panel_names(window, "country")
    assert {"AIVD", "Boko Haram"} <= panel_names(window, "org")


def test_searches_run_in_a_process_closed_with_the_window(
    qtbot, tmp_path: Path, settings, library_folder: Path
) -> None:
    # In the window's own process a search starves the GUI thread of the GIL (see
    # library/search_host.py); in a child of its own it cannot.
    window = open_window(qtbot, tmp_path, settings, [library_folder])
    qtbot.waitUntil(lambda: window.library_size() == 6, timeout=WAIT_MS)
    type_query(qtbot, window, "terrorisme")
    assert window.results_model.total >= 1
    host = window.service.reader.searcher
    assert isinstance(host, SearchHost) and host.in_child
    child = host._process
    assert child.pid != os.getpid() and child.is_alive()
    close_window(qtbot, window)
    assert not child.is_alive() and child.exitcode == 0  # asked to stop, not killed


def test_clicking_a_country_narrows_the_results(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "")
    qtbot.waitUntil(lambda: window.results_model.total == 6, timeout=WAIT_MS)
    panel = window.panels["country"]
    panel.set_scope("results")
    qtbot.waitUntil(lambda: "Mali" in panel_names(window, "country"), timeout=WAIT_MS)
    mali = next(
        panel.proxy.index(r, 0)
        for r in range(panel.proxy.rowCount())
        if panel.proxy.item_at(r).name == "Mali"
    )
    panel.view.clicked.emit(mali)
    assert [label for _k, _key, label in window.filter_bar.filters()] == ["Mali"]
    qtbot.waitUntil(lambda: window.results_model.total == 1, timeout=WAIT_MS)
    assert (
        "Mali" in window.results_model.hit_at(0).title
        or "mali" in window.results_model.hit_at(0).path
    )


def test_a_malformed_query_is_shown_inline(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, '"unclosed')
    assert "phrase" in window.search_bar.error_text()
    type_query(qtbot, window, "mali")
    qtbot.waitUntil(lambda: not window.search_bar.error_text(), timeout=WAIT_MS)


class HeldSearcher:
    """The window's searcher, but a search for `held` waits until the test releases it."""

    def __init__(self, searcher: object, held: str) -> None:
        self._searcher = searcher
        self._held = held
        self.searched: list[str] = []
        self.holding = threading.Event()
        self.release = threading.Event()

    def search(self, request):
        self.searched.append(request.query)
        if request.query == self._held:
            self.holding.set()
            self.release.wait(WAIT_MS / 1000)
        return self._searcher.search(request)

    def __getattr__(self, name: str):
        return getattr(self._searcher, name)


def test_results_of_outdated_queries_are_dropped(
    qtbot, tmp_path: Path, settings, library_folder: Path
) -> None:
    # A library imported beforehand: no import, and no re-search after it, in the way.
    with Library(tmp_path / "data") as library:
        library.import_paths([library_folder])
    window = open_window(qtbot, tmp_path, settings, [])
    qtbot.waitUntil(lambda: window.results_model.total == 6, timeout=WAIT_MS)
    searcher = HeldSearcher(window.service.reader.searcher, held="navo")
    window.service.reader.searcher = searcher
    shown: list[str] = []
    window.results_shown.connect(lambda _total: shown.append(window.results_model.query))
    try:
        window.search_bar.set_query("navo")
        window.search()
        qtbot.waitUntil(searcher.holding.is_set, timeout=WAIT_MS)
        # While "navo" is being searched, the user types on: two newer queries.
        for query in ("mali", "guterres"):
            window.search_bar.set_query(query)
            window.search()
    finally:
        searcher.release.set()
    qtbot.waitUntil(lambda: "guterres" in shown, timeout=WAIT_MS)
    # The answer to "navo" came after "guterres" was asked for: the service dropped it ...
    assert shown == ["guterres"]
    assert window.results_model.query == "guterres"
    # ... and "mali", outdated before its turn came, was never searched at all.
    assert searcher.searched == ["navo", "guterres"]
    close_window(qtbot, window)


def test_back_and_forward_between_documents(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "")
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 6, timeout=WAIT_MS)
    first, second = window.results_model.hit_at(0).id, window.results_model.hit_at(1).id
    for doc_id in (first, second):
        with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
            window.open_document(doc_id)
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS) as shown:
        window.back_action.trigger()
    assert shown.args == [first]
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS) as shown:
        window.forward_action.trigger()
    assert shown.args == [second]


def test_documents_are_rendered_off_the_gui_thread(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A 1 MB document took a third of a second to render: the window must not freeze on it.
    rendered_on_gui_thread: list[bool] = []

    def spy(render):
        def rendering(markdown_text: str, text: str) -> str:
            rendered_on_gui_thread.append(threading.current_thread() is threading.main_thread())
            return render(markdown_text, text)

        return rendering

    monkeypatch.setattr(service_module, "render_document", spy(service_module.render_document))
    monkeypatch.setattr(reader_module, "render_document", spy(reader_module.render_document))
    type_query(qtbot, window, "terrorisme")
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        window.open_document(window.results_model.hit_at(0).id)
    assert rendered_on_gui_thread == [False]
    assert "terroris" in window.reader.view.toPlainText()
    assert window.reader.hit_position()[1] >= 1


def test_a_slow_document_says_it_is_opening(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    render = service_module.render_document
    rendered = threading.Event()

    def slow_render(markdown_text: str, text: str) -> str:
        rendered.wait(WAIT_MS / 1000)  # a document of megabytes: done when the test says so
        return render(markdown_text, text)

    monkeypatch.setattr(service_module, "render_document", slow_render)
    type_query(qtbot, window, "terrorisme")
    try:
        window.open_document(window.results_model.hit_at(0).id)
        qtbot.waitUntil(
            lambda: window.status_label.text() == "Opening the document…", timeout=WAIT_MS
        )
        with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
            rendered.set()
    finally:
        rendered.set()
    assert window.status_label.text() == ""


def test_import_by_drop_reports_failures(qtbot, window: MainWindow, tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "nieuw.txt").write_text(" date 2024-01 Nieuw bericht\n\nTekst over Jordanië.\n")
    (extra / "leeg.txt").write_text("")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(extra))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.failures_button.isVisible(), timeout=WAIT_MS)
    assert "1 added" in window.status_label.text()
    assert window._last_failures[0][0].endswith("leeg.txt")
    qtbot.waitUntil(lambda: window.library_size() == 7, timeout=WAIT_MS)


def test_state_is_restored(qtbot, tmp_path: Path, settings, library_folder: Path) -> None:
    window = open_window(qtbot, tmp_path, settings, [library_folder])
    qtbot.waitUntil(lambda: window.library_size() == 6, timeout=WAIT_MS)
    type_query(qtbot, window, "mali")
    window.reader.zoom_in()
    window.resize(700, 500)  # within the offscreen screen (800 x 600)
    close_window(qtbot, window)

    again = open_window(qtbot, tmp_path, settings, [])
    assert again.search_bar.query() == "mali"
    assert again.reader.zoom_level == 1
    assert "mali" in again.search_bar.history()
    assert (again.width(), again.height()) == (700, 500)
    close_window(qtbot, again)


def test_first_run_imports_the_sample_library(qtbot, tmp_path: Path, settings) -> None:
    window = open_window(qtbot, tmp_path, settings, [])
    qtbot.waitUntil(lambda: window.library_size() >= 30, timeout=60_000)
    qtbot.waitUntil(lambda: window.results_model.total >= 30, timeout=WAIT_MS)
    close_window(qtbot, window)


def test_shortcuts_are_listed_in_help(window: MainWindow) -> None:
    shortcuts = {
        action.text().replace("&", ""): [s.toString() for s in action.shortcuts()]
        for action in window.actions()
    }
    assert shortcuts["Search"] == ["Ctrl+K", "Ctrl+L"]
    assert "F3" in shortcuts.values().__iter__().__next__() or any(
        "F3" in keys for keys in shortcuts.values()
    )
    assert any("Alt+Left" in keys for keys in shortcuts.values())


def test_down_from_the_search_box_goes_to_the_results_not_the_history(
    qtbot, window: MainWindow
) -> None:
    # Issue 19, bug 5: a typed word that a recent search contains opened the recent-searches
    # pop-up, which then took Down and Enter. Down goes to the results; Alt+Down opens them.
    type_query(qtbot, window, "terrorisme")
    box = search_box(window)
    box.setFocus()
    box.clear()
    qtbot.keyClicks(box, "terrorism")
    qtbot.waitUntil(lambda: window.results_model.query == "terrorism*", timeout=WAIT_MS)
    assert window.results_model.total >= 1
    popup = window.search_bar.completer.popup()
    assert not popup.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert window.results_view.hasFocus()
    assert window.results_view.currentIndex().row() == 0
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        qtbot.keyClick(window.results_view, Qt.Key.Key_Return)

    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert popup.isVisible()
    assert window.results_view.currentIndex().row() == 0  # not "next result"
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_back_and_forward_follow_in_the_results_and_keep_the_hit(qtbot, window: MainWindow) -> None:
    # Issue 19, bug 6: Alt+Left/Right moved the reader only, and went back to "Hit 1".
    type_query(qtbot, window, "terrorisme")
    assert window.results_model.rowCount() >= 2
    hits: list[int] = []
    for row in range(2):
        with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
            window.results_view.select_row(row)
        hits.append(window.reader.hit_position()[1])
    row = 0 if hits[0] >= 2 else 1
    other = 1 - row
    first, second = window.results_model.hit_at(row).id, window.results_model.hit_at(other).id
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        window.results_view.select_row(row)
    window.results_view.setFocus()
    qtbot.keyClick(window.results_view, Qt.Key.Key_F3)
    assert window.reader.hit_position() == (2, hits[row])
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        window.results_view.select_row(other)

    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS) as shown:
        qtbot.keyClick(window.results_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert shown.args == [first]
    assert window.results_view.currentIndex().row() == row
    assert window.reader.hit_position() == (2, hits[row])
    assert window.reader.hit_label.text() == f"Hit 2 of {hits[row]}"

    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS) as shown:
        # From the reader too (its caret keys must not take Alt+arrows).
        qtbot.keyClick(window.reader.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert shown.args == [second]
    assert window.results_view.currentIndex().row() == other


def test_the_word_being_typed_is_a_prefix_and_suggestions_wait_for_its_end(
    qtbot, window: MainWindow
) -> None:
    # Issue 19, bug 8: "terr" gave 0 results and "Did you mean ter?" while still typing, and
    # the list flashed empty on the way to "terrorisme".
    type_query(qtbot, window, "")
    qtbot.waitUntil(lambda: window.results_model.total == 6, timeout=WAIT_MS)
    box = search_box(window)
    box.setFocus()
    totals: list[int] = []
    window.results_shown.connect(totals.append)
    for letter in "terr":
        qtbot.keyClick(box, letter)
        searched = as_you_type(box.text())  # "terr*" for "terr"
        qtbot.waitUntil(lambda q=searched: window.results_model.query == q, timeout=WAIT_MS)
        assert not window.suggestion_label.isVisible(), box.text()
    assert window.results_model.query == "terr*"
    assert totals and all(total >= 1 for total in totals), totals
    assert window.results_model.rowCount() >= 1
    # The reader highlights what the prefix found.
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        window.results_view.select_row(0)
    assert window.reader.hit_position()[1] >= 1
    # A space ends the word: it is searched as typed, and may be corrected.
    qtbot.keyClick(box, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.results_model.query == "terr ", timeout=WAIT_MS)
    assert window.results_model.total == 0
    assert window.suggestion_label.isVisible()
    assert str(window.suggestion_label.property("suggestion")).strip() == "ter"


def test_a_malformed_query_keeps_the_last_good_results_greyed(qtbot, window: MainWindow) -> None:
    # Issue 19, bug 9: "(foo AND" kept the results as if they were its own, "terrorisme AND"
    # (typed) showed 0, and the message pushed the results down.
    type_query(qtbot, window, "terrorisme")
    rows, count = window.results_model.rowCount(), window.count_label.text()
    assert rows >= 1 and not window.results_are_stale()
    place = window.results_view.mapTo(window, window.results_view.rect().topLeft())
    type_query(qtbot, window, "(foo AND")
    assert "(" in window.search_bar.error_text()
    qtbot.waitUntil(lambda: window.search_bar.error_label.isVisible(), timeout=WAIT_MS)
    assert window.results_model.rowCount() == rows and window.count_label.text() == count
    assert window.results_are_stale() and not window.results_view.isEnabled()
    assert window.results_view.mapTo(window, window.results_view.rect().topLeft()) == place

    box = search_box(window)
    box.clear()
    qtbot.keyClicks(box, "terrorisme AND")  # typed, not submitted: the same
    qtbot.waitUntil(lambda: "AND" in window.search_bar.error_text(), timeout=WAIT_MS)
    assert window.results_model.rowCount() == rows and window.results_are_stale()
    assert window.results_view.mapTo(window, window.results_view.rect().topLeft()) == place

    type_query(qtbot, window, "mali")
    qtbot.waitUntil(lambda: not window.search_bar.error_text(), timeout=WAIT_MS)
    assert not window.results_are_stale() and window.results_view.isEnabled()
    assert window.results_view.mapTo(window, window.results_view.rect().topLeft()) == place


def hit_texts(window: MainWindow) -> list[str]:
    text = window.reader.view.toPlainText()
    return [text[start:end] for start, end in window.reader.view._hits.spans]


def test_the_open_document_reloads_when_its_file_changes(
    qtbot, window: MainWindow, library_folder: Path
) -> None:
    # Issue 19, bug 1: after a re-scan (or an import, a rebuild, an edit on disk) the reader
    # went on showing the old text, with highlights on the wrong words.
    type_query(qtbot, window, "terrorisme")
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        window.results_view.select_row(0)
    path = Path(window._shown_path)
    original = path.read_text(encoding="utf-8")
    head, _, body = original.partition("\n\n")
    inserted = "Zwaluwstaart: een nieuwe alinea over terrorisme, vooraan ingevoegd."
    before = len(hit_texts(window))
    assert before >= 1 and all("terroris" in t.lower() for t in hit_texts(window))

    # Re-scan (F5), as the issue tells it.
    path.write_text(f"{head}\n\n{inserted}\n\n{body}", encoding="utf-8")
    window.rescan_action.trigger()
    qtbot.waitUntil(lambda: "Zwaluwstaart" in window.reader.view.toPlainText(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(hit_texts(window)) == before + 1, timeout=WAIT_MS)
    assert all("terroris" in t.lower() for t in hit_texts(window))
    assert "Zwaluwstaart" in window._shown_text  # bookmarks are placed in the new text

    # Changed on disk while open, nothing else done: the window notices by itself.
    path.write_text(original, encoding="utf-8")
    qtbot.waitUntil(lambda: "Zwaluwstaart" not in window.reader.view.toPlainText(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(hit_texts(window)) == before, timeout=WAIT_MS)
    assert all("terroris" in t.lower() for t in hit_texts(window))
    qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=WAIT_MS)


def test_escape_clears_the_reader_s_highlights_too(qtbot, window: MainWindow) -> None:
    # Issue 19, bug 14: after Esc cleared the search, the old highlights and "Hit 1 of 5"
    # stayed in the reader.
    type_query(qtbot, window, "terrorisme")
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        window.results_view.select_row(0)
    assert window.reader.hit_position()[1] >= 1 and window.reader.hit_bar.isVisible()
    box = search_box(window)
    box.setFocus()
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    assert window.reader.hit_position() == (0, 0)
    assert not window.reader.hit_bar.isVisible()
    assert not window.reader.view._hits.spans


def test_open_file_without_an_application_says_so_and_offers_its_folder(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 19, bug 14: "Open file" did nothing at all when no application was registered.
    opened: list[str] = []

    def no_application(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return url.toLocalFile().endswith(".txt") is False  # folders open, files do not

    monkeypatch.setattr(window, "_open_url", no_application)
    type_query(qtbot, window, "terrorisme")
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        window.results_view.select_row(0)
    path = window._shown_path
    window.reader.header.open_button.click()
    box = window.findChild(QMessageBox, "openFileFailed")
    assert box is not None and box.isVisible()
    assert Path(path).name in box.text() and "No application" in window.status_label.text()
    folder = box.findChild(QPushButton, "showInFolder")
    assert folder is not None and folder.text() == "Show in folder"
    folder.click()
    assert opened == [path, str(Path(path).parent)]
