"""The inline bookmark editor saves as you type, on Esc and on close: no Save button."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from briefing_app.bookmarks import Anchor, Bookmark
from briefing_app.ui.bookmark_editor import SAVE_DELAY_MS, BookmarkEditor, parse_tags


def bookmark(note: str = "", tags: tuple[str, ...] = ()) -> Bookmark:
    anchor = Anchor("De minister sprak 👍🏽", "", "", 0, 20, "h")
    return Bookmark("h", "/docs/a.txt", anchor, "Titel", "2024-01-02", note, tags, id="b1")


@pytest.fixture
def editor(qtbot) -> Iterator[BookmarkEditor]:
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(500, 400)
    host.show()
    made = BookmarkEditor(host)
    made.set_known_tags(["ministerie", "migratie", "NAVO"])
    yield made  # the host must outlive the test


def test_typing_a_note_is_saved_after_a_pause_without_a_save_button(qtbot, editor) -> None:
    editor.edit(bookmark())
    assert not editor.findChildren(QPushButton)
    with qtbot.waitSignal(editor.edited, timeout=SAVE_DELAY_MS * 5) as saved:
        qtbot.keyClicks(editor.note_edit, "Belangrijk: *Jordan")  # QTest types ASCII only
        editor.note_edit.insertPlainText("ië* 👍🏽")
    assert saved.args == ["b1", "Belangrijk: *Jordanië* 👍🏽", ()]


def test_escape_saves_at_once_and_closes(qtbot, editor) -> None:
    editor.edit(bookmark(note="oud"))
    editor.tags_edit.setText("migratie, , Migratie, NAVO")
    with qtbot.waitSignal(editor.edited, timeout=100) as saved:
        qtbot.keyClick(editor.tags_edit, Qt.Key.Key_Escape)
    assert saved.args == ["b1", "oud", ("migratie", "NAVO")]
    assert not editor.isVisible()


def test_closing_without_changes_saves_nothing(qtbot, editor) -> None:
    editor.edit(bookmark(note="n", tags=("a",)))
    with qtbot.assertNotEmitted(editor.edited):
        editor.close_editor()


def test_tags_complete_from_existing_ones_after_a_comma(qtbot, editor) -> None:
    editor.edit(bookmark(tags=("NAVO",)))
    editor.tags_edit.setFocus()
    editor.tags_edit.end(False)
    qtbot.keyClicks(editor.tags_edit, ", mi")
    completions = editor.completer.completionModel()
    found = {completions.index(r, 0).data() for r in range(completions.rowCount())}
    assert found == {"ministerie", "migratie"}
    editor.completer.activated.emit("migratie")
    assert editor.tags() == ("NAVO", "migratie")


def test_switching_to_another_bookmark_saves_the_first(qtbot, editor) -> None:
    editor.edit(bookmark())
    editor.note_edit.setPlainText("eerste")
    other = Bookmark("h", "/docs/a.txt", bookmark().anchor, id="b2")
    with qtbot.waitSignal(editor.edited, timeout=100) as saved:
        editor.edit(other)
    assert saved.args[:2] == ["b1", "eerste"]
    assert editor.bookmark_id() == "b2"


@pytest.mark.parametrize(
    ("text", "tags"),
    [("", ()), ("a, b", ("a", "b")), (" Ä ,ä, b c ", ("Ä", "b c")), (",,,", ())],
)
def test_parse_tags(text: str, tags: tuple[str, ...]) -> None:
    assert parse_tags(text) == tags
