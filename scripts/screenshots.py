"""`make screenshots`: render the main window's states to PNG files under docs/.

Runs offscreen on a temporary library built from the bundled sample library:
results + reader + panels, an import in progress, and the same window in a dark palette.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.corpus import generate_corpus  # noqa: E402
from briefing_app.resources import resource_path  # noqa: E402
from briefing_app.ui.app import build_window, create_application  # noqa: E402
from briefing_app.ui.main_window import MainWindow  # noqa: E402

DOCS = REPO / "docs"


def wait(app: QApplication, condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")


def settle(app: QApplication, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def open_window(app: QApplication, data_dir: Path, paths: list[Path]) -> MainWindow:
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(data_dir, paths, settings)
    window.resize(1400, 860)
    window.show()
    window.service.start()
    return window


def show_query(app: QApplication, window: MainWindow, query: str) -> None:
    window.set_query(query)
    wait(app, lambda: window.results_model.query == query and window.results_model.rowCount())
    first = window.results_model.hit_at(0)
    assert first is not None
    window.step_result(1)
    wait(app, lambda: window.current_document_id() == first.id)
    settle(app)


def bookmark_a_passage(app: QApplication, window: MainWindow) -> None:
    """Bookmark the second sentence of the open document, with a note and tags."""
    doc_id = window.current_document_id()
    assert doc_id is not None
    opened = window.reader.view.opened
    assert opened is not None and opened.document is not None
    text = opened.document.text
    start = text.index(". ") + 2
    end = text.index(".", start) + 1
    note = "Bron voor de **dreigingsparagraaf** in de briefing."
    window.service.run(
        lambda library: library.add_bookmark(
            doc_id, start=start, end=end, note=note, tags=("nctv",)
        ),
        success=lambda _bookmark: window.refresh_bookmarks(),
    )
    wait(app, lambda: window.bookmarks_panel.model.rowCount() > 0)
    settle(app)


def main() -> int:
    app = create_application(["briefing-screenshots"])
    app.setStyle("Fusion")
    DOCS.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="briefing-shots-"))
    try:
        window = open_window(app, work / "data", [resource_path("sample")])
        wait(app, lambda: window.library_size() >= 30, timeout=120)
        show_query(app, window, "terrorisme")
        bookmark_a_passage(app, window)
        window.grab().save(str(DOCS / "screenshot-main.png"))

        window.set_theme("dark")  # View → Theme → Dark
        settle(app)
        window.grab().save(str(DOCS / "screenshot-dark.png"))
        window.set_theme("system")

        corpus = work / "corpus"
        generate_corpus(corpus, 2000)
        window.import_paths([corpus])
        wait(app, lambda: window.progress.isVisible() and window.progress.value() > 100)
        settle(app, 0.3)
        window.grab().save(str(DOCS / "screenshot-import.png"))
        window.service.cancel_job()
        window.close()
        settle(app)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for name in ("screenshot-main.png", "screenshot-dark.png", "screenshot-import.png"):
        print(DOCS / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
