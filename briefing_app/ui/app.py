"""Starts the desktop window. For now a simple window over the Library facade; the full
reader and entity panels arrive with the desktop issue."""

from __future__ import annotations

import sys
from pathlib import Path

from briefing_app.library import Library, LibraryError
from briefing_app.resources import resource_path


def run_gui(data_dir: Path, import_paths: list[Path]) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from briefing_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Briefing")
    app.setOrganizationName("Briefing")
    try:
        library = Library(data_dir)
    except LibraryError as error:
        QMessageBox.critical(None, "Briefing", str(error))
        return 1
    if library.document_count() == 0 and not import_paths:
        import_paths = [resource_path("sample")]
    if import_paths:
        library.import_paths(import_paths)
    window = MainWindow(library)
    window.show()
    try:
        return app.exec()
    finally:
        library.close()
