"""The Dutch window (issue 19, bug 10): a malformed query's message, why files were not
imported and a document's fallback decoding are in Dutch (the warning in the reader's
header), and choosing another language offers to restart in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QPushButton

from briefing_app.library.analysis import FailedFile
from briefing_app.library.importer import ImportReport
from briefing_app.ui.app import reset_ui_language
from briefing_app.ui.main_window import MainWindow
from tests.ui.test_i18n import open_window, submenu

WAIT_MS = 30_000


@pytest.fixture
def app(qapp: QApplication):
    """Whatever language a test picks, the next test starts in English."""
    yield qapp
    reset_ui_language(qapp)


def test_core_messages_are_dutch_and_the_decoding_warning_is_shown(
    qtbot,
    app: QApplication,
    tmp_path: Path,
    settings: QSettings,
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "oud.txt").write_bytes(
        "Oude nota\n\nDe café-bijeenkomst over Mali.\n".encode("cp1252")
    )
    window = open_window(qtbot, tmp_path, settings, "nl")
    window._import_on_start = [folder]
    window.show()
    window.service.start()
    qtbot.waitUntil(lambda: window.library_size() == 1, timeout=WAIT_MS)

    window._on_search_failed("An AND, OR or NOT needs a word on each side.")
    assert window.search_bar.error_text() == (
        "Een AND, OR of NOT heeft aan beide kanten een woord nodig."
    )
    window._on_import_finished(
        ImportReport(
            failed=[
                FailedFile("/x/leeg.txt", "empty file"),
                FailedFile("/x/scan.pdf", "no text layer (scanned?)"),
            ]
        )
    )
    assert window._last_failures == [
        ("/x/leeg.txt", "leeg bestand"),
        ("/x/scan.pdf", "geen tekstlaag (gescand?)"),
    ]

    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        window.open_document(str(folder / "oud.txt"))
    header = window.reader.header
    assert header.problem_row.isVisible()
    assert "gedecodeerd als cp1252" in header.problem_label.text()
    window.close()


def test_choosing_a_language_offers_to_restart_in_it(
    qtbot,
    app: QApplication,
    tmp_path: Path,
    settings: QSettings,
) -> None:
    window: MainWindow = open_window(qtbot, tmp_path, settings, "nl")
    started: list[tuple[str, list[str]]] = []
    window._start_detached = lambda program, arguments: started.append((program, arguments)) or True  # type: ignore[method-assign]
    view = submenu(window.menuBar().actions(), "Beel&d")
    language = next(a.menu() for a in view.actions() if a.menu() is not None)
    next(a for a in language.actions() if a.text() == "English").trigger()
    box = window.restart_box
    assert box.isVisible()
    restart = box.findChild(QPushButton, "restartNow")
    assert restart is not None and restart.text() == "Nu herstarten"
    restart.click()
    assert started and started[0][1][:2] == ["-m", "briefing_app"]
    assert not window.isVisible()
