"""Dates written out in a document's text ("15 september 2020", "September 15, 2020",
"2020-09-15", "15-09-2020"), and metadata dates, as "YYYY-MM-DD"."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    # Dutch
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    # English (those not spelled as in Dutch)
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10,
    # Abbreviations
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = (
    rf"\b(?P<d1>[0-3]?\d)(?:e|st|nd|rd|th)?\s+(?P<m1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})\b"
)
_MONTH_DAY_YEAR = rf"\b(?P<m2>{_MONTH})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b"
_ISO = r"\b(?P<y3>\d{4})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)\b"
_NUMERIC = r"\b(?P<d4>[0-3]?\d)-(?P<m4>[01]?\d)-(?P<y4>\d{4})\b"
_DATE = re.compile(
    f"{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_ISO}|{_NUMERIC}",
    re.IGNORECASE,
)
# Words that say a date is the document's own: received (answers to parliamentary
# questions), dated, published, the place-and-date line of a letter.
_OWN_DATE_CUE = re.compile(
    r"(?:ontvangen|datum|gedateerd|gepubliceerd|publicatiedatum|date|dated|published|"
    r"den haag|’s-gravenhage|'s-gravenhage|brussel|brussels|london|londen)[\s:,]*$",
    re.IGNORECASE,
)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _iso(year: str, month: int, day: str) -> str | None:
    try:
        return dt.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, str]]:
    """(offset, "YYYY-MM-DD") for every real calendar date written in `text`."""
    found = []
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        if groups["d1"]:
            iso = _iso(groups["y1"], _MONTHS[groups["m1"].lower()], groups["d1"])
        elif groups["m2"]:
            iso = _iso(groups["y2"], _MONTHS[groups["m2"].lower()], groups["d2"])
        elif groups["y3"]:
            iso = _iso(groups["y3"], int(groups["m3"]), groups["d3"])
        else:
            iso = _iso(groups["y4"], int(groups["m4"]), groups["d4"])
        if iso is not None and 1900 <= int(iso[:4]) <= 2100:
            found.append((match.start(), iso))
    return found


def own_date(text: str) -> str | None:
    """The date a text gives as its own: one after a cue ("ontvangen 12 augustus 2024",
    "Datum: 15 september 2020", "Den Haag, 3 mei 2021"), else None."""
    for offset, iso in find_dates(text):
        if _OWN_DATE_CUE.search(text[max(0, offset - 30) : offset]):
            return iso
    return None


def first_date(text: str) -> str | None:
    dates = find_dates(text)
    return dates[0][1] if dates else None


def metadata_date(value: object) -> str | None:
    """A date from document metadata: a datetime, "D:20240812..." (PDF) or ISO text."""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str):
        return None
    value = value.strip()
    iso_match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if iso_match:
        iso = _iso(iso_match.group(1), int(iso_match.group(2)), iso_match.group(3))
        return iso if iso and 1900 <= int(iso[:4]) <= 2100 else None
    match = _PDF_DATE.match(value)
    if match is None or not match.group(2):
        return None
    year, month, day = match.group(1), int(match.group(2)), match.group(3) or "01"
    if not 1900 <= int(year) <= 2100:
        return None
    iso = _iso(year, month, day)
    return iso if match.group(3) else (iso[:7] if iso else None)
