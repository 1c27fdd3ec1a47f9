"""A query that matches every document of a large library keeps the window responsive: the
total is shown at once, the list loads page by page as it scrolls, the last loaded result
opens, and the GUI thread never stalls for long.

`make test` uses 3,000 tiny documents; `make reliability` 50,000 (BRIEFING_RELIABILITY_HITS)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

from benchmarks.gui_probe import StallMonitor
from briefing_app.library import Library
from briefing_app.ui.app import build_window
from briefing_app.ui.main_window import PAGE_SIZE, MainWindow
from tests.reliability.conftest import RESULT_HITS

pytestmark = [pytest.mark.reliability, pytest.mark.usefixtures("no_leaked_threads")]

WAIT_MS = 120_000
EVERY_DOCUMENT = "waterbeheer"  # the one word all the documents share
PAGES_TO_SCROLL = 8
STALL_BOUND_MS = 1000  # a smoke bound for a shared 2-core machine, not a benchmark
PROVINCES = ["Zeeland", "Friesland", "Limburg", "Drenthe", "Utrecht", "Groningen"]


@pytest.fixture(scope="module")
def large_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """RESULT_HITS tiny press releases, imported the way a user's folder is."""
    root = tmp_path_factory.mktemp("large")
    folder = root / "docs"
    folder.mkdir()
    for n in range(RESULT_HITS):
        province = PROVINCES[n % len(PROVINCES)]
        (folder / f"bericht-{n:05d}.txt").write_text(
            f" date {2010 + n % 12}-{n % 12 + 1:02d} Bericht {n} over {province}\n\n"
            f"Het kabinet meldt in bericht {n} nieuws over {EVERY_DOCUMENT} in {province}.\n",
            "utf-8",
        )
    started = time.monotonic()
    with Library(root / "data") as library:
        report = library.import_paths([folder])
    assert report.ok and len(report.added) == RESULT_HITS
    print(f"\n{RESULT_HITS} documents imported in {time.monotonic() - started:.1f} s")
    return root / "data"


@pytest.fixture
def window(qtbot, large_library: Path, settings: QSettings) -> Iterator[MainWindow]:
    made = build_window(large_library, [], settings)
    qtbot.addWidget(made)
    made.show()
    made.service.start()
    qtbot.waitUntil(lambda: made.library_size() == RESULT_HITS, timeout=WAIT_MS)
    yield made
    made.close()
    assert not made.service._read_thread.isRunning()


def test_a_query_matching_every_document_keeps_the_window_responsive(
    qtbot, window: MainWindow
) -> None:
    model, view = window.results_model, window.results_view
    with StallMonitor() as probe:  # how long the window could not answer a key
        started = time.perf_counter()
        with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS) as shown:
            window.set_query(EVERY_DOCUMENT)
        first_page_ms = (time.perf_counter() - started) * 1000
        # The full count at once, but only the first page of rows: the rest loads lazily.
        assert shown.args == [RESULT_HITS] and model.query == EVERY_DOCUMENT
        assert window.count_label.text() == f"{QLocale().toString(RESULT_HITS)} documents"
        assert model.total == RESULT_HITS
        assert model.rowCount() == PAGE_SIZE < RESULT_HITS
        # Scrolling to the end of the list keeps loading the next page.
        started = time.perf_counter()
        for page in range(2, PAGES_TO_SCROLL + 1):
            view.scrollToBottom()
            qtbot.waitUntil(lambda p=page: model.rowCount() == p * PAGE_SIZE, timeout=WAIT_MS)
        scroll_ms = (time.perf_counter() - started) * 1000
        assert model.rowCount() < model.total == RESULT_HITS
        assert len({model.hit_at(row).id for row in range(model.rowCount())}) == model.rowCount()
        # The last loaded result opens in the reader.
        last = model.hit_at(model.rowCount() - 1)
        with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS) as opened:
            view.select_row(model.rowCount() - 1)
        assert opened.args == [last.id]
        assert EVERY_DOCUMENT in window.reader.view.toPlainText()
    print(
        f"\n{RESULT_HITS} hits: first page shown in {first_page_ms:.0f} ms, "
        f"{PAGES_TO_SCROLL - 1} more pages in {scroll_ms:.0f} ms, "
        f"longest GUI-thread stall {probe.longest_ms:.0f} ms"
    )
    assert probe.longest_ms < STALL_BOUND_MS
