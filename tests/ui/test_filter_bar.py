"""Filter chips, sort order and date range as the user changes them."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCalendarWidget, QToolButton

from briefing_app.ui.filter_bar import FilterBar, MonthEdit


@pytest.fixture
def bar(qtbot) -> FilterBar:
    widget = FilterBar()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def count_changes(bar: FilterBar) -> list[int]:
    changes: list[int] = []
    bar.filters_changed.connect(lambda: changes.append(1))
    return changes


def test_adding_chips_lists_filters_without_duplicates(bar: FilterBar) -> None:
    changes = count_changes(bar)
    assert bar.add_filter("person", "rutte", "Rutte")
    assert bar.add_filter("country", "FR", "Frankrijk")
    assert not bar.add_filter("person", "rutte", "Rutte")  # already there
    assert bar.filters() == [("person", "rutte", "Rutte"), ("country", "FR", "Frankrijk")]
    assert len(changes) == 2
    assert [chip.label for chip in bar.chips()] == ["Rutte", "Frankrijk"]


def test_unknown_kind_is_refused(bar: FilterBar) -> None:
    with pytest.raises(ValueError):
        bar.add_filter("planet", "mars", "Mars")


def test_remove_filter_and_clear(bar: FilterBar) -> None:
    bar.add_filter("person", "rutte", "Rutte")
    bar.add_filter("org", "navo", "NAVO")
    changes = count_changes(bar)
    assert bar.remove_filter("person", "rutte")
    assert not bar.remove_filter("person", "rutte")
    assert bar.filters() == [("org", "navo", "NAVO")]
    bar.clear_filters()
    assert bar.filters() == [] and bar.chips() == []
    assert len(changes) == 2


def test_chip_x_button_removes_it(qtbot, bar: FilterBar) -> None:
    bar.add_filter("person", "rutte", "Rutte")
    buttons = [
        b for b in bar.findChildren(QToolButton) if b.accessibleName() == "Remove filter Rutte"
    ]
    assert len(buttons) == 1
    with qtbot.waitSignal(bar.filters_changed):
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert bar.filters() == []


@pytest.mark.parametrize(("index", "key"), [(1, "date"), (0, "relevance")])
def test_sort_combo(qtbot, bar: FilterBar, index: int, key: str) -> None:
    if index == 0:
        bar.set_sort("date")
    with qtbot.waitSignal(bar.sort_changed) as sorted_by, qtbot.waitSignal(bar.filters_changed):
        bar.sort_combo.setCurrentIndex(index)
    assert sorted_by.args == [key]
    assert bar.sort() == key


def test_sort_defaults_to_relevance(bar: FilterBar) -> None:
    assert bar.sort() == "relevance"
    assert [bar.sort_combo.itemText(i) for i in range(bar.sort_combo.count())] == [
        "Relevance",
        "Newest first",
        "Oldest first",
        "Title",
    ]


def test_date_range_is_off_until_toggled(qtbot, bar: FilterBar) -> None:
    assert bar.date_range() == (None, None)
    assert not bar.date_from.isEnabled()
    bar.date_from.set_month("2018-02")
    bar.date_to.set_month("2018-06")
    with qtbot.waitSignal(bar.filters_changed):
        bar.date_toggle.setChecked(True)
    assert bar.date_range() == ("2018-02", "2018-06")
    assert bar.date_from.isEnabled()
    assert [chip.label for chip in bar.chips()] == ["2018-02 – 2018-06"]
    assert bar.filters() == []  # entity filters only; dates come from date_range()


def test_editing_a_month_updates_range_and_chip(qtbot, bar: FilterBar) -> None:
    bar.set_date_range("2018-01", "2018-03")
    with qtbot.waitSignal(bar.filters_changed):
        type_month(qtbot, bar.date_to, "2018-12")
    assert bar.date_range() == ("2018-01", "2018-12")
    assert bar.chips()[-1].label == "2018-01 – 2018-12"


def test_range_never_runs_backwards(qtbot, bar: FilterBar) -> None:
    bar.set_date_range("2018-05", "2018-06")
    type_month(qtbot, bar.date_from, "2019-01")
    assert bar.date_range() == ("2019-01", "2019-01")
    assert bar.chips()[-1].label == "2019-01"


def test_removing_the_date_chip_turns_the_range_off(qtbot, bar: FilterBar) -> None:
    bar.set_date_range("2018-01", "2018-03")
    bar.add_filter("person", "rutte", "Rutte")
    date_chip = bar.chips()[-1]
    with qtbot.waitSignal(bar.filters_changed):
        qtbot.mouseClick(date_chip.remove_button, Qt.MouseButton.LeftButton)
    assert bar.date_range() == (None, None)
    assert not bar.date_toggle.isChecked()
    assert [chip.label for chip in bar.chips()] == ["Rutte"]


def test_clear_filters_also_clears_dates_with_one_signal(bar: FilterBar) -> None:
    bar.set_date_range("2018-01", "2018-03")
    bar.add_filter("org", "navo", "NAVO")
    changes = count_changes(bar)
    bar.clear_filters()
    assert bar.date_range() == (None, None) and bar.chips() == []
    assert len(changes) == 1


def test_set_date_range_none_turns_it_off(bar: FilterBar) -> None:
    bar.set_date_range("2018-01", None)
    assert bar.date_range()[0] == "2018-01"
    bar.set_date_range(None, None)
    assert bar.date_range() == (None, None)


def type_month(qtbot, edit: MonthEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_a_typed_year_or_month_is_a_month_field_without_a_calendar(qtbot, bar: FilterBar) -> None:
    bar.set_date_range("2018-01", "2018-03")
    with qtbot.waitSignal(bar.filters_changed):
        type_month(qtbot, bar.date_from, "2017")
    assert bar.date_range() == ("2017-01", "2018-03")
    with qtbot.waitSignal(bar.filters_changed):
        type_month(qtbot, bar.date_to, "2017")
    assert bar.date_range() == ("2017-01", "2017-12")
    type_month(qtbot, bar.date_to, "2017-03")
    assert bar.date_range() == ("2017-01", "2017-03")
    assert bar.date_to.text() == "2017-03"
    type_month(qtbot, bar.date_to, "soon")  # not a month: the field keeps its month
    assert bar.date_range() == ("2017-01", "2017-03")
    qtbot.keyClick(bar.date_to, Qt.Key.Key_Up)
    assert bar.date_range() == ("2017-01", "2017-04")
    assert not bar.findChildren(QCalendarWidget)  # a month field, no day calendar


def test_the_range_starts_as_the_library_s_span(qtbot, bar: FilterBar) -> None:
    bar.set_date_span("2016-04", "2022-07")
    with qtbot.waitSignal(bar.filters_changed):
        bar.date_toggle.setChecked(True)
    assert bar.date_range() == ("2016-04", "2022-07")
    bar.set_date_span("2015-01", "2023-01")  # the user's range stays
    assert bar.date_range() == ("2016-04", "2022-07")
