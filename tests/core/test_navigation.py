"""Back and forward through the documents read (no Qt)."""

from __future__ import annotations

from briefing_app.ui.navigation import NO_HIT, HistoryEntry, NavigationHistory


def _history(*doc_ids: str) -> NavigationHistory:
    history = NavigationHistory()
    for doc_id in doc_ids:
        history.push(doc_id)
    return history


def test_an_empty_history_goes_nowhere() -> None:
    history = NavigationHistory()
    assert history.current is None
    assert not history.can_go_back() and not history.can_go_forward()
    assert history.back() is None and history.forward() is None


def test_back_and_forward_walk_the_documents_opened() -> None:
    history = _history("a", "b", "c")
    assert history.can_go_back() and not history.can_go_forward()
    assert history.back() == HistoryEntry("b")
    assert history.back() == HistoryEntry("a")
    assert history.back() is None and history.current == HistoryEntry("a")
    assert history.forward() == HistoryEntry("b")
    assert history.can_go_forward()


def test_opening_a_document_drops_the_entries_ahead() -> None:
    history = _history("a", "b", "c")
    history.back()
    history.back()
    history.push("d")
    assert not history.can_go_forward()
    assert [history.back(), history.back()] == [HistoryEntry("a"), None]


def test_the_same_document_again_is_not_a_new_entry() -> None:
    history = _history("a", "b", "b")
    assert history.back() == HistoryEntry("a")
    assert not history.can_go_back()


def test_each_entry_keeps_the_hit_it_was_left_at() -> None:
    history = _history("a", "b")
    history.remember_hit("b", 4)
    history.back()
    history.remember_hit("a", 2)
    assert history.forward() == HistoryEntry("b", 4)
    assert history.back() == HistoryEntry("a", 2)
    assert HistoryEntry("c").hit == NO_HIT


def test_a_hit_in_another_document_than_the_current_entry_s_is_not_kept() -> None:
    # The reader still shows the previous document while the new one opens.
    history = _history("a", "b")
    history.remember_hit("a", 7)
    history.remember_hit(None, 3)
    assert history.current == HistoryEntry("b", NO_HIT)
