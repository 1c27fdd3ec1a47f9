"""Near duplicates in the results list: one row says "n similar" and opens up to show them."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from briefing_app.search.types import SearchHit, SearchResults
from briefing_app.ui.app import build_window
from briefing_app.ui.models import ResultRole, ResultsModel
from briefing_app.ui.result_delegate import ResultsView
from tests.core.test_duplicates import NOTICE, OTHER, SECOND_COPY
from tests.core.test_library import write

WAIT_MS = 30_000


def hit(doc_id: str, title: str, similar: list[SearchHit] | None = None) -> SearchHit:
    found = SearchHit(
        id=doc_id,
        path=f"/library/{doc_id}.txt",
        title=title,
        date="2019-03",
        language="nl",
        score=1.0,
        snippet="De <mark>gemeente</mark> sluit het Stationsplein",
    )
    found.similar_hits = list(similar or [])
    found.similar = [other.id for other in found.similar_hits]
    return found


def copy(doc_id: str) -> SearchHit:
    return SearchHit(
        doc_id, f"/library/{doc_id}.txt", "Stationsplein dicht", "2019-03", "nl", 0, ""
    )


@pytest.fixture
def view(qtbot) -> ResultsView:
    widget = ResultsView()
    model = ResultsModel(widget)
    widget.setModel(model)
    hits = [
        hit("notice", "Stationsplein dicht", [copy("copy1"), copy("copy2")]),
        hit("other", "Nieuwe fietsenstallingen"),
    ]
    model.reset_results(SearchResults("gemeente", 2, 1.0, hits, total_documents=4))
    qtbot.addWidget(widget)
    widget.resize(460, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def ids(view: ResultsView) -> list[str]:
    model = view.model()
    return [model.index(row, 0).data(ResultRole.IdRole) for row in range(model.rowCount())]


def test_a_click_on_n_similar_shows_them_below_and_a_second_hides_them(
    qtbot, view: ResultsView
) -> None:
    model = view.model()
    assert isinstance(model, ResultsModel)
    first = model.index(0, 0)
    delegate = view.itemDelegate()
    assert delegate.similar_label(first) == "▸ 2 similar"
    assert "2 similar" in first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert view.similar_rect(model.index(1, 0)).isEmpty()  # no near duplicates: no link

    view.grab()  # painting a collapsed row with its link
    target = view.similar_rect(first).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert ids(view) == ["notice", "copy1", "copy2", "other"]
    assert delegate.similar_label(model.index(0, 0)) == "▾ 2 similar"
    assert model.index(1, 0).data(ResultRole.SimilarOfRole) == "notice"
    assert model.loaded == 2  # pages go on counting hits, not the rows shown under one
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
    view.viewport().render(image)  # an indented similar row, with its path for a snippet

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert ids(view) == ["notice", "other"]


def test_right_shows_and_left_hides_the_similar_ones(qtbot, view: ResultsView) -> None:
    view.setFocus()
    view.select_row(0)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert ids(view) == ["notice", "copy1", "copy2", "other"]
    opened: list[str] = []
    view.open_requested.connect(opened.append)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened == ["copy1"]  # a similar document opens like any result
    qtbot.keyClick(view, Qt.Key.Key_Left)  # from a similar one: back to its hit, hidden
    assert ids(view) == ["notice", "other"] and view.current_id() == "notice"


def test_the_window_counts_and_expands_near_duplicates(qtbot, tmp_path: Path, settings) -> None:
    folder = tmp_path / "docs"
    write(folder, "stationsplein.txt", NOTICE)
    write(folder, "stationsplein-kopie.txt", SECOND_COPY)
    write(folder, "fietsenstallingen.txt", OTHER)
    window = build_window(tmp_path / "data", [folder], settings)
    qtbot.addWidget(window)
    window.show()
    window.service.start()
    try:
        qtbot.waitUntil(lambda: window.library_size() == 3, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=WAIT_MS)
        window.set_query("gemeente")
        qtbot.waitUntil(
            lambda: (
                window.results_model.query == "gemeente" and window.results_model.rowCount() == 2
            ),
            timeout=WAIT_MS,
        )
        assert window.count_label.text() == "2 documents + 1 similar"
        model, view = window.results_model, window.results_view
        row = next(r for r in range(2) if model.similar_count(r) == 1)
        qtbot.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.similar_rect(model.index(row, 0)).center(),
        )
        assert model.rowCount() == 3
        similar = model.hit_at(row + 1)
        assert similar is not None and similar.title == model.hit_at(row).title
        view.select_row(row + 1)
        qtbot.waitUntil(lambda: window.current_document_id() == similar.id, timeout=WAIT_MS)
        assert window.reader.view.toPlainText().count("Stationsplein") >= 1
    finally:
        window.close()


def test_the_same_results_again_keep_what_was_shown(view: ResultsView) -> None:
    model = view.model()
    assert isinstance(model, ResultsModel)
    model.set_expanded(0, True)
    hits = [hit("notice", "Stationsplein dicht", [copy("copy1"), copy("copy2")])]
    model.reset_results(SearchResults("gemeente", 1, 1.0, hits, total_documents=3))
    assert ids(view) == ["notice", "copy1", "copy2"]  # refreshed while an import commits
    model.reset_results(SearchResults("stationsplein", 1, 1.0, hits, total_documents=3))
    assert ids(view) == ["notice"]  # another query starts collapsed


def test_the_context_menu_shows_and_hides_them(view: ResultsView) -> None:
    model = view.model()
    menu = view.similar_menu(model.index(0, 0))
    assert menu is not None and [a.text() for a in menu.actions()] == ["Show 2 similar documents"]
    menu.actions()[0].trigger()
    assert ids(view) == ["notice", "copy1", "copy2", "other"]
    menu = view.similar_menu(model.index(2, 0))  # on one of them
    assert menu is not None and [a.text() for a in menu.actions()] == ["Hide similar documents"]
    menu.actions()[0].trigger()
    assert ids(view) == ["notice", "other"]
    assert view.similar_menu(model.index(1, 0)) is None  # nothing similar: no menu
