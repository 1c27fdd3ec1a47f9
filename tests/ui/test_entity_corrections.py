"""Entity corrections in the window (issue 19): every panel, the filter chips and the
bookmarks follow a rename at once (bug 2); the panels' filter searches every entity of the
results and a cut-off list says so (bug 4); Merge offers the likeliest entity or none, Hide
and Merge are undone with Ctrl+Z and hidden entities can be shown again (bug 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from briefing_app.ui import main_window as main_window_module
from briefing_app.ui.entity_dialogs import MergeDialog
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.merge_target import Candidate
from tests.ui.library_window import WAIT_MS, close_library_window, open_library_window

PASSAGE = "Minister Ank Bijleveld van Defensie maakte dat vandaag bekend."
MALI = f""" date 2019-03 Nederland levert militairen voor Mali

Nederland stuurt opnieuw militairen naar Mali. {PASSAGE} Minister Stef Blok van Buitenlandse
Zaken was er ook bij.

Bijleveld sprak over de missie in Mali.
"""


@pytest.fixture
def window(qtbot, tmp_path: Path, settings):
    made = open_library_window(qtbot, tmp_path, settings, {"mali.txt": MALI})
    yield made
    close_library_window(made)


def open_mali(qtbot, window: MainWindow, tmp_path: Path) -> None:
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        window.open_document(str(tmp_path / "docs" / "mali.txt"))


def document_people(window: MainWindow) -> set[str]:
    return {item.name for item in window.panels["person"]._document_model.items()}


def listed_people(window: MainWindow) -> list[str]:
    panel = window.panels["person"]
    return [panel.proxy.item_at(row).name for row in range(panel.proxy.rowCount())]


def test_a_rename_updates_the_open_document_the_chips_and_the_bookmarks(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    open_mali(qtbot, window, tmp_path)
    assert "Ank Bijleveld" in document_people(window)
    start = window._shown_text.index(PASSAGE)
    window.bookmark_workflow.add(window.current_document_id(), start, start + len(PASSAGE))
    qtbot.waitUntil(lambda: len(window.bookmarks()) == 1, timeout=WAIT_MS)
    window.bookmark_editor.close_editor()
    assert "person:Ank Bijleveld" in window.bookmarks()[0].entities
    window.filter_bar.add_filter("person", "Ank Bijleveld", "Ank Bijleveld")
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 1, timeout=WAIT_MS)

    window.correct_entity("rename", "person", "Ank Bijleveld", "Ankie Bijleveld")
    qtbot.waitUntil(lambda: "Ankie Bijleveld" in document_people(window), timeout=WAIT_MS)
    assert "Ank Bijleveld" not in document_people(window)
    assert window.filter_bar.filters() == [("person", "Ankie Bijleveld", "Ankie Bijleveld")]
    qtbot.waitUntil(
        lambda: "person:Ankie Bijleveld" in window.bookmarks()[0].entities, timeout=WAIT_MS
    )
    qtbot.waitUntil(
        lambda: window.panels["person"].bookmark_count("Ankie Bijleveld") == 1, timeout=WAIT_MS
    )
    # The renamed filter still finds the document.
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 1, timeout=WAIT_MS)
    assert window.current_document_id() is not None  # never reopened by hand


def test_the_panel_filter_searches_every_entity_of_the_results(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window_module, "FACET_LIMIT", 1)
    window.search()
    panel = window.panels["person"]
    panel.set_scope("results")
    qtbot.waitUntil(lambda: panel.result_list_is_cut(), timeout=WAIT_MS)
    [shown] = listed_people(window)
    assert panel.cut_note.isVisible()
    assert panel.cut_note.text().startswith("Showing 1 of ")
    other = "Stef Blok" if shown != "Stef Blok" else "Ank Bijleveld"

    panel.filter_box.setText(other.split()[0])  # not among the first: looked for in all
    qtbot.waitUntil(lambda: listed_people(window) == [other], timeout=WAIT_MS)
    assert not panel.result_list_is_cut()

    panel.filter_box.clear()
    window.search()  # cut again; Show all lists them all
    qtbot.waitUntil(lambda: panel.result_list_is_cut(), timeout=WAIT_MS)
    qtbot.mouseClick(panel.show_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(listed_people(window)) >= 2, timeout=WAIT_MS)
    assert not panel.cut_note.isVisible()


def test_merge_preselects_the_likeliest_or_nothing(qtbot) -> None:
    entity = Candidate("Blok", "Blok")
    likely = MergeDialog(
        None,
        "person",
        entity,
        [Candidate("Ank Bijleveld", "Ank Bijleveld"), Candidate("Stef Blok", "Stef Blok")],
    )
    qtbot.addWidget(likely)
    assert likely.target() == "Stef Blok"
    assert likely.ok_button.isEnabled()

    unlikely = MergeDialog(
        None,
        "person",
        Candidate("Mark Rutte", "Mark Rutte"),
        [Candidate("Stef Blok", "Stef Blok"), Candidate("Ank Bijleveld", "Ank Bijleveld")],
    )
    qtbot.addWidget(unlikely)
    unlikely.show()
    assert unlikely.target() is None  # not the first entry
    assert not unlikely.ok_button.isEnabled()
    qtbot.keyClick(unlikely, Qt.Key.Key_Return)
    assert unlikely.result() != MergeDialog.DialogCode.Accepted and unlikely.isVisible()


def test_hide_and_merge_are_undone_and_hidden_entities_shown_again(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    open_mali(qtbot, window, tmp_path)
    panel = window.panels["person"]
    assert {"Ank Bijleveld", "Stef Blok"} <= document_people(window)

    # Hide, then Ctrl+Z.
    assert panel.select_key("Stef Blok")
    panel.hide_action.trigger()
    qtbot.waitUntil(lambda: "Stef Blok" not in document_people(window), timeout=WAIT_MS)
    assert window.undo_delete_action.isEnabled()
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Stef Blok" in document_people(window), timeout=WAIT_MS)

    # Merge through the dialog: nothing is likely, so Enter alone merges nothing.
    assert panel.select_key("Stef Blok")
    panel.merge_action.trigger()
    dialog = window.merge_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.target() is None
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.isVisible()
    dialog.filter_box.setText("Bijleveld")
    qtbot.keyClick(dialog.filter_box, Qt.Key.Key_Down)
    assert dialog.target() == "Ank Bijleveld"
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Stef Blok" not in document_people(window), timeout=WAIT_MS)
    window.undo()
    qtbot.waitUntil(lambda: "Stef Blok" in document_people(window), timeout=WAIT_MS)

    # Hide, then show again from the Hidden entities dialog.
    assert panel.select_key("Stef Blok")
    panel.hide_action.trigger()
    qtbot.waitUntil(lambda: "Stef Blok" not in document_people(window), timeout=WAIT_MS)
    panel.hidden_action.trigger()
    hidden = window.hidden_dialog
    assert hidden is not None and hidden.isVisible()
    qtbot.waitUntil(lambda: hidden.model.rowCount() == 1, timeout=WAIT_MS)
    assert hidden.model.index(0, 0).data() == "Stef Blok"
    hidden.table.selectRow(0)
    qtbot.mouseClick(hidden.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Stef Blok" in document_people(window), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: hidden.model.rowCount() == 0, timeout=WAIT_MS)
