"""The date range's month fields: typed years and months (issue 19, bug 12)."""

from __future__ import annotations

import pytest

from briefing_app.ui.month_range import month_of, parse_month, step_month


@pytest.mark.parametrize(
    ("text", "end", "month"),
    [
        ("2017", False, "2017-01"),
        ("2017", True, "2017-12"),
        ("2017-03", False, "2017-03"),
        (" 2017-3 ", True, "2017-03"),
        ("3/2017", False, "2017-03"),
        ("2017-13", False, None),
        ("17", False, None),
        ("", False, None),
        ("maart", False, None),
    ],
)
def test_a_typed_year_or_month(text: str, end: bool, month: str | None) -> None:
    assert parse_month(text, end=end) == month


def test_stepping_and_document_dates() -> None:
    assert step_month("2017-12", 1) == "2018-01"
    assert step_month("2017-01", -1) == "2016-12"
    assert month_of("2019-03-14") == "2019-03"
    assert month_of(None) is None
