"""The date range's month fields, without Qt: what a typed month means ("2017" is January
in the From field, December in the To field; "2017-03", "2017-3", "3/2017"), stepping a
month, and a library's span as the default range."""

from __future__ import annotations

import re

_YEAR_MONTH = re.compile(r"(\d{4})(?:\s*[-/.]\s*(\d{1,2}))?")
_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{4})")


def parse_month(text: str, *, end: bool = False) -> str | None:
    """The month ("YYYY-MM") a field's text stands for; a year alone is its first month
    (its last with `end`); None when the text is no month."""
    text = text.strip()
    if match := _YEAR_MONTH.fullmatch(text):
        year, month = int(match[1]), match[2]
    elif match := _MONTH_YEAR.fullmatch(text):
        year, month = int(match[2]), match[1]
    else:
        return None
    number = int(month) if month else (12 if end else 1)
    if not 1 <= number <= 12 or year < 1000:
        return None
    return f"{year:04d}-{number:02d}"


def step_month(month: str, delta: int) -> str:
    """The month `delta` months after "YYYY-MM"."""
    year, number = int(month[:4]), int(month[5:7])
    index = year * 12 + number - 1 + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_of(date: str | None) -> str | None:
    """ "YYYY-MM" of a document date ("YYYY-MM" or "YYYY-MM-DD"), None without one."""
    return parse_month(date[:7]) if date and len(date) >= 7 else None
