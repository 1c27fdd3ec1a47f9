"""What the window searches: the query in the box as typed so far, with the filter bar's
entity filters, dates and sort, as one SearchRequest (no Qt in here)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing_app.search import SearchRequest, SortOrder

# While typing, the word being typed is searched as a prefix ("terr" finds "terrorisme").
# A first letter alone is not searched yet: as a prefix it stands for too many words to be
# quick, as a word it finds nothing and the list would flash empty.
PREFIX_FROM_CHARS = 2
_OPERATORS = frozenset({"AND", "OR", "NOT"})
# The last word of a query, when nothing but a space, "(" or a field's ":" comes before it.
_LAST_WORD = re.compile(r"(?:^|(?<=[\s(:]))[^\W_]\w*$")
# What a query must not end with once a word is left off: it would not parse.
_DANGLING = re.compile(r"(?:\b(?:AND|OR|NOT)|[(:])\s*$")


def as_you_type(query: str) -> str:
    """The query searched while it is being typed: its last word, unfinished (no space after
    it yet), as a prefix ("terr" -> "terr*"); a first letter alone is left off ("mali t" ->
    "mali "). Not inside an open phrase, nor for an operator or a word with a "-" or an
    apostrophe in it."""
    if not query or query[-1].isspace() or query.count('"') % 2:
        return query
    match = _LAST_WORD.search(query)
    if match is None:
        return query
    word = match.group(0)
    if word in _OPERATORS:
        return query
    rest = query[: match.start()]
    if len(word) < PREFIX_FROM_CHARS and not _DANGLING.search(rest):
        return rest
    return query + "*"


def search_request(
    typed: str,
    *,
    typing: bool,
    filters: Iterable[tuple[str, str, str]],
    dates: tuple[str | None, str | None],
    sort: str,
    literal: bool,
    limit: int,
) -> SearchRequest:
    """The first page of results, with the result set's entity counts, for the query box
    holding `typed` (`typing`: being typed, so its last word may be unfinished) and the
    filter bar's entity filters (kind, key, label), date range and sort."""
    filters = list(filters)

    def keys(kind: str) -> tuple[str, ...]:
        return tuple(key for k, key, _label in filters if k == kind)

    # A spelling suggestion waits until the word is finished: a space, or Enter.
    unfinished = typing and bool(typed) and not typed[-1].isspace()
    return SearchRequest(
        query=as_you_type(typed) if typing else typed,
        suggest=not unfinished,
        limit=limit,
        date_from=dates[0],
        date_to=dates[1],
        sort=SortOrder(sort),
        people=keys("person"),
        countries=keys("country"),
        organizations=keys("org"),
        facets=True,
        literal=literal,
    )
