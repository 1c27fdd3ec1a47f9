"""Entity aliases in the window: a name finds the other names, the line under the search box
says so, and one click searches only what was typed (and back)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from briefing_app.ui.main_window import MainWindow
from tests.core.test_entity_aliases import PLAIN, SANCTIONS, TARIFFS
from tests.core.test_library import write
from tests.ui.test_main_window import WAIT_MS, close_window, open_window, type_query


@pytest.fixture
def window(qtbot, tmp_path: Path, settings):
    folder = tmp_path / "docs"
    write(folder, "sanctions.txt", SANCTIONS)
    write(folder, "tariffs.txt", TARIFFS)
    write(folder, "plain.txt", PLAIN)
    window = open_window(qtbot, tmp_path, settings, [folder])
    qtbot.waitUntil(lambda: window.library_size() == 3, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=WAIT_MS)
    yield window
    close_window(qtbot, window)


def note_text(window: MainWindow) -> str:
    label = window.findChild(QLabel, "expansionText")
    assert label is not None
    return label.text() if window.expansion_note.isVisible() else ""


def literal_button(window: MainWindow) -> QPushButton:
    button = window.findChild(QPushButton, "literalSearchButton")
    assert button is not None and button.accessibleName()
    return button


def search_for(qtbot, window: MainWindow, text: str) -> None:
    """A query as the recent-searches list or a panel's "search" sets it (typing a query
    that an earlier one contains would open the completer's popup)."""
    window.set_query(text)
    qtbot.waitUntil(lambda: window.results_model.query == text, timeout=WAIT_MS)


def titles(window: MainWindow) -> set[str]:
    model = window.results_model
    return {model.hit_at(row).title for row in range(model.rowCount())}


def test_a_name_finds_the_others_and_one_click_searches_it_alone(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "EU")
    assert titles(window) == {"Nieuw sanctiepakket tegen Rusland", "Tariffs on steel"}
    assert note_text(window) == "Also searching for: Europese Unie, European Union"
    button = literal_button(window)
    assert button.text() == "Search only “EU”"

    # The reader marks the form the document uses.
    row = next(
        r
        for r in range(window.results_model.rowCount())
        if window.results_model.hit_at(r).title.startswith("Nieuw")
    )
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        window.results_view.select_row(row)
    assert window.reader.hit_position()[1] >= 2  # "Europese" and "Unie"

    with qtbot.waitSignals([window.results_shown, window.document_shown], timeout=WAIT_MS):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.results_model.total == 0
    assert window.reader.hit_position()[1] == 0  # the open document's marks follow
    assert note_text(window) == "Searching only “EU”."
    assert button.text() == "Also search for Europese Unie, European Union"

    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.results_model.total == 2
    assert note_text(window).startswith("Also searching for:")


def test_the_line_is_hidden_when_nothing_is_widened(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "EU")
    assert window.expansion_note.isVisible()
    search_for(qtbot, window, "eu")  # lower case: an ordinary word, no acronym
    assert not window.expansion_note.isVisible()
    search_for(qtbot, window, "steel")
    assert not window.expansion_note.isVisible()


def test_a_new_query_is_widened_again(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "EU")
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        qtbot.mouseClick(literal_button(window), Qt.MouseButton.LeftButton)
    assert window.is_literal()
    search_for(qtbot, window, "European Union")
    assert not window.is_literal()
    assert titles(window) == {"Nieuw sanctiepakket tegen Rusland", "Tariffs on steel"}
