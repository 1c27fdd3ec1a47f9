"""The results list as the user sees it: painted rows, steady heights, keyboard, lazy pages."""

from __future__ import annotations

import os
from collections import Counter

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from briefing_app.search.types import SearchHit, SearchResults
from briefing_app.ui.models import ResultsModel
from briefing_app.ui.result_delegate import (
    HIGHLIGHT_BACKGROUND,
    SNIPPET_LINES,
    ResultDelegate,
    ResultsView,
    SnippetLayout,
    parse_snippet,
    snippet_plain_text,
)

LONG_SNIPPET = " ".join(
    ["Het <mark>kabinet</mark> heeft vandaag besloten &amp; aangekondigd dat"] * 30
)


def make_hit(n: int, snippet: str = LONG_SNIPPET) -> SearchHit:
    return SearchHit(
        id=f"doc{n}",
        path=f"/library/doc{n}.md",
        title=f"Minister-president Rutte over de begroting, deel {n} " * (3 if n == 1 else 1),
        date="2018-09" if n % 2 else None,
        language="nl",
        score=1.0,
        snippet=snippet,
        source="Rijksoverheid",
    )


@pytest.fixture
def view(qtbot) -> ResultsView:
    widget = ResultsView()
    model = ResultsModel(widget)
    widget.setModel(model)
    model.reset_results(
        SearchResults("kabinet", total=200, took_ms=1, hits=[make_hit(n) for n in range(20)])
    )
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_view_is_named_for_automation(view: ResultsView) -> None:
    assert view.objectName() == "resultsView"
    assert view.accessibleName()


@pytest.mark.parametrize("point_size", [8, 11, 20])
def test_row_height_is_positive_and_the_same_for_every_row(point_size: int) -> None:
    delegate = ResultDelegate()
    model = ResultsModel()
    model.reset_results(
        SearchResults("k", 2, 1, [make_hit(0), make_hit(1, snippet="kort <mark>k</mark>")])
    )
    option = QStyleOptionViewItem()
    font = QFont()
    font.setPointSize(point_size)
    option.font = font
    sizes = {delegate.sizeHint(option, model.index(row, 0)).height() for row in range(2)}
    assert len(sizes) == 1
    [height] = sizes
    # Title, meta line and the snippet lines all fit.
    assert height >= (2 + SNIPPET_LINES) * point_size


def test_rows_grow_with_the_font() -> None:
    delegate = ResultDelegate()
    model = ResultsModel()
    model.reset_results(SearchResults("k", 1, 1, [make_hit(0)]))
    small, large = QStyleOptionViewItem(), QStyleOptionViewItem()
    small.font = QFont(QFont().family(), 9)
    large.font = QFont(QFont().family(), 18)
    index = model.index(0, 0)
    assert delegate.sizeHint(large, index).height() > delegate.sizeHint(small, index).height()


def test_painting_shows_the_highlighted_words(view: ResultsView) -> None:
    view.setCurrentIndex(view.model().index(1, 0))  # a selected row is painted too
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert not image.isNull()
    target = QColor(HIGHLIGHT_BACKGROUND)
    highlighted = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if QColor(image.pixel(x, y)) == target
    )
    assert highlighted > 20  # the <mark> words have the highlight background


def test_painting_copes_with_empty_and_odd_rows(qtbot) -> None:
    view = ResultsView()
    qtbot.addWidget(view)
    model = ResultsModel(view)
    view.setModel(model)
    odd = SearchHit("x", "/x", "", None, "en", 0.0, "")
    tiny = SearchHit("y", "/y", "T", "2018", "en", 0.0, "<mark>&lt;b&gt;</mark>")
    model.reset_results(SearchResults("", 2, 1, [odd, tiny]))
    for width in (420, 8):
        view.resize(width, 300)
        view.show()
        assert not view.viewport().grab().isNull()


@pytest.mark.parametrize("width", [300, 120, 40])
def test_long_snippet_is_cut_to_a_few_lines_with_an_ellipsis(width: int) -> None:
    laid_out = SnippetLayout(LONG_SNIPPET, width, QFont(), SNIPPET_LINES)
    assert laid_out.line_count() == SNIPPET_LINES
    assert laid_out.text().endswith("…")
    assert snippet_plain_text(LONG_SNIPPET).startswith(laid_out.text()[:-1])
    for number in range(laid_out.line_count()):
        assert laid_out.layout.lineAt(number).naturalTextWidth() <= width


def test_short_snippet_is_shown_whole() -> None:
    laid_out = SnippetLayout("een <mark>kort</mark>  stuk\ntekst", 300, QFont(), SNIPPET_LINES)
    assert laid_out.text() == "een kort stuk tekst"
    assert laid_out.line_count() == 1


def test_snippet_keeps_marks_and_escapes() -> None:
    assert snippet_plain_text("a <mark>b</mark> &amp; c") == "a b & c"
    assert parse_snippet("a <mark>b&amp;c</mark> d <mark>e</mark>") == (
        "a b&c d e",
        [(2, 3), (8, 1)],
    )
    assert parse_snippet("<mark></mark>x") == ("x", [])


def test_selected_rows_use_the_palette_highlight(view: ResultsView) -> None:
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#123456"))
    view.setPalette(palette)
    view.setFocus()
    view.select_row(0)
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    rect = view.visualRect(view.model().index(0, 0))
    assert rect.right() < image.width()  # rows fit the viewport, no sideways scrolling
    row_colours = Counter(
        QColor(image.pixel(x, y)).name()
        for y in range(rect.top() + 1, rect.bottom(), 3)
        for x in range(rect.left() + 1, rect.right(), 3)
    )
    background = QColor(row_colours.most_common(1)[0][0])
    # The style may shade the highlight a little; it must still be the palette's colour.
    assert abs(background.red() - 0x12) + abs(background.green() - 0x34) < 8
    assert abs(background.blue() - 0x56) < 8


def test_enter_and_double_click_open_the_document(qtbot, view: ResultsView) -> None:
    view.setFocus()
    view.select_row(2)
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == ["doc2"]
    rect = view.visualRect(view.model().index(3, 0))
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == ["doc3"]


def test_arrow_keys_move_between_results(qtbot, view: ResultsView) -> None:
    assert view.focus_first_result()
    assert view.current_id() == "doc0"
    with qtbot.waitSignal(view.current_changed) as changed:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert changed.args == ["doc1"]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    with qtbot.waitSignal(view.move_up_from_top):
        qtbot.keyClick(view, Qt.Key.Key_Up)  # Up on the first row goes back to the search box


def test_scrolling_to_the_end_asks_for_the_next_page(qtbot, view: ResultsView) -> None:
    model = view.model()
    assert isinstance(model, ResultsModel)
    with qtbot.waitSignal(model.more_wanted, timeout=2000) as wanted:
        view.scrollToBottom()
    assert wanted.args == [20]
    model.append_hits([make_hit(n) for n in range(20, 40)])
    assert model.rowCount() == 40


def test_empty_model_has_nothing_to_focus(qtbot) -> None:
    view = ResultsView()
    qtbot.addWidget(view)
    view.setModel(ResultsModel(view))
    assert not view.focus_first_result()
    assert view.current_id() == ""
    assert not view.select_row(0)
    assert view.model().rowCount(QModelIndex()) == 0
