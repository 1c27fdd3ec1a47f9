"""File → Import files/folder… and Rebuild index: the dialogs that ask what, the progress in
the status bar while an import (a re-scan, a rebuild) runs, and the one line it says when an
import is done. The work itself runs in LibraryService. Texts keep the window's translation
context ("MainWindow")."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefing_app.library import ImportReport

if TYPE_CHECKING:
    from briefing_app.ui.main_window import MainWindow


def ask_import_files(window: MainWindow) -> None:
    files, _ = QFileDialog.getOpenFileNames(
        window,
        QCoreApplication.translate("MainWindow", "Import files"),
        "",
        QCoreApplication.translate(
            "MainWindow",
            "Documents (*.txt *.md *.markdown *.pdf *.docx *.odt *.html *.htm *.eml);;All files (*)",  # noqa: E501 (one literal for lupdate)
        ),
    )
    window.import_paths([Path(f) for f in files])


def ask_import_folder(window: MainWindow) -> None:
    folder = QFileDialog.getExistingDirectory(
        window, QCoreApplication.translate("MainWindow", "Import folder")
    )
    if folder:
        window.import_paths([Path(folder)])


def confirm_reindex(window: MainWindow) -> None:
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("MainWindow", "Rebuild index"),
        QCoreApplication.translate(
            "MainWindow",
            "Rebuild the search index from the source files? "
            "Your bookmarks and corrections are kept.",
        ),
    )
    if answer == QMessageBox.StandardButton.Yes:
        window.reindex()


def show_busy(window: MainWindow, busy: bool) -> None:
    """An import, re-scan or rebuild runs (or has ended): its progress and Cancel button."""
    window.progress.setVisible(busy)
    window.cancel_button.setVisible(busy)
    for action in (window.rescan_action, window.reindex_action):
        action.setEnabled(not busy and not window.is_read_only())
    if busy:
        window.progress.setRange(0, 0)  # busy indicator until the first progress report


def show_progress(window: MainWindow, done: int, total: int, path: str) -> None:
    window.progress.setRange(0, max(total, 1))
    window.progress.setValue(done)
    window.progress.setFormat(f"{done:,} / {total:,}")
    if path:
        window.status_label.setText(
            QCoreApplication.translate("MainWindow", "Importing %1").replace("%1", Path(path).name)
        )


def show_index_rebuilding(window: MainWindow) -> None:
    window.status_label.setText(
        QCoreApplication.translate(
            "MainWindow", "Updating the search index for this version of Briefing…"
        )
    )


def import_summary(report: ImportReport) -> str:
    """ "3 added, 1 updated, 40 unchanged, 0 removed, 2 failed" (and whether cancelled)."""
    summary = QCoreApplication.translate(
        "MainWindow", "%1 added, %2 updated, %3 unchanged, %4 removed, %5 failed"
    )
    counts = (
        len(report.added),
        len(report.updated),
        len(report.unchanged),
        len(report.removed),
        len(report.failed),
    )
    for n, count in enumerate(counts, start=1):
        summary = summary.replace(f"%{n}", str(count))
    if report.cancelled:
        summary = QCoreApplication.translate("MainWindow", "Import cancelled: %1").replace(
            "%1", summary
        )
    return summary
