"""The date range and sort in the window (issue 19, bug 12): the range starts as the
library's span, and results sort oldest first or by title too."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.ui.main_window import MainWindow
from tests.ui.library_window import WAIT_MS, close_library_window, open_library_window

DOCUMENTS = {
    "a.txt": " date 2016-04 Zebra's in Mali\n\nEen tekst over Mali.\n",
    "b.txt": " date 2019-03 Appels uit Mali\n\nNog een tekst over Mali.\n",
    "c.txt": " date 2018-07 Mango's voor Mali\n\nEen derde tekst over Mali.\n",
}


@pytest.fixture
def window(qtbot, tmp_path: Path, settings):
    made = open_library_window(qtbot, tmp_path, settings, DOCUMENTS)
    yield made
    close_library_window(made)


def titles(window: MainWindow) -> list[str]:
    model = window.results_model
    return [model.hit_at(row).title for row in range(model.rowCount())]


def test_the_range_is_the_library_s_span_and_results_sort_oldest_first_or_by_title(
    qtbot, window: MainWindow
) -> None:
    bar = window.filter_bar
    qtbot.waitUntil(
        lambda: (bar.date_from.month(), bar.date_to.month()) == ("2016-04", "2019-03"),
        timeout=WAIT_MS,
    )
    bar.date_toggle.setChecked(True)
    assert bar.date_range() == ("2016-04", "2019-03")
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 3, timeout=WAIT_MS)

    bar.set_sort("oldest")
    qtbot.waitUntil(
        lambda: titles(window) == ["Zebra's in Mali", "Mango's voor Mali", "Appels uit Mali"],
        timeout=WAIT_MS,
    )
    bar.set_sort("title")
    qtbot.waitUntil(
        lambda: titles(window) == ["Appels uit Mali", "Mango's voor Mali", "Zebra's in Mali"],
        timeout=WAIT_MS,
    )
    window.search_bar.set_query("Mali")
    window.search()
    qtbot.waitUntil(lambda: window.results_model.query == "Mali", timeout=WAIT_MS)
    assert titles(window) == ["Appels uit Mali", "Mango's voor Mali", "Zebra's in Mali"]
