"""The real window on a library of the test's own documents, for end-to-end tests."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QSettings

from briefing_app.ui.app import build_window
from briefing_app.ui.main_window import MainWindow

WAIT_MS = 30_000


def open_library_window(
    qtbot, tmp_path: Path, settings: QSettings, documents: Mapping[str, str]
) -> MainWindow:
    """The window on a new library of `documents` (file name -> text, in tmp_path/docs),
    once they are imported."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in documents.items():
        (folder / name).write_text(text, "utf-8")
    window = build_window(tmp_path / "data", [folder], settings)
    qtbot.addWidget(window)
    window.show()
    window.service.start()
    qtbot.waitUntil(lambda: window.library_size() == len(documents), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=WAIT_MS)
    return window


def close_library_window(window: MainWindow) -> None:
    window.close()
    assert not window.service._read_thread.isRunning()
