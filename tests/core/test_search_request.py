"""What the window searches: the word being typed as a prefix, the filters and dates (no Qt)."""

from __future__ import annotations

import pytest

from briefing_app.search import SearchRequest, SortOrder
from briefing_app.ui.search_request import as_you_type, search_request


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("terr", "terr*"),  # the word being typed is a prefix
        ("terr ", "terr "),  # a space ends it
        ("t", ""),  # a first letter alone is not searched yet
        ("mali t", "mali "),
        ("mali AND t", "mali AND t*"),  # ... unless the query would not parse without it
        ("terrorisme AND", "terrorisme AND"),  # operators stay operators
        ("title:ter", "title:ter*"),
        ('"open phra', '"open phra'),  # inside a phrase: as typed
        ("minister-pres", "minister-pres"),
        ("(a OR b)", "(a OR b)"),
        ("", ""),
    ],
)
def test_the_word_being_typed_is_searched_as_a_prefix(typed: str, searched: str) -> None:
    assert as_you_type(typed) == searched


def _request(typed: str, typing: bool = False, **fields: object) -> SearchRequest:
    arguments: dict = {
        "typing": typing,
        "filters": [],
        "dates": (None, None),
        "sort": "relevance",
        "literal": False,
        "limit": 25,
    }
    return search_request(typed, **{**arguments, **fields})


def test_a_query_being_typed_searches_its_last_word_as_a_prefix_without_suggestions() -> None:
    typing = _request("terr", typing=True)
    assert (typing.query, typing.suggest) == ("terr*", False)
    finished = _request("terr ", typing=True)
    assert (finished.query, finished.suggest) == ("terr ", True)
    submitted = _request("terr")
    assert (submitted.query, submitted.suggest) == ("terr", True)


def test_the_filter_bar_s_choices_go_into_the_request() -> None:
    filters = [
        ("person", "Mark Rutte", "Mark Rutte"),
        ("country", "JO", "Jordanië"),
        ("org", "NAVO", "NATO"),
        ("country", "NL", "Nederland"),
    ]
    request = _request(
        "", filters=filters, dates=("2018-01", "2018-06"), sort="date", literal=True, limit=10
    )
    assert request.people == ("Mark Rutte",)
    assert request.countries == ("JO", "NL")
    assert request.organizations == ("NAVO",)
    assert (request.date_from, request.date_to) == ("2018-01", "2018-06")
    assert request.sort == SortOrder.DATE
    assert request.literal and request.facets and request.limit == 10
