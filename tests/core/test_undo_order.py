"""One Ctrl+Z for deleted bookmarks and entity corrections: the newest first, whichever kind."""

from __future__ import annotations

from briefing_app.ui.undo_order import BOOKMARK, CORRECTION, UndoOrder


def test_the_newest_is_taken_back_first_whatever_its_kind() -> None:
    order = UndoOrder()
    assert not order and order.next() is None
    order.push(BOOKMARK)
    order.push(CORRECTION)
    assert order and order.next() == CORRECTION
    order.take(CORRECTION)
    assert order.next() == BOOKMARK
    order.take(BOOKMARK)
    assert not order


def test_taking_a_kind_back_removes_its_newest_only() -> None:
    order = UndoOrder()
    for kind in (BOOKMARK, CORRECTION, BOOKMARK, CORRECTION):
        order.push(kind)
    order.take(BOOKMARK)  # the Undo delete button: the newest deletion, not the correction
    assert order.next() == CORRECTION
    order.take(CORRECTION)
    assert order.next() == CORRECTION  # the older correction; the older deletion under it
    order.take(CORRECTION)
    assert order.next() == BOOKMARK
    order.take(CORRECTION)  # none left of that kind: nothing changes
    assert order.next() == BOOKMARK


def test_a_kind_with_nothing_left_to_undo_is_forgotten() -> None:
    order = UndoOrder()
    for kind in (CORRECTION, BOOKMARK, CORRECTION):
        order.push(kind)
    order.forget(CORRECTION)  # its workflow's undo list is empty (say, after a re-open)
    assert order.next() == BOOKMARK
    order.take(BOOKMARK)
    assert not order
