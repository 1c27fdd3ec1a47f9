"""Plain data that crosses the search package's boundary (no whoosh types leak out)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SortOrder(StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"  # newest first; documents without a date last
    OLDEST = "oldest"  # oldest first; documents without a date last
    TITLE = "title"  # by title, A to Z (case and accents ignored)


class SearchError(Exception):
    """Base class of the search package's errors; the message is for the user."""


class QuerySyntaxError(SearchError):
    """A query the user can fix; `message` says how."""


class IndexBusyError(SearchError):
    """Another writer holds the index lock longer than our timeout."""


class IndexCorruptError(SearchError):
    """The index cannot be read; it is a cache, so the caller rebuilds it."""


@dataclass(frozen=True)
class IndexRecord:
    """Everything the index keeps about one document."""

    id: str
    path: str
    title: str
    body: str  # searchable plain text (no page furniture)
    language: str
    date: str | None = None  # "YYYY-MM" or "YYYY-MM-DD"
    kind: str = "plain"
    source: str | None = None
    tags: tuple[str, ...] = ()
    content_hash: str = ""
    # Entity facets: display names (canonical) and the extra terms a filter may use (aliases).
    people: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2 codes
    organizations: tuple[str, ...] = ()
    entity_aliases: tuple[str, ...] = ()  # "person:Blok", "org:NAVO" — matched by filters too
    # Paginated sources: where each page starts in `body`, page 1 first (empty: no pages).
    page_starts: tuple[int, ...] = ()


@dataclass(frozen=True)
class SearchRequest:
    query: str = ""
    limit: int = 20
    offset: int = 0
    date_from: str | None = None  # "YYYY-MM" or "YYYY-MM-DD", inclusive
    date_to: str | None = None
    sort: SortOrder = SortOrder.RELEVANCE
    # Entity filters: each must match (AND); a filter given as a tuple matches any of its
    # alternatives ("Mark Rutte" or "Rutte").
    people: tuple[str | tuple[str, ...], ...] = ()
    countries: tuple[str | tuple[str, ...], ...] = ()
    organizations: tuple[str | tuple[str, ...], ...] = ()
    snippets: bool = True
    facets: bool = False
    facet_limit: int = 20  # values per facet, the commonest; 0: every value
    suggest: bool = True
    # False: only the hits are wanted (a further page of results). The search then stops at
    # offset + limit matches instead of visiting them all, and `total` is only a lower bound.
    count: bool = True
    # True: search the words as typed. False: the library also searches the other names of the
    # entities the query names ("EU" -> "Europese Unie", "European Union").
    literal: bool = False
    # Near duplicates (documents whose text is nearly the same) show as one hit, the best
    # ranked, whose `similar` lists the others; False shows every document.
    collapse: bool = True


@dataclass
class SearchHit:
    id: str
    path: str
    title: str
    date: str | None
    language: str
    score: float
    snippet: str  # HTML-escaped text with matched words in <mark>…</mark>
    kind: str = "plain"
    source: str | None = None
    people: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    # Ids of the near duplicates this hit stands for (collapsed into it), best ranked first;
    # `similar_hits` the same documents as hits without snippets, for lists that show them.
    similar: list[str] = field(default_factory=list)
    similar_hits: list[SearchHit] = field(default_factory=list)
    # The page the snippet is on, for paginated sources (PDF); 0 when there are no pages.
    page: int = 0


@dataclass
class FacetCount:
    value: str
    count: int


@dataclass
class SearchResults:
    query: str
    total: int
    took_ms: float
    hits: list[SearchHit]
    suggestion: str | None = None
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    # Per facet, how many values the results have: more than `facets` lists when the list was
    # cut at `SearchRequest.facet_limit`.
    facet_totals: dict[str, int] = field(default_factory=dict)
    # Names the library searched for too: what was typed -> the other names ({"EU": [...]}).
    expanded: dict[str, list[str]] = field(default_factory=dict)
    # `total` counts results as shown: near duplicates collapsed into one. This counts the
    # matching documents (None: the same as `total`). Facet counts are over documents.
    total_documents: int | None = None

    @property
    def documents(self) -> int:
        """Matching documents, near duplicates each counted."""
        return self.total if self.total_documents is None else self.total_documents
