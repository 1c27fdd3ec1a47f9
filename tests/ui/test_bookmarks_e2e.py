"""End to end: bookmark a passage in the real window, edit, delete and undo, then change the
file on disk and re-import: the bookmark is found "moved", or "orphaned" and still listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from briefing_app.bookmarks import BookmarkStatus
from briefing_app.ui.app import build_window
from briefing_app.ui.main_window import MainWindow

WAIT_MS = 30_000
PASSAGE = "De minister van Buitenlandse Zaken 👍🏽 sprak in Amman met koning Abdullah."
TEXT = f"""Steun voor Jordanië

Den Haag, 12 maart 2024.

Nederland verhoogt de steun aan de opvang van vluchtelingen in Jordanië.

{PASSAGE} Zij besprak ook de situatie in de regio.

Het kabinet trekt hiervoor 20 miljoen euro uit.
"""


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


@pytest.fixture
def window(qtbot, tmp_path: Path, settings):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "jordanie.txt").write_text(TEXT, "utf-8")
    made = build_window(tmp_path / "data", [folder], settings)
    qtbot.addWidget(made)
    made.show()
    made.service.start()
    qtbot.waitUntil(lambda: made.library_size() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not made.progress.isVisible(), timeout=WAIT_MS)
    yield made
    made.close()
    assert not made.service._read_thread.isRunning()


def open_doc(qtbot, window: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        window.open_document(str(path))


def bookmark_passage(qtbot, window: MainWindow, passage: str) -> str:
    view = window.reader.view
    plain = view.toPlainText()
    start = plain.index(passage)
    view.select_view_span(utf16(plain, start), utf16(plain, start + len(passage)))
    assert window.reader.bookmark_action.isEnabled()
    window.reader.bookmark_action.trigger()
    qtbot.waitUntil(lambda: len(window.bookmarks()) == 1, timeout=WAIT_MS)
    return window.bookmarks()[0].id


def reimport(qtbot, window: MainWindow, path: Path, text: str) -> None:
    path.write_text(text, "utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=WAIT_MS):
        window.import_paths([path])


def test_bookmark_edit_delete_undo_and_survive_an_edit_of_the_file(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "docs" / "jordanie.txt"
    open_doc(qtbot, window, path)
    bookmark_id = bookmark_passage(qtbot, window, PASSAGE)
    stored = window.bookmarks()[0]
    assert stored.quote == PASSAGE  # code points in Document.text, emoji and all
    assert "org:Ministerie van Buitenlandse Zaken" in stored.entities
    assert window.reader.view.bookmark_text(bookmark_id) == PASSAGE
    qtbot.waitUntil(window.bookmark_editor.isVisible, timeout=WAIT_MS)
    # The panels fill from the listing that follows the save (a round trip to the worker).
    qtbot.waitUntil(lambda: window.bookmarks_panel.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: window.panels["org"].bookmark_count("Ministerie van Buitenlandse Zaken") == 1,
        timeout=WAIT_MS,
    )

    # Edit: the editor saves on close, no Save button.
    window.bookmark_editor.note_edit.setPlainText("Vraag naar **bedragen**")
    window.bookmark_editor.tags_edit.setText("jordanië, hulp")
    window.bookmark_editor.close_editor()
    qtbot.waitUntil(
        lambda: window.bookmarks()[0].note == "Vraag naar **bedragen**", timeout=WAIT_MS
    )
    assert window.bookmarks()[0].tags == ("jordanië", "hulp")

    # Delete, then undo.
    window.delete_bookmark(window.bookmarks()[0])
    qtbot.waitUntil(lambda: not window.bookmarks(), timeout=WAIT_MS)
    assert window.reader.view.bookmark_ids() == []
    assert window.undo_button.isVisible()
    window.undo_delete()
    qtbot.waitUntil(lambda: len(window.bookmarks()) == 1, timeout=WAIT_MS)
    assert window.bookmarks()[0].note == "Vraag naar **bedragen**"
    assert window.reader.view.bookmark_ids() == [bookmark_id]

    # A paragraph inserted before the passage: "moved", and shown at its new place.
    inserted = TEXT.replace("Nederland verhoogt", "Een nieuwe alinea vooraf.\n\nNederland verhoogt")
    reimport(qtbot, window, path, inserted)
    qtbot.waitUntil(lambda: window.bookmarks()[0].status == BookmarkStatus.MOVED, timeout=WAIT_MS)
    moved = window.bookmarks()[0]
    assert inserted[moved.anchor.start : moved.anchor.end] == PASSAGE
    open_doc(qtbot, window, path)
    window.show_bookmark(moved)
    assert window.reader.view.bookmark_text(bookmark_id) == PASSAGE

    # The passage deleted: "orphaned", still listed with its quote.
    reimport(qtbot, window, path, TEXT.replace(PASSAGE, ""))
    qtbot.waitUntil(
        lambda: window.bookmarks()[0].status == BookmarkStatus.ORPHANED, timeout=WAIT_MS
    )
    assert window.bookmarks_panel.model.rowCount() == 1
    assert PASSAGE in window.bookmarks_panel.model.index(0, 0).data()
    assert "orphaned" in window.bookmarks_panel.model.index(0, 0).data()


def test_an_orphan_is_reattached_to_a_new_selection(qtbot, window: MainWindow, tmp_path: Path):
    path = tmp_path / "docs" / "jordanie.txt"
    open_doc(qtbot, window, path)
    bookmark_passage(qtbot, window, PASSAGE)
    reimport(qtbot, window, path, TEXT.replace(PASSAGE, ""))
    qtbot.waitUntil(
        lambda: window.bookmarks()[0].status == BookmarkStatus.ORPHANED, timeout=WAIT_MS
    )
    open_doc(qtbot, window, path)
    view = window.reader.view
    plain = view.toPlainText()
    new_text = "Het kabinet trekt hiervoor 20 miljoen euro uit."
    start = plain.index(new_text)
    view.select_view_span(utf16(plain, start), utf16(plain, start + len(new_text)))
    window.reattach_bookmark(window.bookmarks()[0])
    qtbot.waitUntil(
        lambda: window.bookmarks()[0].status == BookmarkStatus.ANCHORED, timeout=WAIT_MS
    )
    assert window.bookmarks()[0].quote == new_text


def test_export_and_import_bookmarks(qtbot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "docs" / "jordanie.txt"
    open_doc(qtbot, window, path)
    bookmark_passage(qtbot, window, PASSAGE)
    qtbot.waitUntil(lambda: window.bookmarks_panel.model.rowCount() == 1, timeout=WAIT_MS)
    briefing, annotations = tmp_path / "briefing.md", tmp_path / "bookmarks.json"
    with qtbot.waitSignal(window.bookmark_workflow.exported, timeout=WAIT_MS):
        window.export_bookmarks(briefing, "markdown", "entity")
    with qtbot.waitSignal(window.bookmark_workflow.exported, timeout=WAIT_MS):
        window.export_bookmarks(annotations, "json")
    assert PASSAGE in briefing.read_text("utf-8")
    # Grouped under each entity's name in the window's language (English here).
    assert "## Ministry of Foreign Affairs" in briefing.read_text("utf-8")
    with qtbot.waitSignal(window.bookmark_workflow.imported, timeout=WAIT_MS) as imported:
        window.bookmark_workflow.import_file(annotations)
    assert imported.args == [0, 1]  # already there


def test_a_passage_is_selected_and_bookmarked_with_the_keyboard(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    # Issue 19, bug 7: Shift+arrows selected nothing in the reader, so bookmarking needed a
    # mouse; and a selection ending inside a word was saved cut off ("…eensgezindh").
    path = tmp_path / "docs" / "jordanie.txt"
    open_doc(qtbot, window, path)
    view = window.reader.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(len("Steun vo")):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert window.reader.selected_plain_text() == "Steun vo"
    assert window.reader.bookmark_action.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.bookmarks()) == 1, timeout=WAIT_MS)
    assert window.bookmarks()[0].quote == "Steun voor"  # whole words


def test_the_bookmarks_list_has_room_and_delete_undo_tell_the_truth(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    # Issue 19, bug 13: the list was ~50 px high at the default size, Delete did nothing and
    # after Ctrl+Z the status still said "Bookmark deleted".
    qtbot.waitUntil(lambda: window.bookmarks_panel.view.height() >= 100, timeout=WAIT_MS)
    path = tmp_path / "docs" / "jordanie.txt"
    open_doc(qtbot, window, path)
    bookmark_passage(qtbot, window, PASSAGE)
    window.bookmark_editor.close_editor()
    panel = window.bookmarks_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.proxy.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not window.bookmarks(), timeout=WAIT_MS)
    assert window.status_label.text() == "Bookmark deleted."
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.bookmarks()) == 1, timeout=WAIT_MS)
    assert window.status_label.text() == "Bookmark restored."
    assert not window.undo_button.isVisible()


def document_people(window: MainWindow) -> set[str]:
    panel = window.panels["person"]
    panel.set_scope("document")
    return {panel.proxy.item_at(row).name for row in range(panel.proxy.rowCount())}


def test_the_reader_follows_a_re_import_of_the_open_document(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    # Issue 19, bug 1, as told: bookmark a sentence, insert a paragraph before it, re-import:
    # the list said "moved" but the reader showed the old text with the highlight on the
    # wrong words; with the passage deleted it still showed it, and its people.
    path = tmp_path / "docs" / "jordanie.txt"
    open_doc(qtbot, window, path)
    bookmark_id = bookmark_passage(qtbot, window, PASSAGE)
    window.bookmark_editor.close_editor()
    assert "Abdullah" in " ".join(document_people(window))

    inserted = TEXT.replace("Nederland verhoogt", "Een nieuwe alinea vooraf.\n\nNederland verhoogt")
    reimport(qtbot, window, path, inserted)
    view = window.reader.view
    qtbot.waitUntil(lambda: "Een nieuwe alinea vooraf." in view.toPlainText(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.bookmark_text(bookmark_id) == PASSAGE, timeout=WAIT_MS)
    assert window.bookmarks()[0].status == BookmarkStatus.MOVED

    reimport(qtbot, window, path, TEXT.replace(PASSAGE, ""))
    qtbot.waitUntil(lambda: "Abdullah" not in view.toPlainText(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.bookmark_ids() == [], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Abdullah" not in " ".join(document_people(window)), timeout=WAIT_MS)


def test_keyboard_only_from_search_to_a_noted_and_tagged_bookmark(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    # Issue 19: search, open, select with the keyboard, bookmark, note and tag: no mouse event.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    box = window.search_bar.line_edit
    qtbot.keyClick(window.results_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert box.hasFocus()
    qtbot.keyClicks(box, "Abdullah")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.results_model.query == "Abdullah", timeout=WAIT_MS)
    with qtbot.waitSignal(window.document_shown, timeout=WAIT_MS):
        qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(window.results_view, Qt.Key.Key_Return)
    view = window.reader.view
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_F3)  # the caret goes to the hit
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Right, control_shift)
    assert window.reader.selected_plain_text().startswith("Abdullah")
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.bookmark_editor.isVisible, timeout=WAIT_MS)
    assert window.bookmarks()[0].quote == "Abdullah"
    editor = window.bookmark_editor
    qtbot.keyClicks(editor.note_edit, "Vraag naar **bedragen**")
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_Tab)
    assert editor.tags_edit.hasFocus()
    qtbot.keyClicks(editor.tags_edit, "hulp")
    qtbot.keyClick(editor.tags_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.bookmarks()[0].tags == ("hulp",), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.bookmarks_panel.model.rowCount() == 1, timeout=WAIT_MS)

    # The export's file dialog is the platform's; it is not driven here.
    target = tmp_path / "mijn-briefing.md"
    with qtbot.waitSignal(window.bookmark_workflow.exported, timeout=WAIT_MS):
        window.export_bookmarks(target, "markdown")
    briefing = target.read_text("utf-8")
    assert "Abdullah" in briefing and "hulp" in briefing and "bedragen" in briefing
