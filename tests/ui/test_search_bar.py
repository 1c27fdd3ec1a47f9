"""The search box as a user types, presses Enter, Esc and Down, and reuses recent searches."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLineEdit

from briefing_app.ui.search_bar import MAX_HISTORY, SearchBar


@pytest.fixture
def bar(qtbot) -> SearchBar:
    widget = SearchBar()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def no_query_pending(qtbot, bar: SearchBar) -> None:
    """Returns once nothing typed waits to be searched: no query can come later on its own."""
    qtbot.waitUntil(lambda: not bar.is_pending(), timeout=1000)


def recorder(signal) -> list:
    seen: list = []
    signal.connect(lambda *args: seen.append(args[0] if len(args) == 1 else args))
    return seen


def test_box_is_findable_for_automation_and_screen_readers(bar: SearchBar) -> None:
    box = bar.findChild(QLineEdit, "searchBox")
    assert box is bar.line_edit
    assert box.accessibleName() == "Search"
    assert box.isClearButtonEnabled()


def test_keys_typed_in_one_go_make_one_query(qtbot, bar: SearchBar) -> None:
    changed = recorder(bar.query_changed)
    qtbot.keyClicks(bar.line_edit, "rutte")  # five key events before the window looks again
    assert changed == []
    assert bar.is_pending()
    qtbot.waitUntil(lambda: changed == ["rutte"], timeout=1000)
    no_query_pending(qtbot, bar)
    assert changed == ["rutte"]


def test_each_key_typed_at_a_human_pace_searches_at_once(qtbot, bar: SearchBar) -> None:
    changed = recorder(bar.query_changed)
    for expected in ("r", "ru", "rut"):
        qtbot.keyClick(bar.line_edit, expected[-1])
        qtbot.waitUntil(lambda expected=expected: changed[-1:] == [expected], timeout=1000)
    assert changed == ["r", "ru", "rut"]


def test_enter_submits_at_once_and_only_once(qtbot, bar: SearchBar) -> None:
    changed = recorder(bar.query_changed)
    submitted = recorder(bar.query_submitted)
    qtbot.keyClicks(bar.line_edit, "navo")
    qtbot.keyClick(bar.line_edit, Qt.Key.Key_Return)
    assert submitted == ["navo"]
    no_query_pending(qtbot, bar)
    assert changed == []  # the submitted query is not searched a second time
    assert bar.history() == ["navo"]


def test_escape_clears_and_announces_the_empty_query(qtbot, bar: SearchBar) -> None:
    changed = recorder(bar.query_changed)
    bar.set_query("brexit")
    bar.show_error("A phrase is not closed")
    qtbot.keyClick(bar.line_edit, Qt.Key.Key_Escape)
    assert bar.query() == ""
    assert changed == [""]
    assert not bar.error_label.isVisible()


def test_escape_on_an_empty_box_does_not_search_again(qtbot, bar: SearchBar) -> None:
    changed = recorder(bar.query_changed)
    qtbot.keyClick(bar.line_edit, Qt.Key.Key_Escape)
    assert changed == []


def test_down_asks_to_move_to_the_results(qtbot, bar: SearchBar) -> None:
    with qtbot.waitSignal(bar.move_down, timeout=500):
        qtbot.keyClick(bar.line_edit, Qt.Key.Key_Down)


def test_set_query_is_silent(qtbot, bar: SearchBar) -> None:
    changed = recorder(bar.query_changed)
    bar.set_query("restored query")
    no_query_pending(qtbot, bar)
    assert changed == [] and bar.query() == "restored query"


def test_placeholder_shows_library_size(bar: SearchBar) -> None:
    bar.set_library_size(1234)
    placeholder = bar.line_edit.placeholderText()
    assert QLocale().toString(1234) in placeholder
    assert placeholder.startswith("Search") and placeholder.endswith("documents…")


def test_inline_error_shows_and_clears_without_dialogs(bar: SearchBar) -> None:
    assert not bar.error_label.isVisible()
    bar.show_error("A '(' is not closed: add the missing ')'.")
    assert bar.error_label.isVisible()
    assert bar.error_text() == "A '(' is not closed: add the missing ')'."
    bar.clear_error()
    assert not bar.error_label.isVisible() and bar.error_text() == ""


def test_focus_search_focuses_and_selects_all(qtbot, bar: SearchBar) -> None:
    bar.set_query("kabinet")
    bar.activateWindow()
    bar.focus_search()
    qtbot.waitUntil(bar.line_edit.hasFocus, timeout=1000)
    assert bar.line_edit.selectedText() == "kabinet"


@pytest.mark.parametrize(
    ("start", "remembered", "expected"),
    [
        ([], ["a", "b", "c"], ["c", "b", "a"]),  # most recent first
        (["a", "b"], ["b"], ["b", "a"]),  # a repeat moves up, never twice
        (["a", "b"], ["a"], ["a", "b"]),
        (["a"], ["  ", ""], ["a"]),  # blanks are not history
        (["a"], [" b "], ["b", "a"]),
    ],
)
def test_history_order_and_dedup(
    bar: SearchBar, start: list[str], remembered: list[str], expected: list[str]
) -> None:
    bar.set_history(start)
    for query in remembered:
        bar.remember(query)
    assert bar.history() == expected


def test_history_is_capped_and_announced(qtbot, bar: SearchBar) -> None:
    bar.set_history([f"q{n}" for n in range(MAX_HISTORY + 10)])
    assert len(bar.history()) == MAX_HISTORY
    with qtbot.waitSignal(bar.history_changed) as blocker:
        bar.remember("newest")
    assert blocker.args[0][0] == "newest"
    assert len(bar.history()) == MAX_HISTORY


def test_history_feeds_the_completer(bar: SearchBar) -> None:
    bar.set_history(["klimaatakkoord", "brexit"])
    completer = bar.completer
    completer.setCompletionPrefix("klim")
    assert completer.currentCompletion() == "klimaatakkoord"


def test_choosing_a_recent_search_from_the_menu_submits_it(qtbot, bar: SearchBar) -> None:
    bar.set_history(["brexit", "navo"])
    bar._history_menu.aboutToShow.emit()
    actions = [a for a in bar._history_menu.actions() if a.text() == "navo"]
    with qtbot.waitSignal(bar.query_submitted) as blocker:
        actions[0].trigger()
    assert blocker.args == ["navo"]
    assert bar.query() == "navo"
    assert bar.history() == ["navo", "brexit"]


def test_picking_from_the_completer_popup_submits_that_search_once(qtbot, bar: SearchBar) -> None:
    bar.set_history(["klimaat", "klimaatakkoord", "brexit"])
    submitted = recorder(bar.query_submitted)
    bar.line_edit.setFocus()
    qtbot.keyClicks(bar.line_edit, "kl")
    popup = bar.completer.popup()
    assert not popup.isVisible()  # typing never opens it: Down goes to the results
    qtbot.keyClick(bar.line_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert popup.isVisible()
    # Keys go to the open popup, as they do for a real user.
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=1000)
    assert submitted == ["klimaatakkoord"]
    assert bar.query() == "klimaatakkoord"

    bar.line_edit.clear()
    qtbot.keyClicks(bar.line_edit, "br")
    qtbot.keyClick(bar.line_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    row = popup.visualRect(popup.model().index(0, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=row.center())
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=1000)
    assert submitted == ["klimaatakkoord", "brexit"]
